"""The data spec: what a catalogue procedure, a province and a commune file hold.

Key names are English snake_case and stable (outside tools depend on them); labels are the
Vietnamese names used in messages. "always" parts are those NĐ 63/2010 Điều 8 khoản 2 requires
of every procedure; "conditional" parts must be present or say "Không" explicitly.

Widened beyond the first sketch because real exported records hold more (domain.md):
* a fee line keeps ``amount`` (when there is one), ``currency`` (VND or USD) and the verbatim
  ``text`` (formulas, "Theo quy định của Bộ Tài chính"); at least one of amount/text;
* a time limit is ``value`` + ``unit``, or verbatim ``text`` ("Không quy định", "Ngay trong ngày");
* ``level`` is one level or a list of them ("Cấp Bộ, Cấp Tỉnh, Cấp Xã").

Widened again for the national portal's export (issue 8, /work/wt/_notes/model-contract.md):
* one method may have several channel rows (a case each), told apart by ``description``;
* a time limit may be 0 ("0 Giờ": done at once) and keeps the verbatim cell in ``text``;
* fees may be published only per channel; the procedure-level block is then optional; with no
  fees anywhere the record says nothing about them (not "Không"): a warning, W023;
* a document may list several forms; a decision or legal document may lack its date;
* the export's labels Loại thủ tục, Cơ quan có thẩm quyền, Địa chỉ tiếp nhận HS, Cơ quan được
  ủy quyền, Cơ quan phối hợp, Từ khóa and Mô tả have keys; an unknown label goes to
  ``other_fields``; ``online`` is optional (the export has no online level).
"""

from __future__ import annotations

from generator.problems.catalogue import CATALOGUE, Severity
from generator.schema.mapping import Mapping
from generator.schema.types import (
    Amount,
    Choice,
    Code,
    Count,
    Date,
    Field,
    ListOf,
    NoneOr,
    NonNegative,
    OneOrList,
    Text,
    TextOrList,
    Url,
    Year,
)

# What E100 asks for when a part NĐ 63/2010 Điều 8 requires is missing (the export's cell was empty).
TIME_MISSING = (
    "ghi thời hạn theo quyết định công bố: value và unit (ví dụ value: 15, unit: working_day, text: 15 Ngày làm "
    'việc), hoặc text: "Không quy định" nếu quyết định không đặt thời hạn'
)
FROM_DECISION = "ghi theo quyết định công bố thủ tục"

METHODS = ("in_person", "online", "post")
UNITS = ("working_day", "day", "hour")
SERVICES = ("toan_trinh", "mot_phan", "none")
CURRENCIES = ("VND", "USD")

TIME_LIMIT = Mapping(
    {
        "value": Field(NonNegative(), "số lượng thời hạn (0 là trả ngay)"),
        "unit": Field(Choice(UNITS, code="E115"), "đơn vị: working_day, day, hour"),
        "text": Field(Text(), "thời hạn ghi nguyên văn"),
        "note": Field(Text(), "ghi chú thời hạn"),
    },
    title="Thời hạn giải quyết",
    # value and unit together, or the verbatim text alone (check_time_limits, E123)
    any_of=({"required": ["value", "unit"]}, {"required": ["text"], "properties": {"value": False, "unit": False}}),
)

FEE = Mapping(
    {
        "name": Field(Text(), "tên khoản thu (Phí, Lệ phí)", "always"),
        "amount": Field(Amount(), "số tiền (số nguyên)"),
        "currency": Field(Choice(CURRENCIES), "đơn vị tiền, mặc định VND"),
        "text": Field(Text(), "mức thu ghi nguyên văn"),
        "note": Field(Text(), "miễn, giảm và điều kiện"),
    },
    title="Phí, lệ phí",
)

CHANNEL = Mapping(
    {
        "method": Field(Choice(METHODS), "cách thức nộp", "always"),
        "time_limit": Field(TIME_LIMIT, "thời hạn giải quyết", "always", missing=TIME_MISSING),
        "fees": Field(NoneOr(ListOf(FEE)), "phí, lệ phí theo cách thức này"),
        "description": Field(Text(), "mô tả trường hợp (phân biệt các dòng cùng cách thức)"),
        "note": Field(Text(), "ghi chú"),
    },
    title="Cách thức thực hiện",
)

