"""Reminders and the digest, sent to a real SMTP server (aiosmtpd) that the tests start on localhost."""

from __future__ import annotations

import email
import json
import socket
import ssl
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from backends import BOTH, Backend
from conftest import write_config

pytestmark = BOTH

REFUSED = "tu-choi@bhxh.example.vn"


class Inbox:
    """Keeps every message the server accepted; refuses REFUSED; rejects DATA when told to."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.reject_data = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001, ANN201, N802
        if address == REFUSED:
            return "550 5.1.1 Không có hộp thư này"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802
        if self.reject_data:
            return "451 4.3.0 Thử lại sau"
        msg = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    box = Inbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    monkeypatch.setenv("KHOAGIAO_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("KHOAGIAO_SMTP_PORT", str(controller.port))
    monkeypatch.setenv("KHOAGIAO_SMTP_SECURITY", "none")
    monkeypatch.setenv("KHOAGIAO_MAIL_FROM", "vanthu@btg.example.vn")
    yield box
    controller.stop()


@pytest.fixture
def mailcfg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The defaults tracked from 01/01/2026, with addresses for syt (two) and bhxh-kh (one refused by the server)."""
    folder = write_config(tmp_path / "cfg")
    units = (folder / "units.yaml").read_text(encoding="utf-8")
    units = units.replace("    short_name: SYT\n    group: sở\n    email: []",
                          "    short_name: SYT\n    group: sở\n    email: [vanphong@syt.example.vn, bctk@syt.example.vn]")
    units = units.replace("    short_name: BHXH tỉnh\n    group: bảo hiểm\n    email: []",
                          f"    short_name: BHXH tỉnh\n    group: bảo hiểm\n    email: {REFUSED}")
    units = units.replace("    short_name: HKH\n    group: hội\n    email: []",
                          "    short_name: HKH\n    group: hội\n    email: hkh@example.vn")
    units = units.replace("  # email: bantuyengiao@example.vn", "  email: bantuyengiao@example.vn")
    (folder / "units.yaml").write_text(units, encoding="utf-8")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    return folder


def reminders(backend: Backend) -> list[tuple]:
    """The reminders recorded (none when there is no ledger: a preview only reads, and creates none)."""
    return backend.rows("SELECT kind, unit, day, instances, recipients FROM reminders ORDER BY id")


def test_preview_sends_nothing_and_names_the_units_it_cannot_reach(cli, mailcfg, inbox, backend) -> None:
    out = cli("remind", "--as-of", "2026-03-18").stdout
    assert out.count("===== ") == 11
    assert "Đến: vanphong@syt.example.vn, bctk@syt.example.vn" in out
    assert "Tiêu đề: [BTGDVTU] V/v đôn đốc gửi báo cáo (2 quá hạn, 1 sắp đến hạn) — 18/03/2026" in out
    assert "Xem trước 11 thư nhắc; thêm --send để gửi." in out
    assert "Không gửi được cho 8 đơn vị chưa có địa chỉ e-mail (khóa email trong units.yaml): sgddt, skhcn" in out
    assert inbox.messages == [] and reminders(backend) == []


def test_send_reaches_each_unit_and_is_recorded(cli, mailcfg, inbox, backend) -> None:
    cli("submit", "hkh", "monthly", "--period", "2026-01", "--as-of", "2026-01-10")
    r = cli("remind", "--as-of", "2026-03-18", "--send", code=1)  # bhxh-kh's address is refused
    assert "Đã gửi: Sở Y tế (syt) → vanphong@syt.example.vn, bctk@syt.example.vn (3 báo cáo)." in r.stdout
    assert "Đã gửi: Hội Khuyến học tỉnh (hkh) → hkh@example.vn (2 báo cáo)." in r.stdout
    assert f"không gửi được cho Bảo hiểm xã hội tỉnh Khánh Hòa (bhxh-kh): máy chủ thư từ chối địa chỉ: {REFUSED} (550" in r.stderr
    assert "Traceback" not in r.output
    by_rcpt = {tuple(rcpts): msg for rcpts, msg in inbox.messages}
    assert set(by_rcpt) == {("vanphong@syt.example.vn", "bctk@syt.example.vn"), ("hkh@example.vn",)}
    syt = by_rcpt[("vanphong@syt.example.vn", "bctk@syt.example.vn")]
    assert syt["Subject"] == "[BTGDVTU] V/v đôn đốc gửi báo cáo (2 quá hạn, 1 sắp đến hạn) — 18/03/2026"
    assert syt["From"] == "Ban Tuyên giáo và Dân vận Tỉnh ủy <vanthu@btg.example.vn>"
    assert syt["Message-ID"].endswith("@btg.example.vn>")
    body = syt.get_content()
    assert body.startswith("Kính gửi: Sở Y tế\n")
    assert "1. Báo cáo tháng, kỳ tháng 01/2026: trước 20/01/2026 (hạn cuối 19/01/2026) — quá 58 ngày." in body
    assert "(hạn cuối 23/02/2026, chuyển từ 19/02 (Mùng ba Tết Nguyên Đán))" in body
    assert "3. Báo cáo quý I, kỳ quý I/2026: trước 20/03/2026 (hạn cuối 19/03/2026) — còn 1 ngày." in body
    assert "đồng thời gửi tệp điện tử qua địa chỉ bantuyengiao@example.vn" in body
    assert "Trân trọng./." in body and "K/T TRƯỞNG BAN" in body
    hkh = by_rcpt[("hkh@example.vn",)].get_content()
    assert "tháng 01/2026" not in hkh  # already received
    assert reminders(backend) == [
        ("unit", "syt", "2026-03-18", "monthly/2026-01;monthly/2026-02;q1/2026-Q1", "vanphong@syt.example.vn,bctk@syt.example.vn"),
        ("unit", "hkh", "2026-03-18", "monthly/2026-02;q1/2026-Q1", "hkh@example.vn"),
    ]


