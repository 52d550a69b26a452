"""Everything a user reads, in Vietnamese (default) and English (`--lang en`, KHOAGIAO_LANG=en)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

LANGS = ("vi", "en")
_lang = "vi"


def set_lang(lang: str) -> None:
    global _lang
    _lang = lang if lang in LANGS else "vi"


def get_lang() -> str:
    return _lang


def detect_lang(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """The language asked for on the command line or in the environment (for help texts)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in LANGS else "vi"
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGS else "vi"
    value = env.get("KHOAGIAO_LANG", "vi")
    return value if value in LANGS else "vi"


def t(key: str, **kwargs: object) -> str:
    """The message `key` in the current language; dates are written dd/mm/yyyy."""
    vi, en = MESSAGES[key]
    text = en if _lang == "en" else vi
    if not kwargs:
        return text
    args = {k: (f"{v.day:02d}/{v.month:02d}/{v.year}" if isinstance(v, date) else v) for k, v in kwargs.items()}
    return text.format(**args)


MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ errors: general
    "error_prefix": ("Lỗi", "Error"),
    "did_you_mean": (" Có phải ý bạn là: {name}?", " Did you mean: {name}?"),
    "bad_date": (
        "{what} '{value}' không phải ngày; viết 2026-03-18, 18/03/2026 hoặc 18/3.",
        "{what} '{value}' is not a date; write 2026-03-18, 18/03/2026 or 18/3.",
    ),
    "impossible_date": ("{what} '{value}' là ngày không có thật.", "{what} '{value}' is a date that does not exist."),
    "what_as_of": ("--as-of", "--as-of"),
    "what_received": ("--received", "--received"),
    "what_deadline": ("--deadline", "--deadline"),
    "what_occurred": ("--occurred", "--occurred"),
    "date_out_of_range": (
        "{what} '{value}' nằm ngoài khoảng khoagiao theo dõi (năm {first}–{last}).",
        "{what} '{value}' is outside the years khoagiao tracks ({first}–{last}).",
    ),
    "bad_month": ("Tháng '{value}' không hợp lệ (1–12).", "Month '{value}' is not valid (1–12)."),
    "written_ics": ("Đã ghi {path} ({count} sự kiện, trong đó {deadlines} hạn báo cáo).", "Wrote {path} ({count} events, {deadlines} of them deadlines)."),
    "bad_lang": ("Ngôn ngữ '{value}' không được hỗ trợ; dùng vi hoặc en.", "Language '{value}' is not supported; use vi or en."),
    "bad_format": (
        "Định dạng '{value}' không được hỗ trợ ở đây; dùng: {known}.",
        "Format '{value}' is not supported here; use: {known}.",
    ),
    "bad_year": ("Năm '{value}' không hợp lệ (1900–2999).", "Year '{value}' is not valid (1900–2999)."),
    "io_error": ("Không ghi/đọc được {path}: {error}", "Cannot read or write {path}: {error}"),
    # ------------------------------------------------------------------ errors: config
    "config_invalid": ("Cấu hình có {count} lỗi:", "The configuration has {count} problem(s):"),
    "config_dir_missing": ("Thư mục cấu hình {path} (từ {origin}) không tồn tại.", "Config folder {path} (from {origin}) does not exist."),
    "file_unreadable": ("không đọc được tệp: {error}", "cannot read the file: {error}"),
    "yaml_invalid": ("YAML không hợp lệ: {problem}", "invalid YAML: {problem}"),
    "duplicate_key": ("khóa bị lặp lại (chỉ được ghi một lần)", "key appears twice (write it once)"),
    "cfg_missing": ("thiếu (bắt buộc phải có)", "missing (required)"),
    "cfg_extra_forbidden": ("khóa không được phép (gõ nhầm tên?)", "unknown key (a typo?)"),
    "cfg_day_of_month": ("phải là ngày trong tháng (1–31), không phải {value}", "must be a day of the month (1–31), not {value}"),
    "cfg_int_type": ("phải là số nguyên, không phải '{value}'", "must be a whole number, not '{value}'"),
    "cfg_int_parsing": ("phải là số nguyên, không phải '{value}'", "must be a whole number, not '{value}'"),
    "cfg_int_from_float": ("phải là số nguyên, không phải {value}", "must be a whole number, not {value}"),
    "cfg_greater_than_equal": ("phải lớn hơn hoặc bằng {ge}, không phải {value}", "must be at least {ge}, not {value}"),
    "cfg_less_than_equal": ("phải nhỏ hơn hoặc bằng {le}, không phải {value}", "must be at most {le}, not {value}"),
    "cfg_string_type": ("phải là một chuỗi chữ", "must be text"),
    "cfg_string_too_short": ("không được để trống", "must not be empty"),
    "cfg_string_too_long": ("dài quá {max_length} ký tự", "longer than {max_length} characters"),
    "cfg_string_pattern_mismatch": (
        "'{value}' chỉ được gồm chữ thường không dấu, số, '-' và '_'",
        "'{value}' may only hold lower-case ASCII letters, digits, '-' and '_'",
    ),
    "cfg_literal_error": ("phải là một trong: {expected}; không phải '{value}'", "must be one of: {expected}; not '{value}'"),
    "cfg_list_type": ("phải là một danh sách", "must be a list"),
    "cfg_too_short": ("phải có ít nhất {min_length} mục", "must have at least {min_length} item(s)"),
    "cfg_model_type": ("phải là một bảng 'khóa: giá trị'", "must be a mapping of 'key: value'"),
    "cfg_dict_type": ("phải là một bảng 'khóa: giá trị'", "must be a mapping of 'key: value'"),
    "cfg_date_type": ("phải là ngày dạng 2026-01-31 hoặc 31/01/2026", "must be a date like 2026-01-31 or 31/01/2026"),
    "cfg_date_parsing": ("'{value}' không phải ngày (viết 2026-01-31 hoặc 31/01/2026)", "'{value}' is not a date (write 2026-01-31 or 31/01/2026)"),
    "cfg_date_from_datetime_parsing": ("'{value}' không phải ngày (viết 2026-01-31 hoặc 31/01/2026)", "'{value}' is not a date (write 2026-01-31 or 31/01/2026)"),
    "cfg_date_from_datetime_inexact": ("phải là ngày, không kèm giờ", "must be a date without a time"),
    "cfg_date_text": ("'{value}' không phải ngày có thật (viết 2026-01-31 hoặc 31/01/2026)", "'{value}' is not a real date (write 2026-01-31 or 31/01/2026)"),
    "cfg_email": ("'{value}' không phải địa chỉ e-mail", "'{value}' is not an e-mail address"),
    "cfg_timezone": ("múi giờ '{value}' không tồn tại (ví dụ: Asia/Ho_Chi_Minh)", "unknown time zone '{value}' (e.g. Asia/Ho_Chi_Minh)"),
    "cfg_other": ("giá trị không hợp lệ ({msg})", "invalid value ({msg})"),
    "cfg_duplicate_id": ("mã '{value}' đã dùng ở trên; mỗi mã chỉ dùng một lần", "'{value}' is already used above; each id must be unique"),
    "cfg_before_or_by": (
        "cần đúng một trong 'before' (trước ngày) hoặc 'by' (đến hết ngày)",
        "needs exactly one of 'before' (before the day) or 'by' (by the end of the day)",
    ),
    "cfg_period_index": ("kỳ {value} không có; loại kỳ này chỉ có 1–{count} trong năm", "period {value} does not exist; this frequency has 1–{count} a year"),
    "cfg_unknown_rule": ("không có quy tắc báo cáo '{value}' (có: {known})", "no report rule '{value}' (known: {known})"),
    "cfg_unknown_unit": ("không có đơn vị '{value}' trong units.yaml", "no unit '{value}' in units.yaml"),
    "cfg_day_off_shape": (
        "mỗi ngày nghỉ là một ngày, hoặc {date: …}, hoặc {from: …, to: …}",
        "each day off is a date, or {date: …}, or {from: …, to: …}",
    ),
    "cfg_cutoff": (
        "phải là decree-09 (Nghị định 09/2019/NĐ-CP) hoặc {{from_day: 15, to_day: 14}}, không phải '{value}'",
        "must be decree-09 (Decree 09/2019/ND-CP) or {{from_day: 15, to_day: 14}}, not '{value}'",
    ),
    "cfg_date_range": ("năm phải từ {first} đến {last}", "the year must be {first} to {last}"),
    "config_more": (
        "  {active} đơn vị đang hoạt động hôm nay; {own} báo cáo của Ban; {meetings} cuộc họp định kỳ.",
        "  {active} units active today; {own} of the Commission's own reports; {meetings} recurring meetings.",
    ),
    "n_days": ("{n} ngày", "{n} days"),
    "cfg_password_in_file": (
        "không ghi mật khẩu vào tệp cấu hình; đặt biến môi trường KHOAGIAO_SMTP_PASSWORD",
        "never put the password in a config file; set the KHOAGIAO_SMTP_PASSWORD environment variable",
    ),
    "cfg_order": ("phải sau {first}", "must come after {first}"),
    "day_off_default": ("ngày nghỉ của cơ quan", "office day off"),
    "cfg_active_order": ("active_until phải sau active_from", "active_until must come after active_from"),
    # ------------------------------------------------------------------ errors: lookups and submissions
    "unit_unknown": ("Không có đơn vị '{query}'.{hint} Xem danh sách: khoagiao units", "No unit '{query}'.{hint} See the list: khoagiao units"),
    "unit_ambiguous": ("'{query}' khớp với nhiều đơn vị; hãy ghi rõ mã:\n{candidates}", "'{query}' matches several units; give the code:\n{candidates}"),
    "rule_unknown": ("Không có báo cáo '{query}'.{hint} Các báo cáo: {known}", "No report '{query}'.{hint} Reports: {known}"),
    "rule_ambiguous": ("'{query}' khớp với nhiều báo cáo; hãy ghi rõ mã:\n{candidates}", "'{query}' matches several reports; give the id:\n{candidates}"),
    "period_invalid": ("Báo cáo {rule} không có kỳ '{period}' (ví dụ kỳ hợp lệ: {example}).", "Report {rule} has no period '{period}' (a valid one looks like {example})."),
    "period_replaced": (
        "Kỳ {period} không có báo cáo {rule} riêng: báo cáo {other} thay cho nó. Hãy ghi nhận báo cáo {other}.",
        "Period {period} has no separate {rule} report: the {other} report takes its place. Record {other} instead.",
    ),
    "unit_not_owing": ("Đơn vị {unit} không phải gửi báo cáo {rule} (xem units.yaml).", "Unit {unit} does not owe the {rule} report (see units.yaml)."),
    "unit_inactive": ("Đơn vị {unit} không còn/chưa hoạt động trong kỳ {period}.", "Unit {unit} did not exist for period {period}."),
    "received_future": ("Ngày nhận {received} ở tương lai (hôm nay là {today}).", "Received date {received} is in the future (today is {today})."),
    "channel_unknown": ("Hình thức nhận '{value}' không hợp lệ; dùng: {known}.", "Channel '{value}' is not valid; use: {known}."),
    "file_missing": ("Không tìm thấy tệp đính kèm {path}.", "File to attach not found: {path}."),
    "file_unreadable_input": ("Không đọc được tệp {path}: {error}", "Cannot read {path}: {error}"),
    "duplicate": (
        "Báo cáo {rule} kỳ {period} của {unit} đã được ghi nhận (nhận ngày {received}, sự kiện #{event}). "
        "Nếu cần sửa, dùng --correct.",
        "The {rule} report for {period} from {unit} is already recorded (received {received}, event #{event}). "
        "To change it, use --correct.",
    ),
    "nothing_to_correct": ("Chưa có báo cáo {rule} kỳ {period} của {unit} để sửa.", "There is no {rule} report for {period} from {unit} to correct."),
    "nothing_to_correct_any": ("Chưa có báo cáo {rule} nào của {unit} để sửa.", "There is no {rule} report from {unit} to correct."),
    "nothing_to_withdraw": ("Chưa có báo cáo {rule} kỳ {period} của {unit} để rút.", "There is no {rule} report for {period} from {unit} to withdraw."),
    "no_outstanding": (
        "Đơn vị {unit} không còn kỳ báo cáo {rule} nào đang chờ; hãy ghi rõ --period.",
        "Unit {unit} has no open period of {rule}; give --period.",
    ),
    "init_exists": (
        "Đã có tệp cấu hình, không ghi đè: {files}. Dùng --force để ghi đè.",
        "Config files already exist, not overwritten: {files}. Use --force to overwrite.",
    ),
    # ------------------------------------------------------------------ errors: ledger
    "db_locked": (
        "Sổ theo dõi {path} đang bị tiến trình khác khóa quá lâu; không có gì được ghi. Hãy thử lại.",
        "The ledger {path} stayed locked by another process; nothing was recorded. Try again.",
    ),
    "db_readonly": ("Sổ theo dõi {path} chỉ cho phép đọc; không có gì được ghi.", "The ledger {path} is read-only; nothing was recorded."),
    "db_unopenable": ("Không mở hoặc tạo được sổ theo dõi {path}.", "Cannot open or create the ledger {path}."),
    "disk_full": ("Đĩa đầy; không ghi được vào {path}. Không có gì bị thay đổi.", "The disk is full; cannot write {path}. Nothing was changed."),
    "db_error": ("Lỗi sổ theo dõi {path}: {error}", "Ledger error in {path}: {error}"),
    "db_corrupt": (
        "Tệp {path} không phải sổ theo dõi khoagiao hoặc đã hỏng ({error}). Hãy khôi phục từ bản sao lưu.",
        "{path} is not a khoagiao ledger or is damaged ({error}). Restore it from a backup.",
    ),
    "db_newer": (
        "Sổ theo dõi {path} được tạo bởi phiên bản khoagiao mới hơn (lược đồ {found} > {known}). Hãy cập nhật khoagiao.",
        "The ledger {path} was written by a newer khoagiao (schema {found} > {known}). Upgrade khoagiao.",
    ),
    # ------------------------------------------------------------------ output words
    "st_on_time": ("đúng hạn", "on time"),
    "st_late": ("nộp muộn {n} ngày", "{n} days late"),
    "st_overdue": ("quá hạn", "overdue"),
    "st_due": ("sắp đến hạn", "due soon"),
    "st_upcoming": ("chưa đến hạn", "upcoming"),
    "days_over": ("quá {n} ngày", "{n} days overdue"),
    "days_today": ("hạn hôm nay", "due today"),
    "days_left": ("còn {n} ngày", "{n} days left"),
    "unit_not_requested": (
        "đơn vị '{unit}' không thuộc danh sách được yêu cầu báo cáo '{request}' (xem: khoagiao request list)",
        "unit '{unit}' was not asked for '{request}' (see: khoagiao request list)",
    ),
    "period_unknown_adhoc": (
        "'{report}' không có kỳ '{period}'; có: {known}",
        "'{report}' has no period '{period}'; there are: {known}",
    ),
    "ics_name": ("Lịch báo cáo khối khoa giáo năm {year}", "Science-and-education reporting calendar {year}"),
    "ics_deadline": ("Hạn: {title}", "Due: {title}"),
    "ics_owing": ("Đơn vị chưa nộp: {n}", "Units yet to send it: {n}"),
    "cal_month": ("Tháng {month}/{year}", "{month}/{year}"),
    "weekdays_short": ("T2,T3,T4,T5,T6,T7,CN", "Mo,Tu,We,Th,Fr,Sa,Su"),
    "cal_nothing": ("(không có hạn báo cáo hay cuộc họp)", "(no deadlines or meetings)"),
    "cal_legend": ("• hạn báo cáo   ◆ cuộc họp   ngày mờ: ngày nghỉ", "• report deadline   ◆ meeting   dimmed: day off"),
    "ex_head": ("{unit} ({code}) — {report} ({id}), kỳ {period}", "{unit} ({code}) — {report} ({id}), period {period}"),
    "ex_rule": ("Quy tắc: gửi {wording}.", "Rule: send it {wording}."),
    "ex_request": ("Yêu cầu theo văn bản {doc}: gửi {wording}.", "Requested by document {doc}: send it {wording}."),
    "ex_incident": (
        "Báo cáo đột xuất: sự việc xảy ra lúc {occurred}; hạn gửi văn bản: {deadline}.",
        "Urgent report: the incident happened at {occurred}; the written report is due {deadline}.",
    ),
    "ex_nominal": ("Ngày cuối còn đúng hạn theo văn bản: {day} ({weekday}).", "Last on-time day by the document: {day} ({weekday})."),
    "ex_skipped": ("{day} ({weekday}) là ngày nghỉ: {reason}", "{day} ({weekday}) is a day off: {reason}"),
    "ex_deadline": ("Hạn cuối: {day} ({weekday}), là ngày làm việc.", "Deadline: {day} ({weekday}), a working day."),
    "ex_deadline_moved": ("Hạn cuối: {day} ({weekday}) — {how}.", "Deadline: {day} ({weekday}) — {how}."),
    "ex_deadline_kept": (
        "Hạn cuối: {day} ({weekday}) — quy tắc không dời hạn khỏi ngày nghỉ (shift: none).",
        "Deadline: {day} ({weekday}) — the rule keeps deadlines on days off (shift: none).",
    ),
    "ex_shift_next_working_day": (
        "chuyển sang ngày làm việc tiếp theo (Bộ luật Dân sự 2015, điều 148)",
        "moved to the next working day (Civil Code 2015, art. 148)",
    ),
    "ex_shift_previous_working_day": ("lùi về ngày làm việc trước đó", "moved back to the previous working day"),
    "ex_shift_none": ("không dời", "not moved"),
    "ex_covers": ("Số liệu chốt từ {start} đến {end}.", "Data cut-off: from {start} to {end}."),
    "ex_no_events": ("Sổ theo dõi: chưa ghi nhận báo cáo này.", "Ledger: nothing recorded for this report."),
    "ex_event": ("Sổ theo dõi: {text}", "Ledger: {text}"),
    "ex_received": ("{day}", "{day}"),
    "st_late_hours": ("nộp muộn {n} giờ", "late by {n} hours"),
    "verdict_late_hours": ("Nộp muộn {n} giờ (hạn cuối {deadline}).", "Late by {n} hours (deadline {deadline})."),
    "ex_recorded": ("ghi lúc {at} bởi {by}", "recorded {at} by {by}"),
    "ex_untracked": (
        "Hạn này trước ngày bắt đầu theo dõi ({start}), nên không bị tính là quá hạn.",
        "This deadline is before tracking started ({start}), so it is never counted overdue.",
    ),
    "st_untracked": ("không theo dõi", "not tracked"),
    "ex_status": ("Trạng thái ngày {as_of}: {status}.", "Status on {as_of}: {status}."),
    "request_id_bad": (
        "mã yêu cầu '{value}' không hợp lệ: dùng chữ thường không dấu, số, '-', '_' hoặc '.', ví dụ qc238-2026",
        "request id '{value}' is not valid: use lower-case letters, digits, '-', '_' or '.', e.g. qc238-2026",
    ),
    "request_id_taken": ("'{value}' đã là mã một quy tắc báo cáo; hãy chọn mã khác", "'{value}' is already a report rule's id; choose another"),
    "request_exists": ("đã có yêu cầu '{value}' (kể cả đã hủy); hãy chọn mã khác", "request '{value}' already exists (cancelled ones count); choose another id"),
    "request_title_empty": ("--title không được để trống", "--title must not be empty"),
    "request_units_or_group": ("chỉ dùng một trong --units hoặc --group", "use either --units or --group, not both"),
    "group_unknown": ("không có đơn vị nào thuộc nhóm '{value}' (có các nhóm: {known})", "no unit is in group '{value}' (groups: {known})"),
    "request_unknown": ("không có yêu cầu '{value}' (có: {known})", "no request '{value}' (there are: {known})"),
    "request_cancelled_already": ("yêu cầu '{value}' đã hủy trước đó", "request '{value}' was already cancelled"),
    "within_hours_bad": ("--within phải từ 1 đến 720 giờ, không phải {value}", "--within must be 1 to 720 hours, not {value}"),
    "occurred_future": ("thời điểm xảy ra {occurred} ở sau hiện tại ({now})", "the incident time {occurred} is after now ({now})"),
    "request_added": (
        "Đã ghi yêu cầu '{id}': {title}; hạn {deadline}; {n} đơn vị phải báo cáo.",
        "Recorded request '{id}': {title}; due {deadline}; {n} units must report.",
    ),
    "request_cancelled": ("Đã hủy yêu cầu '{id}' ({title}).", "Cancelled request '{id}' ({title})."),
    "requests_none": ("Chưa có yêu cầu báo cáo nào (thêm bằng: khoagiao request add).", "No one-off requests yet (add one with: khoagiao request add)."),
    "requests_title": ("Yêu cầu báo cáo đột xuất, theo văn bản ({count})", "One-off requests ({count})"),
    "col_id": ("Mã", "Id"),
    "col_title": ("Nội dung", "Title"),
    "col_received_count": ("Đã nhận", "Received"),
    "cancelled": ("đã hủy", "cancelled"),
    "incident_added": (
        "Đã ghi sự việc #{id} của {unit}: {title}. Hạn gửi báo cáo bằng văn bản: {deadline} (trong {hours} giờ).",
        "Recorded incident #{id} of {unit}: {title}. The written report is due {deadline} (within {hours} hours).",
    ),
    # ------------------------------------------------------------------ e-mail
    "h_remind": (
        "Thư nhắc (đôn đốc) cho từng đơn vị có báo cáo quá hạn hoặc sắp đến hạn; xem trước, hoặc gửi với --send.",
        "Reminders to each unit with overdue or soon-due reports; a preview, or sent with --send.",
    ),
    "o_send": ("Gửi thư qua máy chủ SMTP (mục mail trong schedule.yaml, biến KHOAGIAO_SMTP_*).", "Send over SMTP (the mail section of schedule.yaml, KHOAGIAO_SMTP_* variables)."),
    "o_force": ("Gửi lại cả thư đã gửi hôm nay.", "Send again a reminder already sent today."),
    "o_eml": ("Ghi mỗi thư thành một tệp .eml trong thư mục DIR.", "Write each message as an .eml file in DIR."),
    "o_mail_to": ("Gửi bảng tổng hợp quá hạn tới địa chỉ này (nhiều địa chỉ cách nhau dấu phẩy) thay vì in ra.", "Mail the overdue digest to this address (comma-separated for several) instead of printing it."),
    "mail_to_bad": ("--mail-to '{value}' không phải địa chỉ e-mail", "--mail-to '{value}' is not an e-mail address"),
    "smtp_security_bad": ("KHOAGIAO_SMTP_SECURITY '{value}' không hợp lệ; dùng: {known}", "KHOAGIAO_SMTP_SECURITY '{value}' is not valid; use: {known}"),
    "smtp_port_bad": ("KHOAGIAO_SMTP_PORT '{value}' không phải cổng (1–65535)", "KHOAGIAO_SMTP_PORT '{value}' is not a port (1–65535)"),
    "smtp_no_host": (
        "Chưa có máy chủ gửi thư: đặt KHOAGIAO_SMTP_HOST hoặc mail.host trong schedule.yaml.",
        "No mail server: set KHOAGIAO_SMTP_HOST or mail.host in schedule.yaml.",
    ),
    "smtp_no_sender": (
        "Chưa có địa chỉ người gửi: đặt KHOAGIAO_MAIL_FROM hoặc mail.from trong schedule.yaml.",
        "No sender address: set KHOAGIAO_MAIL_FROM or mail.from in schedule.yaml.",
    ),
    "smtp_unreachable": ("không kết nối được máy chủ thư {host}:{port} ({error})", "cannot reach the mail server {host}:{port} ({error})"),
    "smtp_auth_failed": ("máy chủ thư từ chối đăng nhập của {user} ({code} {error})", "the mail server refused the login of {user} ({code} {error})"),
    "smtp_no_starttls": ("máy chủ {host}:{port} không hỗ trợ STARTTLS", "the server {host}:{port} does not offer STARTTLS"),
    "smtp_refused": ("máy chủ thư từ chối địa chỉ: {addresses}", "the mail server refused: {addresses}"),
    "smtp_rejected": ("máy chủ thư không nhận thư ({code} {error})", "the mail server did not take the message ({code} {error})"),
    "remind_none": ("Không có đơn vị nào cần nhắc tính đến {as_of}.", "No unit needs a reminder as of {as_of}."),
    "remind_preview": ("Xem trước {n} thư nhắc; thêm --send để gửi.", "Previewed {n} reminders; add --send to send them."),
    "remind_unreachable": (
        "Không gửi được cho {n} đơn vị chưa có địa chỉ e-mail (khóa email trong units.yaml): {units}",
        "Cannot reach {n} units without an e-mail address (the email key in units.yaml): {units}",
    ),
    "remind_sent": ("Đã gửi: {unit} ({code}) → {to} ({n} báo cáo).", "Sent: {unit} ({code}) → {to} ({n} reports)."),
    "remind_skipped": (
        "Bỏ qua: {unit} ({code}) đã được nhắc đúng những báo cáo này hôm nay lúc {at}; dùng --force để gửi lại.",
        "Skipped: {unit} ({code}) was reminded of these same reports today at {at}; use --force to send again.",
    ),
    "remind_failed": ("không gửi được cho {unit} ({code}): {error}", "could not send to {unit} ({code}): {error}"),
    "eml_written": ("Đã ghi {n} tệp .eml vào {folder}.", "Wrote {n} .eml files to {folder}."),
    "digest_failed": ("không gửi được bảng tổng hợp tới {to}: {error}", "could not mail the digest to {to}: {error}"),
    "digest_sent": ("Đã gửi bảng tổng hợp ({count} báo cáo quá hạn) tới {to}.", "Mailed the digest ({count} overdue reports) to {to}."),
    "no_email": ("(chưa có địa chỉ e-mail)", "(no e-mail address)"),
    "sender_unset": ("(chưa đặt: KHOAGIAO_MAIL_FROM)", "(not set: KHOAGIAO_MAIL_FROM)"),
    "mail_from_label": ("Từ", "From"),
    "mail_to_label": ("Đến", "To"),
    "mail_subject_label": ("Tiêu đề", "Subject"),
    "mail_subject": (
        "[{office}] V/v đôn đốc gửi báo cáo ({overdue} quá hạn, {due} sắp đến hạn) — {date}",
        "[{office}] Reports to send ({overdue} overdue, {due} due soon) — {date}",
    ),
    "mail_to": ("Kính gửi: {unit}", "To: {unit}"),
    "mail_basis": (
        "Thực hiện {basis}, {office} đề nghị quý cơ quan gửi các báo cáo sau:",
        "Under {basis}, the {office} asks you to send the following reports:",
    ),
    "mail_no_basis": (
        "Thực hiện chế độ báo cáo định kỳ, {office} đề nghị quý cơ quan gửi các báo cáo sau:",
        "Under the periodic reporting rules, the {office} asks you to send the following reports:",
    ),
    "mail_item": (
        "{n}. {report}, kỳ {period}: {wording} (hạn cuối {deadline}) — {left}.",
        "{n}. {report}, period {period}: {wording} (deadline {deadline}) — {left}.",
    ),
    "mail_how_email": (
        "Báo cáo gửi bằng văn bản về {office}, đồng thời gửi tệp điện tử qua địa chỉ {email}.",
        "Please send each report on paper to the {office}, and its file by e-mail to {email}.",
    ),
    "mail_how": (
        "Báo cáo gửi bằng văn bản về {office}, đồng thời gửi tệp điện tử qua thư điện tử.",
        "Please send each report on paper to the {office}, and its file by e-mail.",
    ),
    "mail_already": (
        "Nếu quý cơ quan đã gửi, xin bỏ qua thư này và báo lại để Ban cập nhật sổ theo dõi.",
        "If you have already sent it, please disregard this message and tell us so that we update our records.",
    ),
    "mail_regards": ("Trân trọng./.", "Yours faithfully,"),
    "mail_footer": (
        "Thư được gửi từ khoagiao, công cụ theo dõi báo cáo của Ban.",
        "Sent by khoagiao, the Commission's report tracker.",
    ),
    "hours_left": ("còn {n} giờ", "{n} hours left"),
    "hours_over": ("quá {n} giờ", "{n} hours late"),
    "moved_from": ("chuyển từ {day} ({reason})", "moved from {day} ({reason})"),
    "own_reports_title": ("Báo cáo của Ban", "The Commission's own reports"),
    "col_covers": ("Số liệu từ–đến", "Data from–to"),
    "col_status": ("Trạng thái", "Status"),
    "col_unit": ("Đơn vị", "Unit"),
    "col_code": ("Mã", "Code"),
    "col_name": ("Tên", "Name"),
    "col_short": ("Viết tắt", "Short"),
    "col_group": ("Nhóm", "Group"),
    "col_reports": ("Báo cáo phải gửi", "Reports owed"),
    "col_email": ("E-mail", "E-mail"),
    "col_report": ("Báo cáo", "Report"),
    "col_period": ("Kỳ", "Period"),
    "col_wording": ("Hạn theo văn bản", "Deadline as written"),
    "col_deadline": ("Hạn cuối", "Last day"),
    "col_deadline_words": ("Hạn cuối (theo văn bản)", "Last day (as written)"),
    "col_weekday": ("Thứ", "Day"),
    "col_left": ("Còn lại", "Time left"),
    "col_received": ("Ngày nhận", "Received"),
    "col_doc": ("Số, ký hiệu", "Doc. number"),
    "col_channel": ("Hình thức", "Channel"),
    "col_kind": ("Sự kiện", "Event"),
    "col_recorded": ("Ghi lúc", "Recorded at"),
    "col_by": ("Người ghi", "By"),
    "col_note": ("Ghi chú", "Note"),
    "all_reports": ("tất cả", "all"),
    "kind_submit": ("nhận", "received"),
    "kind_correct": ("sửa", "corrected"),
    "kind_withdraw": ("rút", "withdrawn"),
    "weekdays": ("Thứ Hai,Thứ Ba,Thứ Tư,Thứ Năm,Thứ Sáu,Thứ Bảy,Chủ nhật", "Mon,Tue,Wed,Thu,Fri,Sat,Sun"),
    "due_title": ("Báo cáo cần nộp — tính đến {as_of}, hạn đến {until}", "Reports due — as of {as_of}, deadlines up to {until}"),
    "due_none": (
        "Không có báo cáo nào quá hạn hoặc đến hạn trong {n} ngày tới (đến {until}). Mọi việc đều ổn.",
        "Nothing is overdue or due in the next {n} days (up to {until}). All clear.",
    ),
    "due_summary": ("{overdue} quá hạn, {due} sắp đến hạn.", "{overdue} overdue, {due} due soon."),
    "overdue_title": (
        "Báo cáo quá hạn tính đến {as_of}: {count} báo cáo của {units} đơn vị",
        "Overdue reports as of {as_of}: {count} report(s) from {units} unit(s)",
    ),
    "overdue_line": ("{report} ({period}): {wording} (hạn cuối {deadline}), {late}", "{report} ({period}): {wording} (last day {deadline}), {late}"),
    "status_title": ("Tình hình báo cáo năm {year} — tính đến {as_of}", "Reports of {year} — as of {as_of}"),
    "status_summary": (
        "{on_time} đúng hạn, {late} nộp muộn, {overdue} quá hạn, {due} sắp đến hạn, {upcoming} chưa đến hạn.",
        "{on_time} on time, {late} late, {overdue} overdue, {due} due soon, {upcoming} upcoming.",
    ),
    "status_empty": ("Không có báo cáo nào được theo dõi trong năm {year} (theo dõi từ {start}).", "No tracked report in {year} (tracking since {start})."),
    "schedule_title": ("Lịch hạn báo cáo năm {year}", "Report deadlines of {year}"),
    "units_title_on": ("Các đơn vị đang hoạt động ngày {as_of} ({count})", "Units active on {as_of} ({count})"),
    "units_all_title": ("Mọi đơn vị, kể cả đã giải thể hoặc sáp nhập ({count})", "Every unit, retired and merged ones too ({count})"),
    "col_active": ("Hoạt động", "Active"),
    "col_successor": ("Đơn vị kế nhiệm", "Successor"),
    "o_units_all": ("Liệt kê mọi đơn vị, kể cả đơn vị đã giải thể, sáp nhập (kèm ngày và đơn vị kế nhiệm).", "List every unit, retired and merged ones too (with dates and successors)."),
    "history_title": ("Sổ theo dõi: {count} sự kiện", "Ledger: {count} event(s)"),
    "history_empty": ("Sổ theo dõi chưa có sự kiện nào.", "The ledger has no events yet."),
    "submitted": ("Đã ghi nhận (sự kiện #{event}): {unit} — {report} ({period}), nhận ngày {received}.", "Recorded (event #{event}): {unit} — {report} ({period}), received {received}."),
    "corrected": ("Đã ghi sửa (sự kiện #{event}) cho sự kiện #{previous}: {unit} — {report} ({period}), nhận ngày {received}.", "Correction recorded (event #{event}) of event #{previous}: {unit} — {report} ({period}), received {received}."),
    "chosen_period": ("Kỳ {period} được chọn tự động: kỳ sớm nhất chưa nộp. Dùng --period để chọn kỳ khác.", "Period {period} was taken: the earliest one still open. Use --period for another."),
    "verdict_on_time": ("Đúng hạn ({wording}; hạn cuối {deadline}).", "On time ({wording}; last day {deadline})."),
    "verdict_late": ("Nộp muộn {n} ngày ({wording}; hạn cuối {deadline}).", "{n} days late ({wording}; last day {deadline})."),
    "withdrawn": ("Đã ghi rút (sự kiện #{event}) báo cáo của sự kiện #{previous}: {unit} — {report} ({period}) lại là chưa nộp.", "Withdrawal recorded (event #{event}) of event #{previous}: {unit} — {report} ({period}) is open again."),
    "init_done": ("Đã ghi cấu hình mặc định vào {path}:", "Wrote the default configuration to {path}:"),
    "init_hint_used": ("khoagiao sẽ dùng các tệp này. Sửa xong, chạy: khoagiao config", "khoagiao will use these files. After editing, run: khoagiao config"),
    "init_hint_flag": (
        "Để khoagiao dùng thư mục này: --config {path} hoặc KHOAGIAO_CONFIG={path}",
        "To make khoagiao use this folder: --config {path} or KHOAGIAO_CONFIG={path}",
    ),
    "config_ok": ("Cấu hình hợp lệ: {units} đơn vị, {rules} quy tắc báo cáo.", "Configuration is valid: {units} units, {rules} report rules."),
    "config_files": ("Tệp cấu hình:", "Config files:"),
    "config_settings": ("Thiết lập:", "Settings:"),
    "origin_flag": ("--config", "--config"),
    "origin_env": ("biến KHOAGIAO_CONFIG", "KHOAGIAO_CONFIG"),
    "origin_cwd": ("thư mục ./config", "./config folder"),
    "origin_user": ("thư mục cấu hình người dùng", "user config folder"),
    "origin_embedded": ("mặc định kèm theo khoagiao", "khoagiao's embedded default"),
    "origin_default": ("mặc định", "default"),
    "origin_db_flag": ("--db", "--db"),
    "origin_db_env": ("biến KHOAGIAO_DB", "KHOAGIAO_DB"),
    "origin_db_user": ("thư mục dữ liệu người dùng", "user data folder"),
    "origin_ledger": ("ngày tạo sổ theo dõi", "the day the ledger was created"),
    "ledger_not_created": ("chưa tạo; sẽ là ngày chạy lệnh đầu tiên", "not created yet; will be the day of the first command"),
    "config_ledger": ("Sổ theo dõi: {path} ({origin})", "Ledger: {path} ({origin})"),
    "config_lang": ("Ngôn ngữ: {lang}", "Language: {lang}"),
    "written": ("Đã ghi {path} ({count} báo cáo).", "Wrote {path} ({count} reports)."),
    # ------------------------------------------------------------------ help texts
    "h_app": (
        "khoagiao — theo dõi báo cáo của các đơn vị Khối khoa giáo gửi Ban Tuyên giáo và Dân vận Tỉnh ủy: "
        "báo cáo nào đến hạn, quá hạn, đã nhận. Dùng --lang en cho tiếng Anh.",
        "khoagiao — tracks the reports the science-and-education block owes the provincial Commission: "
        "what is due, overdue and received. Vietnamese by default; --lang vi for Vietnamese.",
    ),
    "h_due": (
        "Báo cáo quá hạn và sắp đến hạn (chạy mỗi sáng).",
        "Reports overdue and due soon (run it every morning).",
    ),
    "h_submit": (
        "Ghi nhận một báo cáo đã nhận. UNIT: mã hoặc một phần tên đơn vị; REPORT: mã báo cáo (monthly, q1, h1, q3, annual).",
        "Record a received report. UNIT: a unit's code or part of its name; REPORT: a report id (monthly, q1, h1, q3, annual).",
    ),
    "h_withdraw": ("Rút một báo cáo đã ghi nhận (ghi thêm sự kiện rút, không xóa gì).", "Withdraw a recorded report (adds a withdrawal event; deletes nothing)."),
    "h_overdue": (
        "Danh sách quá hạn cho cron: không in gì và thoát 0 khi không có gì quá hạn.",
        "Overdue list for cron: prints nothing and exits 0 when nothing is overdue.",
    ),
    "h_status": ("Tình hình mọi báo cáo trong năm của một hoặc mọi đơn vị.", "Every report of the year, for one unit or all."),
    "h_export": (
        "Xuất tình hình năm ra JSON, CSV, TOML, hoặc lịch ICS (mở được bằng điện thoại, Outlook).",
        "Export the year's status as JSON, CSV, TOML, or an ICS calendar (for phones and Outlook).",
    ),
    "h_explain": (
        "Giải thích một báo cáo: quy tắc → ngày theo văn bản → các ngày nghỉ được bỏ qua → hạn cuối → sổ theo dõi → trạng thái.",
        "Explain one report: rule → the document's day → days off skipped → deadline → ledger → status.",
    ),
    "h_calendar": (
        "Lịch từng tháng: hạn báo cáo và các cuộc họp (giao ban Khối, hội nghị), ngày nghỉ.",
        "Month by month: report deadlines, meetings (block briefings, the conference) and days off.",
    ),
    "h_request": ("Yêu cầu báo cáo theo văn bản (một lần): thêm, xem, hủy.", "One-off report requests (from a document): add, list, cancel."),
    "h_request_add": (
        "Ghi một yêu cầu báo cáo theo công văn; các đơn vị được yêu cầu sẽ thấy nó trong due, overdue, status, export.",
        "Record a one-off request from a document; the units asked see it in due, overdue, status and export.",
    ),
    "h_request_list": ("Các yêu cầu báo cáo và số đơn vị đã gửi.", "The one-off requests and how many units sent theirs."),
    "h_request_cancel": ("Hủy một yêu cầu (ghi thêm sự kiện hủy, không xóa gì).", "Cancel a request (adds a cancellation; deletes nothing)."),
    "h_incident": ("Báo cáo đột xuất khi có sự việc nhạy cảm, hạn tính theo giờ.", "Urgent incident reports, with deadlines in hours."),
    "h_incident_add": (
        "Ghi một sự việc đột xuất của đơn vị; hạn gửi báo cáo bằng văn bản là trong --within giờ kể từ lúc xảy ra.",
        "Record a unit's urgent incident; its written report is due --within hours after it happened.",
    ),
    "o_period_arg": ("Kỳ báo cáo: 2026-03, 3/2026, 2026-Q1, 2026-H1, 2026.", "Period: 2026-03, 3/2026, 2026-Q1, 2026-H1, 2026."),
    "o_month": ("Chỉ một tháng (1–12).", "Only one month (1–12)."),
    "o_request_id": ("Mã ngắn của yêu cầu, dùng khi ghi nhận: khoagiao submit syt ID.", "Short id of the request, used to record it: khoagiao submit syt ID."),
    "o_title": ("Nội dung yêu cầu báo cáo.", "What the request asks for."),
    "o_request_deadline": ("Hạn gửi theo văn bản (2026-05-31, 31/05/2026).", "The deadline the document gives (2026-05-31, 31/05/2026)."),
    "o_request_doc": ("Số, ký hiệu văn bản yêu cầu (ví dụ 125-CV/BTGDVTU).", "Number of the requesting document (e.g. 125-CV/BTGDVTU)."),
    "o_request_units": ("Các đơn vị được yêu cầu, cách nhau dấu phẩy (mặc định: mọi đơn vị).", "The units asked, comma-separated (default: every unit)."),
    "o_request_group": ("Mọi đơn vị của một nhóm (sở, hội, ...).", "Every unit of one group (sở, hội, ...)."),
    "o_request_all": ("Kể cả yêu cầu đã hủy.", "Cancelled requests too."),
    "o_incident_title": ("Sự việc (ví dụ: Ổ dịch sốt xuất huyết tại phường X).", "The incident (e.g. a dengue outbreak in ward X)."),
    "o_occurred": ("Thời điểm xảy ra hoặc được biết (2026-11-22T08:30, 22/11/2026 8:30).", "When it happened or became known (2026-11-22T08:30, 22/11/2026 8:30)."),
    "o_within_hours": ("Số giờ để gửi báo cáo bằng văn bản (mặc định 24).", "Hours allowed for the written report (default 24)."),
    "h_units": ("Danh sách đơn vị.", "List the units."),
    "h_schedule": ("Lịch hạn báo cáo trong năm.", "The year's report deadlines."),
    "h_history": ("Các sự kiện trong sổ theo dõi (nhận, sửa, rút).", "The ledger's events (received, corrected, withdrawn)."),
    "h_init": ("Ghi cấu hình mặc định ra thư mục DIR để chỉnh sửa.", "Write the default configuration to DIR for editing."),
    "h_config": ("Kiểm tra cấu hình và cho biết mỗi thiết lập lấy từ đâu.", "Validate the configuration and show where each setting comes from."),
    "h_help": ("In hướng dẫn này rồi thoát.", "Show this message and exit."),
    "h_version": ("In phiên bản rồi thoát.", "Print the version and exit."),
    "o_as_of": (
        "Coi NGÀY là hôm nay (2026-03-18, 18/03/2026, 18/3); có thể kèm giờ (2026-03-18T14:30) cho hạn tính theo giờ.",
        "Treat DATE as today (2026-03-18, 18/03/2026, 18/3); may carry a time (2026-03-18T14:30) for hour deadlines.",
    ),
    "o_within": ("Số ngày tới cần xem (mặc định: due_soon_days).", "How many days ahead to look (default: due_soon_days)."),
    "o_unit": ("Chỉ một đơn vị (mã hoặc một phần tên).", "Only one unit (code or part of its name)."),
    "o_unit_arg": ("Đơn vị: mã hoặc một phần tên, không phân biệt hoa thường, có dấu hay không.", "Unit: code or part of the name, case- and accent-insensitive."),
    "o_report_arg": ("Báo cáo: mã quy tắc (monthly, q1, h1, q3, annual) hoặc một phần tên.", "Report: rule id (monthly, q1, h1, q3, annual) or part of its name."),
    "o_format_due": ("table (bảng), plain (chữ thường) hoặc json. Mặc định: bảng trên màn hình, chữ thường khi chuyển hướng.", "table, plain or json. Default: a table on a terminal, plain when piped."),
    "o_format_overdue": ("plain hoặc json.", "plain or json."),
    "o_format_table_json": ("table hoặc json.", "table or json."),
    "o_format_export": ("json, csv, toml hoặc ics.", "json, csv, toml or ics."),
    "o_fail": ("Thoát với mã 1 nếu có báo cáo quá hạn.", "Exit with code 1 when anything is overdue."),
    "o_period": ("Kỳ báo cáo: 2026-03, 2026-Q1, 2026-H1, 2026-Q3, 2026. Mặc định: kỳ sớm nhất chưa nộp.", "Period: 2026-03, 2026-Q1, 2026-H1, 2026-Q3, 2026. Default: the earliest open one."),
    "o_period_req": ("Kỳ báo cáo: 2026-03, 2026-Q1, 2026-H1, 2026-Q3, 2026.", "Period: 2026-03, 2026-Q1, 2026-H1, 2026-Q3, 2026."),
    "o_received": ("Ngày nhận (mặc định: hôm nay).", "Date received (default: today)."),
    "o_doc": ("Số, ký hiệu văn bản, ví dụ 125/BC-SYT.", "Document number, e.g. 125/BC-SYT."),
    "o_channel": ("Hình thức nhận: paper (giấy), email, eoffice, other.", "How it arrived: paper, email, eoffice, other."),
    "o_file": ("Tệp báo cáo để lưu đường dẫn và mã SHA-256.", "Report file: its path and SHA-256 are recorded."),
    "o_note": ("Ghi chú.", "Note."),
    "o_correct": ("Ghi sửa cho báo cáo đã ghi nhận (ngày nhận, số văn bản…).", "Record a correction of an already recorded report."),
    "o_year": ("Năm (mặc định: năm hiện tại).", "Year (default: the current year)."),
    "o_output": ("Ghi ra TỆP (ghi an toàn: tệp tạm rồi đổi tên) thay vì màn hình.", "Write to FILE (safely: a temporary file, then renamed) instead of stdout."),
    "o_lang": ("Ngôn ngữ: vi hoặc en (hoặc biến KHOAGIAO_LANG).", "Language: vi or en (or KHOAGIAO_LANG)."),
    "o_config": ("Thư mục cấu hình chứa units.yaml, schedule.yaml (hoặc KHOAGIAO_CONFIG).", "Config folder with units.yaml, schedule.yaml (or KHOAGIAO_CONFIG)."),
    "o_db": ("Tệp sổ theo dõi SQLite (hoặc KHOAGIAO_DB).", "SQLite ledger file (or KHOAGIAO_DB)."),
    "o_force": ("Ghi đè các tệp đã có.", "Overwrite existing files."),
    "o_dir": ("Thư mục đích (mặc định: thư mục cấu hình người dùng).", "Target folder (default: the user config folder)."),
    "o_history_unit": ("Chỉ sự kiện của đơn vị này.", "Only this unit's events."),
    "o_history_report": ("Chỉ báo cáo này.", "Only this report."),
}
