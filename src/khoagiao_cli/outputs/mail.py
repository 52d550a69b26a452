"""Reminders and the overdue digest by e-mail: composing (pure) and sending (smtplib, email.message)."""

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from email.message import EmailMessage
from typing import Any, NamedTuple

from khoagiao_cli.core.addresses import is_address
from khoagiao_cli.core.model import Config, MailSettings, Unit
from khoagiao_cli.core.status import OVERDUE, Row
from khoagiao_cli.core.text import escaped, first_bad
from khoagiao_cli.errors import SendError, UserError
from khoagiao_cli.i18n import Words, date_text
from khoagiao_cli.outputs.text import visible

SECURITIES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class SmtpConfig(NamedTuple):
    host: str | None
    port: int
    security: str
    sender: str | None
    user: str | None
    password: str | None
    cafile: str | None


def smtp_config(settings: MailSettings, env: Mapping[str, str]) -> SmtpConfig:
    """The `mail:` section of schedule.yaml, each value overridden by its environment variable."""
    security = env.get("KHOAGIAO_SMTP_SECURITY") or settings.security
    if security not in SECURITIES:
        raise UserError("smtp_security_bad", value=security, known=", ".join(SECURITIES))
    port_text = env.get("KHOAGIAO_SMTP_PORT")
    if port_text:
        if not (port_text.isascii() and port_text.isdigit()) or not 1 <= int(port_text) <= 65535:
            raise UserError("smtp_port_bad", value=port_text)
        port = int(port_text)
    else:
        port = settings.port or DEFAULT_PORTS[security]
    for name in ("KHOAGIAO_SMTP_HOST", "KHOAGIAO_MAIL_FROM", "KHOAGIAO_SMTP_USER", "KHOAGIAO_SMTP_CAFILE"):
        if first_bad(env.get(name) or "") is not None:  # a control character, or a byte that was not UTF-8
            raise UserError("env_control", name=name, value=escaped(env[name]))
        if name in env and not env[name].strip():
            raise UserError("env_blank", name=name)
    if env.get("KHOAGIAO_MAIL_FROM") and not is_address(env["KHOAGIAO_MAIL_FROM"]):
        raise UserError("mail_from_bad", value=env["KHOAGIAO_MAIL_FROM"])
    return SmtpConfig(
        host=env.get("KHOAGIAO_SMTP_HOST") or settings.host,
        port=port,
        security=security,
        sender=env.get("KHOAGIAO_MAIL_FROM") or settings.sender,
        user=env.get("KHOAGIAO_SMTP_USER") or settings.user,
        password=env.get("KHOAGIAO_SMTP_PASSWORD"),
        cafile=env.get("KHOAGIAO_SMTP_CAFILE") or settings.cafile,
    )


def require_sending(cfg: SmtpConfig) -> None:
    if not cfg.host:
        raise UserError("smtp_no_host")
    if not cfg.sender:
        raise UserError("smtp_no_sender")


# ---------------------------------------------------------------------------- composing (pure)


def _line(words: Words, n: int, config: Config, row: Row) -> str:
    from khoagiao_cli.outputs.phrases import deadline_text, left_text, report_period, wording

    name, period = report_period(words, config, row)
    slot = row.instance.slot
    return words("mail_item", n=n, report=name, period=period, wording=wording(words, slot),
                 deadline=deadline_text(words, slot), left=left_text(words, row))


def _signature(config: Config) -> list[str]:
    office = config.office
    lines = [office.name.upper()]
    lines += [x for x in (office.signer_authority, office.signer_title, office.signer_name) if x]
    return lines


def reminder_text(words: Words, config: Config, unit: Unit, rows: Sequence[Row], as_of: date) -> tuple[str, str]:
    """(subject, body) of the reminder to one unit, in the current language, in the tone of a công văn."""
    office = config.office
    overdue = sum(1 for r in rows if r.status == OVERDUE)
    subject = words("mail_subject", office=office.short_name or office.name, overdue=overdue, due=len(rows) - overdue,
                date=date_text(as_of))
    opening = (words("mail_basis", basis=office.basis, office=office.name) if office.basis
               else words("mail_no_basis", office=office.name))
    body = [words("mail_to", unit=unit.name), "", opening, ""]
    body += [_line(words, n, config, r) for n, r in enumerate(rows, 1)]
    how = (words("mail_how_email", office=office.name, email=office.email) if office.email
           else words("mail_how", office=office.name))
    body += ["", how, words("mail_already"), "", words("mail_regards"), "", *_signature(config), "", "-- ",
             words("mail_footer")]
    return visible(subject, lines=False), visible("\n".join(body) + "\n")  # shown in a preview too


