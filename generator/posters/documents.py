"""The documents of a poster run: each distinct one rendered once, in forked processes.

A document is keyed by its content: the SHA-256 of its HTML, or, when the HTML is made only in the
render process (``lazy``), of its template and context. Asking twice for the same content gives the
same key and one render; ``uses`` counts the asks, so a run can say how much was shared.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.posters.pool import forked_pool
from generator.posters.progress import Progress
from generator.posters.render import html_to_pdf_marked, render_html
from generator.posters.sheet import TEMPLATE_VERSION
from generator.posters.xobjects import RenderedPdf


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def lazy_key(template: str, **context: object) -> str:
    """The key of a document made from ``template`` and ``context`` (whose ``repr`` is its content)."""
    return digest(f"{TEMPLATE_VERSION}\n{template}\n{context!r}")


@dataclass(frozen=True)
class Job:
    """One distinct document to render. The HTML is made in the render process: a body's two QR
    codes cost about 25 ms to encode (segno evaluates all eight masks, as the QR standard asks),
    which serialised in the parent was a third of a 400-procedure run."""

    make: Callable[[], str]
    sheet: bool  # uses the shared sheet stylesheet
    weight: int  # rough cost, for longest-first scheduling
    marked: bool = False  # keep where its elements with an id lie (list pieces)


class Documents:
    """Every distinct document of a run: those still to render, and those rendered."""

    def __init__(self, posted: dt.date) -> None:
        self.posted = posted
        self.jobs: dict[str, Job] = {}  # still to render
        self.done: dict[str, RenderedPdf] = {}
        self.uses = 0
        self.rendered = 0

    def add(self, key: str, job: Job) -> str:
        self.uses += 1
        if key not in self.done:
            self.jobs.setdefault(key, job)
        return key

    def page(self, template: str, sheet: bool = True, **context: object) -> str:
        """A document whose HTML is made now (its key is the HTML's hash)."""
        html = render_html(template, self.posted, **context)
        return self.add(digest(html), Job(functools.partial(str, html), sheet, len(html)))

    def lazy(self, template: str, weight: int, **context: object) -> str:
        """A document keyed by its template and context, its HTML made in the render process; where
        its elements with an id lie is kept (``RenderedPdf.marks``)."""
        make = functools.partial(render_html, template, self.posted, **context)
        return self.add(lazy_key(template, **context), Job(make, True, weight, marked=True))

    def render(self, jobs: int, label: str | None) -> None:
        """Render every pending document in ``jobs`` processes, with a progress bar under ``label``."""
        self.rendered += len(self.jobs)
        self.done.update(_render_all(self.jobs, jobs, Progress(len(self.jobs), label) if label else None))
        self.jobs = {}


# The jobs, shared with forked render processes (closures are not picklable; fork needs no pickling).
_JOBS: list[Job] = []


def _render_in_worker(index: int) -> RenderedPdf:
    """Render one document and parse it for assembly, both in the worker process."""
    job = _JOBS[index]
    data, marks = html_to_pdf_marked(job.make(), job.sheet)
    return RenderedPdf.from_bytes(data, marks if job.marked else ())


def _render_all(jobs_by_key: dict[str, Job], jobs: int, progress: Progress | None) -> dict[str, RenderedPdf]:
    global _JOBS
    keys = sorted(jobs_by_key, key=lambda k: (-jobs_by_key[k].weight, k))  # longest first: workers finish together
    _JOBS = [jobs_by_key[k] for k in keys]
    done: dict[str, RenderedPdf] = {}
    try:
        if jobs > 1 and len(keys) > 1:
            with forked_pool(jobs) as pool:
                results: Iterable[RenderedPdf] = pool.map(_render_in_worker, range(len(keys)), chunksize=1)
                for key, pdf in zip(keys, results, strict=True):
                    done[key] = pdf
                    if progress:
                        progress.step()
        else:
            for i, key in enumerate(keys):
                done[key] = _render_in_worker(i)
                if progress:
                    progress.step()
    finally:
        _JOBS = []
    return done