FORM = Mapping(
    {
        "title": Field(Text(), "tên mẫu đơn, tờ khai (không bắt buộc khi có tệp)"),
        "file": Field(Text(), "tệp mẫu trong kho dữ liệu"),
        "url": Field(Url(), "địa chỉ tải mẫu"),
    },
    title="Mẫu đơn, tờ khai",
    any_of=({"required": ["title"]}, {"required": ["file"]}),
)

DOCUMENT = Mapping(
    {
        "name": Field(Text(), "tên giấy tờ", "always"),
        "originals": Field(Count(), "số bản chính", "always"),
        "copies": Field(Count(), "số bản sao", "always"),
        "form": Field(OneOrList(FORM), "mẫu đơn, tờ khai (một mẫu hoặc danh sách)"),
        "case": Field(Text(), "trường hợp áp dụng"),
        "note": Field(Text(), "ghi chú"),
    },
    title="Thành phần hồ sơ",
)

LEGAL_DOC = Mapping(
    {
        "number": Field(Text(), "số ký hiệu", "always"),
        "title": Field(Text(), "trích yếu", "always"),
        "date": Field(Date(), "ngày ban hành"),
        "issuer": Field(Text(), "cơ quan ban hành"),
    },
    title="Căn cứ pháp lý",
)

DECISION = Mapping(
    {
        "number": Field(Text(), "số quyết định", "always"),
        "date": Field(Date(), "ngày quyết định (thiếu thì cảnh báo W020)"),
        "title": Field(Text(), "trích yếu quyết định"),
    },
    title="Quyết định công bố",
)

ONLINE = Mapping(
    {
        "service": Field(Choice(SERVICES), "mức dịch vụ trực tuyến", "always"),
        "url": Field(Url(), "địa chỉ dịch vụ trực tuyến"),
        "legacy_level": Field(Choice((1, 2, 3, 4)), "mức độ cũ 1-4 (dữ liệu cũ)"),  # type: ignore[arg-type]
    },
    title="Dịch vụ công trực tuyến",
)

OTHER_FIELD = Mapping(
    {
        "label": Field(Text(), "nhãn trong tệp xuất, nguyên văn", "always"),
        "text": Field(Text(), "nội dung, nguyên văn", "always"),
    },
    title="Mục khác của tệp xuất",
)

PROCEDURE = Mapping(
    {
        "code": Field(Code(), "mã thủ tục", "always", export=("Mã thủ tục",)),
        "local_code": Field(Text(), "mã địa phương", heading="Mã riêng của tỉnh"),
        "name": Field(Text(), "tên thủ tục", "always", missing=FROM_DECISION, export=("Tên thủ tục",)),
        "procedure_type": Field(Text(), "loại thủ tục", export=("Loại thủ tục",)),
        "field": Field(Text(), "lĩnh vực", "always", export=("Lĩnh vực",)),
        "level": Field(TextOrList(), "cấp thực hiện", "always", export=("Cấp thực hiện",)),
        "decision": Field(DECISION, "quyết định công bố", "always", export=("Số quyết định",)),
        "steps": Field(
            ListOf(Text()), "trình tự thực hiện", "always", missing=FROM_DECISION, export=("Trình tự thực hiện",)
        ),
        "channels": Field(
            ListOf(CHANNEL), "cách thức thực hiện", "always", missing=FROM_DECISION, export=("Cách thức thực hiện",)
        ),
        "documents": Field(
            ListOf(DOCUMENT), "thành phần hồ sơ", "always", missing=FROM_DECISION, export=("Thành phần hồ sơ",)
        ),
        "forms": Field(Choice(("Không",)), "mẫu đơn, tờ khai (ghi Không nếu không có mẫu)", heading="Mẫu đơn, tờ khai"),
        "applicants": Field(
            TextOrList(), "đối tượng thực hiện", "always", missing=FROM_DECISION, export=("Đối tượng thực hiện",)
        ),
        "agency": Field(Text(), "cơ quan giải quyết", "always", missing=FROM_DECISION, export=("Cơ quan thực hiện",)),
        "competent_authority": Field(Text(), "cơ quan có thẩm quyền", export=("Cơ quan có thẩm quyền",)),
        "receiving_address": Field(Text(), "địa chỉ tiếp nhận hồ sơ", export=("Địa chỉ tiếp nhận HS",)),
        "authorized_agency": Field(Text(), "cơ quan được ủy quyền", export=("Cơ quan được ủy quyền",)),
        "coordinating_agency": Field(Text(), "cơ quan phối hợp", export=("Cơ quan phối hợp",)),
        "result": Field(NoneOr(TextOrList()), "kết quả thực hiện", "conditional", export=("Kết quả thực hiện",)),
        "conditions": Field(
            NoneOr(TextOrList()),
            "yêu cầu, điều kiện",
            "conditional",
            export=("Yêu cầu, điều kiện thực hiện", "Yêu cầu, điều kiện"),
        ),
        # Absent with no channel row's `fees`: not stated, a warning (check_fee_block, W023).
        "fees": Field(
            NoneOr(ListOf(FEE)),
            "phí, lệ phí (thiếu khi không cách thức nào ghi phí thì cảnh báo W023)",
            heading="Phí, lệ phí",
        ),
        # Not a part of Điều 8: the export may lack it; a warning (check_legal_basis, W024), not E100.
        "legal_basis": Field(ListOf(LEGAL_DOC), "căn cứ pháp lý", export=("Căn cứ pháp lý",)),
        "keywords": Field(TextOrList(), "từ khóa (dùng cho tìm kiếm)", heading="Từ khóa", export=("Từ khóa",)),
        "description": Field(Text(), "mô tả", export=("Mô tả",)),
        "other_fields": Field(
            ListOf(OTHER_FIELD), "mục khác của tệp xuất (chưa có khóa riêng)", heading="Thông tin khác"
        ),
        "online": Field(ONLINE, "dịch vụ công trực tuyến (thiếu thì cảnh báo W021)", heading="Dịch vụ công trực tuyến"),
        "updated": Field(Date(), "ngày cập nhật"),
    },
    title="Thủ tục hành chính (danh mục của tỉnh)",
)