def digest_text(words: Words, config: Config, rows: Sequence[Row], as_of: date) -> tuple[str, str]:
    from khoagiao_cli.outputs.screens import overdue_plain, overdue_title

    return overdue_title(words, config, rows, as_of), overdue_plain(words, config, rows, as_of)


def build_message(
    subject: str, body: str, *, sender: str | None, to: Sequence[str], when: datetime, sender_name: str | None = None,
    lang: str,
) -> EmailMessage:
    """An RFC 5322 message (email.message) with a Message-ID, ready for smtplib or a .eml file."""
    from email.utils import format_datetime, formataddr, make_msgid

    msg = EmailMessage()
    if sender:
        msg["From"] = formataddr((visible(sender_name, lines=False), sender)) if sender_name else sender
    msg["To"] = ", ".join(to)
    msg["Subject"] = visible(subject, lines=False)  # a line break in a header would end it
    msg["Date"] = format_datetime(when)
    domain = sender.rsplit("@", 1)[-1] if sender and "@" in sender else "khoagiao.invalid"
    msg["Message-ID"] = make_msgid(domain=domain)
    msg["Content-Language"] = lang
    msg.set_content(visible(body))
    return msg


# ---------------------------------------------------------------------------- sending


class Smtp:
    """One connection for a run, opened on the first message; a server that cannot be reached is tried once."""

    def __init__(self, cfg: SmtpConfig, words: Words, timeout: float = 30.0) -> None:
        self.cfg = cfg
        self.words = words
        self.timeout = timeout
        self.conn: Any = None
        self.down: str | None = None

    def _connect(self) -> None:
        import smtplib
        import ssl

        cfg = self.cfg
        context = ssl.create_default_context(cafile=cfg.cafile) if cfg.security != "none" else None
        conn: smtplib.SMTP
        try:
            if cfg.security == "ssl":
                conn = smtplib.SMTP_SSL(cfg.host or "", cfg.port, timeout=self.timeout, context=context)
            else:
                conn = smtplib.SMTP(cfg.host or "", cfg.port, timeout=self.timeout)
                if cfg.security == "starttls":
                    conn.starttls(context=context)
            if cfg.user:
                conn.login(cfg.user, cfg.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            self.down = self.words("smtp_auth_failed", user=cfg.user, code=exc.smtp_code, error=_text(exc.smtp_error))
        except smtplib.SMTPNotSupportedError:
            self.down = self.words("smtp_no_starttls", host=cfg.host, port=cfg.port)
        except (smtplib.SMTPException, OSError) as exc:
            self.down = self.words("smtp_unreachable", host=cfg.host, port=cfg.port, error=_why(exc))
        else:
            self.conn = conn
            return
        raise SendError(self.down)

    def send(self, msg: EmailMessage) -> list[str]:
        """Send; returns the recipients the server refused while accepting others. Raises SendError."""
        import smtplib

        if self.down is not None:
            raise SendError(self.down)
        if self.conn is None:
            self._connect()
        try:
            refused = self.conn.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            raise SendError(self.words("smtp_refused", addresses=_refused(exc.recipients))) from exc
        except smtplib.SMTPResponseException as exc:
            raise SendError(self.words("smtp_rejected", code=exc.smtp_code, error=_text(exc.smtp_error))) from exc
        except (smtplib.SMTPException, OSError) as exc:
            self.conn = None  # the connection is gone; the next message opens a new one
            raise SendError(self.words("smtp_unreachable", host=self.cfg.host, port=self.cfg.port,
                                       error=_why(exc))) from exc
        return sorted(refused)

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.quit()
            except Exception:  # noqa: BLE001 - closing a connection the server already dropped
                pass
            self.conn = None


def _text(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or _text(exc) or type(exc).__name__


def _refused(recipients: Mapping[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{addr} ({code} {_text(msg)})" for addr, (code, msg) in recipients.items())
