"""Use cases of the reports that are not periodic: one-off requests (add, cancel, list) and urgent incidents."""

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from khoagiao_cli.core.adhoc import INCIDENT, Incident, Request, incident_slot, request_slot
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.lookup import find_unit, fold
from khoagiao_cli.core.model import Config
from khoagiao_cli.core.schedule import Slot
from khoagiao_cli.core.status import Event
from khoagiao_cli.core.text import check_text
from khoagiao_cli.errors import UserError
from khoagiao_cli.store.base import Ledger, Reader

_REQUEST_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")


class PastDeadline(UserError):
    """A request whose deadline has already passed: every unit asked would be overdue at once. Recorded only with
    --yes (or a yes on a terminal)."""


def add_request(
    config: Config, ledger: Ledger, clock: Clock, *, request_id: str, title: str, deadline: date,
    doc_number: str | None, unit_queries: Sequence[str], group: str | None, recorded_by: str, sure: bool = False,
) -> Request:
    """A one-off request, owed by the listed units, a group's units, or (neither) every unit active on the deadline.
    One whose deadline has passed (a document entered late, or a mistyped date) is recorded only when `sure`."""
    rid = request_id.strip().lower()
    if not _REQUEST_ID.match(rid):
        raise UserError("request_id_bad", value=request_id)
    if rid in config.rule_by_id or rid == INCIDENT:
        raise UserError("request_id_taken", value=rid)
    if not title.strip():
        raise UserError("request_title_empty")
    for text, what in ((title, "--title"), (doc_number, "--doc-number")):
        if text is not None:
            check_text(text, what)
    if unit_queries and group:
        raise UserError("request_units_or_group")
    if unit_queries:
        codes = [find_unit(config, q).code for q in unit_queries]
    elif group:
        codes = [u.code for u in config.units if u.group and fold(u.group) == fold(group) and u.active_on(deadline)]
        if not codes:
            known = sorted({u.group for u in config.units if u.group})
            raise UserError("group_unknown", value=group, known=", ".join(known))
    else:
        codes = [u.code for u in config.units if u.active_on(deadline)]
    request = Request(rid, title.strip(), deadline, doc_number, tuple(dict.fromkeys(codes)), clock.recorded_at())
    if not sure and request_slot(config.calendar, request).deadline < clock.today:
        raise PastDeadline("request_past", deadline=deadline, today=clock.today, n=len(request.units))
    with ledger.write():
        if any(r.id == rid for r in ledger.requests(include_cancelled=True)):
            raise UserError("request_exists", value=rid)
        ledger.add_request(request, recorded_by)
    return request


def cancel_request(ledger: Ledger, clock: Clock, *, request_id: str, note: str | None, recorded_by: str) -> Request:
    """Cancel a request: a second row says so; nothing is deleted."""
    rid = request_id.strip().lower()
    if note is not None:
        check_text(note, "--note")
    with ledger.write():
        found = {r.id: r for r in ledger.requests(include_cancelled=True)}
        request = found.get(rid)
        if request is None:
            raise UserError("request_unknown", value=request_id, known=", ".join(found) or "-")
        if request.cancelled:
            raise UserError("request_cancelled_already", value=rid)
        ledger.cancel_request(rid, clock.recorded_at(), recorded_by, note)
    return request._replace(cancelled=True)


def add_incident(
    config: Config, ledger: Ledger, clock: Clock, *, unit_query: str, title: str, occurred: datetime,
    within_hours: int, recorded_by: str,
) -> Incident:
    """An urgent incident of a unit; its written report is due `within_hours` after it happened."""
    unit = find_unit(config, unit_query)
    if not title.strip():
        raise UserError("request_title_empty")
    check_text(title, "--title")
    if not 1 <= within_hours <= 24 * 30:
        raise UserError("within_hours_bad", value=within_hours)
    if occurred > clock.latest:
        raise UserError("occurred_future", occurred=occurred, now=clock.latest)
    incident = Incident(0, unit.code, unit.name, title.strip(), occurred, occurred + timedelta(hours=within_hours),
                        clock.recorded_at())
    with ledger.write():
        number = ledger.add_incident(incident, recorded_by)
    return incident._replace(id=number)


class RequestStatus(NamedTuple):
    request: Request
    slot: Slot
    received: int
    owed: int


def request_statuses(config: Config, reader: Reader, include_cancelled: bool) -> list[RequestStatus]:
    """Each one-off request with how many of the units asked have sent theirs."""
    submitted = reader.in_force()
    out = []
    for r in reader.requests(include_cancelled=include_cancelled):
        slot = request_slot(config.calendar, r)
        got = sum(1 for code in r.units if (code, r.id, slot.period) in submitted)
        out.append(RequestStatus(r, slot, got, len(r.units)))
    return out


def cancel_incident(ledger: Ledger, clock: Clock, *, incident_ref: str, note: str | None,
                    recorded_by: str) -> Incident:
    """Cancel an incident recorded by mistake or called off: a record says so; nothing is deleted. It leaves
    due and overdue; its events stay in the history."""
    value = incident_ref.strip().lstrip("#").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        raise UserError("incident_id_bad", value=incident_ref)
    if note is not None:
        check_text(note, "--note")
    with ledger.write():
        found = {i.id: i for i in ledger.incidents(include_cancelled=True)}
        incident = found.get(int(value))
        if incident is None:
            raise UserError("incident_unknown", value=int(value),
                            known=", ".join(f"#{n}" for n, i in found.items() if not i.cancelled) or "-")
        if incident.cancelled:
            raise UserError("incident_cancelled_already", value=incident.id)
        ledger.cancel_incident(incident.id, clock.recorded_at(), recorded_by, note)
    return incident._replace(cancelled=True)


class IncidentStatus(NamedTuple):
    incident: Incident
    #: the written report in force (None: not received)
    received: Event | None


def incident_statuses(reader: Reader, include_cancelled: bool) -> list[IncidentStatus]:
    """Each incident with its written report, if one is in force."""
    submitted = reader.in_force(report=INCIDENT)
    return [IncidentStatus(i, submitted.get((i.unit, INCIDENT, incident_slot(i).period)))
            for i in reader.incidents(include_cancelled=include_cancelled)]
