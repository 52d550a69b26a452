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


def entry(key: str) -> tuple[str, str]:
    """(Vietnamese, English) of a message; the occasional commands' messages are loaded on first use."""
    try:
        return MESSAGES[key]
    except KeyError:
        from khoagiao_cli.i18n.more import MORE

        if key not in MORE:
            raise
        MESSAGES.update(MORE)
        return MESSAGES[key]


def t(key: str, **kwargs: object) -> str:
    """The message `key` in the current language; dates are written dd/mm/yyyy."""
    vi, en = entry(key)
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
    "date_out_of_range": (
        "{what} '{value}' nằm ngoài khoảng khoagiao theo dõi (năm {first}–{last}).",
        "{what} '{value}' is outside the years khoagiao tracks ({first}–{last}).",
    ),
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
    "config_mail": (
        "Gửi thư: {host}:{port} ({security}), người gửi {sender}, đăng nhập {user}, mật khẩu trong KHOAGIAO_SMTP_PASSWORD: {password}",
        "Mail: {host}:{port} ({security}), sender {sender}, login {user}, password in KHOAGIAO_SMTP_PASSWORD: {password}",
    ),
    "config_mail_none": (
        "Gửi thư: chưa cấu hình (mục mail trong schedule.yaml hoặc KHOAGIAO_SMTP_HOST).",
        "Mail: not configured (the mail section of schedule.yaml, or KHOAGIAO_SMTP_HOST).",
    ),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
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
    "db_timeout_bad": (
        "KHOAGIAO_DB_TIMEOUT='{value}' không hợp lệ: cần một số giây không âm, ví dụ 10.",
        "KHOAGIAO_DB_TIMEOUT='{value}' is not valid: give a number of seconds, 0 or more, e.g. 10.",
    ),
    "db_foreign": (
        "Tệp {path} là một cơ sở dữ liệu SQLite khác, không phải sổ theo dõi khoagiao; khoagiao không ghi vào đó. Hãy chọn tệp khác (--db).",
        "{path} is another SQLite database, not a khoagiao ledger; khoagiao will not write to it. Choose another file (--db).",
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
    # ------------------------------------------------------------------ e-mail
    "col_late": ("Muộn", "Late"),
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
    "origin_user": ("thư mục cấu hình người dùng", "user config folder"),
    "origin_embedded": ("mặc định kèm theo khoagiao", "khoagiao's embedded default"),
    "origin_default": ("mặc định", "default"),
    "origin_db_flag": ("--db", "--db"),
    "origin_db_env": ("biến KHOAGIAO_DB", "KHOAGIAO_DB"),
    "origin_db_user": ("thư mục dữ liệu người dùng", "user data folder"),
    "origin_ledger": ("ngày tạo sổ theo dõi", "the day the ledger was created"),
    "ledger_not_created": ("chưa có sổ; sẽ là ngày ghi báo cáo đầu tiên", "no ledger yet; will be the day the first report is recorded"),
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
        "Xuất tình hình năm ra JSON, CSV, TOML, lịch ICS (điện thoại, Outlook) hoặc bảng tính Excel.",
        "Export the year's status as JSON, CSV, TOML, an ICS calendar (phones, Outlook) or an Excel workbook.",
    ),
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
    "o_format_export": ("json, csv, toml, ics (lịch) hoặc xlsx (Excel).", "json, csv, toml, ics (calendar) or xlsx (Excel)."),
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
