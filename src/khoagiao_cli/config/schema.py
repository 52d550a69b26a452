"""The one schema of units.yaml and schedule.yaml: pydantic models, each key with its meaning in English and
Vietnamese (the config reference is written from them: outputs/reference.py). What one key alone cannot say
(unique ids, known references) and the conversion to the core's values are in config/convert.py. Imported only
to validate a config that is not cached, and for the reference: the daily commands never load pydantic."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from khoagiao_cli.config.places import files_place, ledger_place
from khoagiao_cli.core.addresses import is_address
from khoagiao_cli.core.dates import FIRST_YEAR, LAST_YEAR, parse_date
from khoagiao_cli.errors import UserError

#: Decree 09/2019/ND-CP: data from the 15th of the month before the period to the 14th of its last month
DECREE_09 = (15, 14)
#: the name of an office day off that has none, in (Vietnamese, English)
DAY_OFF = ("ngày nghỉ của cơ quan", "office day off")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
FREQUENCY = Literal["monthly", "quarterly", "half-yearly", "yearly"]

#: a key path inside a file: ("rules", 2, "before")
Loc = tuple[str | int, ...]


def doc(en: str, vi: str, default: Any = ..., **more: Any) -> Any:
    """A key's meaning in English and Vietnamese, with its default (`...`: required) and constraints."""
    return Field(default, description=en, json_schema_extra={"vi": vi}, **more)


# --------------------------------------------------------------------------- value types


def _not_bool(v: object) -> object:
    """YAML's `true` is no number (pydantic would take it for 1)."""
    if isinstance(v, bool):
        raise PydanticCustomError("int_type", "a whole number", {"value": str(v).lower()})
    return v


def _day_of_month(v: int) -> int:
    if not 1 <= v <= 31:
        raise PydanticCustomError("day_of_month", "day of month 1-31")
    return v


def _vn_date(v: object) -> object:
    """31/01/2026 as well as 2026-01-31 (YAML dates are read as text, so that pydantic names the bad line); a
    config is read every day of every year, so a date in it always says its year."""
    if isinstance(v, str) and "/" in v:
        if v.strip().count("/") < 2:
            raise PydanticCustomError("date_no_year", "no year", {"value": v})
        try:
            return parse_date(v, date(2000, 1, 1), what="")
        except UserError as exc:
            raise PydanticCustomError("date_text", "bad date") from exc
    return v


def _in_range(v: date) -> date:
    if not FIRST_YEAR <= v.year <= LAST_YEAR:
        raise PydanticCustomError("date_range", "year out of range", {"first": FIRST_YEAR, "last": LAST_YEAR})
    return v


def _as_list(v: object) -> object:
    return [v] if isinstance(v, str) else ([] if v is None else v)


def _emails(v: list[str]) -> list[str]:
    """One address per entry: several are a YAML list, never "a@x.vn, b@y.vn" (which mail would send to both)."""
    out = [a.strip() for a in v]
    for addr in out:
        if not is_address(addr):
            several = addr.count("@") > 1 and any(c in addr for c in ",; ")
            raise PydanticCustomError("email_many" if several else "email", "bad e-mail address", {"value": addr})
    return out


def _email(v: str | None) -> str | None:
    return _emails([v])[0] if v else v


def _cutoff(v: object) -> object:
    if isinstance(v, str):
        if v.strip().lower() != "decree-09":
            raise PydanticCustomError("cutoff", "decree-09 or from_day/to_day", {"value": v})
        return {"from_day": DECREE_09[0], "to_day": DECREE_09[1]}
    return v


def _no_password(v: object) -> object:
    raise PydanticCustomError("password_in_file", "the password only comes from KHOAGIAO_SMTP_PASSWORD")


def _day_off(v: object) -> object:
    return v if isinstance(v, dict) else {"date": v}


