"""Reports that are not periodic: one-off requests and urgent incidents; the Commission's own reports."""

from __future__ import annotations

import json

import pytest
from backends import BOTH

pytestmark = BOTH


def _due(cli, as_of: str, *extra: str) -> list[dict]:
    return json.loads(cli("due", "--as-of", as_of, "--format", "json", *extra).stdout)["instances"]


# ---------------------------------------------------------------------------- requests


def test_a_request_flows_through_due_submit_status_and_export(cli, cfg) -> None:
    out = cli("request", "add", "--id", "QC238-2026", "--title", "Báo cáo thực hiện Quy chế 238",
              "--deadline", "29/11/2026", "--doc-number", "125-CV/BTGDVTU", "--group", "hội").stdout
    assert out.strip() == (
        "Đã ghi yêu cầu 'qc238-2026': Báo cáo thực hiện Quy chế 238; hạn 30/11/2026, chuyển từ 29/11 (Chủ nhật); "
        "3 đơn vị phải báo cáo."
    )
    rows = [r for r in _due(cli, "2026-11-25") if r["report"] == "qc238-2026"]
    assert [r["unit"] for r in rows] == ["lhh", "hdy", "hkh"]
    assert rows[0] == {
        "days_left": 5, "deadline": "2026-11-30", "deadline_text": "chậm nhất 29/11/2026", "moved_reason": "Chủ nhật",
        "nominal_deadline": "2026-11-29", "period": "2026", "report": "qc238-2026",
        "report_name": "Báo cáo thực hiện Quy chế 238", "request_doc_number": "125-CV/BTGDVTU", "status": "due",
        "unit": "lhh", "unit_name": "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
    }
    out = cli("submit", "hkh", "qc238-2026", "--as-of", "2026-11-25").stdout
    assert "Đúng hạn" in out
    overdue = json.loads(cli("overdue", "--as-of", "2026-12-01", "--format", "json").stdout)["instances"]
    assert sorted(r["unit"] for r in overdue if r["report"] == "qc238-2026") == ["hdy", "lhh"]
    status = json.loads(cli("status", "hkh", "--as-of", "2026-12-01", "--format", "json").stdout)["instances"]
    assert [r["status"] for r in status if r["report"] == "qc238-2026"] == ["on_time"]
    exported = json.loads(cli("export", "--format", "json", "--as-of", "2026-12-01").stdout)["instances"]
    assert len([r for r in exported if r["report"] == "qc238-2026"]) == 3
    listed = json.loads(cli("request", "list", "--format", "json").stdout)["requests"]
    assert [(r["id"], r["received"], r["units"]) for r in listed] == [("qc238-2026", 1, ["lhh", "hdy", "hkh"])]
    assert "1/3" in cli("request", "list").stdout
    cli("submit", "hkh", "qc238-2026", "--as-of", "2026-11-26", code=2)  # already received


def test_a_cancelled_request_leaves_every_list(cli, cfg, backend) -> None:
    cli("request", "add", "--id", "tk", "--title", "Tổng kết", "--deadline", "2026-05-29", "--units", "syt, giao duc",
        "--as-of", "2026-05-01")
    assert {r["unit"] for r in _due(cli, "2026-05-25") if r["report"] == "tk"} == {"syt", "sgddt"}
    assert "Đã hủy yêu cầu 'tk' (Tổng kết)." in cli("request", "cancel", "tk").stdout
    assert not [r for r in _due(cli, "2026-05-25") if r["report"] == "tk"]
    assert json.loads(cli("request", "list", "--format", "json").stdout)["requests"] == []
    assert json.loads(cli("request", "list", "--all", "--format", "json").stdout)["requests"][0]["cancelled"] is True
    cli("request", "cancel", "tk", code=2)
    assert backend.count("requests") == 2  # nothing deleted: the add and the cancellation


def test_without_units_or_group_every_active_unit_is_asked(cli, cfg) -> None:
    cli("request", "add", "--id", "all", "--title", "Mọi đơn vị", "--deadline", "2026-06-05", "--as-of", "2026-05-01")
    assert len([r for r in _due(cli, "2026-06-01") if r["report"] == "all"]) == 11


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "monthly"], "đã là mã một quy tắc báo cáo"),
        (["--id", "Có dấu"], "không hợp lệ"),
        (["--id", "x", "--group", "không-có"], "không có đơn vị nào thuộc nhóm"),
        (["--id", "x", "--group", "hội", "--units", "syt"], "chỉ dùng một trong --units hoặc --group"),
        (["--id", "x", "--units", "khong-co-don-vi"], "khong-co-don-vi"),
        (["--id", "x", "--deadline", "31/02/2026"], "--deadline"),
        (["--id", "x", "--title", "  "], "--title"),
    ],
)
def test_bad_requests_are_refused_and_change_nothing(cli, cfg, backend, args, message) -> None:
    cli("due", "--as-of", "2026-01-01")
    base = {"--id": "x", "--title": "T", "--deadline": "2026-06-01"}
    it = iter(args)
    base.update(dict(zip(it, it, strict=True)))
    r = cli("request", "add", *[p for kv in base.items() for p in kv], code=2)
    assert message in r.stderr and "Traceback" not in r.output
    assert backend.count("requests") == 0


