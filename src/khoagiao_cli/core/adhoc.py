"""Reports that are not periodic: one-off requests (a công văn asking for a report by a date) and urgent
incidents (a written report due within hours). Pure: their deadlines come from the office calendar."""

from datetime import date, datetime
from typing import NamedTuple

from khoagiao_cli.core.calendar import WorkCalendar
from khoagiao_cli.core.schedule import Slot

#: the report id of urgent incident reports (`khoagiao submit syt incident`)
INCIDENT = "incident"


class Request(NamedTuple):
    """A one-off request for a report by a date (a công văn), owed by the listed units."""

    id: str
    title: str
    deadline: date
    doc_number: str | None
    units: tuple[str, ...]
    recorded_at: str
    cancelled: bool = False


class Incident(NamedTuple):
    """An urgent incident whose written report is due within hours."""

    id: int
    unit: str
    unit_name: str | None
    title: str
    occurred: datetime
    deadline_at: datetime
    recorded_at: str
    cancelled: bool = False


def request_slot(calendar: WorkCalendar, request: Request) -> Slot:
    """A one-off request's deadline moves off a day off like a periodic one (Civil Code art. 148)."""
    deadline, skipped = calendar.shift(request.deadline, "next_working_day")
    return Slot(
        report=request.id, period=str(request.deadline.year), period_start=request.deadline,
        period_end=request.deadline, named_day=request.deadline, deadline=deadline, strict=False,
        nominal_deadline=request.deadline, skipped=skipped, title=request.title, doc_number=request.doc_number,
    )


def incident_slot(incident: Incident) -> Slot:
    """The period of an incident report is the moment it happened ("2026-11-22T08:30")."""
    day = incident.occurred.date()
    return Slot(
        report=INCIDENT, period=incident.occurred.strftime("%Y-%m-%dT%H:%M"), period_start=day, period_end=day,
        named_day=incident.deadline_at.date(), deadline=incident.deadline_at.date(), strict=False,
        nominal_deadline=incident.deadline_at.date(), deadline_at=incident.deadline_at, title=incident.title,
    )