def _known_zone(v: str) -> str:
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(v)
    except (ValueError, KeyError, OSError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise PydanticCustomError("timezone", "unknown time zone") from exc
    return v


Whole = Annotated[int, BeforeValidator(_not_bool)]

#: the words of a due-soon window, folded (no accents): True for working days, False for calendar days
DUE_SOON_WORDS = {"ngay lam viec": True, "working day": True, "working days": True, "ngay": False,
                  "ngay lich": False, "day": False, "days": False, "calendar day": False, "calendar days": False}


def _due_soon(v: object) -> tuple[int, bool]:
    """`5 ngày làm việc` / `5 working days` (working days of the office calendar), `7 ngày` / `7 days` (calendar
    days); a bare number counts working days."""
    from khoagiao_cli.core.lookup import fold

    if isinstance(v, int) and not isinstance(v, bool):
        number, working = v, True
    else:
        text = fold(str(v)) if isinstance(v, str) else ""
        head, _, unit = text.strip().partition(" ")
        if not (head.isascii() and head.isdigit() and len(head) <= 4) or unit.strip() not in DUE_SOON_WORDS:
            raise PydanticCustomError("due_soon", "like '5 ngày làm việc' or '7 ngày'", {"value": str(v)[:80]})
        number, working = int(head), DUE_SOON_WORDS[unit.strip()]
    if not 0 <= number <= 366:
        raise PydanticCustomError("due_soon", "0-366", {"value": str(v)[:80]})
    return number, working


DueSoon = Annotated[tuple[int, bool], BeforeValidator(_due_soon)]
Day = Annotated[Whole, AfterValidator(_day_of_month)]
DateIn = Annotated[date, BeforeValidator(_vn_date), AfterValidator(_in_range)]
Code = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=40)]
Text = Annotated[str, Field(min_length=1)]
Emails = Annotated[list[str], BeforeValidator(_as_list), AfterValidator(_emails)]
Email = Annotated[str | None, AfterValidator(_email)]
Clock = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
PeriodIndex = Annotated[Whole, Field(ge=1, le=12)]


class Strict(BaseModel):
    """Unknown keys are errors (a typo is never silently ignored)."""

    model_config = ConfigDict(extra="forbid")


def about(vi: str) -> ConfigDict:
    """A mapping's meaning in Vietnamese (its docstring says it in English)."""
    return ConfigDict(extra="forbid", json_schema_extra={"vi": vi})


# --------------------------------------------------------------------------- schedule.yaml


class CutoffFile(Strict):
    """A data cut-off window: from a day of the month before the period to a day of its last month."""

    model_config = about('Thời gian chốt số liệu: từ một ngày của tháng trước kỳ đến một ngày của tháng cuối kỳ.')

    from_day: Day = doc("Day of the month before the period the data starts on.",
                        "Ngày bắt đầu lấy số liệu, trong tháng trước kỳ.")
    to_day: Day = doc("Day of the period's last month the data ends on.", "Ngày chốt số liệu, trong tháng cuối kỳ.")


