"""``niemyet posters --since REF|DATE``: only the sheets that changed, and a cover sheet per commune.

Built on the ordinary poster run (``write_posters``), given each commune with only its changed
procedures. Per commune the output folder then holds the new sheets (``<code>.pdf``), the cover sheet
``<slug>-danh-sach-can-thay.pdf`` ("Danh sách tờ niêm yết cần thay": what to replace, post or take down,
and why), and, when a row of the list page changed, the whole new list page ``<slug>-danh-muc.pdf`` (likewise the
feedback sheet ``<slug>-phan-anh-kien-nghi.pdf`` when the province's PAKN block changed). The
ordinary booklet is left out: holding only the changed sheets, its list page would be wrong.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.history.since import ChangesSummary, CommuneSheets, changes_since
from generator.model.dates import print_day
from generator.model.resolve import commune_procedures, selected_pairs
from generator.model.types import ProvinceData
from generator.output.guard import guard_output, output_folder
from generator.pipeline import load_checked
from generator.posters.assemble import write_stamped
from generator.posters.booklet import list_sections
from generator.posters.build import PosterOptions, PosterSummary, write_posters
from generator.posters.render import html_to_pdf, render_html
from generator.posters.sheet import stamp
from generator.posters.xobjects import RenderedPdf

ACTIONS = {"replace": "Thay tờ", "new": "Niêm yết mới", "remove": "Gỡ"}


@dataclass
class ChangedSheetsSummary:
    since: ChangesSummary
    posters: PosterSummary


def _only_changed(data: ProvinceData, report: ChangesSummary) -> ProvinceData:
    keep = {c.slug: {s.code for s in c.sheets if s.action != "remove"} for c in report.communes}
    communes = {
        slug: dataclasses.replace(c, overlays=tuple(o for o in c.overlays if o.code in keep.get(slug, set())))
        for slug, c in data.communes.items()
    }
    return dataclasses.replace(data, communes=communes)


def _commune_files(
    data: ProvinceData, sheets: CommuneSheets, report: ChangesSummary, posted: dt.date, folder: Path, given: bool
) -> None:
    """The cover sheet, the new list page when a row of it changed, the new feedback (PAKN) sheet when the
    province's feedback block changed; all stamped like every sheet."""
    commune = data.communes[sheets.slug]
    stamp_pdf = RenderedPdf.from_bytes(
        html_to_pdf(
            render_html("stamp.html.j2", posted, stamp=stamp(data.province, commune, posted, given, False)), sheet=False
        )
    )
    cover = render_html(
        "replace.html.j2", posted, commune=sheets, since=report.since, base=report.base, actions=ACTIONS
    )
    title = f"Danh sách tờ niêm yết cần thay — {commune.name}"
    pdf = write_stamped([RenderedPdf.from_bytes(html_to_pdf(cover))], stamp_pdf, title, posted)
    (folder / f"{sheets.slug}-danh-sach-can-thay.pdf").write_bytes(pdf)
    if sheets.feedback:
        page = render_html("feedback.html.j2", posted, feedback=data.province.feedback)
        title = f"Phản ánh, kiến nghị — {commune.name}"
        pdf = write_stamped([RenderedPdf.from_bytes(html_to_pdf(page))], stamp_pdf, title, posted)
        (folder / f"{sheets.slug}-phan-anh-kien-nghi.pdf").write_bytes(pdf)
    if sheets.list_changed:
        procs = list(commune_procedures(data, commune))
        # Posted alone, not in a booklet: no page to give (the "Trang" column stays empty).
        sections = list_sections(procs)
        page = render_html("list.html.j2", posted, total=len(procs), sections=sections, pages=())
        title = f"Danh mục thủ tục hành chính — {commune.name}"
        pdf = write_stamped([RenderedPdf.from_bytes(html_to_pdf(page))], stamp_pdf, title, posted)
        (folder / f"{sheets.slug}-danh-muc.pdf").write_bytes(pdf)


def build_changed_posters(root: Path, out: Path, since: str, options: PosterOptions) -> ChangedSheetsSummary:
    """Check ``root``, find what changed since ``since`` (SinceError when that cannot be told), then write
    the changed sheets and every selected commune's cover sheet atomically to ``out``."""
    guard_output(out, root)
    provinces = load_checked(root).provinces
    selected_pairs(provinces, options.communes)  # UnknownCommune before any git work
    report = changes_since(root, since, provinces, options.communes)
    posted = options.posted or print_day()  # replacement sheets carry their own date, not posted_on
    changed = tuple(c.slug for c in report.communes if any(s.action != "remove" for s in c.sheets))
    data_of = {d.province.slug: d for d in provinces}
    with output_folder(out, root) as tmp:
        result = PosterSummary()
        if changed:
            chosen = dataclasses.replace(
                options, communes=changed, posted=options.posted, booklet=False, own_dates=False
            )
            result = write_posters([_only_changed(d, report) for d in provinces], tmp, chosen)
        for sheets in report.communes:
            folder = tmp / sheets.province / sheets.slug
            folder.mkdir(parents=True, exist_ok=True)
            _commune_files(data_of[sheets.province], sheets, report, posted, folder, options.posted is not None)
    return ChangedSheetsSummary(report, result)