def test_who_sent_a_reminder_is_the_database_role_on_a_server(cli, mailcfg, inbox, backend, monkeypatch) -> None:
    """On a shared server, the name a PC's environment gives (LOGNAME, USER) is anyone's to claim: a reminder's
    sender is the database role that recorded it, as each record's recorder is. On SQLite, the login name."""
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, "truong-ban")
    cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "syt")
    cli("overdue", "--as-of", "2026-03-20", "--unit", "syt", "--mail-to", "lanhdao@btg.example.vn")
    senders = backend.rows("SELECT sent_by FROM reminders ORDER BY id")
    role = backend.rows("SELECT current_user")[0][0] if backend.postgresql else "truong-ban"
    assert senders == [(role,), (role,)]
    assert cli("verify").exit_code == 0


def test_the_same_reminder_is_not_sent_twice_a_day(cli, mailcfg, inbox, backend) -> None:
    cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "syt")
    again = cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "syt").stdout
    assert "Bỏ qua: Sở Y tế (syt) đã được nhắc đúng những báo cáo này hôm nay lúc" in again
    assert len(inbox.messages) == 1
    cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "syt", "--force")
    assert len(inbox.messages) == 2
    cli("submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-03-18")  # a different reminder now
    cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "syt")
    cli("remind", "--as-of", "2026-03-19", "--send", "--unit", "syt")  # another day
    assert len(inbox.messages) == 4
    assert len(reminders(backend)) == 4


def test_a_server_that_is_down_fails_every_unit_and_records_nothing(cli, mailcfg, backend, monkeypatch) -> None:
    monkeypatch.setenv("KHOAGIAO_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("KHOAGIAO_SMTP_PORT", str(free_port()))  # nothing listens there
    monkeypatch.setenv("KHOAGIAO_SMTP_SECURITY", "none")
    monkeypatch.setenv("KHOAGIAO_MAIL_FROM", "vanthu@btg.example.vn")
    r = cli("remind", "--as-of", "2026-03-18", "--send", code=1)
    assert r.stderr.count("không kết nối được máy chủ thư 127.0.0.1:") == 3
    assert "Traceback" not in r.output and reminders(backend) == []


def test_a_message_the_server_will_not_take(cli, mailcfg, inbox, backend) -> None:
    inbox.reject_data = True
    r = cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "syt", code=1)
    assert "máy chủ thư không nhận thư (451" in r.stderr
    assert reminders(backend) == []