class RuleFile(Strict):
    """A periodic report the units (or the Commission itself) owe."""

    model_config = about('Một báo cáo định kỳ các đơn vị (hoặc chính Ban) phải gửi.')

    id: Code = doc("Short id used in commands (khoagiao submit syt monthly).",
                   "Mã quy tắc, dùng trong lệnh (khoagiao submit syt monthly).")
    name: Text = doc("The report's name.", "Tên báo cáo.")
    name_en: str | None = doc("Its English name.", "Tên tiếng Anh.", None)
    frequency: FREQUENCY = doc("The period: monthly (2026-03), quarterly (2026-Q1), half-yearly (2026-H1), yearly.",
                               "Kỳ báo cáo: monthly (tháng, 2026-03), quarterly (quý, 2026-Q1), half-yearly "
                               "(6 tháng, 2026-H1), yearly (năm, 2026).")
    periods: list[PeriodIndex] | None = doc("Only these periods of the year, e.g. [1] for Q1 (empty: all).",
                                            "Chỉ những kỳ này trong năm, ví dụ [1] = quý I (bỏ trống: mọi kỳ).", None)
    month: Annotated[int, Field(ge=1, le=24)] | None = doc(
        "The deadline's month, counted from the period's first (empty: its last month).",
        "Hạn rơi vào tháng thứ mấy tính từ đầu kỳ (bỏ trống: tháng cuối kỳ).", None)
    before: Day | None = doc('"Before the 20th" (trước ngày 20): the 19th is the last on-time day.',
                             '"Trước ngày 20": ngày cuối còn đúng hạn là ngày 19.', None)
    by: Day | None = doc('"By the 20th" (đến hết ngày 20): the 20th is still on time. Give before or by.',
                         '"Đến hết ngày 20": ngày 20 vẫn đúng hạn. Ghi before hoặc by.', None)
    replaces: str | None = doc("The rule whose report of the same deadline month this one takes the place of "
                               "(Q1 is March's monthly report).",
                               "Báo cáo này thay cho báo cáo nào của cùng tháng hạn (báo cáo quý I chính là báo cáo "
                               "tháng 3).", None)
    shift: Literal["next_working_day", "previous_working_day", "none"] = doc(
        "Where a deadline on a day off moves: the next working day (Civil Code 2015 art. 148), the previous one, "
        "or nowhere.",
        "Hạn rơi vào ngày nghỉ thì: sang ngày làm việc tiếp theo (Bộ luật Dân sự 2015, điều 148), lùi về ngày làm "
        "việc trước, hoặc giữ nguyên.", "next_working_day")
    cutoff: Annotated[CutoffFile | None, BeforeValidator(_cutoff)] = doc(
        "Data cut-off window: decree-09 (Decree 09/2019/NĐ-CP: 15th of the month before to 14th of the last) "
        "or {from_day, to_day}.",
        "Thời gian chốt số liệu: decree-09 (Nghị định 09/2019/NĐ-CP: từ ngày 15 tháng trước kỳ đến ngày 14 tháng "
        "cuối kỳ) hoặc {from_day, to_day}.", None)
    owner: Literal["units", "office"] = doc("units: the units report to the Commission; office: the Commission's "
                                            "own report upward.",
                                            "units: các đơn vị gửi Ban; office: báo cáo của chính Ban gửi cấp trên.",
                                            "units")
    recipient: str | None = doc("To whom the Commission sends its own report.", "Nơi nhận báo cáo của Ban.", None)


class DayOffFile(Strict):
    """An office day off: a date, {date, name}, or a range {from, to, name}."""

    model_config = about('Một ngày nghỉ của cơ quan: một ngày, {date, name}, hoặc một khoảng {from, to, name}.')

    date: DateIn | None = doc("One day off.", "Một ngày nghỉ.", None)
    from_: DateIn | None = doc("First day of a range.", "Ngày đầu của một khoảng nghỉ.", None, alias="from")
    to: DateIn | None = doc("Last day of a range.", "Ngày cuối của khoảng nghỉ.", None)
    name: str | None = doc("Why (shown when a deadline moves across it).", "Lý do nghỉ (hiện khi hạn bị dời qua).",
                           None)
    name_en: str | None = doc("Why, in English.", "Lý do, tiếng Anh.", None)


