/* Header search backed by Pagefind's JS API (pagefind/pagefind.js, served by the site itself).
 * This file is fetched only when someone starts a search (partials/nm-search-loader.html), and
 * Pagefind on first focus, so pages stay light; queries are NFC-normalised (decomposed
 * Unicode input) and the index carries a diacritic-free copy of every title, so
 * "dang ky khai sinh", "DANG KY KET HON" and "đ"/"d" all find the procedure. Result titles are
 * inserted as text; excerpts are rebuilt keeping only <mark>, so no indexed text becomes markup.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-nm-search]");
  var meta = document.querySelector('meta[name="niemyet-pagefind"]');
  if (!root || !meta) return;
  var input = root.querySelector(".nm-search__input");
  var panel = root.querySelector(".nm-search__panel");
  var opener = root.querySelector(".nm-search__open");
  var closer = root.querySelector(".nm-search__close");
  var bundle = new URL(meta.content, location.href);
  var loading = null;
  var active = -1;
  var serial = 0;
  var RESULTS = 8; /* fragments fetched per query, and per "Xem thêm" (about 2 KB each) */

  function load() {
    if (!loading) {
      loading = import(bundle.href + "pagefind.js").then(function (pf) {
        return pf.options({
          baseUrl: new URL("../", bundle).pathname,
          ranking: { termFrequency: 0.4, pageLength: 0.3, termSaturation: 1.6, termSimilarity: 3.0 }
        }).then(function () { return pf; });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  /* Pagefind scores words, not titles: among its first results, put the page whose title is the
   * query first, then titles starting with it, then titles holding every word; ties keep
   * Pagefind's order (Array.prototype.sort is stable). */
  function titleRank(title, query) {
    var t = fold(title), q = fold(query);
    if (t === q) return 0;
    if (t.indexOf(q + " ") === 0) return 1;
    var words = q.split(" ");
    var have = " " + t + " ";
    return words.every(function (w) { return have.indexOf(" " + w + " ") >= 0; }) ? 2 : 3;
  }

  function rerank(results, query) {
    return results.map(function (r, i) { return { r: r, k: titleRank((r.meta && r.meta.title) || "", query), i: i }; })
      .sort(function (a, b) { return a.k - b.k || a.i - b.i; })
      .map(function (x) { return x.r; });
  }

  function safeExcerpt(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function resultItem(r) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = r.url;
    link.className = "nm-search__result";
    var title = document.createElement("span");
    title.className = "nm-search__title";
    title.textContent = (r.meta && r.meta.title) || r.url;
    var excerpt = document.createElement("span");
    excerpt.className = "nm-search__excerpt";
    if (r.meta && r.meta.summary) {
      excerpt.textContent = r.meta.summary; // code, field, online level: more use than the folded title copy
    } else {
      excerpt.appendChild(safeExcerpt(r.excerpt || ""));
    }
    link.appendChild(title);
    link.appendChild(excerpt);
    item.appendChild(link);
    return item;
  }

  function statusText(shown, total, query) {
    if (!total) return "Không tìm thấy kết quả cho “" + query + "”";
    return total + " kết quả" + (shown < total ? ", đang xem " + shown : "");
  }

  /* The first RESULTS results, then RESULTS more at each tap on "Xem thêm": every result is reachable,
   * and only the fragments shown are fetched. */
  function render(found, first, query) {
    panel.textContent = "";
    active = -1;
    if (!query) { panel.hidden = true; return; }
    var status = document.createElement("p");
    status.className = "nm-search__status";
    status.setAttribute("role", "status");
    panel.appendChild(status);
    var list = document.createElement("ol");
    list.className = "nm-search__results";
    panel.appendChild(list);
    var more = document.createElement("button");
    more.type = "button";
    more.className = "md-button nm-search__more";
    var shown = 0;
    var mine = serial;
    function show(results) {
      results.forEach(function (r) { list.appendChild(resultItem(r)); });
      shown += results.length;
      status.textContent = statusText(shown, found.length, query);
      var left = found.length - shown;
      more.textContent = "Xem thêm " + Math.min(RESULTS, left) + " kết quả";
      more.hidden = left <= 0;
    }
    more.addEventListener("click", function () {
      more.disabled = true;
      var next = list.children.length;
      Promise.all(found.slice(shown, shown + RESULTS).map(function (r) { return r.data(); })).then(function (data) {
        if (mine !== serial) return;
        more.disabled = false;
        show(data);
        var link = list.children[next] && list.children[next].querySelector("a");
        if (link) link.focus();
      });
    });
    panel.appendChild(more);
    show(first);
    panel.hidden = false;
  }

  function search() {
    var query = input.value.normalize("NFC").trim();
    var mine = ++serial;
    if (!query) { render([], [], ""); return; }
    load().then(function (pf) {
      return pf.debouncedSearch(query, {}, 120);
    }).then(function (found) {
      if (!found || mine !== serial) return;
      return Promise.all(found.results.slice(0, RESULTS).map(function (r) { return r.data(); })).then(function (data) {
        if (mine === serial) render(found.results, rerank(data, query), query);
      });
    });
  }

  function move(step) {
    var links = panel.querySelectorAll(".nm-search__result");
    if (!links.length) return;
    active = (active + step + links.length) % links.length;
    links[active].focus();
  }

  function open() {
    root.classList.add("nm-search--open");
    opener.setAttribute("aria-expanded", "true");
    input.focus();
  }

  function close() {
    root.classList.remove("nm-search--open");
    opener.setAttribute("aria-expanded", "false");
    panel.hidden = true;
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", search);
  opener.addEventListener("click", open);
  closer.addEventListener("click", function () { input.value = ""; close(); });
  root.querySelector("form").addEventListener("submit", function (e) {
    e.preventDefault();
    var first = panel.querySelector(".nm-search__result");
    if (first) location.href = first.href;
  });
  root.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Escape") { close(); input.blur(); }
  });
  document.addEventListener("click", function (e) {
    if (!root.contains(e.target)) panel.hidden = true;
  });
  document.addEventListener("keydown", function (e) {
    var typing = /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName);
    if (!typing && (e.key === "/" || e.key === "s")) { e.preventDefault(); open(); }
  });

  /* Loaded on demand by partials/nm-search-loader.html: finish what started the search. */
  root.nmOpen = open;
  if (root.getAttribute("data-nm-want") === "open") {
    root.removeAttribute("data-nm-want");
    open();
  }
  if (document.activeElement === input) {
    load();
    if (input.value) search();
  }
})();
