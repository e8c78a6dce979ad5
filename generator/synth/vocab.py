"""Vietnamese words for generated procedures and communes: realistic in shape, not in law."""

from __future__ import annotations

FIELDS = (
    "Hộ tịch",
    "Chứng thực",
    "Nghĩa vụ quân sự",
    "Đất đai",
    "Bảo trợ xã hội",
    "Người có công",
    "Thi đua, khen thưởng",
    "Văn hóa cơ sở",
    "Nông nghiệp",
    "Hòa giải cơ sở",
    "Giáo dục và Đào tạo",
    "Môi trường",
)
VERBS = (
    "Đăng ký",
    "Cấp",
    "Cấp lại",
    "Điều chỉnh",
    "Xác nhận",
    "Thay đổi, cải chính",
    "Giải quyết",
    "Công nhận",
    "Thông báo",
    "Gia hạn",
)
OBJECTS = (
    "giấy xác nhận tình trạng hôn nhân",
    "trợ cấp xã hội hàng tháng",
    "hỗ trợ chi phí mai táng",
    "giấy chứng nhận quyền sử dụng đất",
    "hộ kinh doanh",
    "tổ hợp tác",
    "danh hiệu gia đình văn hóa",
    "chế độ ưu đãi đối với người có công với cách mạng",
    "hòa giải viên",
    "hỗ trợ khôi phục sản xuất nông nghiệp vùng bị thiệt hại do thiên tai",
    "kế hoạch bảo vệ môi trường",
    "việc nuôi con nuôi trong nước",
    "việc giám hộ",
    "thông tin hộ tịch",
    "cơ sở giáo dục mầm non độc lập",
)
CONDITIONS = (
    "đối với trường hợp đã đăng ký nhưng bị mất sổ gốc",
    "cho người đang cư trú tại địa phương",
    "trong trường hợp có yếu tố nước ngoài ở khu vực biên giới",
    "khi thay đổi thông tin đã đăng ký",
    "đối với hộ gia đình, cá nhân sử dụng đất",
)
REQUIREMENTS = (
    "Người yêu cầu cư trú hợp pháp tại địa phương.",
    "Hồ sơ chỉ được tiếp nhận khi có đủ giấy tờ theo quy định.",
    "Người yêu cầu không thuộc trường hợp đang bị truy cứu trách nhiệm hình sự.",
    "Thửa đất không có tranh chấp, không bị kê biên để bảo đảm thi hành án.",
)
DOCUMENTS = (
    "Tờ khai theo mẫu",
    "Đơn đề nghị",
    "Bản sao Giấy khai sinh",
    "Giấy tờ chứng minh nơi cư trú",
    "Văn bản ủy quyền có chứng thực",
    "Giấy xác nhận của cơ sở y tế",
    "Biên bản xác minh của Ủy ban nhân dân cấp xã",
    "Giấy chứng nhận quyền sử dụng đất đã cấp",
    "Sơ đồ vị trí thửa đất",
    "Quyết định của cơ quan có thẩm quyền",
    "Hợp đồng, văn bản về việc chuyển nhượng",
    "Danh sách thành viên",
)
DOCUMENT_CONDITIONS = (
    "trường hợp người yêu cầu là người nước ngoài thì kèm bản dịch có chứng thực",
    "không yêu cầu khi thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư",
    "nếu nộp qua bưu chính thì nộp bản sao có chứng thực",
    "đối với người từ đủ 14 tuổi trở lên",
    "trường hợp ủy quyền",
)
STEPS = (
    "Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã.",
    "Công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; nếu chưa đầy đủ thì hướng dẫn bổ sung một lần.",
    "Công chức chuyên môn thẩm định hồ sơ, trình Chủ tịch Ủy ban nhân dân cấp xã xem xét, quyết định.",
    "Ủy ban nhân dân cấp xã niêm yết công khai trong thời hạn quy định.",
    "Trả kết quả tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính công ích.",
)
APPLICANTS = (
    "Công dân Việt Nam",
    "Cá nhân, tổ chức",
    "Hộ gia đình, cá nhân",
    "Người có công với cách mạng và thân nhân",
)
AGENCIES = ("Ủy ban nhân dân cấp xã", "Chủ tịch Ủy ban nhân dân cấp xã", "Công an cấp xã")
LAWS = (
    ("60/2014/QH13", "Luật Hộ tịch", "2014-11-20"),
    ("23/2015/NĐ-CP", "Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính", "2015-02-16"),
    ("31/2024/QH15", "Luật Đất đai", "2024-01-18"),
    ("20/2021/NĐ-CP", "Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội", "2021-03-15"),
    (
        "118/2025/NĐ-CP",
        "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
        "2025-06-09",
    ),
)
ROW_CASES = (
    "Trường hợp hồ sơ đầy đủ, hợp lệ: trả kết quả ngay trong ngày",
    "Trường hợp cần xác minh: không quá thời hạn trên kể từ ngày nhận đủ hồ sơ",
    "Trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã",
    "Trường hợp đăng ký lại, cấp bản sao",
)
TEXT_TIMES = ("Không quy định", "Ngay trong ngày làm việc", "Chậm nhất là ngay trước ngày hết hạn đăng ký")
TEXT_FEES = ("Mức thu bằng 50% mức thu phí quy định tại Biểu phí", "Theo quy định của Bộ Tài chính")
PLACES = (
    "An Bình",
    "Bình Minh",
    "Cam Thành",
    "Diên Lạc",
    "Đông Hải",
    "Hòa Thắng",
    "Lương Sơn",
    "Ninh Phước",
    "Phước Đồng",
    "Sơn Thái",
    "Suối Tiên",
    "Tân Định",
    "Thạnh Mỹ",
    "Trường Xuân",
    "Vạn Ninh",
    "Xuân Phong",
)