class MeetingFile(Strict):
    """A recurring meeting on the same calendar (the quarterly block briefing, the annual conference)."""

    model_config = about('Một cuộc họp định kỳ trên cùng lịch (giao ban Khối hằng quý, hội nghị đánh giá hằng năm).')

    id: Code = doc("Short id.", "Mã cuộc họp.")
    name: Text = doc("The meeting's name.", "Tên cuộc họp.")
    name_en: str | None = doc("Its English name.", "Tên tiếng Anh.", None)
    frequency: FREQUENCY = doc("As for rules.", "Như quy tắc báo cáo.")
    periods: list[PeriodIndex] | None = doc("Only these periods (empty: all).", "Chỉ những kỳ này (bỏ trống: mọi kỳ).",
                                            None)
    month: Annotated[int, Field(ge=1, le=12)] | None = doc(
        "Its month, counted from the period's first (empty: the last).",
        "Tháng họp, tính từ đầu kỳ (bỏ trống: tháng cuối kỳ).", None)
    week: Literal["first", "last"] = doc("The first or the last week of that month.",
                                         "Tuần đầu hoặc tuần cuối của tháng đó.", "last")
    weekday: Literal["mon", "tue", "wed", "thu", "fri"] = doc(
        "The weekday; on a day off it moves to the nearest working day inside the month.",
        "Thứ trong tuần; trùng ngày nghỉ thì dời sang ngày làm việc gần nhất trong tháng.", "thu")
    start: Clock = doc("Start time, HH:MM.", "Giờ bắt đầu, HH:MM.", "08:00")
    end: Clock = doc("End time, HH:MM.", "Giờ kết thúc, HH:MM.", "11:30")
    place: str | None = doc("Where.", "Địa điểm.", None)


class MailFile(Strict):
    """The SMTP server for remind --send and overdue --mail-to. KHOAGIAO_SMTP_HOST, _PORT, _SECURITY, _USER,
    _CAFILE and KHOAGIAO_MAIL_FROM override these keys."""

    model_config = about("Máy chủ SMTP cho remind --send và overdue --mail-to. Các biến KHOAGIAO_SMTP_HOST, _PORT, "
                         "_SECURITY, _USER, _CAFILE và KHOAGIAO_MAIL_FROM ghi đè các khóa này.")

    host: str | None = doc("The SMTP server.", "Máy chủ SMTP.", None)
    port: Annotated[Whole, Field(ge=1, le=65535)] | None = doc("Its port (default 587, 465 for ssl, 25 for none).",
                                                             "Cổng (mặc định 587; 465 với ssl; 25 với none).", None)
    security: Literal["starttls", "ssl", "none"] = doc("How the connection is protected.",
                                                       "Cách bảo vệ kết nối.", "starttls")
    from_: Email = doc("The sender's address.", "Địa chỉ người gửi.", None, alias="from")
    user: str | None = doc("Login name.", "Tên đăng nhập.", None)
    cafile: str | None = doc("The office's own CA certificate, if its server uses one.",
                             "Chứng chỉ CA của cơ quan, nếu máy chủ dùng chứng chỉ riêng.", None)
    password: Annotated[None, BeforeValidator(_no_password)] = doc(
        "Never here: the password only comes from KHOAGIAO_SMTP_PASSWORD.",
        "Không bao giờ ghi ở đây: mật khẩu chỉ đặt trong biến môi trường KHOAGIAO_SMTP_PASSWORD.", None)


