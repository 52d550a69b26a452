"""Use cases of chasing late units by e-mail: who to remind of what, and the sending policy — a unit reminded
of the same reports today is skipped unless forced, one unit's failure does not stop the others, and every
message a server accepted is recorded in the ledger. Composing and sending the messages are passed in."""

from collections.abc import Callable, Sequence
from email.message import EmailMessage
from typing import NamedTuple, Protocol

from khoagiao_cli.app.query import due, overdue
from khoagiao_cli.core.addresses import is_address
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.model import Config, Unit
from khoagiao_cli.core.status import Row
from khoagiao_cli.core.text import escaped
from khoagiao_cli.errors import LedgerError, Msg, SendError, UserError
from khoagiao_cli.store.base import Ledger, Reader, Reminder

SENT, SKIPPED, FAILED, UNREACHABLE, UNRECORDED = "sent", "skipped", "failed", "unreachable", "unrecorded"


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> list[str]:
        """Send one message; the recipients the server refused while taking it for others. Raises SendError."""
        ...


def instances_key(rows: Sequence[Row], with_unit: bool = False) -> str:
    """What a message was about, to tell one from another: "monthly/2026-02;q1/2026-Q1" (with the unit first
    for the digest, which covers many units: "syt:monthly/2026-02")."""
    def one(r: Row) -> str:
        return (f"{r.instance.unit}:" if with_unit else "") + f"{r.instance.report}/{r.instance.period}"

    return ";".join(sorted(map(one, rows)))


class RemindItem(NamedTuple):
    unit: Unit
    rows: list[Row]
    #: what the reminder is about ("monthly/2026-02;q1/2026-Q1"), to recognise the same reminder
    key: str
    #: the same reminder, already sent on this day
    sent_before: Reminder | None


def remind_plan(config: Config, reader: Reader, clock: Clock, unit: Unit | None = None) -> list[RemindItem]:
    """For each unit with overdue or soon-due reports (in units.yaml order): what to remind it of."""
    by_unit: dict[str, list[Row]] = {}
    for r in due(config, reader, clock, unit=unit).rows:
        if r.instance.unit != config.office.code:
            by_unit.setdefault(r.instance.unit, []).append(r)
    sent: dict[str | None, list[Reminder]] = {}
    for reminder in reader.reminders(day=clock.today):
        if reminder.kind == "unit":
            sent.setdefault(reminder.unit, []).append(reminder)
    out = []
    for u in config.units:
        if u.code in by_unit:
            key = instances_key(by_unit[u.code])
            before = next((r for r in sent.get(u.code, []) if r.instances == key), None)
            out.append(RemindItem(u, by_unit[u.code], key, before))
    return out


def overdue_by_unit(config: Config, reader: Reader, clock: Clock) -> list[tuple[Unit, list[Row]]]:
    """Every unit with overdue reports (in units.yaml order, the Commission's own reports apart), with them: who
    one urging letter to all late units names in its appendix (`letter --all`)."""
    by_unit: dict[str, list[Row]] = {}
    for r in overdue(config, reader, clock):
        if r.instance.unit != config.office.code:
            by_unit.setdefault(r.instance.unit, []).append(r)
    return [(u, by_unit[u.code]) for u in config.units if u.code in by_unit]


class Outcome(NamedTuple):
    item: RemindItem
    #: sent, skipped (the same reminder went earlier today), failed, unreachable (no address), unrecorded (sent,
    #: but the ledger could not record it: the round stops there)
    status: str
    #: the addresses the server took
    recipients: tuple[str, ...] = ()
    #: the addresses it refused while taking the others
    refused: tuple[str, ...] = ()
    #: why it failed, as the mailer said it
    error: str | None = None
    #: why it could not be recorded
    problem: Msg | None = None


def send_reminders(
    ledger: Ledger, clock: Clock, plan: Sequence[RemindItem], compose: Callable[[RemindItem], EmailMessage],
    mailer: Mailer, *, force: bool, sent_by: str, report: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Send each unit its reminder, under the policy above; `report` hears of each outcome as it happens."""
    outcomes = []
    for item in plan:
        if not item.unit.email:
            outcome = Outcome(item, UNREACHABLE)
        elif item.sent_before is not None and not force:
            outcome = Outcome(item, SKIPPED)
        else:
            message = compose(item)
            try:
                refused = mailer.send(message)
            except SendError as exc:
                outcome = Outcome(item, FAILED, error=str(exc))
            else:
                accepted = tuple(a for a in item.unit.email if a not in refused)
                try:
                    with ledger.write():
                        ledger.add_reminder(Reminder(0, "unit", item.unit.code, clock.today, item.key,
                                                     ",".join(accepted), str(message["Message-ID"]),
                                                     clock.recorded_at(), sent_by))
                except LedgerError as exc:
                    outcome = Outcome(item, UNRECORDED, accepted, tuple(refused), problem=exc.message)
                else:
                    outcome = Outcome(item, SENT, accepted, tuple(refused))
        outcomes.append(outcome)
        if report is not None:
            report(outcome)
        if outcome.status == UNRECORDED:
            break  # every further message would go unrecorded, and out again on the next run
    return outcomes


def failed(outcomes: Sequence[Outcome]) -> bool:
    """A message could not be sent, or an address was refused: cron must hear of it (exit code 1)."""
    return any(o.status in (FAILED, UNRECORDED) or o.refused for o in outcomes)


def parse_addresses(text: str) -> list[str]:
    """`--mail-to a@x.vn,b@y.vn`: one or more addresses, each checked as the config's are."""
    addresses = [a.strip() for a in text.split(",") if a.strip()]
    for address in addresses or [text]:
        if not is_address(address):
            raise UserError("mail_to_bad", value=escaped(address))
    return addresses


def send_digest(ledger: Ledger, clock: Clock, rows: Sequence[Row], message: EmailMessage, mailer: Mailer, *,
                to: Sequence[str], sent_by: str) -> tuple[list[str], list[str]]:
    """Mail the overdue digest to the office and record it; (taken, refused) addresses. Raises SendError."""
    refused = mailer.send(message)
    accepted = [a for a in to if a not in refused]
    with ledger.write():
        ledger.add_reminder(Reminder(0, "digest", None, clock.today, instances_key(rows, with_unit=True),
                                     ",".join(accepted), str(message["Message-ID"]), clock.recorded_at(), sent_by))
    return accepted, refused