def test_a_request_id_is_used_once(cli, cfg) -> None:
    cli("request", "add", "--id", "x", "--title", "T", "--deadline", "2026-06-01", "--as-of", "2026-05-01")
    cli("request", "cancel", "x")
    r = cli("request", "add", "--id", "x", "--title", "T", "--deadline", "2026-07-01", "--as-of", "2026-05-01", code=2)
    assert "đã có yêu cầu 'x'" in r.stderr


def test_submitting_a_request_a_unit_was_not_asked_for(cli, cfg) -> None:
    cli("request", "add", "--id", "x", "--title", "T", "--deadline", "2026-06-01", "--units", "syt", "--as-of", "2026-05-01")
    assert "không thuộc danh sách" in cli("submit", "bhxh-kh", "x", "--as-of", "2026-05-01", code=2).stderr


# ---------------------------------------------------------------------------- incidents


def test_an_incident_has_an_hour_deadline(cli, cfg) -> None:
    out = cli("incident", "add", "y te", "--title", "Ổ dịch sốt xuất huyết", "--occurred", "2026-11-22 08:30",
              "--as-of", "2026-11-22T10:00").stdout
    assert out.strip() == (
        "Đã ghi sự việc #1 của Sở Y tế: Ổ dịch sốt xuất huyết. Hạn gửi báo cáo bằng văn bản: 23/11/2026 08:30 "
        "(trong 24 giờ)."
    )
    (row,) = [r for r in _due(cli, "2026-11-22T10:00") if r["report"] == "incident"]
    assert row["deadline_at"] == "2026-11-23T08:30:00+07:00" and row["hours_left"] == 22
    assert row["status"] == "due" and row["period"] == "2026-11-22T08:30"
    assert "còn 22 giờ" in cli("due", "--as-of", "2026-11-22T10:00", "--format", "plain").stdout
    # on 23/11 at 09:00 it is overdue by one hour, though the date is the deadline's own
    (late,) = [r for r in _due(cli, "2026-11-23T09:00") if r["report"] == "incident"]
    assert late["status"] == "overdue" and late["hours_left"] == -1
    assert "quá 1 giờ" in cli("overdue", "--as-of", "2026-11-23T09:00").stdout
    out = cli("submit", "syt", "incident", "--received", "2026-11-23 10:15", "--as-of", "2026-11-23T11:00").stdout
    assert "Gửi muộn 2 giờ (hạn cuối 23/11/2026 08:30)." in out
    status = json.loads(cli("status", "syt", "--as-of", "2026-11-24", "--format", "json").stdout)["instances"]
    (done,) = [r for r in status if r["report"] == "incident"]
    assert done["status"] == "late" and done["received_at"] == "2026-11-23T10:15:00+07:00"


def test_an_incident_reported_in_time(cli, cfg) -> None:
    cli("incident", "add", "bhxh-kh", "--title", "Sự cố", "--occurred", "22/11/2026 8h00", "--within", "4",
        "--as-of", "2026-11-22T09:00")
    assert "Đúng hạn" in cli("submit", "bhxh-kh", "incident", "--as-of", "2026-11-22T11:59").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--occurred", "2026-11-22 11:00"], "ở sau hiện tại"),
        (["--occurred", "2026-11-22 25:00"], "--occurred"),
        (["--occurred", "2026-11-22 08:00", "--within", "0"], "--within"),
        (["--occurred", "hôm qua"], "--occurred"),
    ],
)
def test_bad_incidents_are_refused(cli, cfg, backend, args, message) -> None:
    cli("due", "--as-of", "2026-11-22")
    r = cli("incident", "add", "syt", "--title", "T", *args, "--as-of", "2026-11-22T10:00", code=2)
    assert message in r.stderr and "Traceback" not in r.output
    assert backend.count("incidents") == 0


# ---------------------------------------------------------------------------- the Commission's own reports


def test_the_commissions_own_reports_are_shown_apart(cli, cfg) -> None:
    plain = cli("due", "--as-of", "2026-03-25", "--format", "plain").stdout
    units_part, own_part = plain.split("Báo cáo của Ban\n")
    assert "ban-quy" not in units_part and "Báo cáo quý I" in units_part
    assert own_part.startswith("sắp đến hạn  ban  Ban Tuyên giáo và Dân vận Tỉnh ủy")
    assert "Báo cáo của Ban" in cli("due", "--as-of", "2026-03-25", "--format", "table").stdout
    out = cli("submit", "ban", "ban-quy", "--as-of", "2026-03-30").stdout
    assert "Đúng hạn" in out
    assert "syt" in cli("submit", "syt", "ban-quy", "--as-of", "2026-03-30", code=2).stderr
    over = cli("overdue", "--as-of", "2026-07-02").stdout
    assert "Báo cáo của Ban — Ban Tuyên giáo và Dân vận Tỉnh ủy (ban)" in over


def test_an_incident_on_an_as_of_day_without_a_time(cli, cfg) -> None:
    """--as-of with a date only: an incident earlier that day is not "in the future"."""
    cli("incident", "add", "syt", "--title", "T", "--occurred", "2026-11-22 08:30", "--as-of", "2026-11-22")
    assert "ở sau hiện tại" in cli("incident", "add", "syt", "--title", "T", "--occurred", "2026-11-23 08:30",
                                  "--as-of", "2026-11-22", code=2).stderr