class ScheduleFile(Strict):
    """schedule.yaml: the reporting rules, the office calendar, the meetings, the mail server."""

    model_config = about('schedule.yaml: các quy tắc báo cáo, lịch làm việc của cơ quan, các cuộc họp, máy chủ thư.')

    timezone: Annotated[str, AfterValidator(_known_zone)] = doc("The time zone of \"today\".",
                                                                "Múi giờ dùng để tính \"hôm nay\".",
                                                                "Asia/Ho_Chi_Minh")
    due_soon: DueSoon | None = doc(
        "How long before its deadline a report is \"due soon\": '5 ngày làm việc' (working days of the office "
        "calendar, so that what is due after Tết shows before it; the default) or '7 ngày' (calendar days).",
        "Bao lâu trước hạn thì báo cáo được coi là \"sắp đến hạn\": '5 ngày làm việc' (ngày làm việc theo lịch của "
        "cơ quan, để báo cáo có hạn sau Tết hiện ra trước Tết; mặc định) hoặc '7 ngày' (ngày lịch).", None)
    due_soon_days: Annotated[Whole, Field(ge=0, le=366)] | None = doc(
        "The older key: how many calendar days before its deadline a report is \"due soon\" (give due_soon "
        "or this, not both).",
        "Khóa cũ: số ngày lịch trước hạn thì báo cáo được coi là \"sắp đến hạn\" (ghi due_soon hoặc khóa này, "
        "không ghi cả hai).", None)
    tracking_start: DateIn | None = doc("Only deadlines from this day on are tracked (empty: the day the ledger "
                                        "was created).",
                                        "Chỉ theo dõi các hạn từ ngày này (bỏ trống: ngày tạo sổ theo dõi).", None)
    holidays: Literal["VN", "none"] = doc("VN: Vietnam's public holidays (the holidays package); none: weekends and "
                                          "days_off only.",
                                          "VN: ngày lễ, Tết của Việt Nam (gói holidays); none: chỉ Thứ Bảy, Chủ nhật "
                                          "và days_off.", "VN")
    days_off: list[Annotated[DayOffFile, BeforeValidator(_day_off)]] = doc(
        "The office's extra days off (decisions the holidays package does not know).",
        "Ngày nghỉ thêm theo quyết định mà gói holidays chưa biết.", [])
    working_days: list[DateIn] = doc("Swapped working days: worked although a weekend day or a day off.",
                                     "Ngày làm bù: đi làm dù là Thứ Bảy, Chủ nhật hoặc ngày nghỉ.", [])
    rules: Annotated[list[RuleFile], Field(min_length=1)] = doc("The periodic reports (below).",
                                                                "Các quy tắc báo cáo định kỳ (dưới đây).")
    meetings: list[MeetingFile] = doc("Recurring meetings (below).", "Các cuộc họp định kỳ (dưới đây).", [])
    mail: MailFile = doc("The mail server (below).", "Máy chủ thư (dưới đây).", MailFile())
    db: Annotated[str, AfterValidator(ledger_place)] | None = doc(
        "The ledger: a SQLite file (a relative path starts from this folder) or the office's one ledger on a "
        "PostgreSQL server, postgresql://user@host:port/database, never with a password (libpq reads PGPASSWORD, "
        "~/.pgpass or PGSERVICE). --db and KHOAGIAO_DB come first; empty: the user data folder's file.",
        "Sổ theo dõi: tệp SQLite (đường dẫn tương đối tính từ thư mục này) hoặc sổ chung của cả phòng trên máy chủ "
        "PostgreSQL, postgresql://người_dùng@máy_chủ:cổng/tên_csdl, không bao giờ kèm mật khẩu (libpq đọc "
        "PGPASSWORD, ~/.pgpass hoặc PGSERVICE). --db và KHOAGIAO_DB được ưu tiên; bỏ trống: tệp trong thư mục dữ "
        "liệu người dùng.", None)
    files: Annotated[str, AfterValidator(files_place)] | None = doc(
        "Where the received files of a ledger on a PostgreSQL server are kept, for every PC: a folder on the "
        "office's file server (\\\\may-chu\\khoagiao); a relative path starts from this folder. KHOAGIAO_FILES comes "
        "first; empty: each PC's user data folder. A SQLite ledger keeps them beside its file.",
        "Nơi giữ các tệp báo cáo đã nhận của sổ trên máy chủ PostgreSQL, chung cho mọi máy: một thư mục trên máy chủ "
        "tệp của cơ quan (\\\\may-chu\\khoagiao); đường dẫn tương đối tính từ thư mục này. KHOAGIAO_FILES được ưu "
        "tiên; bỏ trống: thư mục dữ liệu người dùng của từng máy. Sổ SQLite giữ chúng bên cạnh tệp sổ.", None)


# --------------------------------------------------------------------------- units.yaml


