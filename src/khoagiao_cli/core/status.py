"""Instances + ledger events → status rows (pure: `as_of` is always a parameter)."""


import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import NamedTuple

from khoagiao_cli.core.schedule import Instance

ON_TIME, LATE, OVERDUE, DUE, UPCOMING = "on_time", "late", "overdue", "due", "upcoming"
STATUSES = (ON_TIME, LATE, OVERDUE, DUE, UPCOMING)
SUBMIT, CORRECT, WITHDRAW = "submit", "correct", "withdraw"

Key = tuple[str, str, str]


class Event(NamedTuple):
    """One line of the append-only ledger."""

    id: int
    kind: str
    unit: str
    report: str
    period: str
    received: date | None
    doc_number: str | None = None
    channel: str | None = None
    file_path: str | None = None
    file_sha256: str | None = None
    note: str | None = None
    unit_name: str | None = None
    recorded_at: str = ""
    recorded_by: str = ""
    #: the moment it arrived, for reports with an hour-precision deadline
    received_at: datetime | None = None

    @property
    def key(self) -> Key:
        return (self.unit, self.report, self.period)


class Void(NamedTuple):
    """The office's own entry error undone: event `event_id` counts as never recorded (it stays in the ledger)."""

    id: int
    event_id: int
    note: str | None
    recorded_at: str
    recorded_by: str

    @property
    def label(self) -> str:
        """How screens name a void ("H1": hủy), apart from the events' "#5"."""
        return f"{VOID_MARK}{self.id}"


#: the mark of a void's number; a number typed with it names a void, which cannot itself be voided
VOID_MARK = "H"


def arrived(submission: Event, day: date, latest: datetime | None = None) -> bool:
    """Whether a report had arrived by `day` (by the moment `latest`, for one received at a known time). Seen
    from a past --as-of, a report that came later is still outstanding, not already received."""
    if submission.received is None or submission.received > day:
        return False
    return latest is None or submission.received_at is None or submission.received_at <= latest


def arrived_by(in_force: dict[Key, Event], day: date, latest: datetime | None = None) -> dict[Key, Event]:
    """The submissions in force that had arrived by `day` (`latest`)."""
    return {key: e for key, e in in_force.items() if arrived(e, day, latest)}


class Row(NamedTuple):
    instance: Instance
    status: str
    #: deadline minus as-of (negative when the deadline has passed)
    days_left: int
    submission: Event | None = None
    #: hours to an hour-precision deadline (negative when passed); None for day deadlines
    hours_left: int | None = None

    @property
    def received(self) -> date | None:
        return self.submission.received if self.submission else None

    @property
    def hours_late(self) -> int | None:
        """Whole hours (rounded up) past an hour-precision deadline, when the receipt time is known."""
        at = self.instance.slot.deadline_at
        sub = self.submission
        if self.status != LATE or at is None or sub is None or sub.received_at is None:
            return None
        return math.ceil((sub.received_at - at).total_seconds() / 3600)

    @property
    def days_late(self) -> int | None:
        if self.status != LATE or self.received is None:
            return None
        return (self.received - self.instance.deadline).days


def classify(
    instance: Instance, submission: Event | None, as_of: date, soon_until: date, now: datetime | None = None
) -> Row:
    """A day ends at 24:00: a report received on its deadline day is on time. An outstanding report whose
    deadline is on or before `soon_until` (the due-soon window's last day: Config.due_soon_until) is due soon.

    An hour-precision deadline (urgent reports) is compared with `now` (default: the start of `as_of`).
    """
    at = instance.slot.deadline_at
    if at is not None:
        return _classify_at(instance, submission, as_of, at, now)
    days_left = (instance.deadline - as_of).days
    if submission is not None and submission.received is not None:
        status = ON_TIME if submission.received <= instance.deadline else LATE
    elif days_left < 0:
        status = OVERDUE
    elif instance.deadline <= soon_until:
        status = DUE
    else:
        status = UPCOMING
    return Row(instance, status, days_left, submission)


def _classify_at(instance: Instance, submission: Event | None, as_of: date, at: datetime, now: datetime | None) -> Row:
    if now is None or now.date() != as_of:
        now = datetime.combine(as_of, time(0, 0), at.tzinfo)
    hours_left = math.floor((at - now).total_seconds() / 3600)
    days_left = (at.date() - as_of).days
    if submission is not None and submission.received is not None:
        if submission.received_at is not None:
            on_time = submission.received_at <= at
        else:
            on_time = submission.received <= at.date()
        return Row(instance, ON_TIME if on_time else LATE, days_left, submission, hours_left)
    return Row(instance, OVERDUE if now > at else DUE, days_left, None, hours_left)


def tracked(instances: Iterable[Instance], tracking_start: date | None, submitted: dict[Key, Event]) -> list[Instance]:
    """Instances before tracking_start are never reported, unless a submission was recorded for them."""
    if tracking_start is None:
        return list(instances)
    return [i for i in instances if i.deadline >= tracking_start or i.key in submitted]


def status_rows(
    instances: Sequence[Instance], submitted: dict[Key, Event], as_of: date, soon_until: date,
    now: datetime | None = None,
) -> list[Row]:
    return [classify(i, submitted.get(i.key), as_of, soon_until, now) for i in instances]


def outstanding(rows: Iterable[Row], statuses: tuple[str, ...] = (OVERDUE, DUE)) -> list[Row]:
    """Rows in the given statuses, overdue first, each group by deadline (rows keep their order otherwise)."""
    picked = [r for r in rows if r.status in statuses]
    picked.sort(key=lambda r: (r.status != OVERDUE, r.instance.deadline, r.hours_left or 0))
    return picked