def test_sending_needs_a_server_and_a_sender(cli, mailcfg, monkeypatch) -> None:
    for var in ("KHOAGIAO_SMTP_HOST", "KHOAGIAO_MAIL_FROM"):
        monkeypatch.delenv(var, raising=False)
    assert "KHOAGIAO_SMTP_HOST" in cli("remind", "--send", "--as-of", "2026-03-18", code=2).stderr
    monkeypatch.setenv("KHOAGIAO_SMTP_HOST", "127.0.0.1")
    assert "KHOAGIAO_MAIL_FROM" in cli("remind", "--send", "--as-of", "2026-03-18", code=2).stderr
    monkeypatch.setenv("KHOAGIAO_MAIL_FROM", "a@b.vn")
    monkeypatch.setenv("KHOAGIAO_SMTP_PORT", "cổng")
    assert "KHOAGIAO_SMTP_PORT 'cổng'" in cli("remind", "--send", "--as-of", "2026-03-18", code=2).stderr
    monkeypatch.setenv("KHOAGIAO_SMTP_PORT", "²5")  # a digit to str.isdigit, not to int(): was a traceback
    assert "KHOAGIAO_SMTP_PORT '²5'" in cli("remind", "--send", "--as-of", "2026-03-18", code=2).stderr
    monkeypatch.setenv("KHOAGIAO_SMTP_PORT", "25")
    monkeypatch.setenv("KHOAGIAO_MAIL_FROM", "a@b.vn\r\nBcc: x@y.vn")  # a header smuggled into the sender
    assert "KHOAGIAO_MAIL_FROM='a@b.vn\\r\\nBcc: x@y.vn'" in cli("remind", "--send", "--as-of", "2026-03-18",
                                                                 code=2).stderr
    monkeypatch.setenv("KHOAGIAO_MAIL_FROM", "a@b.vn")
    monkeypatch.setenv("KHOAGIAO_SMTP_HOST", "h\udcff")  # a byte that was not UTF-8: was an idna traceback
    assert "KHOAGIAO_SMTP_HOST='h\\xff'" in cli("remind", "--send", "--as-of", "2026-03-18", code=2).stderr
    monkeypatch.setenv("KHOAGIAO_SMTP_HOST", " ")
    assert "KHOAGIAO_SMTP_HOST" in cli("remind", "--send", "--as-of", "2026-03-18", code=2).stderr
    monkeypatch.setenv("KHOAGIAO_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("KHOAGIAO_MAIL_FROM", "a@b.vn, x@y.vn")
    assert "KHOAGIAO_MAIL_FROM 'a@b.vn, x@y.vn'" in cli("remind", "--send", "--as-of", "2026-03-18", code=2).stderr
    monkeypatch.setenv("KHOAGIAO_MAIL_FROM", "a@b.vn")
    monkeypatch.setenv("KHOAGIAO_SMTP_PORT", "25")
    monkeypatch.setenv("KHOAGIAO_SMTP_SECURITY", "tls")
    assert "starttls, ssl, none" in cli("remind", "--send", "--as-of", "2026-03-18", code=2).stderr


def test_the_password_never_comes_from_a_file(cli, mailcfg) -> None:
    text = (mailcfg / "schedule.yaml").read_text(encoding="utf-8")
    (mailcfg / "schedule.yaml").write_text(text + "mail:\n  host: smtp.example.vn\n  password: bi-mat\n", encoding="utf-8")
    r = cli("remind", "--as-of", "2026-03-18", code=2)
    assert "mail.password: không ghi mật khẩu vào tệp cấu hình; đặt biến môi trường KHOAGIAO_SMTP_PASSWORD" in r.stderr


def test_eml_files(cli, mailcfg, tmp_path, backend) -> None:
    out = cli("remind", "--as-of", "2026-03-18", "--eml", str(tmp_path / "thu")).stdout
    assert "Đã ghi 11 tệp .eml" in out
    msg = email.message_from_bytes((tmp_path / "thu" / "2026-03-18-syt.eml").read_bytes(), policy=policy.default)
    assert msg["To"] == "vanphong@syt.example.vn, bctk@syt.example.vn"
    assert msg.get_content().startswith("Kính gửi: Sở Y tế")
    assert reminders(backend) == []


def test_english_reminders(cli, mailcfg, inbox) -> None:
    cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "hkh", "--lang", "en")
    (_, msg), = inbox.messages
    assert msg["Subject"] == "[BTGDVTU] Reports to send (2 overdue, 1 due soon) — 18/03/2026"
    assert msg.get_content().replace("\r\n", "\n").startswith("To: Hội Khuyến học tỉnh\n\nUnder Kế hoạch")


# ---------------------------------------------------------------------------- TLS and login


def tls_server(inbox: Inbox, tmp_path: Path, *, implicit: bool, auth: bool = False):  # noqa: ANN201
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    cafile = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(cafile))
    kwargs: dict = {"ssl_context": context} if implicit else {"tls_context": context, "require_starttls": True}
    if auth:
        def check(server, session, envelope, mechanism, data):  # noqa: ANN001, ANN202
            ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"vanthu", b"mat-khau")
            return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself

        kwargs.update(authenticator=check, auth_required=True)
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller, cafile


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_tls_with_the_office_ca(cli, mailcfg, inbox, tmp_path, monkeypatch, security) -> None:
    controller, cafile = tls_server(inbox, tmp_path, implicit=security == "ssl")
    try:
        monkeypatch.setenv("KHOAGIAO_SMTP_PORT", str(controller.port))
        monkeypatch.setenv("KHOAGIAO_SMTP_SECURITY", security)
        r = cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "syt", code=1)
        assert "certificate" in r.stderr.lower() and inbox.messages == []  # not trusted without the CA
        monkeypatch.setenv("KHOAGIAO_SMTP_CAFILE", str(cafile))
        cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "syt")
        assert len(inbox.messages) == 1
    finally:
        controller.stop()


