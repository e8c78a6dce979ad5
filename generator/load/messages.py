"""Vietnamese wording for libyaml's syntax errors; the original English stays in brackets."""

from __future__ import annotations

import yaml

_KNOWN = [
    ("mapping values are not allowed", "không được đặt 'khóa: giá trị' ở đây; chuỗi có dấu ':' cần đặt trong dấu nháy"),
    ("could not find expected ':'", "thiếu dấu ':' sau khóa"),
    ("did not find expected key", "thụt lề không khớp với các dòng trên"),
    ("did not find expected '-' indicator", "thụt lề của danh sách không khớp"),
    ("expected <block end>", "thụt lề không khớp với các dòng trên"),
    ("found unexpected end of stream", "tệp kết thúc khi chưa đóng dấu nháy hoặc ngoặc"),
    ("found undefined alias", "dùng bí danh (*) chưa được định nghĩa"),
    ("expected a single document", "tệp chỉ được chứa một tài liệu YAML (một dấu ---)"),
    ("found another document", "tệp chỉ được chứa một tài liệu YAML; bỏ dấu --- thứ hai và phần sau nó"),
    ("found character that cannot start any token", "có ký tự không được phép ở đầu giá trị"),
    ("found unknown escape character", "chuỗi trong dấu nháy kép có ký tự thoát (\\) không hợp lệ"),
    ("did not find expected ',' or ']'", "danh sách trong ngoặc [ ] chưa đóng hoặc thiếu dấu ','"),
    ("did not find expected ',' or '}'", "khối trong ngoặc { } chưa đóng hoặc thiếu dấu ','"),
    ("found unacceptable character", "có ký tự điều khiển không được phép"),
    ("control characters are not allowed", "có ký tự điều khiển không được phép"),
]


def syntax_detail(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "").strip()
    for needle, vietnamese in _KNOWN:
        if needle in problem:
            return f"{vietnamese} ({problem})"
    return problem or "không phân tích được"