FEEDBACK = Mapping(
    {
        "agency": Field(Text(), "cơ quan tiếp nhận phản ánh, kiến nghị", "always", heading="Cơ quan tiếp nhận"),
        "address": Field(Text(), "địa chỉ", "always"),
        "phone": Field(Text(), "số điện thoại chuyên dùng", "always", heading="Điện thoại"),
        "email": Field(Text(), "thư điện tử", "always"),
        "website": Field(Url(), "trang thông tin", "always", heading="Trang thông tin điện tử"),
    },
    title="Tiếp nhận phản ánh, kiến nghị",
)

# The fields of a one-stop system's per-file export (niemyet stats import); generator/stats/columns.py knows
# each one's usual headers, a province adds its own under statistics.columns.
EXPORT_FIELDS = (
    "file_code",
    "procedure",
    "unit",
    "channel",
    "status",
    "received",
    "due",
    "finished",
    "returned",
    "apology",
)
STATISTICS = Mapping(
    {
        "late_threshold": Field(NonNegative(), "ngưỡng tỷ lệ trễ hạn (%) của niemyet stats report, mặc định 10"),
        "columns": Field(
            Mapping({f: Field(TextOrList(), f"tên cột {f} trong tệp xuất") for f in EXPORT_FIELDS}, title="Tên cột"),
            "tên cột riêng của tệp xuất hồ sơ từ hệ thống một cửa",
        ),
    },
    title="Kết quả giải quyết hồ sơ",
)

WARNING_CODES = tuple(sorted(code for code, entry in CATALOGUE.items() if entry.severity is Severity.WARNING))

ACCEPTED = Mapping(
    {
        "code": Field(Choice(WARNING_CODES), "mã cảnh báo (W…)", "always"),
        "reason": Field(Text(), "vì sao tỉnh đã xem và chấp nhận", "always"),
    },
    title="Loại cảnh báo tỉnh đã xem và chấp nhận",
)