def test_login_with_the_password_from_the_environment(cli, mailcfg, inbox, tmp_path, monkeypatch) -> None:
    controller, cafile = tls_server(inbox, tmp_path, implicit=False, auth=True)
    try:
        monkeypatch.setenv("KHOAGIAO_SMTP_PORT", str(controller.port))
        monkeypatch.setenv("KHOAGIAO_SMTP_SECURITY", "starttls")
        monkeypatch.setenv("KHOAGIAO_SMTP_CAFILE", str(cafile))
        monkeypatch.setenv("KHOAGIAO_SMTP_USER", "vanthu")
        monkeypatch.setenv("KHOAGIAO_SMTP_PASSWORD", "sai")
        r = cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "syt", code=1)
        assert "máy chủ thư từ chối đăng nhập của vanthu (535" in r.stderr
        monkeypatch.setenv("KHOAGIAO_SMTP_PASSWORD", "mat-khau")
        cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "syt")
        assert len(inbox.messages) == 1
    finally:
        controller.stop()


# ---------------------------------------------------------------------------- the digest


def test_overdue_mail_to_the_office(cli, mailcfg, inbox, backend) -> None:
    assert cli("overdue", "--as-of", "2026-01-15", "--mail-to", "lanhdao@btg.example.vn").stdout == ""
    assert inbox.messages == []  # nothing overdue: nothing sent
    r = cli("overdue", "--as-of", "2026-03-20", "--unit", "syt", "--mail-to", "lanhdao@btg.example.vn, vanthu@btg.example.vn")
    assert r.stdout == ""
    (rcpts, msg), = inbox.messages
    assert rcpts == ["lanhdao@btg.example.vn", "vanthu@btg.example.vn"]
    assert msg["Subject"] == "Báo cáo quá hạn tính đến 20/03/2026: 3 báo cáo của 1 đơn vị"
    assert "  - Báo cáo quý I (2026-Q1): trước 20/03/2026 (hạn cuối 19/03/2026), quá 1 ngày" in msg.get_content()
    assert [row[0] for row in reminders(backend)] == ["digest"]
    assert "không phải địa chỉ e-mail" in cli("overdue", "--mail-to", "lanh dao", code=2).stderr
    overdue_json = json.loads(cli("overdue", "--as-of", "2026-03-20", "--unit", "syt", "--format", "json").stdout)["instances"]
    assert len(overdue_json) == 3


def test_config_shows_the_mail_settings_but_never_the_password(cli, mailcfg, inbox, monkeypatch) -> None:
    monkeypatch.setenv("KHOAGIAO_SMTP_PASSWORD", "bi-mat-123")
    out = cli("config").stdout
    assert "Gửi thư: 127.0.0.1:" in out and "(none), người gửi vanthu@btg.example.vn" in out
    assert "mật khẩu trong KHOAGIAO_SMTP_PASSWORD: có" in out and "bi-mat-123" not in out


def test_a_reminder_the_ledger_cannot_record_stops_the_round(cli, mailcfg, inbox, backend, monkeypatch) -> None:
    """Sent, but the ledger stayed locked: say so, send no more (each would go unrecorded and be sent again
    tomorrow), exit 1. It used to end in a traceback after the first message."""
    cli("submit", "lhh", "monthly", "--period", "2025-12", "--received", "2025-12-15", "--as-of", "2026-03-18")
    monkeypatch.setenv("KHOAGIAO_DB_TIMEOUT", "0.2")
    with backend.writer_waiting():
        r = cli("remind", "--as-of", "2026-03-18", "--send", code=1)
    assert "đã gửi cho Sở Y tế (syt) nhưng không ghi được vào sổ theo dõi" in r.stderr and "Traceback" not in r.output
    assert len(inbox.messages) == 1 and reminders(backend) == []


def test_sending_when_nobody_can_be_reached_exits_1(cli, mailcfg, inbox, isolated) -> None:
    """sgddt has no address: nothing could be sent, and cron must hear of it."""
    r = cli("remind", "--as-of", "2026-03-18", "--send", "--unit", "sgddt", code=1)
    assert "chưa có địa chỉ e-mail" in r.stdout and inbox.messages == []
