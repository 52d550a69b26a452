"""The year on one calendar: report deadlines and meetings, for `calendar` and the ICS file (pure; their titles
are words: outputs/phrases.py)."""


from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from khoagiao_cli.core.meetings import MeetingDay, meeting_days
from khoagiao_cli.core.model import Config
from khoagiao_cli.core.schedule import Slot, year_slots

DEADLINE, MEETING = "deadline", "meeting"


class Item(NamedTuple):
    kind: str
    day: date
    slot: Slot | None = None
    meeting: MeetingDay | None = None


def agenda(config: Config, year: int, extra: Sequence[Slot], month: int | None = None) -> list[Item]:
    """Deadlines (of every rule, and the one-off requests in `extra`) and meetings of the year, by date."""
    items = [
        Item(DEADLINE, s.deadline, slot=s)
        for s in [*year_slots(config, year), *(s for s in extra if s.deadline.year == year)]
    ]
    for m in meeting_days(config, year):
        items.append(Item(MEETING, m.day, meeting=m))
    items.sort(key=lambda i: (i.day, i.kind != MEETING))
    return [i for i in items if month is None or i.day.month == month]
