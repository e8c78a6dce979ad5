"""A scripted history of the sample province, shared by the history tests."""

from __future__ import annotations

from dataclasses import dataclass

from tests.kit.git import ScriptedRepo

CERT = "khanh-hoa/catalogue/2.000815.yaml"
CAM_LAM = "khanh-hoa/communes/xa-cam-lam.yaml"


@dataclass(frozen=True)
class Story:
    repo: ScriptedRepo
    first: str  # commit ids, oldest first
    fee: str
    document: str
    overlay: str
    removed: str
    renamed: str


def tell(repo: ScriptedRepo) -> Story:
    """Five dated commits on top of the sample: a fee, a document, an overlay, a removal, a rename."""
    first = repo.commit("Dữ liệu ban đầu", "2025-07-01T08:00:00+07:00")
    repo.edit(CERT, "amount: 2000", "amount: 3000")
    fee = repo.commit("Phí chứng thực", "2025-08-01T08:00:00+07:00")
    repo.edit(
        CERT,
        "  - name: Bản sao cần chứng thực\n",
        "  - name: Tờ khai yêu cầu chứng thực\n    originals: 1\n    copies: 0\n  - name: Bản sao cần chứng thực\n",
    )
    document = repo.commit("Thêm tờ khai", "2025-08-20T08:00:00+07:00")
    repo.edit(
        CAM_LAM,
        '  - code: "1.013133"\n',
        '  - code: "1.013133"\n    time_limit:\n      value: 4\n      unit: hour\n      method: in_person\n',
    )
    overlay = repo.commit("Cam Lâm cam kết 4 giờ", "2025-09-05T08:00:00+07:00")
    for rel in (
        "khanh-hoa/communes/xa-cam-lam.yaml",
        "khanh-hoa/communes/phuong-nha-trang.yaml",
        "khanh-hoa/communes/dac-khu-truong-sa.yaml",
    ):
        text = repo.path(rel).read_text(encoding="utf-8")
        repo.path(rel).write_text(text.replace('  - code: "2.000930"\n', ""), encoding="utf-8")
    repo.path("khanh-hoa/catalogue/2.000930.yaml").unlink()
    removed = repo.commit("Bãi bỏ 2.000930", "2025-10-01T08:00:00+07:00")
    repo.git("mv", "procedures/khanh-hoa/communes/xa-cam-lam.yaml", "procedures/khanh-hoa/communes/xa-cam-lam-moi.yaml")
    repo.edit("khanh-hoa/communes/xa-cam-lam-moi.yaml", "name: Xã Cam Lâm", "name: Xã Cam Lâm mới")
    renamed = repo.commit("Đổi tên xã", "2025-10-15T08:00:00+07:00")
    return Story(repo, first, fee, document, overlay, removed, renamed)
