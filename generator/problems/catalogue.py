"""The catalogue of problem codes: stable code, severity, title, description, message template.

Codes are data (frictionless-py style): the site's page for data editors is generated from this
table, and a test proves that every code has a case file under ``tests/cases/invalid`` that
triggers it. Messages are Vietnamese, because commune clerks and the province's office read them.
Never renumber a code: outside tools and CI logs depend on them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class ProblemCode:
    code: str
    severity: Severity
    title: str
    description: str
    message: str


E, W = Severity.ERROR, Severity.WARNING

_ROWS: list[tuple[str, Severity, str, str, str]] = [
    # --- reading files --------------------------------------------------------------------
    (
        "E001",
        E,
        "Không đọc được tệp",
        "Tệp không mở được (quyền truy cập, liên kết hỏng, liên kết trỏ ra ngoài thư mục dữ liệu).",
        "không đọc được tệp: {reason}",
    ),
    (
        "E002",
        E,
        "Tệp không phải UTF-8",
        "Dữ liệu phải lưu bằng mã UTF-8. Tệp lưu bằng Windows-1258, TCVN3 (ABC) hoặc UTF-16 bị từ chối "
        "để không làm sai chữ tiếng Việt.",
        "tệp không ở mã UTF-8{guess}; hãy mở tệp và lưu lại với mã UTF-8",
    ),
    ("E003", E, "Lỗi cú pháp YAML", "Tệp không phân tích được theo cú pháp YAML.", "lỗi cú pháp YAML: {detail}"),
    (
        "E004",
        E,
        "Khóa bị lặp",
        "Một khóa xuất hiện hai lần trong cùng một khối; YAML sẽ lặng lẽ giữ giá trị sau, nên bị từ chối.",
        "khóa '{key}' bị lặp (đã có ở dòng {first_line}); mỗi khóa chỉ được ghi một lần",
    ),
    (
        "E005",
        E,
        "Dùng ký tự tab",
        "YAML không cho phép thụt lề bằng tab.",
        "dòng thụt lề bằng ký tự tab; hãy thay bằng dấu cách",
    ),
    ("E006", E, "Tệp rỗng", "Tệp không có nội dung.", "tệp rỗng"),
    (
        "E007",
        E,
        "Cấu trúc gốc sai",
        "Gốc của tệp phải là một khối khóa: giá trị (mapping).",
        "gốc của tệp phải là khối 'khóa: giá trị', không phải {found}",
    ),
    (
        "E008",
        E,
        "Thẻ YAML không được phép",
        "Thẻ như !!python/object không bao giờ được thực thi; dữ liệu chỉ dùng kiểu YAML cơ bản.",
        "thẻ YAML '{tag}' không được phép",
    ),
    (
        "E009",
        E,
        "Neo và bí danh YAML",
        "Neo (&) và bí danh (*) không được dùng: mỗi giá trị ghi rõ tại chỗ (chống cả bom bí danh).",
        "không dùng neo/bí danh YAML (&, *); hãy ghi giá trị đầy đủ tại chỗ",
    ),
    (
        "E010",
        E,
        "Tệp quá lớn",
        "Tệp lớn hơn giới hạn; một thủ tục hay một xã không cần đến mức này.",
        "tệp lớn {size} byte, vượt giới hạn {limit} byte",
    ),
    ("E011", E, "Lồng quá sâu", "Dữ liệu lồng nhau quá nhiều cấp.", "dữ liệu lồng quá {limit} cấp"),
    (
        "W001",
        W,
        "Chữ chưa chuẩn hóa NFC",
        "Chữ tiếng Việt ở dạng tổ hợp (NFD), thường do sao chép từ macOS hoặc Word. Dữ liệu được so sánh "
        "và hiển thị ở dạng NFC; nên lưu lại tệp ở dạng NFC.",
        "chữ ở dạng tổ hợp (NFD) '{text}'; nên chuẩn hóa về NFC",
    ),
    # --- structure --------------------------------------------------------------------------
    (
        "E100",
        E,
        "Thiếu mục bắt buộc",
        "Một mục pháp luật yêu cầu phải công khai (NĐ 63/2010 Điều 8) hoặc một mục cần cho hồ sơ bị thiếu.",
        "thiếu mục bắt buộc '{key}' ({label}){hint}",
    ),
    (
        "E101",
        E,
        "Mục bắt buộc để trống",
        "Mục bắt buộc có mặt nhưng không có nội dung.",
        "mục '{key}' ({label}) để trống",
    ),
    (
        "E102",
        E,
        "Khóa không xác định",
        "Khóa không có trong lược đồ; thường do gõ sai.",
        "khóa không xác định '{key}'{hint}",
    ),
    (
        "E103",
        E,
        "Sai kiểu dữ liệu",
        "Giá trị không đúng kiểu mà lược đồ yêu cầu.",
        "'{key}' phải là {expected}, không phải {found}",
    ),
    (
        "E104",
        E,
        "Mục có điều kiện chưa ghi",
        'Mẫu đơn, kết quả, yêu cầu điều kiện: có thì ghi, không có thì phải ghi rõ "Không". '
        "Phí, lệ phí chưa ghi là cảnh báo W023.",
        "thiếu mục '{key}' ({label}); nếu thủ tục không có thì ghi rõ: {key}: Không",
    ),
    (
        "E105",
        E,
        "Giá trị không thuộc danh sách",
        "Giá trị phải là một trong các giá trị cho phép.",
        "'{key}' phải là một trong: {allowed}; không phải '{found}'",
    ),
    # --- values -----------------------------------------------------------------------------
    (
        "E110",
        E,
        "Mã thủ tục bị đọc thành số",
        "Mã viết không có dấu nháy (1.000890) bị YAML đọc thành số 1.00089 và mất chữ số 0.",
        'mã thủ tục {raw} bị YAML đọc thành số; hãy đặt trong dấu nháy: code: "{raw}"',
    ),
    (
        "E111",
        E,
        "Mã thủ tục sai dạng",
        "Mã thủ tục quốc gia có dạng D.NNNNNN với D là 1, 2 hoặc 3 (ví dụ 1.001193).",
        "mã thủ tục '{value}' sai dạng; mã đúng có dạng 1.001193",
    ),
    (
        "E112",
        E,
        "Số tiền không phải số nguyên đồng",
        "Số tiền ghi theo kiểu Việt Nam (5.000) bị YAML đọc thành 5.0. Ghi số nguyên không dấu chấm.",
        "số tiền {raw} bị YAML đọc thành số thập phân; hãy ghi {suggest} (số nguyên đồng, không dấu chấm)",
    ),
    ("E113", E, "Số tiền âm", "Phí, lệ phí không thể âm.", "số tiền {value} âm; phí, lệ phí phải từ 0 trở lên"),
    (
        "E114",
        E,
        "Thời hạn không hợp lệ",
        "Thời hạn giải quyết là số từ 0 trở lên (0: trả kết quả ngay); số âm hoặc không phải số bị từ chối.",
        "thời hạn {value} phải là số từ 0 trở lên",
    ),
    (
        "E115",
        E,
        "Đơn vị thời hạn không hợp lệ",
        "Đơn vị thời hạn là working_day (ngày làm việc), day (ngày) hoặc hour (giờ).",
        "đơn vị thời hạn '{value}' không hợp lệ; dùng working_day, day hoặc hour",
    ),
    (
        "E116",
        E,
        "Số bản không hợp lệ",
        "Số bản chính, bản sao là số nguyên từ 0 trở lên.",
        "số bản '{key}' = {value} phải là số nguyên từ 0 trở lên",
    ),
    (
        "E117",
        E,
        "Dịch vụ trực tuyến thiếu địa chỉ",
        "Thủ tục có dịch vụ công trực tuyến toàn trình hoặc một phần phải ghi địa chỉ https của dịch vụ.",
        "dịch vụ trực tuyến '{service}' phải có địa chỉ https trong 'url'",
    ),
    (
        "E118",
        E,
        "Mức độ cũ mâu thuẫn",
        "Mức độ cũ (NĐ 43/2011) chỉ là dữ liệu cũ: 4 ứng với toàn trình, 3 với một phần, 1-2 chỉ là thông tin.",
        "mức độ cũ {legacy} mâu thuẫn với dịch vụ '{service}'",
    ),
    (
        "E119",
        E,
        "Ngày không hợp lệ",
        "Ngày ghi theo dạng năm-tháng-ngày, ví dụ 2025-07-01.",
        "ngày '{value}' không hợp lệ; ghi theo dạng 2025-07-01",
    ),
    (
        "E120",
        E,
        "Địa chỉ web không hợp lệ",
        "Địa chỉ phải bắt đầu bằng https:// (hoặc http://); không chấp nhận javascript: hay đường dẫn khác.",
        "địa chỉ '{value}' không hợp lệ; phải bắt đầu bằng https://",
    ),
    (
        "E121",
        E,
        "Tên tệp không khớp mã",
        "Tệp thủ tục đặt tên theo mã: catalogue/<mã>.yaml.",
        "tệp phải đặt tên {expected} theo mã thủ tục '{code}'",
    ),
    (
        "E122",
        E,
        "Phí thiếu số tiền và nội dung",
        'Mỗi dòng phí ghi số tiền (amount) hoặc nguyên văn (text), ví dụ công thức, "Theo quy định của Bộ Tài chính".',
        "dòng phí phải có 'amount' hoặc 'text'",
    ),
    (
        "E123",
        E,
        "Thời hạn thiếu số và nội dung",
        'Thời hạn ghi số và đơn vị (value, unit) hoặc nguyên văn (text), ví dụ "Không quy định".',
        "thời hạn phải có 'value' và 'unit', hoặc 'text'",
    ),
    (
        "E124",
        E,
        "Tên không hợp lệ",
        "Tên tệp và slug chỉ gồm chữ thường không dấu, số và dấu gạch ngang.",
        "tên '{value}' không hợp lệ; chỉ dùng a-z, 0-9 và dấu '-'",
    ),
    (
        "E125",
        E,
        "Mẫu đơn mâu thuẫn",
        "Ghi forms: Không nhưng vẫn có giấy tờ kèm mẫu đơn.",
        "ghi 'forms: Không' nhưng giấy tờ '{document}' có mẫu đơn",
    ),
    (
        "E126",
        E,
        "Kênh nộp bị lặp",
        "Một cách thức nộp có thể có nhiều dòng (mỗi dòng một trường hợp), phân biệt bằng thời hạn, phí "
        "hoặc mô tả (description). Hai dòng cùng cách thức giống nhau cả thời hạn, phí và mô tả bị từ chối.",
        "cách thức '{method}' có hai dòng giống hệt nhau (cùng thời hạn, cùng phí, cùng {same}, xem dòng "
        "{first_line}); bỏ dòng lặp hoặc ghi 'description' khác nhau cho mỗi trường hợp",
    ),
    (
        "E127",
        E,
        "Mẫu đơn thiếu tên và tệp",
        "Mỗi mẫu đơn, tờ khai ghi tên mẫu (title) hoặc tệp mẫu (file), hoặc cả hai.",
        "mẫu đơn của giấy tờ '{document}' phải có 'title' hoặc 'file'",
    ),
    (
        "E128",
        E,
        "Ký tự vô hình trong tên hoặc mã",
        "Tên và mã thủ tục không được chứa ký tự đổi hướng chữ (như U+202E) hay ký tự không bề rộng (như "
        "U+200B): người đọc không thấy chúng, nhưng chữ hiện ra bị đảo thứ tự hoặc hai mã trông giống nhau "
        "mà khác nhau.",
        "'{key}' có ký tự vô hình hoặc ký tự đổi hướng chữ ({chars}); hãy xóa chúng",
    ),
    # --- across files -----------------------------------------------------------------------
    (
        "E140",
        E,
        "Mã không có trong danh mục",
        "Xã liệt kê một mã thủ tục không có trong danh mục của tỉnh.",
        "mã '{code}' không có trong danh mục thủ tục của tỉnh{hint}",
    ),
    (
        "E141",
        E,
        "Mã bị liệt kê hai lần",
        "Một xã liệt kê cùng một mã hai lần.",
        "mã '{code}' đã được liệt kê ở dòng {first_line}",
    ),
    (
        "E142",
        E,
        "Mã trùng giữa các tệp",
        "Hai tệp danh mục cùng khai báo một mã thủ tục.",
        "mã '{code}' đã có trong {other}",
    ),
    (
        "E143",
        E,
        "Thiếu tệp tỉnh",
        "Mỗi thư mục tỉnh phải có province.yaml (tên, địa chỉ trang, khối phản ánh kiến nghị).",
        "thiếu tệp province.yaml",
    ),
    (
        "E144",
        E,
        "Không có dữ liệu",
        "Thư mục không chứa tỉnh nào (procedures/<tỉnh>/province.yaml).",
        "không tìm thấy dữ liệu tỉnh nào trong '{root}'",
    ),
    # --- commune overlays -------------------------------------------------------------------
    (
        "E150",
        E,
        "Xã thêm giấy tờ",
        "Xã không được yêu cầu thêm giấy tờ ngoài thành phần hồ sơ tỉnh đã công bố.",
        "xã không được yêu cầu thêm giấy tờ: '{document}' không có trong hồ sơ đã công bố của {code}",
    ),
    (
        "E151",
        E,
        "Xã kéo dài thời hạn",
        "Xã chỉ được cam kết thời hạn ngắn hơn thời hạn đã công bố.",
        "thời hạn {overlay} dài hơn thời hạn đã công bố {catalogue} ({method})",
    ),
    (
        "E152",
        E,
        "Xã tăng phí",
        "Xã không được thu phí, lệ phí cao hơn mức đã công bố.",
        "phí {overlay} cao hơn mức đã công bố {catalogue} ({name})",
    ),
    (
        "E153",
        E,
        "Thời hạn không so sánh được",
        "Thời hạn của xã phải cùng đơn vị với thời hạn đã công bố (hoặc tính bằng giờ).",
        "thời hạn {overlay} không so sánh được với thời hạn đã công bố {catalogue} ({method})",
    ),
    (
        "E154",
        E,
        "Kênh không có trong thủ tục",
        "Xã ghi thời hạn cho một cách thức nộp mà thủ tục không có.",
        "thủ tục {code} không có cách thức nộp '{method}'",
    ),
    # --- posting --------------------------------------------------------------------------------
    (
        "W010",
        W,
        "Tờ niêm yết quá dài",
        "Tờ niêm yết nên gọn trong 2 trang A4 để dễ đọc tại quầy.",
        "thủ tục cần khoảng {pages} trang A4 khi niêm yết (nên không quá 2)",
    ),
    # --- records as published (warnings: someone should look, nothing is refused) ---------------
    (
        "W020",
        W,
        "Quyết định công bố chưa ghi ngày",
        "Tệp xuất của Cơ sở dữ liệu quốc gia chỉ ghi số quyết định công bố, không ghi ngày. Nên bổ sung "
        "ngày quyết định (decision.date) để người dân đối chiếu.",
        "quyết định {number} chưa ghi ngày; nên bổ sung decision.date",
    ),
    (
        "W021",
        W,
        "Chưa ghi mức dịch vụ công trực tuyến",
        "Tệp xuất không có mức dịch vụ công trực tuyến; tỉnh bổ sung khối online. Khi thiếu, trang công "
        'khai và tờ niêm yết ghi "Chưa có thông tin".',
        "chưa ghi mức dịch vụ công trực tuyến (khối online); trang công khai sẽ ghi 'Chưa có thông tin'",
    ),
    (
        "W022",
        W,
        "Mục chưa có khóa riêng",
        "Một mục của tệp xuất mà niemyet chưa biết được giữ nguyên văn trong other_fields; cần người xem lại "
        "để chuyển sang khóa phù hợp hoặc xác nhận giữ nguyên.",
        "mục '{label}' của tệp xuất chưa có khóa riêng (other_fields); hãy xem lại",
    ),
    (
        "W023",
        W,
        "Chưa có thông tin phí, lệ phí",
        "Không cách thức nộp nào ghi phí và không có khối phí chung (fees), như tệp xuất để trống ô "
        '"Phí, lệ phí". Trang công khai, tờ niêm yết và dữ liệu mở ghi "Chưa có thông tin", không ghi '
        '"Không" hay "Miễn phí". Có người xem lại và ghi rõ.',
        "chưa có thông tin phí, lệ phí; nếu thủ tục không thu phí thì ghi fees: Không, "
        "nếu có thì ghi mức phí ở từng cách thức nộp (channels[].fees)",
    ),
    (
        "W024",
        W,
        "Chưa có căn cứ pháp lý",
        "Bản công bố (Điều 15 NĐ 63/2010) nêu căn cứ pháp lý của thủ tục, nhưng tệp xuất từ Cơ sở dữ liệu "
        'quốc gia có khi không có bảng Căn cứ pháp lý. Trang công khai và tờ niêm yết ghi "Chưa có thông '
        'tin". Tỉnh ghi căn cứ theo quyết định công bố.',
        "chưa có căn cứ pháp lý; ghi legal_basis (number, title, date) theo quyết định công bố",
    ),
    (
        "W025",
        W,
        "Có nộp trực tuyến nhưng chưa có địa chỉ",
        'Bản công bố có cách thức "Trực tuyến" nhưng hồ sơ chưa ghi mức độ và địa chỉ dịch vụ công trực '
        "tuyến (tệp xuất không có). Trang công khai ghi đúng như vậy và dẫn tới trang tra cứu của Cổng Dịch "
        "vụ công quốc gia; niemyet report đếm thủ tục này là dịch vụ trực tuyến chưa có địa chỉ.",
        "có cách thức Trực tuyến nhưng chưa có địa chỉ dịch vụ công trực tuyến; ghi online: {{service: "
        "toan_trinh hoặc mot_phan, url: https://dichvucong.gov.vn/...}}",
    ),
    (
        "W040",
        W,
        "Xã niêm yết thủ tục không thuộc cấp xã",
        'Cấp thực hiện của thủ tục không có "Cấp Xã"; người dân nộp hồ sơ ở cấp khác. Xã chỉ niêm yết '
        "thủ tục mình tiếp nhận; trang của xã ghi cấp thực hiện của thủ tục này.",
        "mã '{code}' do {level} thực hiện, không có Cấp Xã; bỏ khỏi danh sách của xã nếu xã không tiếp nhận",
    ),
    (
        "W041",
        W,
        "Thủ tục cấp huyện",
        'Cấp huyện đã kết thúc từ ngày 1/7/2025 (chính quyền địa phương hai cấp); thủ tục chỉ ghi "Cấp '
        'Huyện" cần được công bố lại theo cấp mới trước khi xã niêm yết.',
        "mã '{code}' chỉ ghi {level}: cấp huyện đã kết thúc từ ngày 1/7/2025; dùng thủ tục đã công bố lại "
        "cho cấp xã hoặc bỏ khỏi danh sách",
    ),
    # --- import (niemyet import): a file left out, or a row of the export that was not kept ---------
    (
        "E160",
        E,
        "Không nhập được tệp",
        "Một tệp nêu khi chạy niemyet import không nhập được: không phải tệp xuất thủ tục hành chính, tệp "
        "hỏng, bản quét không có chữ, Word 97-2003, hoặc tệp đã có trong thư mục tỉnh không đọc được. Tệp "
        "này không được ghi; các tệp khác vẫn được nhập.",
        "{reason}",
    ),
    (
        "E161",
        E,
        "Mã có trong nhiều tệp xuất",
        "Hai tệp xuất trong cùng một lần nhập mang cùng một mã thủ tục; không biết tệp nào đúng nên mã này "
        "không được nhập.",
        "mã {code} có trong nhiều tệp ({files}); chưa nhập mã này, hãy giữ lại một tệp",
    ),
    (
        "W030",
        W,
        "Dòng giấy tờ không có tên",
        "Một dòng của bảng Thành phần hồ sơ trong tệp xuất không ghi tên giấy tờ; dòng đó không được nhập. "
        "Cần đối chiếu với bản công bố.",
        "một dòng Thành phần hồ sơ không có tên giấy tờ; dòng này không được nhập",
    ),
    (
        "W031",
        W,
        "Căn cứ pháp lý không có số ký hiệu",
        "Một dòng của bảng Căn cứ pháp lý trong tệp xuất không ghi số ký hiệu; dòng đó không được nhập. "
        "Cần đối chiếu với bản công bố.",
        "một dòng Căn cứ pháp lý không có số ký hiệu; dòng này không được nhập",
    ),
    (
        "W032",
        W,
        "Quyết định công bố đổi số",
        "Khi nhập lại, số quyết định công bố trong tệp xuất khác số tỉnh đã ghi ngày; ngày của quyết định cũ "
        "không giữ lại cho quyết định mới. Tỉnh ghi ngày của quyết định mới (decision.date).",
        "số quyết định đổi ({old} → {new}): ngày của quyết định cũ không giữ lại; ghi ngày của quyết định mới "
        "(decision.date)",
    ),
    # --- statistics (niemyet stats import): the per-file export of the one-stop system -------------
    # Messages locate the row and column and never quote a cell: a cell may hold personal data when the
    # columns are shifted, and file codes are not published.
    (
        "E200",
        E,
        "Không đọc được tệp xuất hồ sơ",
        "Tệp nêu khi chạy niemyet stats import không đọc được: không có tệp, không phải CSV hay bảng tính "
        "(XLSX, XLS, ODS), hoặc một hàng không tách được thành các cột như dòng tiêu đề. Không tệp nào được ghi.",
        "không đọc được tệp xuất: {reason}",
    ),
    (
        "E201",
        E,
        "Tệp xuất thiếu cột cần thiết",
        "Dòng tiêu đề phải có các cột mã hồ sơ, mã thủ tục, đơn vị xử lý, ngày tiếp nhận và ngày hẹn trả, theo "
        "tên đồng bộ quốc gia (MaHoSo, MaTTHC, DonViXuLy, NgayTiepNhan, NgayHenTra) hoặc tên tiếng Việt của sổ "
        "theo dõi, không phân biệt hoa thường và dấu; tỉnh có thể khai tên cột riêng trong province.yaml "
        "(statistics.columns).",
        "thiếu cột {missing}; các cột có trong tệp: {found}",
    ),
    (
        "E202",
        E,
        "Ngày không đọc được",
        "Một ô ngày không theo dạng nào niemyet đọc được: yyyyMMddHHmmss (đồng bộ quốc gia), dd/MM/yyyy "
        "[HH:mm[:ss]], ISO 8601 (yyyy-MM-dd[THH:mm:ss]) hoặc số ngày của Excel.",
        "ngày không đọc được; dùng yyyyMMddHHmmss, dd/MM/yyyy [HH:mm[:ss]] hoặc yyyy-MM-dd",
    ),
    (
        "E203",
        E,
        "Ngày hẹn trả trước ngày tiếp nhận",
        "Ngày hẹn trả (NgayHenTra) của một hồ sơ sớm hơn ngày tiếp nhận: dữ liệu sai, không tính được đúng hạn.",
        "ngày hẹn trả trước ngày tiếp nhận",
    ),
    (
        "E204",
        E,
        "Ngày kết thúc trước ngày tiếp nhận",
        "Ngày kết thúc xử lý hoặc ngày trả kết quả của một hồ sơ sớm hơn ngày tiếp nhận.",
        "{what} trước ngày tiếp nhận",
    ),
    (
        "E205",
        E,
        "Trạng thái hồ sơ không hợp lệ",
        "TrangThaiHoSo phải là một mã 1-10 của đồng bộ quốc gia: 1 mới đăng ký, 2 đã tiếp nhận, 3 không được "
        "tiếp nhận, 4 đang xử lý, 5 yêu cầu bổ sung, 6 chờ nộp phí, 7 rút hồ sơ, 8 dừng xử lý, 9 đã xử lý xong, "
        "10 đã trả kết quả.",
        "trạng thái hồ sơ không phải mã 1-10",
    ),
    (
        "E206",
        E,
        "Kênh thực hiện không hợp lệ",
        "KenhThucHien phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính công ích), hoặc các chữ đó; ô để "
        "trống thì hồ sơ được tính vào tổng số tiếp nhận mà không vào kênh nào.",
        "kênh thực hiện không phải 1 (trực tiếp), 2 (trực tuyến) hay 3 (bưu chính công ích)",
    ),
    (
        "E207",
        E,
        "Mã hồ sơ trùng, dữ liệu khác nhau",
        "Trong một tệp xuất, một mã hồ sơ có hai hàng với dữ liệu khác nhau: không biết hàng nào đúng. Hai hàng "
        "giống hệt nhau được tính một lần; giữa hai tệp xuất, trạng thái mới hơn được giữ.",
        "mã hồ sơ đã có ở hàng {first_row} với dữ liệu khác",
    ),
    (
        "E208",
        E,
        "Thiếu giá trị cần thiết",
        "Ô bắt buộc để trống: mã hồ sơ, mã thủ tục, đơn vị xử lý; ngày tiếp nhận và ngày hẹn trả của hồ sơ "
        "đã tiếp nhận; ngày kết thúc xử lý hoặc ngày trả của hồ sơ đã giải quyết (trạng thái 7, 9, 10).",
        "thiếu {what}",
    ),
    (
        "E209",
        E,
        "Tệp xuất không có hồ sơ",
        "Tệp rỗng, hoặc chỉ có dòng tiêu đề.",
        "tệp xuất không có hồ sơ nào",
    ),
    (
        "E210",
        E,
        "Cột thông tin cá nhân không được dùng",
        "Tên cột tỉnh khai trong province.yaml (statistics.columns) trỏ vào một cột thông tin cá nhân (chủ hồ "
        "sơ, số giấy tờ, điện thoại, thư điện tử, địa chỉ, trích yếu): niemyet không bao giờ đọc các cột này.",
        "cột '{header}' là thông tin cá nhân, không dùng làm {field}; sửa statistics.columns trong province.yaml",
    ),
    (
        "E211",
        E,
        "Còn nhiều hàng lỗi cùng loại",
        "Mỗi loại lỗi chỉ liệt kê 10 hàng đầu của một tệp; dòng này đếm số hàng còn lại.",
        "còn {count} hàng khác có lỗi {code}",
    ),
    (
        "E212",
        E,
        "Tệp thống kê sai dạng",
        "Một tệp statistics/<YYYY-MM>.csv đã có trong dữ liệu không đúng dạng niemyet ghi (bị sửa tay?): "
        "không nhập đè lên nó. Khôi phục tệp từ git hoặc xóa nó rồi nhập lại.",
        "tệp thống kê không đúng dạng niemyet ghi; các cột phải là: {expected}",
    ),
    (
        "W200",
        W,
        "Đơn vị không khớp xã nào",
        "Đơn vị xử lý ghi trong tệp xuất không khớp xã, phường nào của tỉnh, theo mã định danh (unit_code trong "
        "tệp của xã) hay theo tên (bỏ dấu, hoa thường, chữ UBND/Ủy ban nhân dân ở đầu). Các hồ sơ này không được "
        "tính; thêm unit_code vào tệp của xã rồi nhập lại.",
        "đơn vị '{unit}' không khớp xã, phường nào: {files} hồ sơ không được tính",
    ),
    (
        "W201",
        W,
        "Mã thủ tục không có trong danh mục",
        "Hồ sơ của một mã thủ tục không có trong danh mục của tỉnh không được tính (không biết thời hạn đã công "
        "bố); được đếm và liệt kê ở đây.",
        "mã thủ tục '{code}' không có trong danh mục: {files} hồ sơ không được tính",
    ),
    (
        "W202",
        W,
        "Lịch nghỉ chưa ghi năm này",
        "Có hồ sơ trong một năm mà calendar.yaml của tỉnh chưa ghi: ngày nghỉ lấy theo lịch của gói holidays, "
        "có thể thiếu ngày nghỉ bù, hoán đổi theo thông báo mới.",
        "calendar.yaml chưa ghi năm {year}; ngày nghỉ năm này lấy theo lịch mặc định",
    ),
    (
        "W203",
        W,
        "Số liệu thống kê trong năm lịch nghỉ chưa ghi",
        "Tỉnh có số liệu thống kê đã nhập (statistics/<YYYY-MM>.csv) trong một năm mà calendar.yaml chưa ghi: "
        "khi nhập, số hồ sơ hẹn trả dài hơn thời hạn niêm yết đã tính theo lịch mặc định của gói holidays, có thể "
        "thiếu ngày nghỉ bù, hoán đổi. Thêm năm đó vào calendar.yaml (với ngày nghỉ, ngày làm bù theo thông báo) "
        "rồi nhập lại số liệu.",
        "có số liệu thống kê năm {year} ({months} tháng) nhưng calendar.yaml chưa ghi năm này; hẹn dài hơn niêm "
        "yết đã tính theo lịch mặc định: thêm năm {year} vào calendar.yaml rồi nhập lại",
    ),
]

CATALOGUE: dict[str, ProblemCode] = {
    row[0]: ProblemCode(code=row[0], severity=row[1], title=row[2], description=row[3], message=row[4]) for row in _ROWS
}
