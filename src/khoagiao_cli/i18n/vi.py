"""The Vietnamese catalogue: every message khoagiao shows, by key (see __init__.py).

Vietnamese has no plural forms; an English entry that counts is a dict of its forms ("one", "other"),
chosen by the argument `n`. tests/test_i18n.py keeps the two catalogues key for key and field for field."""

from khoagiao_cli.i18n import Entry

CATALOGUE: dict[str, Entry] = {
    # ------------------------------------------------------------------ errors: general
    "error_prefix": "Lỗi",
    "did_you_mean": " Có phải ý bạn là: {name}?",
    "bad_date": "{what} '{value}' không phải ngày; viết 2026-03-18, 18/03/2026 hoặc 18/3.",
    "impossible_date": "{what} '{value}' là ngày không có thật.",
    "what_as_of": "--as-of",
    "what_received": "--received",
    "date_out_of_range": "{what} '{value}' nằm ngoài khoảng khoagiao theo dõi (năm {first}–{last}).",
    "bad_lang": "Ngôn ngữ '{value}' không được hỗ trợ; dùng vi hoặc en.",
    "bad_format": "Định dạng '{value}' không được hỗ trợ ở đây; dùng: {known}.",
    "bad_year": "Năm '{value}' không hợp lệ (1900–2999).",
    "io_error": "Không ghi/đọc được {path}: {error}",
    # ------------------------------------------------------------------ errors: config
    "config_invalid": "Cấu hình có {n} lỗi:",
    "config_dir_missing": "Thư mục cấu hình {path} (từ {origin}) không tồn tại.",
    "file_unreadable": "không đọc được tệp: {error}",
    "yaml_invalid": "YAML không hợp lệ: {problem}",
    "yaml_p_list": "thiếu dấu ']' đóng danh sách (hoặc thiếu dấu phẩy giữa các mục)",
    "yaml_p_map": "thiếu dấu ngoặc nhọn đóng (hoặc thiếu dấu phẩy giữa các khóa)",
    "yaml_p_colon": "không được có dấu ':' ở đây (một giá trị có dấu ':' phải đặt trong ngoặc kép; hoặc thụt lề sai)",
    "yaml_p_alias": "có bí danh (*tên) chưa được định nghĩa bằng &tên ở phía trên",
    "yaml_p_indent": "thụt lề không khớp với các dòng phía trên",
    "yaml_p_quote": "thiếu dấu ngoặc kép đóng",
    "yaml_p_char": "có ký tự không được đứng đầu một giá trị (tab, @, `…): thụt lề bằng dấu cách, đặt giá trị trong ngoặc kép",
    "yaml_p_nocolon": "thiếu dấu ':' sau tên khóa",
    "yaml_p_value": "thiếu giá trị ở đây",
    "yaml_too_big": "tệp lớn quá {limit} MB (tệp cấu hình chỉ cỡ vài chục KB)",
    "yaml_too_deep": "YAML lồng nhau quá {limit} tầng",
    "yaml_too_large": "YAML quá lớn khi mở các bí danh (alias): hơn {limit} nút",
    "yaml_alias_recursive": "bí danh *{anchor} nằm bên trong chính nút mà nó trỏ tới",
    "yaml_tag": "thẻ {tag} không được dùng trong tệp cấu hình",
    "yaml_bad_encoding": "byte không hợp lệ trong {encoding} ở cột {column} ({bytes}); hãy lưu tệp dạng UTF-8",
    "yaml_control_char": "ký tự điều khiển {char} ở cột {column}; tệp cấu hình chỉ được chứa văn bản",
    "cfg_control_char": (
        "chứa ký tự điều khiển {char} (xuống dòng, tab, ESC…); giá trị cấu hình chỉ được là một dòng chữ"
    ),
    "duplicate_key": "khóa bị lặp lại (chỉ được ghi một lần)",
    "cfg_missing": "thiếu (bắt buộc phải có)",
    "cfg_extra_forbidden": "khóa không được phép (gõ nhầm tên?)",
    "cfg_day_of_month": "phải là ngày trong tháng (1–31), không phải {value}",
    "cfg_finite_number": "phải là một số, không phải '{value}'",
    "cfg_int_type": "phải là số nguyên, không phải '{value}'",
    "cfg_int_parsing": "phải là số nguyên, không phải '{value}'",
    "cfg_int_from_float": "phải là số nguyên, không phải {value}",
    "cfg_greater_than_equal": "phải lớn hơn hoặc bằng {ge}, không phải {value}",
    "cfg_less_than_equal": "phải nhỏ hơn hoặc bằng {le}, không phải {value}",
    "cfg_string_type": "phải là một chuỗi chữ",
    "cfg_string_too_short": "không được để trống",
    "cfg_string_too_long": "dài quá {max_length} ký tự",
    "cfg_string_pattern_mismatch": "'{value}' chỉ được gồm chữ thường không dấu, số, '-' và '_'",
    "cfg_literal_error": "phải là một trong: {expected}; không phải '{value}'",
    "cfg_list_type": "phải là một danh sách",
    "cfg_too_short": "phải có ít nhất {min_length} mục",
    "cfg_model_type": "phải là một bảng 'khóa: giá trị'",
    "cfg_dict_type": "phải là một bảng 'khóa: giá trị'",
    "cfg_date_type": "phải là ngày dạng 2026-01-31 hoặc 31/01/2026",
    "cfg_date_parsing": "'{value}' không phải ngày (viết 2026-01-31 hoặc 31/01/2026)",
    "cfg_date_from_datetime_parsing": "'{value}' không phải ngày (viết 2026-01-31 hoặc 31/01/2026)",
    "cfg_date_from_datetime_inexact": "phải là ngày, không kèm giờ",
    "cfg_date_text": "'{value}' không phải ngày có thật (viết 2026-01-31 hoặc 31/01/2026)",
    "cfg_email": "'{value}' không phải địa chỉ e-mail",
    "cfg_email_many": (
        "'{value}' có nhiều địa chỉ; mỗi mục chỉ ghi một địa chỉ, nhiều địa chỉ thì viết thành danh sách: "
        "[a@x.vn, b@x.vn]"
    ),
    "cfg_timezone": "múi giờ '{value}' không tồn tại (ví dụ: Asia/Ho_Chi_Minh)",
    "cfg_other": "giá trị '{value}' không hợp lệ ở đây",
    "cfg_duplicate_id": "mã '{value}' đã dùng ở trên; mỗi mã chỉ dùng một lần",
    "cfg_before_or_by": "cần đúng một trong 'before' (trước ngày) hoặc 'by' (đến hết ngày)",
    "cfg_period_index": "kỳ {value} không có; loại kỳ này chỉ có 1–{count} trong năm",
    "cfg_unknown_rule": "không có quy tắc báo cáo '{value}' (có: {known})",
    "cfg_unknown_unit": "không có đơn vị '{value}' trong units.yaml",
    "cfg_day_off_long": "một khoảng nghỉ dài quá {n} ngày (gõ nhầm năm?); ghi từng đợt nghỉ riêng",
    "cfg_day_off_shape": "mỗi ngày nghỉ là một ngày, hoặc {date: …}, hoặc {from: …, to: …}",
    "cfg_cutoff": "phải là decree-09 (Nghị định 09/2019/NĐ-CP) hoặc {{from_day: 15, to_day: 14}}, không phải '{value}'",
    "cfg_date_range": "năm phải từ {first} đến {last}",
    "config_more": "  {active} đơn vị đang hoạt động hôm nay; {own} báo cáo của Ban; {meetings} cuộc họp định kỳ.",
    "config_mail": (
        "Gửi thư: {host}:{port} ({security}), người gửi {sender}, đăng nhập {user}, mật khẩu trong "
        "KHOAGIAO_SMTP_PASSWORD: {password}"
    ),
    "config_mail_none": "Gửi thư: chưa cấu hình (mục mail trong schedule.yaml hoặc KHOAGIAO_SMTP_HOST).",
    "yes": "có",
    "no": "không",
    "n_days": "{n} ngày",
    "cfg_password_in_file": "không ghi mật khẩu vào tệp cấu hình; đặt biến môi trường KHOAGIAO_SMTP_PASSWORD",
    "cfg_order": "phải sau {first}",
    "cfg_active_order": "active_until phải sau active_from",
    # ------------------------------------------------------------------ errors: lookups and submissions
    "unit_unknown": "Không có đơn vị '{query}'.{hint} Xem danh sách: khoagiao units",
    "unit_ambiguous": "'{query}' khớp với nhiều đơn vị; hãy ghi rõ mã:\n{candidates}",
    "rule_unknown": "Không có báo cáo '{query}'.{hint} Các báo cáo: {known}",
    "rule_ambiguous": "'{query}' khớp với nhiều báo cáo; hãy ghi rõ mã:\n{candidates}",
    "period_replaced": (
        "Kỳ {period} không có {rule} riêng: {other} thay cho nó. Hãy ghi nhận {other} (mã {other_id})."
    ),
    "unit_not_owing": "Đơn vị {unit} không phải gửi {rule} (xem units.yaml).",
    "unit_inactive": "Đơn vị {unit} không còn/chưa hoạt động trong kỳ {period}.",
    "received_future": "Ngày nhận {received} ở tương lai (hôm nay là {today}).",
    "channel_unknown": "Hình thức nhận '{value}' không hợp lệ; dùng: {known}.",
    "file_missing": "Không tìm thấy tệp đính kèm {path}.",
    "file_unreadable_input": "Không đọc được tệp {path}: {error}",
    "duplicate": (
        "{rule} kỳ {period} của {unit} đã được ghi nhận (nhận ngày {received}, sự kiện #{event}). "
        "Nếu cần sửa, dùng --correct."
    ),
    "nothing_to_correct": "Chưa có {rule} kỳ {period} của {unit} để sửa.",
    "nothing_to_correct_any": "Chưa có {rule} nào của {unit} để sửa.",
    "nothing_to_withdraw": "Chưa có {rule} kỳ {period} của {unit} để rút.",
    "no_outstanding": "Đơn vị {unit} không còn kỳ nào của {rule} đang chờ; hãy ghi rõ --period.",
    "init_exists": "Đã có tệp cấu hình, không ghi đè: {files}. Dùng --force để ghi đè.",
    # ------------------------------------------------------------------ errors: ledger
    "pg_unreachable": 'Không kết nối được sổ theo dõi {path}: {error}. Không có gì được ghi; kiểm tra máy chủ PostgreSQL rồi chạy lại lệnh.',
    "pg_denied_read": (
        "Tài khoản cơ sở dữ liệu không được phép đọc sổ theo dõi {path} ({error}). Chủ sổ có thể cho vai trò này vào "
        "nhóm người xem: khoagiao db init --reader TÊN_VAI_TRÒ."
    ),
    "pg_no_session": (
        "Không kết nối được sổ theo dõi {path}: {error}. Không có gì được ghi; kiểm tra máy chủ và cổng, tên cơ sở "
        "dữ liệu và tài khoản trong địa chỉ, và mật khẩu (PGPASSWORD hoặc ~/.pgpass), rồi chạy lại lệnh."
    ),
    "pg_denied": 'Tài khoản cơ sở dữ liệu không được phép làm việc này trên sổ theo dõi {path} ({error}); không có gì được ghi.',
    "db_url_unknown": "'{value}' không phải sổ theo dõi khoagiao dùng được: chỉ nhận tệp SQLite hoặc địa chỉ postgresql://… (không nhận '{scheme}://').",
    "db_url_password": (
        "Địa chỉ sổ theo dõi '{value}' có ghi mật khẩu: khoagiao không nhận mật khẩu trong địa chỉ, nơi nó bị lộ (trong "
        "thông báo, lịch sử lệnh, danh sách tiến trình). Hãy để libpq đọc mật khẩu từ PGPASSWORD hoặc ~/.pgpass "
        "(%APPDATA%\\postgresql\\pgpass.conf trên Windows) và ghi địa chỉ không có mật khẩu."
    ),
    "db_url_port_range": "Địa chỉ sổ theo dõi '{value}' không hợp lệ: cổng phải trong khoảng 1–65535 (PostgreSQL thường dùng 5432).",
    "db_url_bad": "Địa chỉ sổ theo dõi '{value}' không hợp lệ (cổng phải là một số), ví dụ postgresql://127.0.0.1:5432/khoagiao.",
    "db_locked": "Sổ theo dõi {path} đang bị tiến trình khác khóa quá lâu; không có gì được ghi. Hãy thử lại.",
    "db_readonly": "Sổ theo dõi {path} chỉ cho phép đọc; không có gì được ghi.",
    "db_unopenable": "Không mở hoặc tạo được sổ theo dõi {path}.",
    "disk_full": "Đĩa đầy hoặc lỗi ghi đĩa; không ghi được vào {path}. Không có gì bị thay đổi.",
    "db_error": "Lỗi sổ theo dõi {path}: {error}",
    "db_corrupt": "Tệp {path} không phải sổ theo dõi khoagiao hoặc đã hỏng ({error}). Hãy khôi phục từ bản sao lưu.",
    "db_timeout_bad": "KHOAGIAO_DB_TIMEOUT='{value}' không hợp lệ: cần một số giây từ 0 đến 999999, ví dụ 10.",
    "pg_schema_set_back": (
        "Sổ theo dõi {path} đã bị sửa ngoài khoagiao: bảng kg_schema ghi lược đồ {found}, nhưng cơ sở dữ liệu đã có "
        "những bảng các bước sau mới tạo ({names}). Hãy khôi phục từ bản sao lưu; khoagiao không mở sổ này."
    ),
    "pg_foreign": (
        "Cơ sở dữ liệu {path} có bảng của chương trình khác, không phải sổ theo dõi khoagiao; khoagiao không ghi vào "
        "đó. Hãy dùng một cơ sở dữ liệu trống hoặc sổ của khoagiao (--db)."
    ),
    "db_foreign": (
        "Tệp {path} là một cơ sở dữ liệu SQLite khác, không phải sổ theo dõi khoagiao; khoagiao không ghi "
        "vào đó. Hãy chọn tệp khác (--db)."
    ),
    "db_newer": (
        "Sổ theo dõi {path} được tạo bởi phiên bản khoagiao mới hơn (lược đồ {found} > {known}). Hãy cập "
        "nhật khoagiao."
    ),
    # ------------------------------------------------------------------ output words
    "st_on_time": "đúng hạn",
    "st_late": "gửi muộn {n} ngày",
    "st_overdue": "quá hạn",
    "st_due": "sắp đến hạn",
    "st_upcoming": "chưa đến hạn",
    "days_over": "quá {n} ngày",
    "days_today": "hạn hôm nay",
    "days_left": "còn {n} ngày",
    # ------------------------------------------------------------------ e-mail
    "col_late": "Muộn",
    "hours_left": "còn {n} giờ",
    "hours_over": "quá {n} giờ",
    "moved_from": "chuyển từ {day} ({reason})",
    "own_reports_title": "Báo cáo của Ban",
    "col_covers": "Số liệu từ–đến",
    "col_status": "Trạng thái",
    "col_unit": "Đơn vị",
    "col_code": "Mã",
    "col_name": "Tên",
    "col_short": "Viết tắt",
    "col_group": "Nhóm",
    "col_reports": "Báo cáo phải gửi",
    "col_email": "E-mail",
    "col_report": "Báo cáo",
    "col_period": "Kỳ",
    "col_wording": "Hạn theo văn bản",
    "col_deadline": "Hạn cuối",
    "col_deadline_words": "Hạn cuối (theo văn bản)",
    "col_weekday": "Thứ",
    "col_left": "Còn lại",
    "col_received": "Ngày nhận",
    "col_doc": "Số, ký hiệu",
    "col_channel": "Hình thức",
    "col_kind": "Sự kiện",
    "col_recorded": "Ghi lúc",
    "col_by": "Người ghi",
    "col_note": "Ghi chú",
    "all_reports": "tất cả",
    "kind_submit": "nhận",
    "kind_correct": "sửa",
    "kind_withdraw": "rút",
    "weekdays": "Thứ Hai,Thứ Ba,Thứ Tư,Thứ Năm,Thứ Sáu,Thứ Bảy,Chủ nhật",
    "due_title": "Báo cáo cần gửi — tính đến {as_of}, hạn đến {until}",
    "due_none": "Không có báo cáo nào quá hạn hoặc đến hạn trong {n} ngày tới (đến {until}). Mọi việc đều ổn.",
    "due_summary": "{overdue} quá hạn, {due} sắp đến hạn.",
    "overdue_title": "Báo cáo quá hạn tính đến {as_of}: {reports} của {units}",
    "overdue_line": "{report} ({period}): {wording} (hạn cuối {deadline}), {late}",
    "status_title": "Tình hình báo cáo năm {year} — tính đến {as_of}",
    "status_summary": (
        "{on_time} đúng hạn, {late} gửi muộn, {overdue} quá hạn, {due} sắp đến hạn, {upcoming} chưa đến hạn."
    ),
    "status_empty": "Không có báo cáo nào được theo dõi trong năm {year} (theo dõi từ {start}).",
    "schedule_title": "Lịch hạn báo cáo năm {year}",
    "units_title_on": "Các đơn vị đang hoạt động ngày {as_of} ({count})",
    "units_all_title": "Mọi đơn vị, kể cả đã giải thể hoặc sáp nhập ({count})",
    "col_active": "Hoạt động",
    "col_successor": "Đơn vị kế nhiệm",
    "o_units_all": "Liệt kê mọi đơn vị, kể cả đơn vị đã giải thể, sáp nhập (kèm ngày và đơn vị kế nhiệm).",
    "history_title": "Sổ theo dõi: {n} sự kiện",
    "history_empty": "Sổ theo dõi chưa có sự kiện nào.",
    "submitted": "Đã ghi nhận (sự kiện #{event}): {unit} — {report} ({period}), nhận ngày {received}.",
    "corrected": (
        "Đã ghi sửa (sự kiện #{event}) cho sự kiện #{previous}: {unit} — {report} ({period}), nhận ngày "
        "{received}."
    ),
    "chosen_period": "Kỳ {period} được chọn tự động: kỳ sớm nhất chưa gửi. Dùng --period để chọn kỳ khác.",
    "verdict_on_time": "Đúng hạn ({wording}; hạn cuối {deadline}).",
    "verdict_late": "Gửi muộn {n} ngày ({wording}; hạn cuối {deadline}).",
    "withdrawn": (
        "Đã ghi rút (sự kiện #{event}) báo cáo của sự kiện #{previous}: {unit} — {report} ({period}) lại là "
        "chưa gửi."
    ),
    "init_done": "Đã ghi cấu hình mặc định vào {path}:",
    "init_hint_used": "khoagiao sẽ dùng các tệp này. Sửa xong, chạy: khoagiao config",
    "init_hint_flag": "Để khoagiao dùng thư mục này: --config {path} hoặc KHOAGIAO_CONFIG={path}",
    "config_ok": "Cấu hình hợp lệ: {units} đơn vị, {rules} quy tắc báo cáo.",
    "config_settings": "Thiết lập:",
    "origin_flag": "--config",
    "origin_env": "biến KHOAGIAO_CONFIG",
    "origin_user": "thư mục cấu hình người dùng",
    "origin_embedded": "mặc định kèm theo khoagiao",
    "origin_default": "mặc định",
    "cfg_db_empty": "ghi đường dẫn tệp sổ theo dõi hoặc địa chỉ postgresql://…, hoặc bỏ khóa này",
    "cfg_db_url": "chỉ nhận tệp SQLite hoặc địa chỉ postgresql://người_dùng@máy_chủ:cổng/tên_csdl (cổng là một số)",
    "cfg_db_port_range": "cổng phải trong khoảng 1–65535 (PostgreSQL thường dùng 5432)",
    "cfg_db_password_in_file": "không ghi mật khẩu vào tệp cấu hình; libpq đọc PGPASSWORD, ~/.pgpass hoặc PGSERVICE",
    "cfg_files_empty": "ghi một thư mục (ví dụ \\\\may-chu\\khoagiao), hoặc bỏ khóa này",
    "cfg_files_url": "ghi một thư mục (ví dụ \\\\may-chu\\khoagiao), không phải một địa chỉ …://",
    "origin_db_config": "khóa db: của schedule.yaml",
    "origin_db_flag": "--db",
    "origin_db_env": "biến KHOAGIAO_DB",
    "origin_db_user": "thư mục dữ liệu người dùng",
    "origin_ledger": "ngày tạo sổ theo dõi",
    "ledger_not_created": "chưa có sổ; sẽ là ngày thật ghi báo cáo đầu tiên (theo đồng hồ máy, không theo --as-of)",
    "config_ledger": "Sổ theo dõi: {path} ({origin})",
    "config_lang": "Ngôn ngữ: {lang}",
    "written": "Đã ghi {path} ({n} báo cáo).",
    # ------------------------------------------------------------------ help texts
    "h_app": (
        "khoagiao — theo dõi báo cáo của các đơn vị Khối khoa giáo gửi Ban Tuyên giáo và Dân vận Tỉnh ủy: "
        "báo cáo nào đến hạn, quá hạn, đã nhận. Dùng --lang en cho tiếng Anh."
    ),
    "h_due": "Báo cáo quá hạn và sắp đến hạn (chạy mỗi sáng).",
    "h_submit": (
        "Ghi nhận một báo cáo đã nhận. ĐƠN_VỊ: mã hoặc một phần tên đơn vị; BÁO_CÁO: mã báo cáo (monthly, q1, "
        "h1, q3, annual)."
    ),
    "h_withdraw": "Rút một báo cáo đã ghi nhận (ghi thêm sự kiện rút, không xóa gì).",
    "h_overdue": "Danh sách quá hạn cho cron: không in gì và thoát 0 khi không có gì quá hạn.",
    "h_status": "Tình hình mọi báo cáo trong năm của một hoặc mọi đơn vị.",
    "h_export": "Xuất tình hình năm ra JSON, CSV, TOML, lịch ICS (điện thoại, Outlook) hoặc bảng tính Excel.",
    "h_units": "Danh sách đơn vị.",
    "chain_footer": "Sổ theo dõi: {n} bản ghi, đầu chuỗi băm {head} (khoagiao verify --head {head})",
    "db_damaged": "Sổ theo dõi {path} có bản ghi hỏng hoặc bị sửa ngoài khoagiao ({error}). Chạy khoagiao verify để biết bản ghi nào; khôi phục từ bản sao lưu.",
    "db_tampered": "Sổ theo dõi {path} đã bị sửa ngoài khoagiao: tệp mang dấu của khoagiao (có từ lược đồ {marked}) nhưng ghi lược đồ {found}. Hãy khôi phục từ bản sao lưu; khoagiao không mở tệp này.",
    "verify_old_schema": "Sổ theo dõi {path} ở lược đồ {found} (do khoagiao cũ ghi): chưa có chuỗi băm để kiểm tra. Lệnh tiếp theo (ví dụ khoagiao due) sẽ nâng cấp sổ và lập chuỗi cho các bản ghi hiện có; verify không tự nâng cấp.",
    "verify_none": (
        "Chưa có sổ theo dõi tại {path}: không có gì để kiểm tra (sổ được tạo khi ghi báo cáo đầu tiên hoặc bằng "
        "khoagiao db init). Kiểm tra lại --db hoặc KHOAGIAO_DB nếu đây là lỗi gõ."
    ),
    "verify_head_only": "Sổ theo dõi {path} không còn trạng thái của báo cáo đã xuất:",
    "finding_gap": "mắt xích {name} của chuỗi băm đã bị xóa (cùng bản ghi của chúng).",
    "finding_link": "mắt xích #{seq} của chuỗi băm không do khoagiao ghi.",
    "verify_predating": "{n} bản ghi có từ trước khi có chuỗi băm (sổ được nâng cấp lên lược đồ 5): chuỗi chỉ bảo đảm chúng từ lúc nâng cấp, không phải từ lúc ghi.",
    "h_verify": (
        "Kiểm tra sổ theo dõi: mọi bản ghi còn nguyên như lúc ghi (chuỗi băm SHA-256), không bị sửa, xóa hay "
        "chèn thêm ngoài khoagiao."
    ),
    "o_head": (
        "Mã đầu chuỗi in trên một báo cáo xuất trước đây (export): kiểm tra sổ vẫn chứa đúng trạng thái lúc đó "
        "(ít nhất 12 ký tự đầu)."
    ),
    "head_bad": "Giá trị của --head không hợp lệ: '{value}' phải là mã băm hệ 16 (12–64 ký tự 0-9, a-f).",
    "verify_tampered": "Sổ theo dõi {path} đã bị sửa ngoài khoagiao ({n} chỗ không khớp):",
    "record_events": "sự kiện #{id}",
    "record_requests": "yêu cầu #{id}",
    "record_incidents": "sự việc #{id}",
    "record_reminders": "thư nhắc #{id}",
    "finding_changed": "{record}: nội dung khác với lúc ghi (bị sửa sau khi ghi).",
    "finding_deleted": "{record}: đã bị xóa khỏi sổ.",
    "finding_unchained": "{record}: được ghi ngoài khoagiao (không có trong chuỗi băm).",
    "finding_schema": "lược đồ: '{name}' bị xóa, thêm hoặc đổi (khác với lược đồ khoagiao tạo).",
    "findings_more": "… và {n} chỗ khác.",
    "head_missing": (
        "Mã {head} không có trong chuỗi băm: sổ đã bị viết lại từ trước thời điểm báo cáo mang mã này được xuất."
    ),
    "verify_ok": "Sổ theo dõi {path}: {n} bản ghi, chuỗi băm khớp từ đầu đến cuối; lược đồ đúng như khoagiao tạo.",
    "verify_head": "Đầu chuỗi: {head}",
    "head_found": (
        "Mã {head} có trong chuỗi: là đầu chuỗi khi sổ có {at} bản ghi (bản ghi thứ {at}); mọi bản ghi đến đó "
        "còn nguyên."
    ),
    "h_schedule": "Lịch hạn báo cáo trong năm.",
    "h_history": "Các sự kiện trong sổ theo dõi (nhận, sửa, rút, hủy).",
    "h_init": "Ghi cấu hình mặc định ra THƯ_MỤC để chỉnh sửa.",
    "h_config": "Kiểm tra cấu hình và cho biết mỗi thiết lập lấy từ đâu.",
    "h_help": "In hướng dẫn này rồi thoát.",
    "h_version": "In phiên bản rồi thoát.",
    "o_as_of": (
        "Coi NGÀY là hôm nay (2026-03-18, 18/03/2026, 18/3); có thể kèm giờ (2026-03-18T14:30) cho hạn tính "
        "theo giờ."
    ),
    "o_within": (
        "Xem bao nhiêu ngày tới (mặc định: due_soon); đếm ngày làm việc khi due_soon đếm ngày làm việc "
        "(mặc định), ngày lịch khi due_soon đếm ngày lịch."
    ),
    "o_unit": "Chỉ một đơn vị (mã hoặc một phần tên).",
    "o_unit_arg": "Đơn vị: mã hoặc một phần tên, không phân biệt hoa thường, có dấu hay không.",
    "o_report_arg": "Báo cáo: mã quy tắc (monthly, q1, h1, q3, annual) hoặc một phần tên.",
    "o_format_due": (
        "table (bảng), plain (chữ thường) hoặc json. Mặc định: bảng trên màn hình, chữ thường khi chuyển "
        "hướng."
    ),
    "o_format_overdue": "plain hoặc json.",
    "o_format_table_json": "table hoặc json.",
    "o_format_export": "json, csv, toml, ics (lịch) hoặc xlsx (Excel).",
    "o_fail": "Thoát với mã 1 nếu có báo cáo quá hạn.",
    "o_period": "Kỳ báo cáo: tháng 3/2026 (T3/2026, 2026-03), quý I/2026 (Q1/2026, 2026-Q1), 6 tháng đầu năm 2026 (2026-H1), năm 2026. Mặc định: kỳ sớm nhất chưa gửi.",
    "o_period_req": "Kỳ báo cáo: tháng 3/2026 (T3/2026, 2026-03), quý I/2026 (Q1/2026, 2026-Q1), 6 tháng đầu năm 2026 (2026-H1), năm 2026.",
    "o_received": "Ngày nhận (mặc định: hôm nay).",
    "o_doc": "Số, ký hiệu văn bản, ví dụ 125/BC-SYT.",
    "o_channel": "Hình thức nhận: giấy, thư điện tử (email), văn phòng điện tử (eoffice), khác; viết có dấu hay không dấu đều được.",
    "o_file": "Tệp báo cáo: lưu một bản sao vào kho tệp cạnh sổ theo dõi (đặt tên theo mã SHA-256), cùng đường dẫn và mã SHA-256.",
    "o_note": "Ghi chú.",
    "o_correct": "Ghi sửa cho báo cáo đã ghi nhận (ngày nhận, số văn bản…).",
    "o_year": "Năm (mặc định: năm hiện tại).",
    "o_output": "Ghi ra TỆP (ghi an toàn: tệp tạm rồi đổi tên) thay vì màn hình.",
    "o_lang": "Ngôn ngữ: vi hoặc en (hoặc biến KHOAGIAO_LANG).",
    "o_config": "Thư mục cấu hình chứa units.yaml, schedule.yaml (hoặc KHOAGIAO_CONFIG).",
    "o_db": "Tệp sổ theo dõi SQLite, hoặc địa chỉ postgresql://… của sổ dùng chung (hoặc KHOAGIAO_DB).",
    "o_force": "Ghi đè các tệp đã có.",
    "o_dir": "Thư mục đích (mặc định: thư mục cấu hình người dùng).",
    "o_history_unit": "Chỉ sự kiện của đơn vị này.",
    "o_history_report": "Chỉ báo cáo này.",
    "what_deadline": "--deadline",
    "what_occurred": "--occurred",
    "bad_month": "Tháng '{value}' không hợp lệ (1–12).",
    "written_ics": "Đã ghi {path} ({n} sự kiện, trong đó {deadlines} hạn báo cáo).",
    "unit_not_requested": (
        "đơn vị '{unit}' không thuộc danh sách được yêu cầu báo cáo '{request}' (xem: khoagiao request list)"
    ),
    "period_unknown_adhoc": "{report} không có kỳ '{period}'; có: {known}",
    "ics_name": "Lịch báo cáo khối khoa giáo năm {year}",
    "ics_deadline": "Hạn: {title}",
    "ics_owing": "Đơn vị chưa gửi: {n}",
    "cal_month": "Tháng {month}/{year}",
    "weekdays_short": "T2,T3,T4,T5,T6,T7,CN",
    "cal_nothing": "(không có hạn báo cáo hay cuộc họp)",
    "cal_legend": "• hạn báo cáo   ◆ cuộc họp   ngày mờ: ngày nghỉ",
    "ex_head": "{unit} ({code}) — {report} ({id}), kỳ {period}",
    "ex_rule": "Quy tắc: gửi {wording}.",
    "ex_request": "Yêu cầu theo văn bản {doc}: gửi {wording}.",
    "ex_incident": "Báo cáo đột xuất: sự việc xảy ra lúc {occurred}; hạn gửi văn bản: {deadline}.",
    "ex_nominal": "Ngày cuối còn đúng hạn theo văn bản: {day} ({weekday}).",
    "ex_skipped": "{day} ({weekday}) là ngày nghỉ: {reason}",
    "ex_deadline": "Hạn cuối: {day} ({weekday}), là ngày làm việc.",
    "ex_deadline_moved": "Hạn cuối: {day} ({weekday}) — {how}.",
    "ex_deadline_kept": "Hạn cuối: {day} ({weekday}) — quy tắc không dời hạn khỏi ngày nghỉ (shift: none).",
    "ex_shift_next_working_day": "chuyển sang ngày làm việc tiếp theo (Bộ luật Dân sự 2015, điều 148)",
    "ex_shift_previous_working_day": "lùi về ngày làm việc trước đó",
    "ex_shift_none": "không dời",
    "ex_covers": "Số liệu chốt từ {start} đến {end}.",
    "ex_no_events": "Sổ theo dõi: chưa ghi nhận báo cáo này.",
    "ex_event": "Sổ theo dõi: {text}",
    "ex_received": "{day}",
    "st_late_hours": "gửi muộn {n} giờ",
    "verdict_late_hours": "Gửi muộn {n} giờ (hạn cuối {deadline}).",
    "ex_recorded": "ghi lúc {at} bởi {by}",
    "ex_untracked": "Hạn này trước ngày bắt đầu theo dõi ({start}), nên không bị tính là quá hạn.",
    "st_untracked": "không theo dõi",
    "ex_status": "Trạng thái ngày {as_of}: {status}.",
    "request_id_bad": (
        "mã yêu cầu '{value}' không hợp lệ: dùng chữ thường không dấu, số, '-', '_' hoặc '.', ví dụ "
        "qc238-2026"
    ),
    "request_id_taken": "'{value}' đã là mã một quy tắc báo cáo; hãy chọn mã khác",
    "request_exists": "đã có yêu cầu '{value}' (kể cả đã hủy); hãy chọn mã khác",
    "request_title_empty": "--title không được để trống",
    "request_units_or_group": "chỉ dùng một trong --units hoặc --group",
    "group_unknown": "không có đơn vị nào thuộc nhóm '{value}' (có các nhóm: {known})",
    "request_unknown": "không có yêu cầu '{value}' (có: {known})",
    "request_cancelled_already": "yêu cầu '{value}' đã hủy trước đó",
    "within_hours_bad": "--within phải từ 1 đến 720 giờ, không phải {value}",
    "occurred_future": "thời điểm xảy ra {occurred} ở sau hiện tại ({now})",
    "request_added": "Đã ghi yêu cầu '{id}': {title}; hạn {deadline}; {n} đơn vị phải báo cáo.",
    "request_cancelled": "Đã hủy yêu cầu '{id}' ({title}).",
    "requests_none": "Chưa có yêu cầu báo cáo nào (thêm bằng: khoagiao request add).",
    "requests_title": "Yêu cầu báo cáo theo văn bản ({count})",
    "col_id": "Mã",
    "col_title": "Nội dung",
    "col_received_count": "Đã nhận",
    "cancelled": "đã hủy",
    "incident_added": (
        "Đã ghi sự việc #{id} của {unit}: {title}. Hạn gửi báo cáo bằng văn bản: {deadline} (trong {n} giờ)."
    ),
    "h_remind": (
        "Thư nhắc (đôn đốc) cho từng đơn vị có báo cáo quá hạn hoặc sắp đến hạn; xem trước, hoặc gửi với "
        "--send."
    ),
    "o_send": "Gửi thư qua máy chủ SMTP (mục mail trong schedule.yaml, biến KHOAGIAO_SMTP_*).",
    "o_force_remind": "Gửi lại cả thư đã gửi hôm nay.",
    "o_eml": "Ghi mỗi thư thành một tệp .eml trong THƯ_MỤC.",
    "o_mail_to": "Gửi bảng tổng hợp quá hạn tới địa chỉ này (nhiều địa chỉ cách nhau dấu phẩy) thay vì in ra.",
    "mail_to_bad": "--mail-to '{value}' không phải địa chỉ e-mail",
    "smtp_security_bad": "KHOAGIAO_SMTP_SECURITY '{value}' không hợp lệ; dùng: {known}",
    "env_blank": "{name} chỉ có khoảng trắng; hãy đặt giá trị hoặc bỏ biến này",
    "env_control": "{name}='{value}' chứa ký tự điều khiển (xuống dòng, ESC…); hãy đặt lại biến này",
    "mail_from_bad": "KHOAGIAO_MAIL_FROM '{value}' không phải một địa chỉ e-mail",
    "smtp_port_bad": "KHOAGIAO_SMTP_PORT '{value}' không phải cổng (1–65535)",
    "smtp_no_host": "Chưa có máy chủ gửi thư: đặt KHOAGIAO_SMTP_HOST hoặc mail.host trong schedule.yaml.",
    "smtp_no_sender": "Chưa có địa chỉ người gửi: đặt KHOAGIAO_MAIL_FROM hoặc mail.from trong schedule.yaml.",
    "smtp_unreachable": "không kết nối được máy chủ thư {host}:{port} ({error})",
    "smtp_auth_failed": "máy chủ thư từ chối đăng nhập của {user} ({code} {error})",
    "smtp_no_starttls": "máy chủ {host}:{port} không hỗ trợ STARTTLS",
    "smtp_refused": "máy chủ thư từ chối địa chỉ: {addresses}",
    "smtp_rejected": "máy chủ thư không nhận thư ({code} {error})",
    "remind_none": "Không có đơn vị nào cần nhắc tính đến {as_of}.",
    "remind_preview": "Xem trước {n} thư nhắc; thêm --send để gửi.",
    "remind_unreachable": "Không gửi được cho {n} đơn vị chưa có địa chỉ e-mail (khóa email trong units.yaml): {units}",
    "remind_sent": "Đã gửi: {unit} ({code}) → {to} ({n} báo cáo).",
    "remind_skipped": (
        "Bỏ qua: {unit} ({code}) đã được nhắc đúng những báo cáo này hôm nay lúc {at}; dùng --force để gửi "
        "lại."
    ),
    "remind_failed": "không gửi được cho {unit} ({code}): {error}",
    "eml_written": "Đã ghi {n} tệp .eml vào {folder}.",
    "digest_failed": "không gửi được bảng tổng hợp tới {to}: {error}",
    "digest_sent": "Đã gửi bảng tổng hợp ({n} báo cáo quá hạn) tới {to}.",
    "no_email": "(chưa có địa chỉ e-mail)",
    "sender_unset": "(chưa đặt: KHOAGIAO_MAIL_FROM)",
    "mail_from_label": "Từ",
    "mail_to_label": "Đến",
    "mail_subject_label": "Tiêu đề",
    "mail_subject": "[{office}] V/v đôn đốc gửi báo cáo ({overdue} quá hạn, {due} sắp đến hạn) — {date}",
    "mail_to": "Kính gửi: {unit}",
    "mail_basis": "Thực hiện {basis}, {office} đề nghị quý cơ quan gửi các báo cáo sau:",
    "mail_no_basis": "Thực hiện chế độ báo cáo định kỳ, {office} đề nghị quý cơ quan gửi các báo cáo sau:",
    "mail_item": "{n}. {report}, kỳ {period}: {wording} (hạn cuối {deadline}) — {left}.",
    "mail_how_email": "Báo cáo gửi bằng văn bản về {office}, đồng thời gửi tệp điện tử qua địa chỉ {email}.",
    "mail_how": "Báo cáo gửi bằng văn bản về {office}, đồng thời gửi tệp điện tử qua thư điện tử.",
    "mail_already": "Nếu quý cơ quan đã gửi, xin bỏ qua thư này và báo lại để Ban cập nhật sổ theo dõi.",
    "mail_regards": "Trân trọng./.",
    "mail_footer": "Thư được gửi từ khoagiao, công cụ theo dõi báo cáo của Ban.",
    "h_stats": (
        "Bảng đánh giá việc gửi báo cáo đúng hạn trong năm: mỗi đơn vị phải gửi, đúng hạn, muộn, còn thiếu; "
        "xếp hạng."
    ),
    "stats_title": "Đánh giá gửi báo cáo đúng hạn năm {year} — tính đến {as_of}",
    "stats_legend": (
        "Tỉ lệ = đúng hạn / phải gửi (hạn đến hôm nay); muộn tính bằng ngày.\nT1–T12: ✓ đúng hạn  ! muộn  ✗ "
        "còn thiếu  · chưa đến hạn"
    ),
    "stats_none": "Chưa có báo cáo nào phải gửi trong năm {year}.",
    "col_rank": "Hạng",
    "col_owed": "Phải gửi",
    "col_on_time": "Đúng hạn",
    "col_avg_late": "TB muộn (ngày)",
    "col_max_late": "Muộn nhất",
    "col_missing": "Còn thiếu",
    "col_delays": "TB/nhất",
    "col_missing_short": "Thiếu",
    "col_rate_short": "Tỉ lệ",
    "col_rate": "Tỉ lệ đúng hạn",
    "col_months": "T1–T12",
    "xlsx_year": "Năm {year}",
    "xlsx_due": "hạn {day}",
    "xlsx_events": "Sự kiện",
    "xlsx_scores": "Xếp hạng {year}",
    "output_dash": "Tệp này là tệp nhị phân, không in ra đầu ra chuẩn (-o -): hãy đặt tên tệp, ví dụ -o theo-doi.xlsx.",
    "xlsx_as_of": "Tình hình đến ngày {day}",
    "xlsx_page": "Trang &P/&N",
    "xlsx_legend": "Chú thích màu:",
    "xlsx_legend_on_time": "đúng hạn",
    "xlsx_legend_late": "gửi muộn",
    "xlsx_legend_overdue": "quá hạn",
    "xlsx_legend_due": "sắp đến hạn",
    "xlsx_legend_upcoming": "chưa đến hạn",
    "xlsx_needs_output": "Định dạng xlsx là tệp nhị phân: hãy ghi ra tệp với -o TỆP.xlsx.",
    "written_xlsx": "Đã ghi {path} ({n} trang tính).",
    "h_import": (
        "Nhập các báo cáo đã nhận từ bảng theo dõi của văn phòng (.csv hoặc .xlsx); chỉ ghi khi mọi dòng đều "
        "hợp lệ."
    ),
    "o_import_file": (
        "Tệp .csv hoặc .xlsx có các cột unit/đơn vị, report/báo cáo, period/kỳ, received/ngày nhận (và "
        "doc_number/số, channel/hình thức, note/ghi chú); dòng tiêu đề có thể nằm dưới vài dòng tên bảng. Đọc được "
        "cả tệp xlsx do khoagiao export xuất ra (trang tính Sự kiện)."
    ),
    "o_dry_run": "Chỉ kiểm tra và cho xem sẽ ghi gì; không ghi.",
    "cal_days_off": "Ngày nghỉ: {days}",
    "cal_worked": "Làm bù (Thứ Bảy, Chủ nhật đi làm): {days}",
    "usage_no_option": "Không có tùy chọn {name}.",
    "usage_missing_option": "Thiếu tùy chọn {name}.",
    "usage_missing_argument": "Thiếu tham số {name}.",
    "usage_bad_value": "Giá trị của {name} không hợp lệ: {detail}",
    "usage_not_number": "'{value}' không phải một số.",
    "usage_out_of_range": "{value} nằm ngoài khoảng {range}.",
    "usage_needs_value": "Tùy chọn {name} cần một giá trị.",
    "usage_no_value": "Tùy chọn {name} không nhận giá trị.",
    "usage_extra": "Thừa tham số: {args}.",
    "usage_no_command": "Không có lệnh '{name}'.",
    "usage_hint": "Xem hướng dẫn: {command} -h",
    "aborted": "Đã dừng.",
    "import_missing": "Không tìm thấy tệp {path}.",
    "import_format": "Tệp {path}: chỉ nhập được .csv hoặc .xlsx.",
    "import_encoding": "Tệp {path} không phải văn bản UTF-8; hãy lưu lại dạng CSV UTF-8.",
    "import_not_xlsx": "Tệp {path} không phải bảng tính Excel (.xlsx) (có thể là .xls cũ hoặc tệp đã hỏng); hãy lưu lại dạng .xlsx hoặc .csv.",
    "import_unreadable": "Không đọc được bảng tính {path} ({error}).",
    "import_empty": "Tệp {path} trống.",
    "import_columns": (
        "Thiếu cột: {missing}. Dòng tiêu đề có: {found}. Cần các cột Đơn vị, Báo cáo, Kỳ, Ngày nhận (như trang "
        "'Sự kiện' của tệp khoagiao export --format xlsx)."
    ),
    "import_col_received": "ngày nhận",
    "import_row": "Dòng {row}: {error}",
    "import_twice": "trùng với dòng {other} (cùng đơn vị, báo cáo và kỳ)",
    "import_conflict": "đã ghi nhận ngày {received} (sự kiện #{event}); muốn sửa thì dùng khoagiao submit --correct",
    "import_raced": "Các dòng {rows} vừa được ghi bởi người khác; không ghi gì. Hãy chạy lại.",
    "import_bad": "{n} dòng không hợp lệ; không ghi dòng nào:",
    "import_too_many": "Tệp {path} có hơn {max} dòng; mỗi lần nhập tối đa {max} dòng, hãy chia tệp.",
    "import_done": "Đã ghi {n} báo cáo từ {path} (sự kiện {ids}).",
    "import_nothing": "Không có báo cáo mới nào để ghi từ {path}.",
    "import_already": "Bỏ qua {n} dòng đã có trong sổ: {rows}.",
    "import_would": "Sẽ ghi {n} báo cáo (chạy thử, chưa ghi gì):",
    # ------------------------------------------------------------------ hostile input: characters, sizes, files
    "usage_control": "chứa ký tự điều khiển {char} ở vị trí {pos}; hãy gõ lại giá trị này (đừng dán ký tự lạ).",
    "usage_not_utf8": "không phải văn bản UTF-8 hợp lệ (vị trí {pos}); hãy gõ lại giá trị này.",
    "text_control": "{what}: chứa ký tự điều khiển {char} ở vị trí {pos}; hãy xóa ký tự đó.",
    "text_not_utf8": "{what}: không phải văn bản UTF-8 hợp lệ (vị trí {pos}).",
    "text_too_long": "{what}: dài {n} ký tự, quá giới hạn {max} ký tự.",
    "import_column": "cột {column} ({name})",
    "import_heading": "Dòng {row}, cột {column}",
    "import_cell_huge": "Tệp {path}, dòng {row}: có ô dài quá {limit} ký tự; mỗi ô chỉ được tối đa {max} ký tự.",
    "import_csv_bad": "Tệp {path}, dòng {row}: không đọc được dạng CSV ({error}).",
    "import_stdin": (
        "khoagiao import chưa đọc được từ đầu vào chuẩn (-); hãy lưu bảng thành tệp .csv hoặc .xlsx rồi ghi tên tệp."
    ),
    "not_a_file": "Không dùng được {path}: đó {kind}, không phải một tệp.",
    "kind_folder": "là một thư mục",
    "kind_fifo": "là một ống dẫn (FIFO)",
    "kind_device": "là một thiết bị",
    "kind_socket": "là một socket",
    "kind_other": "là một tệp đặc biệt",
    "output_not_file": "Không ghi đè được {path}: đó {kind}, không phải một tệp.",
    "output_parent_not_folder": "Không ghi được {path}: {folder} không phải một thư mục.",
    "h_letter": (
        "Soạn dự thảo công văn đôn đốc (tệp Word .docx, thể thức Hướng dẫn 36-HD/VPTW) gửi một đơn vị còn nợ "
        "báo cáo quá hạn, hoặc (--all) một công văn gửi mọi đơn vị còn nợ, kèm phụ lục từng đơn vị."
    ),
    "o_letter_output": (
        "Tệp .docx để ghi (mặc định: cong-van-don-doc-MÃ-NGÀY.docx; "
        "với --all: cong-van-don-doc-NGÀY.docx)."
    ),
    "o_letter_unit": "Đơn vị nhận công văn (mã, tên hoặc tên viết tắt); bỏ trống khi dùng --all.",
    "o_letter_all": (
        "Một công văn gửi mọi đơn vị có báo cáo quá hạn (\"Kính gửi: các đơn vị có tên tại phụ lục\"), phụ lục "
        "liệt kê từng đơn vị với các báo cáo còn thiếu."
    ),
    "letter_unit_or_all": "Hãy nêu hoặc một đơn vị (khoagiao letter MÃ), hoặc --all cho mọi đơn vị; không dùng cả hai.",
    "letter_all_none": "Không có đơn vị nào có báo cáo quá hạn tính đến {as_of}; không soạn công văn.",
    "letter_all_written": (
        "Đã ghi dự thảo công văn {path} gửi {units} ({reports} quá hạn). Hãy điền số công văn trước khi trình ký."
    ),
    "letter_all_title": "Công văn đôn đốc gửi báo cáo — các đơn vị có tên tại phụ lục",
    "letter_all_to": "Kính gửi: các đơn vị có tên tại phụ lục",
    "letter_all_opening": (
        "{basis}, các cơ quan, đơn vị trong Khối khoa giáo định kỳ gửi báo cáo về {office}. Tính đến ngày "
        "{as_of}, {office} chưa nhận được {reports} của {units} có tên tại phụ lục kèm theo công văn này."
    ),
    "letter_all_request": (
        "Để kịp thời tổng hợp, báo cáo Thường trực Tỉnh ủy, {office} đề nghị các đơn vị khẩn trương hoàn thành "
        "và gửi các báo cáo còn thiếu về Ban{how}."
    ),
    "letter_appendix": "PHỤ LỤC",
    "letter_appendix_title": "Các báo cáo quá hạn của từng đơn vị",
    "letter_appendix_of": "(Kèm theo Công văn số        -{symbol}, {date} của {office})",
    "letter_none": "{unit} không có báo cáo nào quá hạn tính đến {as_of}; không soạn công văn.",
    "letter_written": "Đã ghi dự thảo công văn {path} ({n} báo cáo quá hạn). Hãy điền số công văn trước khi trình ký.",
    "letter_date": "ngày {day} tháng {month} năm {year}",
    "letter_title": "Công văn đôn đốc gửi báo cáo — {unit}",
    "letter_number": "Số        -{symbol}",
    "letter_subject": "V/v đôn đốc gửi báo cáo",
    "letter_to": "Kính gửi: {unit}",
    "letter_basis": "Thực hiện {basis}",
    "letter_no_basis": "Thực hiện chế độ báo cáo định kỳ",
    "letter_opening": (
        "{basis}, các cơ quan, đơn vị trong Khối khoa giáo định kỳ gửi báo cáo về {office}. Tính đến ngày "
        "{as_of}, {office} chưa nhận được các báo cáo sau của {unit}:"
    ),
    "letter_col_n": "TT",
    "letter_col_deadline": "Hạn gửi",
    "letter_deadline": "{wording} (hạn cuối {deadline})",
    "letter_col_late": "Quá hạn",
    "letter_how_email": ", đồng thời gửi tệp điện tử qua địa chỉ {email}",
    "letter_request": (
        "Để kịp thời tổng hợp, báo cáo Thường trực Tỉnh ủy, {office} đề nghị {unit} khẩn trương hoàn thành "
        "và gửi các báo cáo trên về Ban{how}."
    ),
    "letter_closing": "Đề nghị quý cơ quan quan tâm, phối hợp thực hiện./.",
    "letter_recipients": "Nơi nhận:",
    "letter_recipient_unit": "- Như trên,",
    "letter_recipient_archive": "- Lưu Văn phòng Ban.",
    "letter_signer_blank": "(họ và tên người ký)",
    "h_summary": (
        "Trang tổng hợp cho giao ban Khối hằng quý (tệp Word .docx): từng đơn vị phải gửi bao nhiêu báo cáo có hạn "
        "trong quý, bao nhiêu đúng hạn, muộn, chưa gửi; các đơn vị cần đôn đốc; tỉ lệ đúng hạn so với quý trước."
    ),
    "o_quarter": "Quý: 1, 2, 3 hoặc 4 (cũng nhận I–IV, Q1, quý I).",
    "o_quarter_year": "Năm của quý (mặc định: năm của quý ấy gần đây nhất đã bắt đầu: tháng 1, quý 4 là quý IV năm trước).",
    "o_summary_output": "Tệp .docx để ghi (mặc định: giao-ban-NĂM-QUÝ.docx, ví dụ giao-ban-2026-Q1.docx).",
    "bad_quarter": "Quý '{value}' không hợp lệ: dùng 1, 2, 3 hoặc 4 (hoặc I–IV).",
    "summary_none": "Không có báo cáo nào của các đơn vị có hạn trong {quarter}; không tạo tệp.",
    "summary_written": (
        "Đã ghi trang tổng hợp {quarter} vào {path}: {expected} báo cáo phải gửi, {on_time} đúng hạn, {late} muộn, "
        "{missing} chưa gửi."
    ),
    "summary_title": "Tình hình gửi báo cáo {quarter}",
    "summary_heading": "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ",
    "summary_subheading": "Các báo cáo có hạn gửi trong {quarter}, tính đến ngày {as_of}",
    "summary_purpose": "(Phục vụ giao ban Khối khoa giáo {quarter})",
    "summary_section_overall": "1. Tình hình chung",
    "summary_section_units": "2. Từng đơn vị",
    "summary_section_urge": "3. Các đơn vị cần đôn đốc",
    "summary_overall": (
        "Trong {quarter}, các đơn vị phải gửi {expected} báo cáo. Tính đến ngày {as_of}: {on_time} báo cáo gửi đúng "
        "hạn, {late} báo cáo gửi muộn, {missing} báo cáo chưa gửi (đã quá hạn), {early} báo cáo đã nhận trước hạn, "
        "{not_due} báo cáo chưa đến hạn."
    ),
    "summary_rate": "Tỉ lệ gửi đúng hạn {quarter}: {rate}; {before}: {before_rate}{change}.",
    "summary_up": " (tăng {points} điểm phần trăm)",
    "summary_down": " (giảm {points} điểm phần trăm)",
    "summary_same": " (không đổi)",
    "summary_no_rate": "chưa có báo cáo đến hạn",
    "summary_col_expected": "Phải gửi",
    "summary_col_missing": "Chưa gửi (quá hạn)",
    "summary_col_early": "Nhận trước hạn",
    "summary_col_not_due": "Chưa đến hạn",
    "summary_col_rate": "Tỉ lệ đúng hạn",
    "summary_total": "Cộng",
    "summary_urge_line": "- {unit}: {reports}.",
    "summary_urge_report": "{report} ({period}, {late})",
    "summary_urge_none": "Không có đơn vị nào còn nợ báo cáo có hạn trong {quarter}.",
    "h_explain": (
        "Giải thích một báo cáo: quy tắc → ngày theo văn bản → các ngày nghỉ được bỏ qua → hạn cuối → sổ "
        "theo dõi → trạng thái."
    ),
    "h_calendar": "Lịch từng tháng: hạn báo cáo và các cuộc họp (giao ban Khối, hội nghị), ngày nghỉ.",
    "h_request": "Yêu cầu báo cáo theo văn bản (một lần): thêm, xem, hủy.",
    "h_request_add": (
        "Ghi một yêu cầu báo cáo theo công văn; các đơn vị được yêu cầu sẽ thấy nó trong due, overdue, "
        "status, export."
    ),
    "h_request_list": "Các yêu cầu báo cáo và số đơn vị đã gửi.",
    "h_request_cancel": "Hủy một yêu cầu (ghi thêm sự kiện hủy, không xóa gì).",
    "h_incident": "Báo cáo đột xuất khi có sự việc nhạy cảm, hạn tính theo giờ.",
    "h_incident_add": (
        "Ghi một sự việc đột xuất của đơn vị; hạn gửi báo cáo bằng văn bản là trong --within giờ kể từ lúc "
        "xảy ra."
    ),
    "o_period_arg": "Kỳ báo cáo: tháng 3/2026 (T3/2026, 2026-03), quý I/2026 (Q1/2026, 2026-Q1), 6 tháng đầu năm 2026 (2026-H1), năm 2026.",
    "o_month": "Chỉ một tháng (1–12).",
    "o_request_id": "Mã ngắn của yêu cầu, dùng khi ghi nhận: khoagiao submit syt MÃ.",
    "o_title": "Nội dung yêu cầu báo cáo.",
    "o_request_deadline": "Hạn gửi theo văn bản (2026-05-31, 31/05/2026).",
    "o_request_doc": "Số, ký hiệu văn bản yêu cầu (ví dụ 125-CV/BTGDVTU).",
    "o_request_units": "Các đơn vị được yêu cầu, cách nhau dấu phẩy (mặc định: mọi đơn vị).",
    "o_request_group": "Mọi đơn vị của một nhóm (sở, hội, ...).",
    "o_request_all": "Kể cả yêu cầu đã hủy.",
    "o_incident_title": "Sự việc (ví dụ: Ổ dịch sốt xuất huyết tại phường X).",
    "o_occurred": "Thời điểm xảy ra hoặc được biết (2026-11-22T08:30, 22/11/2026 8:30).",
    "o_within_hours": "Số giờ để gửi báo cáo bằng văn bản.",
    # ------------------------------------------------------------------ the configuration's folder, periods and deadlines in words, the config reference
    "config_folder": "Thư mục cấu hình: {path} ({origin})",
    "file_own": "của người dùng",
    "file_default": "mặc định kèm theo khoagiao",
    "file_default_missing": "mặc định kèm theo khoagiao (thư mục không có tệp này)",
    "n_reports": "{n} báo cáo",
    "n_units": "{n} đơn vị",
    "o_reference": "In tài liệu về mọi khóa của units.yaml và schedule.yaml (lấy từ lược đồ cấu hình) rồi thoát.",
    "period_month": "tháng {month}/{year}",
    "period_quarter": "quý {roman}/{year}",
    "period_half_1": "6 tháng đầu năm {year}",
    "period_half_2": "6 tháng cuối năm {year}",
    "period_year": "năm {year}",
    "wording_before": "trước {day}",
    "wording_by": "chậm nhất {day}",
    "wording_at": "chậm nhất {at}",
    "ref_key": "Khóa",
    "ref_value": "Giá trị",
    "ref_default": "Mặc định",
    "ref_meaning": "Ý nghĩa",
    "ref_one_of": "một trong: {values}",
    "ref_list": "danh sách: {of}",
    "ref_mapping": "bảng (dưới đây)",
    "ref_int": "số nguyên",
    "ref_text": "chữ",
    "ref_date": "ngày (2026-01-31 hoặc 31/01/2026)",
    "ref_none": "—",
    "ref_required": "bắt buộc",
    # ------------------------------------------------------------------ found in review
    "db_upgrade_readonly": (
        "Sổ theo dõi {path} do phiên bản khoagiao cũ hơn ghi (lược đồ {found}); cần nâng cấp lên lược đồ {known} nhưng tệp chỉ cho phép đọc. Hãy chạy một lệnh ghi (ví dụ khoagiao submit) một lần với quyền ghi tệp."
    ),
    "db_missing": (
        "Chưa có sổ theo dõi {path}: chưa ghi nhận báo cáo nào ở đó (sổ được tạo khi ghi báo cáo đầu tiên). Kiểm tra lại --db hoặc KHOAGIAO_DB nếu đây là lỗi gõ."
    ),
    "period_out_of_range": "Kỳ '{period}' nằm ngoài khoảng khoagiao theo dõi (năm {first}–{last}).",
    "cfg_date_no_year": "'{value}' thiếu năm; viết 2026-01-31 hoặc 31/01/2026",
    "remind_unrecorded": (
        "đã gửi cho {unit} ({code}) nhưng không ghi được vào sổ theo dõi: {error}. Các đơn vị còn lại chưa được gửi; hãy chạy lại khi sổ dùng được."
    ),
    "weekday_names": "Thứ Hai,Thứ Ba,Thứ Tư,Thứ Năm,Thứ Sáu,Thứ Bảy,Chủ nhật",
    "usage_empty": "không được để trống.",
    "output_folder_missing": "Không ghi được {path}: thư mục {folder} không tồn tại.",
    "output_is_folder": "Không ghi được {path}: đó là một thư mục; hãy ghi tên tệp.",
    "eml_folder_missing": "Không dùng được thư mục {folder} (--eml): thư mục chứa nó không tồn tại, hoặc đó là một tệp.",
    "chosen_period_correct": "Kỳ {period} được chọn tự động: kỳ gần nhất đã ghi nhận. Dùng --period để sửa kỳ khác.",
    "config_not_folder": "{path} (từ {origin}) không phải thư mục; hãy chỉ thư mục chứa units.yaml và schedule.yaml.",
    "config_file_not_file": "Không đọc được tệp cấu hình {path}: đó không phải một tệp (thư mục hoặc liên kết hỏng).",
    "bad_lang_env": "KHOAGIAO_LANG='{value}' không được hỗ trợ; dùng vi hoặc en.",
    "history_none_matching": "Không có sự kiện nào khớp với điều kiện lọc.",
    "period_not_a_period": "'{period}' không phải một kỳ báo cáo (ví dụ: 2026-03, 2026-Q1, 2026-H1, 2026).",
    "init_kept": "Giữ nguyên tệp đã có: {files} (dùng --force để ghi đè).",
    "usage_not_integer": "'{value}' không phải một số nguyên.",
    # ------------------------------------------------------------------ issue 10, part B: Tết seen coming, mistakes undone
    "record_voids": "bản ghi hủy H{id}",
    "record_incident_cancels": "bản ghi hủy sự việc #{id}",
    "h_void": (
        "Hủy bản ghi nhập nhầm (lỗi của Ban khi ghi sổ, khác với đơn vị rút báo cáo): ghi thêm một bản ghi hủy, "
        "không sửa, không xóa gì; sự kiện bị hủy coi như chưa từng ghi."
    ),
    "o_void_id": "Số sự kiện cần hủy (xem khoagiao history), ví dụ 5 hoặc #5.",
    "o_void_note": "Lý do hủy (bắt buộc), ví dụ: ghi nhầm đơn vị.",
    "voided": "Đã hủy bản ghi nhập nhầm #{event} ({kind}): {unit} — {report} ({period}); bản ghi hủy {void}.",
    "voided_open": "Báo cáo này nay là chưa gửi.",
    "voided_in_force": "Bản ghi có hiệu lực nay là #{event} (nhận ngày {received}).",
    "void_of_void": (
        "'{value}' là một bản ghi hủy; không hủy được bản ghi hủy. Nếu đã hủy nhầm, hãy ghi nhận lại báo cáo "
        "(khoagiao submit)."
    ),
    "void_id_bad": "'{value}' không phải số sự kiện (ví dụ: 5 hoặc #5; xem khoagiao history).",
    "void_note_empty": "Hãy ghi lý do hủy (--note).",
    "void_unknown": "Không có sự kiện #{id} trong sổ theo dõi (xem khoagiao history).",
    "void_already": "Sự kiện #{id} đã được hủy trước đó ({void}, ghi lúc {at} bởi {by}); không ghi gì thêm.",
    "voided_mark": "đã hủy (nhập nhầm)",
    "voided_short": "đã hủy",
    "history_void": "{void} hủy #{event}",
    "ex_voided": "đã hủy (nhập nhầm): {void}, ghi lúc {at} bởi {by} — {note}",
    "h_incident_list": "Các sự việc đã ghi và báo cáo bằng văn bản của từng sự việc.",
    "h_incident_cancel": "Hủy một sự việc (ghi thêm bản ghi hủy, không xóa gì); sự việc không còn trong due/overdue.",
    "o_incident_all": "Kể cả sự việc đã hủy.",
    "o_incident_id": "Số sự việc (xem khoagiao incident list), ví dụ 1 hoặc #1.",
    "incidents_none": "Chưa có sự việc nào (thêm bằng: khoagiao incident add).",
    "incidents_title": "Báo cáo đột xuất khi có sự việc ({count})",
    "col_occurred": "Xảy ra lúc",
    "incident_id_bad": "'{value}' không phải số sự việc (ví dụ: 1 hoặc #1; xem khoagiao incident list).",
    "incident_unknown": "Không có sự việc #{value}; các sự việc đang theo dõi: {known}.",
    "incident_cancelled_already": "Sự việc #{value} đã hủy trước đó.",
    "incident_cancelled": "Đã hủy sự việc #{id} của {unit} ({title}).",
    "cfg_due_soon": "phải có dạng '5 ngày làm việc' hoặc '7 ngày', không phải '{value}'",
    "cfg_due_soon_both": "chỉ ghi một trong hai: due_soon hoặc due_soon_days (khóa cũ, đếm ngày lịch)",
    "due_none_working": (
        "Không có báo cáo nào quá hạn hoặc đến hạn trong {n} ngày làm việc tới (đến {until}). Mọi việc đều ổn."
    ),
    "due_soon_working": "{n} ngày làm việc",
    "due_soon_calendar": "{n} ngày",
    "o_yes": "Vẫn ghi khi kỳ có vẻ gõ nhầm (hạn còn quá xa, hoặc ngày nhận trước khi kỳ bắt đầu).",
    "o_import_yes": "Vẫn ghi các dòng có kỳ có vẻ gõ nhầm (hạn còn quá xa, hoặc ngày nhận trước khi kỳ bắt đầu).",
    "doubt_far": (
        "kỳ {period} có hạn cuối {deadline}, còn {n} ngày nữa (quá khoảng sắp đến hạn, đến {until}), mà báo cáo "
        "nhận ngày {received}, trước tháng đến hạn"
    ),
    "doubt_early": "ngày nhận {received} trước khi kỳ {period} bắt đầu ({start})",
    "doubt_refused": "Chưa ghi gì: {reasons}. Có phải gõ nhầm kỳ? Nếu đúng là kỳ này, thêm --yes.",
    "doubt_confirm": "Chú ý: {reasons}. Vẫn ghi?",
    "doubt_both": "{first}; {second}",
    "doubt_row": "{reasons}; có phải gõ nhầm kỳ? Nếu đúng, thêm --yes.",
    "no_outstanding_done": (
        "{rule} của {unit} đã ghi nhận (#{event}): kỳ gần nhất {period}, nhận ngày {received}; không còn kỳ "
        "nào đang chờ. Dùng --period để chọn kỳ khác, hoặc --correct để sửa."
    ),
    # ------------------------------------------------------------------ part C: input the way the office writes it
    "period_form": (
        "Kỳ '{period}' không đúng dạng. Viết kỳ như: tháng 3/2026, T3/2026, 03/2026, 2026-03 (tháng); quý I/2026, "
        "Q1/2026, 2026-Q1 (quý); 6 tháng đầu năm 2026, 6 tháng cuối năm 2026, 2026-H1 (6 tháng); năm 2026, 2026 (năm)."
    ),
    "period_not_in_rule": "{name} ({rule}) không có kỳ '{period}' ({label}); các kỳ của báo cáo này năm {year}: {known}.",
    "channel_words": "giấy (paper), thư điện tử (email), văn phòng điện tử (eoffice), khác (other)",
    "import_more": "… và {n} dòng khác.",
    "import_sheet": "Đọc trang tính '{sheet}', tiêu đề ở dòng {row}.",
    "import_superseded": "Bỏ qua {n} dòng đã được sửa hoặc rút sau đó trong chính tệp: {rows}.",
    "file_symlink": "Không dùng được {path}: đó là một liên kết (symlink); hãy chỉ thẳng tới tệp.",
    "file_copy_failed": "Bản sao của {path} trong kho lưu {folder} không khớp mã SHA-256; không ghi gì. Hãy thử lại.",
    "file_kept": "Đã lưu bản sao tệp: {path}",
    "file_copy_line": "Tệp đã lưu: {path}",
    "file_copy_missing": "Tệp lưu {sha} không còn trong kho {folder}",
    "history_files": "Tệp báo cáo đã lưu:",
    "history_file": "  #{event}: {path}",
    "history_file_missing": "  #{event}: không còn trong kho (SHA-256 {sha})",
    "verify_files_ok": "Kho tệp {folder}: {n} tệp khớp mã SHA-256.",
    "verify_file_changed": "tệp lưu {path}: nội dung khác mã SHA-256 trong tên (bị sửa sau khi lưu).",
    "import_no_sheets": "không có trang tính nào",
    "import_heading_row": "Dòng tiêu đề là dòng {row}.",
    # ------------------------------------------------------------------ part D: every screen readable (issue 10 §5)
    # click's and typer's own words in the help (cli/language.py)
    "help_usage": "Cách dùng",
    "help_options": "Tùy chọn",
    "help_commands": "Lệnh",
    "help_arguments": "Tham số",
    "help_default": "[mặc định: {}]",
    "help_envvar": "[biến môi trường: {}]",
    "help_required": "[bắt buộc]",
    "help_deprecated": "(không còn dùng) ",
    "help_options_metavar": "[TÙY_CHỌN]",
    "help_command_metavar": "LỆNH [THAM_SỐ]...",
    "help_range": "{low}–{high}",
    # metavars: what a value on the command line is
    "mv_ADDR": "ĐỊA_CHỈ",
    "mv_CHANNEL": "HÌNH_THỨC",
    "mv_CODES": "CÁC_MÃ",
    "mv_DATE": "NGÀY",
    "mv_DATETIME": "NGÀY_GIỜ",
    "mv_DIR": "THƯ_MỤC",
    "mv_FILE": "TỆP",
    "mv_GROUP": "NHÓM",
    "mv_HASH": "MÃ_BĂM",
    "mv_HOURS": "SỐ_GIỜ",
    "mv_ID": "MÃ",
    "mv_N": "SỐ",
    "mv_PATH": "ĐƯỜNG_DẪN",
    "mv_PERIOD": "KỲ",
    "mv_REPORT": "BÁO_CÁO",
    "mv_TEXT": "CHỮ",
    "mv_UNIT": "ĐƠN_VỊ",
    "mv_YEAR": "NĂM",
    # words for values (outputs/phrases.py)
    "channel_paper": "giấy",
    "channel_email": "thư điện tử",
    "channel_eoffice": "văn phòng điện tử",
    "channel_other": "khác",
    "decimal_mark": ",",
    "incident_report": "Báo cáo đột xuất",
    "o_format_status": "table (bảng), plain (chữ thường, cho cron và tệp) hoặc json. Mặc định: bảng.",
    # ------------------------------------------------------------------ part A: the units as they are now
    "cfg_successor_cycle": "các đơn vị kế nhiệm tạo thành vòng: {cycle}; chuỗi kế nhiệm phải dừng ở một đơn vị",
    "cfg_units_removed": (
        "sổ theo dõi {ledger} có ghi nhận của đơn vị không còn trong units.yaml: {codes}. Đừng xóa đơn vị đã có "
        "lịch sử: hãy giữ lại nó với active_until (và successor nếu có đơn vị kế nhiệm) để lịch sử vẫn tra cứu được."
    ),
    "unit_succeeded": "{name} không còn từ {since}; đơn vị kế nhiệm: {code} ({heir}). {hint}",
    "succeeded_submit": "Ghi: khoagiao submit {code} {report} --period {period} …",
    "succeeded_any": (
        "Ghi: khoagiao submit {code} {report} …; báo cáo cũ của {old} (trước khi thay đổi) thì ghi rõ --period."
    ),
    "succeeded_withdraw": "Rút: khoagiao withdraw {code} {report} --period {period}",
    "succeeded_explain": "Xem: khoagiao explain {code} {report} {period}",
    "succeeded_import": "Ghi mã {code} ở cột Đơn vị.",
    "period_delivered": (
        "{rule} kỳ {period} đã được {other_name} ({other}) gửi (nhận ngày {received}, sự kiện #{event}); "
        "{unit} không phải gửi lại kỳ này."
    ),
    "carried_from": "(tiếp nhận từ {old})",
    "ex_carried": "Kỳ này của {old} ({code}); đơn vị đó hoạt động đến {until}, nên {unit} tiếp nhận.",
    # ------------------------------------------------------------------ part E: defects found by the new-user trial
    "verify_files_bad": "Kho tệp {folder} không khớp sổ theo dõi ({n} tệp):",
    "verify_file_lost": (
        "sự kiện #{event}: tệp lưu (SHA-256 {sha}) không còn trong kho {folder} (đã bị xóa hoặc chuyển đi)."
    ),
    "verify_files_hint": (
        "Nếu sổ này là một bản sao lưu hoặc đã được chép từ nơi khác, các tệp đã nhận nằm trong thư mục "
        "khoagiao-files cạnh sổ gốc: chép các tệp đó vào {folder}."
    ),
    "request_past": (
        "Chưa ghi gì: hạn {deadline} đã qua (hôm nay {today}), nên {n} đơn vị được yêu cầu sẽ quá hạn ngay. Nếu "
        "đúng là hạn này (ghi lại một yêu cầu đã có từ trước), thêm --yes."
    ),
    "request_past_confirm": "Chú ý: hạn {deadline} đã qua (hôm nay {today}); {n} đơn vị sẽ quá hạn ngay. Vẫn ghi?",
    "o_request_yes": "Vẫn ghi khi hạn đã qua (mọi đơn vị được yêu cầu sẽ quá hạn ngay).",
    "impossible_time": "{what} '{value}': giờ không hợp lệ (giờ từ 0 đến 23, phút từ 0 đến 59).",
    "doubt_ahead": "kỳ {period} có hạn cuối {deadline}, còn {n} ngày nữa (quá khoảng sắp đến hạn, đến {until})",
    # ------------------------------------------------------------------ issue 11: history pages
    "o_history_since": "Chỉ các sự kiện ghi từ ngày này (ví dụ 01/11/2026).",
    "o_history_limit": "Chỉ N sự kiện mới nhất (mặc định: một màn hình trên terminal; tất cả khi chuyển sang tệp hoặc lệnh khác).",
    "what_since": "--since",
    "history_more": "Hiện {shown} sự kiện mới nhất trong {total}; xem thêm: --limit N hoặc --since NGÀY.",
    "help_range_min": "từ {low} trở lên",
    "status_too_many": "Năm có {n} báo cáo, quá {most} dòng cho một bảng: in dạng văn bản. Xem một đơn vị: khoagiao status ĐƠN_VỊ.",
    # ------------------------------------------------------------------ the ledger's database (cli/database.py)
    "h_db": "Cơ sở dữ liệu của sổ theo dõi: chuẩn bị (init), xem (status), chuyển sang nơi khác (copy).",
    "h_db_init": (
        "Chuẩn bị sổ theo dõi: tạo lược đồ nếu chưa có; trên PostgreSQL, tạo hai nhóm vai trò và cấp quyền: văn thư "
        "(xem và ghi thêm, không sửa, không xóa) và người xem (chỉ xem). Chạy lại không hại gì."
    ),
    "h_db_status": "Sổ theo dõi đang dùng: ở đâu, lược đồ nào, bao nhiêu bản ghi, ai ghi gần nhất.",
    "h_db_copy": (
        "Chép toàn bộ sổ theo dõi SRC sang DST (tệp SQLite hoặc postgresql://…, chiều nào cũng được), giữ nguyên số "
        "thứ tự, thời điểm và người ghi; DST phải còn trống. Bản chép được kiểm tra: số bản ghi từng bảng, dấu vân "
        "tay SHA-256 của mọi bản ghi theo thứ tự, và chuỗi băm."
    ),
    "h_backup": (
        "Sao lưu sổ theo dõi thành một tệp SQLite (trong lúc người khác vẫn ghi), mặc định vào thư mục backups/ "
        "của dữ liệu người dùng, giữ các bản mới nhất. Với PostgreSQL: chỉ cách dùng pg_dump."
    ),
    "o_clerk_role": "Tên nhóm vai trò văn thư (mặc định khoagiao_clerk).",
    "o_reader_role": "Tên nhóm vai trò người xem (mặc định khoagiao_reader).",
    "o_clerk": "Cho vai trò đăng nhập này vào nhóm văn thư (lặp lại được).",
    "o_reader": "Cho vai trò đăng nhập này vào nhóm người xem (lặp lại được).",
    "o_copy_source": "Sổ theo dõi cần chép: tệp SQLite hoặc postgresql://….",
    "o_copy_target": "Nơi chép đến, còn trống: tệp SQLite chưa có hoặc cơ sở dữ liệu PostgreSQL trống.",
    "o_backup_output": (
        "Tệp sao lưu (chưa có: không bao giờ ghi đè), hoặc thư mục đặt bản sao lưu (mặc định: thư mục backups/ của dữ "
        "liệu người dùng)."
    ),
    "o_keep": "Giữ bao nhiêu bản sao lưu mới nhất của sổ này trong thư mục (mặc định 10); bản của sổ khác không bị xóa.",
    "backend_sqlite": "SQLite",
    "backend_postgresql": "PostgreSQL",
    "db_init_made": "Đã tạo sổ theo dõi {path} ({backend}, lược đồ {version}).",
    "db_init_there": "Sổ theo dõi {path} đã có ({backend}, lược đồ {version}); giữ nguyên mọi bản ghi.",
    "db_roles_made": "Đã tạo nhóm vai trò: {roles}.",
    "db_grants": (
        "Quyền đã cấp: văn thư ({clerk}) xem và ghi thêm (SELECT, INSERT), cơ sở dữ liệu không cho sửa, xóa; "
        "người xem ({reader}) chỉ xem (SELECT)."
    ),
    "db_member": "  {role}: thuộc nhóm {group}.",
    "db_members_hint": (
        "Tạo cho mỗi người một vai trò đăng nhập rồi cho vào nhóm, ví dụ: psql -c \"CREATE ROLE lan LOGIN PASSWORD "
        "'…'\" rồi khoagiao db init --clerk lan. Những gì họ ghi mang tên vai trò của họ."
    ),
    "db_roles_sqlite": (
        "Vai trò và quyền (--clerk, --reader, --clerk-role, --reader-role) chỉ có với sổ trên PostgreSQL; sổ {path} "
        "là tệp SQLite, ai đọc, ghi được là do quyền của tệp."
    ),
    "pg_role_bad": (
        "'{value}' không dùng được làm tên vai trò: chỉ chữ thường không dấu, chữ số, dấu _ và $, bắt đầu bằng "
        "chữ hoặc dấu _."
    ),
    "pg_not_owner": (
        "khoagiao db init phải do chủ sở hữu các bảng của sổ theo dõi {path} ({owner}), một thành viên của vai trò "
        "đó hoặc quản trị viên máy chủ chạy; vai trò đang dùng là {role}, không cấp được quyền nào trên các bảng ấy. "
        "Hãy chạy lại với vai trò {owner}. Không có gì được thay đổi."
    ),
    "pg_no_createrole": (
        "Vai trò {role} không được phép tạo vai trò (thiếu quyền CREATEROLE) nên không tạo được nhóm {groups} cho sổ "
        "theo dõi {path}. Quản trị viên máy chủ cấp quyền đó, ví dụ với tài khoản postgres: psql -c \"ALTER ROLE "
        "{role} CREATEROLE\" (hoặc tạo sẵn các nhóm bằng CREATE ROLE … NOLOGIN), rồi chạy lại. Không có gì được "
        "thay đổi."
    ),
    "pg_role_missing": (
        "Máy chủ của sổ {where} chưa có vai trò '{role}': hãy tạo trước (CREATE ROLE {role} LOGIN PASSWORD '…';) "
        "rồi chạy lại. Không có gì được thay đổi."
    ),
    "db_none": "Chưa có sổ theo dõi tại {path}: lệnh ghi đầu tiên (submit, …) hoặc khoagiao db init sẽ tạo.",
    "db_where": "Sổ theo dõi: {path} ({backend}, lược đồ {version})",
    "db_created": "Tạo ngày: {day}",
    "db_counts": "Bản ghi: {events} sự kiện, {requests} yêu cầu, {incidents} sự cố, {reminders} thư nhắc, {voids} lần hủy",
    "db_chain": "Chuỗi băm: {n} mắt xích, đầu chuỗi {head}",
    "db_last": "Ghi gần nhất: {what}, lúc {at}, bởi {by}",
    "copy_done": "Đã chép sổ theo dõi {source} sang {target}.",
    "copy_checked": (
        "Đã kiểm tra: số bản ghi từng bảng và dấu vân tay SHA-256 của mọi bản ghi theo thứ tự khớp ở hai bên "
        "({digest}); chuỗi băm khớp từ đầu đến cuối, {n} mắt xích, cùng đầu chuỗi {head}."
    ),
    "copy_files": "Đã chép {n} tệp báo cáo đã nhận sang {folder}.",
    "copy_same": "Nơi chép đi và nơi chép đến là cùng một sổ ({path}).",
    "copy_source_missing": "Không có sổ theo dõi tại {path}.",
    "copy_source_tampered": (
        "Sổ theo dõi {path} không qua được kiểm tra: {n} điểm không khớp (xem khoagiao verify). Không chép một sổ "
        "như vậy; không có gì được ghi."
    ),
    "copy_target_not_empty": (
        "{path} đã có dữ liệu: chỉ chép vào một tệp chưa có hoặc một cơ sở dữ liệu trống, để không trộn hai sổ. "
        "Không có gì được ghi."
    ),
    "copy_mismatch": "Bản chép từ {source} sang {target} không đọc lại đúng như bản gốc; đã hủy, không có gì được ghi.",
    "keep_bad": "--keep phải là số bản sao lưu cần giữ, từ 1 trở lên, không phải {value}.",
    "backup_done": "Đã sao lưu sổ theo dõi {source} vào {path} ({events} sự kiện, {n} mắt xích, đầu chuỗi {head}).",
    "backup_pruned": "Đã xóa {n} bản sao lưu cũ của sổ này trong {folder}, giữ {keep} bản mới nhất.",
    "backup_files": (
        "{n} tệp báo cáo đã nhận nằm trong thư mục {folder}, cạnh bản sao lưu: khi chép bản sao lưu đi nơi khác, "
        "hãy chép cả thư mục đó theo (verify tìm tệp ở đó)."
    ),
    "backup_exists": (
        "Không ghi bản sao lưu vào {path}: tệp này đã có, và khoagiao không ghi đè. Hãy đặt một tên tệp chưa có, "
        "hoặc ghi một thư mục (-o THƯ_MỤC). Không có gì được ghi."
    ),
    "backup_names_taken": (
        "Không ghi được bản sao lưu vào {folder}: tên {path} và các tên nối tiếp -2 … -999 đều đã có. Không có gì "
        "được ghi."
    ),
    "backup_pg": (
        "Sổ ở trên máy chủ PostgreSQL: tệp trên là một bản chép mở được bằng --db. Để sao lưu cả cơ sở dữ liệu (cùng "
        "vai trò và quyền), dùng pg_dump, ví dụ:\n  pg_dump --format=custom --file=khoagiao-{day}.dump \"{url}\"\n"
        "và khôi phục bằng pg_restore --dbname=TÊN_CSDL khoagiao-{day}.dump"
    ),
    # ------------------------------------------------------------------ board (the status page)
    "h_board": (
        "Bảng theo dõi xem bằng trình duyệt: một trang HTML tự chứa (in được khổ A4 ngang) với các báo cáo quá hạn, "
        "sắp đến hạn, lưới cả năm (đơn vị × kỳ), xếp hạng đúng hạn và lịch họp trong quý."
    ),
    "o_board_output": "Ghi trang vào TỆP.html (ghi an toàn: tệp tạm rồi đổi tên); '-' để in ra màn hình.",
    "o_board_group": "Chỉ các đơn vị thuộc NHÓM (group trong units.yaml: sở, hội …), cùng các báo cáo của Ban.",
    "o_board_max_units": (
        "Lưới vẽ nhiều nhất N đơn vị (mặc định 200); có nhiều đơn vị hơn thì chỉ vẽ các đơn vị còn thiếu, gửi muộn "
        "nhiều nhất, và nói số đơn vị không vẽ."
    ),
    "board_written": "Đã ghi {path}: bảng theo dõi năm {year}, lưới {n}/{units} đơn vị.",
    "thousands_mark": ".",
    "board_kicker": "Bảng theo dõi báo cáo",
    "board_title": "Tình hình gửi báo cáo năm {year}",
    "board_group": "nhóm {group}",
    "board_as_of": "Tính đến",
    "board_made_at": "Lập lúc {at}",
    "board_tile_overdue": "báo cáo quá hạn",
    "board_tile_overdue_units": "của {n} đơn vị",
    "board_tile_due": "báo cáo sắp đến hạn",
    "board_tile_due_until": "hạn đến {until}",
    "board_tile_rate": "đúng hạn trong năm {year}",
    "board_tile_rate_of": "trên {n} báo cáo đã đến hạn",
    "board_tile_own": "cần gửi: quá hạn hoặc sắp đến hạn",
    "board_attention": "Cần đôn đốc: quá hạn và sắp đến hạn",
    "board_and_more": "và {n} đơn vị khác",
    "board_nothing_due": "Không có báo cáo nào quá hạn hay sắp đến hạn.",
    "board_meetings": "Họp trong {quarter}",
    "board_meeting": "Cuộc họp",
    "board_meeting_day": "Ngày",
    "board_meeting_time": "Giờ",
    "board_meeting_held": "đã họp",
    "board_meeting_moved": "dời từ {day} (ngày nghỉ)",
    "board_no_meetings": "Không có cuộc họp nào trong quý.",
    "board_ranking": "Xếp hạng gửi báo cáo đúng hạn năm {year}",
    "board_scores_hidden": "… {n} đơn vị ở giữa bảng xếp hạng không hiện ở đây (khoagiao stats liệt kê đủ) …",
    "board_rate_note": (
        "Tỉ lệ = số báo cáo đúng hạn / số báo cáo phải gửi có hạn đến ngày tính; TB/nhất: số ngày muộn trung bình và "
        "lâu nhất. T1–T12: ✓ đúng hạn, ! có báo cáo muộn, ✗ còn thiếu, · chưa đến hạn. Hạng xếp trên toàn khối."
    ),
    "board_year": "Cả năm {year}: đơn vị × kỳ báo cáo",
    "board_not_owed": "không phải gửi",
    "board_left_out": (
        "Lưới chỉ vẽ {shown} trong {units} đơn vị, đơn vị còn thiếu hoặc gửi muộn nhiều nhất trước; {n} đơn vị "
        "khác không vẽ ({clear} đơn vị trong số đó không có báo cáo quá hạn hay gửi muộn). Xem đủ: khoagiao board --group NHÓM (từng nhóm), "
        "khoagiao board --max-units {all}, hoặc bảng tính khoagiao export --format xlsx."
    ),
    "board_late": "muộn {n} ngày",
    "board_late_hours": "muộn {n} giờ",
    "board_received": "nhận {day}",
    "board_months": "T1,T2,T3,T4,T5,T6,T7,T8,T9,T10,T11,T12",
    "board_month_on_time": "đúng hạn",
    "board_month_late": "có báo cáo muộn",
    "board_month_missing": "còn thiếu",
    "board_month_upcoming": "chưa đến hạn",
    "board_month_none": "không có báo cáo",
    "board_incidents_more": "và {n} báo cáo đột xuất khác (khoagiao incident list --all).",
    "board_footer": (
        "Lập bằng khoagiao {version}. Số liệu tính đến {as_of}, giống khoagiao status --format json và "
        "khoagiao stats --format json cùng ngày."
    ),
}