class OfficeFile(Strict):
    """The Commission itself: the recipient of the units' reports, the sender of its own, the letters' signer."""

    model_config = about('Chính Ban: nơi nhận báo cáo của các đơn vị, nơi gửi báo cáo của Ban, người ký công văn.')

    code: Code = doc("Its code, for its own reports (khoagiao submit ban ban-quy).",
                     "Mã của Ban, dùng cho báo cáo của Ban (khoagiao submit ban ban-quy).", "ban")
    name: Text = doc("Its full name.", "Tên đầy đủ.", "Ban Tuyên giáo và Dân vận Tỉnh ủy")
    short_name: str | None = doc("Short name, in e-mail subjects.", "Tên viết tắt, dùng trong tiêu đề thư.", None)
    province: str | None = doc("The province.", "Tỉnh.", None)
    parent: str | None = doc("The party committee above it, first line of a letter's header (Tỉnh ủy Khánh Hòa).",
                             "Cấp ủy cấp trên, dòng đầu tiêu đề công văn (Tỉnh ủy Khánh Hòa).", None)
    place: str | None = doc("The place written before a letter's date.", "Địa danh ghi trước ngày tháng của công văn.",
                            None)
    symbol: str | None = doc("Its document symbol, for a letter's number (CV/BTGDVTU).",
                             "Ký hiệu văn bản, dùng cho số công văn (CV/BTGDVTU).", None)
    basis: str | None = doc("The document the reporting duty comes from.", "Văn bản quy định chế độ báo cáo.", None)
    email: Email = doc("Where units e-mail their report files (said in reminders).",
                       "Địa chỉ nhận tệp báo cáo (ghi trong thư nhắc).", None)
    signer_authority: str | None = doc("K/T TRƯỞNG BAN when a deputy signs.", "K/T TRƯỞNG BAN khi cấp phó ký.", None)
    signer_title: str | None = doc("The signer's title.", "Chức vụ người ký.", None)
    signer_name: str | None = doc("The signer's name.", "Họ tên người ký.", None)


class UnitFile(Strict):
    """A unit that reports to the Commission."""

    model_config = about('Một đơn vị gửi báo cáo về Ban.')

    code: Code = doc("Short code used in commands (khoagiao submit syt …).", "Mã ngắn, dùng trong lệnh.")
    name: Text = doc("Its full name.", "Tên đầy đủ.")
    short_name: str | None = doc("Short name.", "Tên viết tắt.", None)
    group: str | None = doc("Its group (sở, hội, trường …), for requests to a group.",
                            "Nhóm (sở, hội, trường …), dùng khi yêu cầu báo cáo theo nhóm.", None)
    email: Emails = doc("One address or a list.", "Một địa chỉ hoặc danh sách địa chỉ.", [])
    reports: list[str] | None = doc("The rules it owes (empty: every rule of the units).",
                                    "Các báo cáo phải gửi (bỏ trống: mọi báo cáo định kỳ).", None)
    active_from: DateIn | None = doc("It owes only periods ending on or after this day.",
                                     "Chỉ phải gửi các kỳ kết thúc từ ngày này.", None)
    active_until: DateIn | None = doc("It owes only periods ending on or before this day; its past reports stay "
                                      "under its name.",
                                      "Chỉ phải gửi các kỳ kết thúc đến ngày này; báo cáo đã gửi giữ tên cũ.", None)
    successor: str | None = doc("The unit that took over its work when it was renamed, merged or dissolved.",
                                "Mã đơn vị tiếp nhận nhiệm vụ khi đổi tên, sáp nhập hoặc giải thể.", None)


class UnitsFile(Strict):
    """units.yaml: the Commission and the units that report to it."""

    model_config = about('units.yaml: chính Ban và các đơn vị gửi báo cáo về Ban.')

    office: OfficeFile = doc("The Commission (below).", "Chính Ban (dưới đây).", OfficeFile())
    units: Annotated[list[UnitFile], Field(min_length=1)] = doc("The units (below).", "Các đơn vị (dưới đây).")


FILES: dict[str, type[Strict]] = {"schedule.yaml": ScheduleFile, "units.yaml": UnitsFile}