PROVINCE = Mapping(
    {
        "name": Field(Text(), "tên tỉnh", "always"),
        "site_url": Field(Url(), "địa chỉ trang công khai", "always"),
        "portals": Field(
            Mapping(
                {
                    "national": Field(Url(), "Cổng Dịch vụ công quốc gia", "always"),
                    "province": Field(Url(), "Cổng dịch vụ công của tỉnh", "always"),
                },
                title="Cổng dịch vụ công",
            ),
            "cổng dịch vụ công",
            "always",
        ),
        "feedback": Field(FEEDBACK, "khối phản ánh, kiến nghị", "always"),
        "data_version": Field(Text(), "phiên bản dữ liệu"),
        "statistics": Field(STATISTICS, "kết quả giải quyết hồ sơ: ngưỡng tỷ lệ trễ hạn, tên cột của tệp xuất"),
        # A warning class the province reviewed once (e.g. W010 for long verbatim text): not listed per file.
        "accepted_warnings": Field(ListOf(ACCEPTED), "loại cảnh báo tỉnh đã chấp nhận (không liệt kê từng tệp)"),
    },
    title="Tỉnh",
)

COUNTER = Mapping(
    {
        "address": Field(Text(), "địa chỉ Bộ phận Một cửa", "always", heading="Địa chỉ"),
        "hours": Field(Text(), "giờ làm việc", "always"),
        "phone": Field(Text(), "điện thoại", "always"),
        "email": Field(Text(), "thư điện tử", "always"),
    },
    title="Bộ phận tiếp nhận và trả kết quả",
)

CONTACT = Mapping(
    {
        "name": Field(Text(), "họ tên", "always"),
        "role": Field(Text(), "chức vụ, nhiệm vụ", "always"),
        "phone": Field(Text(), "điện thoại"),
    },
    title="Cán bộ tiếp nhận",
)

OVERLAY_TIME = Mapping(
    {
        "value": Field(NonNegative(), "số lượng thời hạn", "always"),
        "unit": Field(Choice(UNITS, code="E115"), "đơn vị", "always"),
        "method": Field(Choice(METHODS), "áp dụng cho cách thức nộp"),
        "note": Field(Text(), "ghi chú"),
    },
    title="Thời hạn xã cam kết (ngắn hơn)",
)

OVERLAY = Mapping(
    {
        "code": Field(Code(), "mã thủ tục", "always"),
        "time_limit": Field(OVERLAY_TIME, "thời hạn xã cam kết"),
        "online": Field(
            Mapping({"url": Field(Url(), "địa chỉ", "always")}, title="Liên kết trực tuyến của xã"),
            "liên kết trực tuyến của xã",
        ),
        "note": Field(Text(), "ghi chú của xã"),
    },
    title="Thủ tục xã tiếp nhận",
    extra_keys=("documents", "fees"),
)

COMMUNE = Mapping(
    {
        "name": Field(Text(), "tên xã, phường", "always"),
        "counter": Field(COUNTER, "Bộ phận Một cửa", "always"),
        "contacts": Field(ListOf(CONTACT), "cán bộ tiếp nhận"),
        "procedures": Field(ListOf(OVERLAY), "thủ tục xã tiếp nhận", "always"),
        "posted_on": Field(Date(), "ngày xã niêm yết lần gần nhất"),
        "unit_code": Field(Text(), "mã định danh của đơn vị (DonViXuLy trong tệp xuất hồ sơ)"),
    },
    title="Xã, phường, đặc khu",
)

CALENDAR_DAY = Mapping(
    {
        "date": Field(Date(), "ngày", "always"),
        "notice": Field(Text(), "văn bản, thông báo quy định ngày này", "always"),
    },
    title="Ngày",
)
CALENDAR = Mapping(
    {
        "years": Field(ListOf(Year()), "các năm tệp này ghi đủ", "always"),
        "days_off": Field(ListOf(CALENDAR_DAY), "ngày nghỉ (lễ, Tết, nghỉ bù, hoán đổi)"),
        "worked_days": Field(ListOf(CALENDAR_DAY), "ngày làm việc bù (thường là Thứ Bảy)"),
    },
    title="Lịch nghỉ, làm bù của cơ quan nhà nước (calendar.yaml)",
)

SPECS: dict[str, Mapping] = {"catalogue": PROCEDURE, "province": PROVINCE, "commune": COMMUNE, "calendar": CALENDAR}
# the file each spec describes, as the open data page names it
SPEC_FILES = {
    "catalogue": "tệp thủ tục (catalogue/*.yaml)",
    "province": "tệp tỉnh (province.yaml)",
    "commune": "tệp xã (communes/*.yaml)",
    "calendar": "lịch nghỉ, làm bù của tỉnh (calendar.yaml)",
}
