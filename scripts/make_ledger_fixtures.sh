#!/bin/sh
# make_ledger_fixtures.sh OUTDIR
#
# Regenerates the ledger fixtures for khoagiao's migration test: one SQLite ledger per earlier schema
# version (PRAGMA user_version = number of steps in MIGRATIONS: khoagiao_cli/ledger.py up to v3,
# khoagiao_cli/store/migrations.py from v4), written by the real khoagiao of
# that time through its CLI only (never SQL), then dumped as reviewable SQL text, together with what that
# version itself answered (history / status / request list as JSON) for the later comparison.
#
# Writes into OUTDIR:
#   ledger-vN.sql             PRAGMA user_version = N; + sqlite3's iterdump() of the ledger
#   ledger-vN.history.json    khoagiao history --format json                      (that version's output)
#   ledger-vN.status.json     khoagiao status --year 2026 --as-of 2026-11-23 --format json
#   ledger-vN.requests.json   khoagiao request list --all --format json           (v2 and later only)
#   ledger-vN-files/          the copies of received files kept beside the ledger (v6 and later)
#
# Environment (all optional):
#   REPO   the khoagiao git repository to clone from        (default: the one holding this script; only read)
#   WORK   scratch folder: clones, venvs, homes, logs       (default /tmp/fixtures-work/gen)
#   PYTHON interpreter for the venvs, Python >= 3.11         (default python3)
#   SMTP_PORT  port of the throw-away local SMTP server (v3 and later) (default 8025)
#   ONLY   the versions to make, e.g. "5"                   (default: every version below)
#
# Needs: git, python3 (with venv), pip access to PyPI or a mirror. Plain POSIX sh.
#
# Not byte-reproducible, by the code's own design: recorded_at / sent_at are the real clock whatever
# --as-of says, reminders carry random Message-IDs, and file_path is the absolute path under WORK.
# From v4 on, meta.created_on is also the real clock's day (the ledger is created by the first recorded
# event, whatever its --as-of; v1-v3 took the first --as-of, 2026-01-15).
# Everything else (ids, dates, document numbers, notes, the file's SHA-256) comes out the same each run.
set -eu

[ $# -ge 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
OUT=$1
REPO=${REPO:-$(cd "$(dirname "$0")/.." && pwd)}
WORK=${WORK:-/tmp/fixtures-work/gen}
PYTHON=${PYTHON:-python3}
SMTP_PORT=${SMTP_PORT:-8025}
mkdir -p "$OUT" "$WORK"
OUT=$(cd "$OUT" && pwd)
WORK=$(cd "$WORK" && pwd)

# The commit used for each schema version: for version N, the LAST commit on main whose MIGRATIONS tuple
# has exactly N steps (checked below by counting, so a wrong pin fails loudly instead of producing a
# fixture of the wrong version). Found by counting the steps at every commit of `git rev-list main`:
#   v1  99fee35 .. 85737b7   (meta, events)
#   v2  a4d3253 .. 52d959a   (+ events.received_at, requests, incidents)
#   v3  94563cc .. b077fb4   (+ reminders; pinned at 31c9d40, the HEAD of main when v1-v3 were made)
#   v4  a177fc4 .. ae106cd   (+ view in_force; MIGRATIONS in store/sqlite.py, from ceb860b in
#                             store/migrations.py; ae106cd is the HEAD of main when v4 was made)
#   v5  .. 438dbcf           (+ hash chain, application_id; 438dbcf is the HEAD of main when v5 was made)
#   v6  .. 9d22db1           (+ voids, incident_cancels; 9d22db1 is the HEAD of main when v6 was made)
# Pinned rather than recomputed, so later commits on main do not silently change the fixtures.
VERSIONS="1:85737b76b48d5b61cdb8e02fa4c11d94166e533c 2:52d959a22cc038975edd7bd876bba548eec24d3e 3:31c9d407d8b399d46b2292009cd3ae65a8985a6a 4:ae106cd19bb0e017e6e6e03f87481a1bf92bd962 5:438dbcf6a1011fae1e4002a979bf0b12d33859cc 6:9d22db1e8bd4f437c7a5affbdb18acee05daff5b"

# Where MIGRATIONS lives: ledger.py up to the reshape (v1-v3), then store/sqlite.py, then store/migrations.py.
MIGRATION_FILES="src/khoagiao_cli/store/migrations.py src/khoagiao_cli/store/sqlite.py src/khoagiao_cli/ledger.py"

# Counts the steps of MIGRATIONS in a module read on stdin (parsed, not imported: old code, no deps);
# prints nothing when the module has no MIGRATIONS.
COUNT_STEPS='
import ast, sys
tree = ast.parse(sys.stdin.read())
for node in ast.walk(tree):
    target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and getattr(target, "id", None) == "MIGRATIONS":
        print(len(node.value.elts))
        break
'

# Dumps a ledger as SQL text and proves the text recreates it: same user_version, same schema objects
# (tables, indexes, triggers with their SQL), same rows in every table (sqlite_sequence included).
DUMP_PY="$WORK/dump_ledger.py"
cat >"$DUMP_PY" <<'EOF'
import sqlite3
import sys

db, out, version = sys.argv[1], sys.argv[2], int(sys.argv[3])
src = sqlite3.connect(db)
found = src.execute("PRAGMA user_version").fetchone()[0]
if found != version:
    sys.exit(f"{db}: user_version is {found}, expected {version}")
# iterdump() does not carry PRAGMA user_version, application_id (from v5) nor journal_mode: put them first, by hand.
app_id = src.execute("PRAGMA application_id").fetchone()[0]
marked = f"PRAGMA application_id = {app_id};\n" if app_id else ""
text = f"PRAGMA user_version = {version};\n" + marked + "\n".join(src.iterdump()) + "\n"
with open(out, "w", encoding="utf-8", newline="\n") as fh:
    fh.write(text)


def snapshot(conn):
    schema = sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    rows = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    return (conn.execute("PRAGMA user_version").fetchone()[0], schema, rows,
            conn.execute("PRAGMA application_id").fetchone()[0])


again = sqlite3.connect(":memory:")
again.executescript(open(out, encoding="utf-8").read())
a, b = snapshot(src), snapshot(again)
if a != b:
    sys.exit(f"{out}: the dump does not recreate {db} (user_version, schema or rows differ)")
kinds = {}
for kind, *_ in a[1]:
    kinds[kind] = kinds.get(kind, 0) + 1
print(f"v{version}: user_version={a[0]}; " + ", ".join(f"{k}s={n}" for k, n in sorted(kinds.items())))
for table, rows in a[2].items():
    print(f"  {table:16} {len(rows):3} rows")
EOF

# A clean, predictable environment for every khoagiao run: nothing from the caller's khoagiao settings
# (language stays the default, Vietnamese), UTF-8 output, a fixed width and no colour, and a recorded_by
# of "vanthu" (getpass reads LOGNAME/USER) instead of whoever runs this script.
unset KHOAGIAO_CONFIG KHOAGIAO_DB KHOAGIAO_LANG KHOAGIAO_DB_TIMEOUT KHOAGIAO_SMTP_HOST KHOAGIAO_SMTP_PORT \
      KHOAGIAO_SMTP_SECURITY KHOAGIAO_SMTP_USER KHOAGIAO_SMTP_PASSWORD KHOAGIAO_SMTP_CAFILE KHOAGIAO_MAIL_FROM
export COLUMNS=120 TERM=dumb PYTHONUTF8=1 LOGNAME=vanthu USER=vanthu
export PIP_DISABLE_PIP_VERSION_CHECK=1

SMTP_PID=
stop_smtp() {
    # Only the server this script started, by its own pid.
    if [ -n "$SMTP_PID" ]; then kill "$SMTP_PID" 2>/dev/null || true; wait "$SMTP_PID" 2>/dev/null || true; fi
    SMTP_PID=
}
trap stop_smtp EXIT
trap 'stop_smtp; exit 130' INT TERM

# kg ARGS...: run that version's khoagiao, logging the command line and its output to the transcript;
# any failure stops the whole run (a fixture must not silently miss a row).
kg() {
    printf '$ khoagiao' >>"$LOG"
    for a in "$@"; do printf " '%s'" "$a" >>"$LOG"; done
    printf '\n' >>"$LOG"
    if "$VENV/bin/khoagiao" "$@" >>"$LOG" 2>&1; then
        :
    else
        rc=$?
        echo "v$N: khoagiao $* -> exit $rc (see $LOG)" >&2
        tail -n 5 "$LOG" >&2
        exit 1
    fi
}

for spec in $VERSIONS; do
    N=${spec%%:*}
    COMMIT=${spec#*:}
    case " ${ONLY:-$N} " in *" $N "*) ;; *) continue ;; esac
    SRC="$WORK/v$N"
    VENV="$WORK/venv$N"
    HOME_N="$WORK/home$N"          # KHOAGIAO_HOME: config/, data/, cache/ all under it
    LOG="$WORK/transcript-v$N.txt"
    echo "== v$N at $COMMIT"

    # 1. The code of that time: a fresh clone checked out at the pinned commit (the source repository is
    #    only read), and a check that its MIGRATIONS really has N steps.
    rm -rf "$SRC" "$VENV" "$HOME_N"
    git clone -q "$REPO" "$SRC"
    git -C "$SRC" -c advice.detachedHead=false checkout -q "$COMMIT"
    steps=
    for f in $MIGRATION_FILES; do
        if [ -f "$SRC/$f" ]; then
            steps=$("$PYTHON" -c "$COUNT_STEPS" <"$SRC/$f")
            [ -z "$steps" ] || break
        fi
    done
    [ "$steps" = "$N" ] || { echo "v$N: $COMMIT has ${steps:-no} migration steps, not $N" >&2; exit 1; }

    # 2. Installed as a user would (pip install . builds the wheel with the embedded default config);
    #    v3 and later also get aiosmtpd, the SMTP server their own tests use, to receive the reminders.
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install -q "$SRC"
    if [ "$N" -ge 3 ]; then "$VENV/bin/pip" install -q aiosmtpd; fi

    # 3. A throw-away home. Commands run from $HOME_N/tep, a folder with no config/ in it: khoagiao also
    #    looks for ./config in the current folder (the checkout has one, and so does $HOME_N itself), and
    #    the config must come from the user config folder, as on the office's machine.
    export KHOAGIAO_HOME="$HOME_N"
    mkdir -p "$HOME_N/tep"
    cd "$HOME_N/tep"
    CONF="$HOME_N/config"
    : >"$LOG"
    kg init
    if [ "$N" -ge 6 ]; then
        # From v6 the embedded units are those after the 2025 mergers (bhxh ceased): the script's history is
        # that of the units before them, which the migration test also configures.
        cp "$SRC/tests/fixtures/units-before-2026.yaml" "$CONF/units.yaml"
    fi
    # Track from 1 January 2026 (otherwise tracking starts on the ledger's creation day, and the early
    # 2026 reports would not be owed): uncomment the line the defaults ship commented out.
    sed 's/^# tracking_start: 2026-01-01$/tracking_start: 2026-01-01/' "$CONF/schedule.yaml" >"$CONF/schedule.yaml.new"
    mv "$CONF/schedule.yaml.new" "$CONF/schedule.yaml"
    grep -q '^tracking_start: 2026-01-01$' "$CONF/schedule.yaml" || { echo "v$N: tracking_start not set" >&2; exit 1; }
    if [ "$N" -ge 3 ]; then
        # Reminders need addresses: three units get them (bhxh two, to exercise a list); the rest keep
        # `email: []`, so remind also names units it cannot reach.
        awk '
            /^  - code: / { code = $3 }
            /^    email: \[\]$/ && code == "syt"  { print "    email: vanphong.syt@example.vn"; next }
            /^    email: \[\]$/ && code == "hkh"  { print "    email: hoikhuyenhoc@example.vn"; next }
            /^    email: \[\]$/ && code == "bhxh" { print "    email: [tonghop.bhxh@example.vn, vanthu.bhxh@example.vn]"; next }
            { print }
        ' "$CONF/units.yaml" >"$CONF/units.yaml.new"
        mv "$CONF/units.yaml.new" "$CONF/units.yaml"
        [ "$(grep -c 'example.vn' "$CONF/units.yaml")" -ge 3 ] || { echo "v$N: unit e-mails not set" >&2; exit 1; }
    fi
    kg config

    # The one attached file: small, fixed content, so its SHA-256 in the ledger is the same every run.
    FILE="$HOME_N/tep/125-BC-SYT-quy-I-2026.txt"
    printf '%s\n' 'SỞ Y TẾ TỈNH KHÁNH HÒA' 'Số: 125/BC-SYT' \
        'BÁO CÁO công tác khoa giáo quý I năm 2026' \
        'Tiêm chủng mở rộng đạt 98,6%; không ghi nhận ổ dịch mới.' >"$FILE"

    if [ "$N" -ge 3 ]; then
        # A local SMTP sink for remind --send / overdue --mail-to; it keeps what it gets in a Maildir.
        export KHOAGIAO_SMTP_HOST=127.0.0.1 KHOAGIAO_SMTP_PORT="$SMTP_PORT" KHOAGIAO_SMTP_SECURITY=none \
               KHOAGIAO_MAIL_FROM=vanthu@example.vn
        "$VENV/bin/python" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$WORK/maildir-v$N" \
            >>"$WORK/smtp-v$N.log" 2>&1 &
        SMTP_PID=$!
        "$PYTHON" - "$SMTP_PORT" <<'EOF'
import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.2).close()
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("SMTP server did not start")
EOF
    fi

    # 4. A year of history, in date order (--as-of stands in for "today"), through the CLI only.
    #    January: on time (eoffice), on time given as dd/mm/yyyy (paper), late (email, with a note).
    kg submit syt monthly --period 2026-01 --received 2026-01-15 --doc-number 12/BC-SYT --channel eoffice \
        --note "Báo cáo tháng 01/2026 gửi qua hệ thống văn bản điện tử" --as-of 2026-01-15
    kg submit sgddt monthly --period 2026-01 --received 19/01/2026 --doc-number 45/BC-SGDĐT --channel paper \
        --as-of 2026-01-20
    kg submit bhxh monthly --period 2026-01 --received 2026-01-27 --doc-number 88/BC-BHXH --channel email \
        --note "Gửi chậm do tổng hợp số liệu quyết toán cuối năm" --as-of 2026-01-27
    #    February: a unit typed by name without accents, no --period (the earliest open one is taken), late;
    #    19/02 is Tết: late for v1, on time from v2 on (the deadline moves to 23/02).
    kg submit "hoi khuyen hoc" monthly --received 2026-02-10 --doc-number 05/BC-HKH --channel paper --as-of 2026-02-10
    kg submit syt monthly --period 2026-02 --received 2026-02-23 --doc-number 30/BC-SYT --channel email --as-of 2026-02-24
    #    A correction: the date received, per the incoming-mail book (other fields are kept).
    kg submit hkh monthly --period 2026-01 --correct --received 2026-02-09 \
        --note "Sửa ngày nhận theo sổ công văn đến: 09/02/2026" --as-of 2026-02-11
    #    March: a Q1 report withdrawn (wrong file) and sent again with the file attached.
    kg submit syt q1 --period 2026-Q1 --received 2026-03-16 --doc-number 125/BC-SYT --channel email \
        --note "Kèm phụ lục số liệu tiêm chủng mở rộng" --as-of 2026-03-16
    kg withdraw syt q1 --period 2026-Q1 --note "Đơn vị gửi nhầm tệp, xin rút để gửi lại"
    kg submit syt q1 --period 2026-Q1 --received 2026-03-18 --doc-number 125/BC-SYT --channel eoffice \
        --file "$FILE" --note "Gửi lại bản đúng, có chữ ký số" --as-of 2026-03-18
    kg submit bhxh q1 --period 2026-Q1 --received 2026-03-19 --doc-number 140/BC-BHXH --channel email --as-of 2026-03-19
    #    A second correction: the document number.
    kg submit bhxh q1 --period 2026-Q1 --correct --doc-number 141/BC-BHXH \
        --note "Đính chính số ký hiệu văn bản: 141/BC-BHXH" --as-of 2026-03-20
    if [ "$N" -ge 3 ]; then
        # Reminders of 20/03; the same run again the same day sends nothing (already sent today).
        kg remind --send --as-of 2026-03-20
        kg remind --send --as-of 2026-03-20
    fi
    kg submit sgddt q1 --period 2026-Q1 --received 2026-03-25 --doc-number 210/BC-SGDĐT --channel paper --as-of 2026-03-26
    #    April: a late paper report, then withdrawn and never sent again (overdue at the end).
    kg submit hdy monthly --period 2026-04 --received 2026-04-28 --doc-number 07/BC-HĐY --channel paper \
        --note "Hội Đông y gửi bản giấy qua bưu điện" --as-of 2026-04-28
    kg withdraw hdy monthly --period 2026-04 --note "Báo cáo nhầm kỳ (số liệu tháng 3), đề nghị đơn vị gửi lại"
    #    Half-year: late.
    kg submit hkh h1 --period 2026-H1 --received 2026-07-02 --doc-number 22/BC-HKH --channel email \
        --note "Báo cáo sơ kết 6 tháng đầu năm 2026" --as-of 2026-07-02
    if [ "$N" -ge 3 ]; then
        kg remind --send --as-of 2026-07-21 --unit hkh
    fi
    if [ "$N" -ge 2 ]; then
        # An urgent incident answered in time (to the minute), and three one-off requests (công văn):
        # one to a group, one to listed units, one cancelled. request add/cancel have no --as-of; from v6 a
        # deadline already past (they are in 2026) is recorded only with --yes.
        PAST=; if [ "$N" -ge 6 ]; then PAST=--yes; fi
        kg incident add bhxh --title "Sự cố gián đoạn hệ thống giám định BHYT toàn tỉnh" \
            --occurred "2026-08-14 16:00" --as-of 2026-08-14T17:00
        kg submit bhxh incident --received "2026-08-15 14:20" --doc-number 612/BC-BHXH --channel email \
            --as-of 2026-08-15T15:00
        kg request add --id qc238-2026 --title "Báo cáo kết quả thực hiện Quy chế 238" --deadline 30/10/2026 \
            --doc-number 125-CV/BTGDVTU --group hội $PAST
        kg request add --id sk9t-2026 --title "Báo cáo sơ kết công tác khoa giáo 9 tháng năm 2026" \
            --deadline 2026-09-30 --doc-number 98-CV/BTGDVTU --units syt,sgddt,bhxh $PAST
        kg request add --id vhdoc-2026 --title "Báo cáo tình hình phát triển văn hóa đọc" --deadline 2026-08-14 \
            --doc-number 77-CV/BTGDVTU --units sgddt,svhtt $PAST
        kg request cancel vhdoc-2026 --note "Ban đã thu hồi Công văn 77-CV/BTGDVTU"
    fi
    kg submit sgddt q3 --period 2026-Q3 --received 2026-09-15 --doc-number 530/BC-SGDĐT --channel eoffice --as-of 2026-09-15
    kg submit syt monthly --period 2026-10 --received 2026-10-21 --doc-number 690/BC-SYT --channel email --as-of 2026-10-21
    if [ "$N" -ge 2 ]; then
        # Closes the group request for hkh only (lhh and hdy still owe it; the 9-month one stays open).
        kg submit hkh qc238-2026 --received 2026-10-28 --doc-number 31/BC-HKH --channel email --as-of 2026-10-28
    fi
    kg submit bhxh annual --period 2026 --received 2026-11-20 --doc-number 901/BC-BHXH --channel eoffice \
        --note "Báo cáo tổng kết công tác khoa giáo năm 2026" --as-of 2026-11-20
    if [ "$N" -ge 2 ]; then
        # One incident never reported in writing (overdue), one reported two hours late.
        kg incident add hdy --title "Nghi ngộ độc sau khi dùng thuốc nam tại xã Ninh Tây" \
            --occurred "2026-11-20 09:00" --as-of 2026-11-20T11:00
        kg incident add syt --title "Ổ dịch sốt xuất huyết tại phường Vĩnh Hải" \
            --occurred "2026-11-22 08:30" --as-of 2026-11-22T10:00
        kg submit syt incident --received "2026-11-23 10:15" --doc-number 702/BC-SYT --channel eoffice \
            --as-of 2026-11-23T11:00
    fi
    if [ "$N" -ge 3 ]; then
        kg remind --send --as-of 2026-11-23
        kg overdue --mail-to vanphong@example.vn --as-of 2026-11-23
        stop_smtp
        unset KHOAGIAO_SMTP_HOST KHOAGIAO_SMTP_PORT KHOAGIAO_SMTP_SECURITY KHOAGIAO_MAIL_FROM
    fi

    if [ "$N" -ge 6 ]; then
        # The office's own entry errors undone: a report recorded under the wrong unit, voided; an incident added
        # by mistake, cancelled (the ids are read back from the ledger: one each, the last recorded).
        kg submit sgddt monthly --period 2026-10 --received 2026-11-23 --doc-number 702/BC-SYT --channel eoffice \
            --as-of 2026-11-23T14:00
        LAST=$("$VENV/bin/khoagiao" history --limit 1 --format json | "$PYTHON" -c \
            'import json, sys; print(json.load(sys.stdin)["events"][-1]["id"])')
        kg void "$LAST" --note "Nhập nhầm đơn vị: văn bản 702/BC-SYT là của Sở Y tế"
        kg incident add lhh --title "Ghi nhầm sự việc" --occurred "2026-11-23 07:00" --as-of 2026-11-23T15:00
        INCIDENT=$("$VENV/bin/khoagiao" incident list --format json | "$PYTHON" -c \
            'import json, sys; print(json.load(sys.stdin)["incidents"][-1]["id"])')
        kg incident cancel "$INCIDENT" --note "Không thuộc diện báo cáo đột xuất"
    fi

    # 5. What this version itself answers about the ledger, for the comparison with today's code.
    "$VENV/bin/khoagiao" history --format json >"$OUT/ledger-v$N.history.json" 2>>"$LOG"
    "$VENV/bin/khoagiao" status --year 2026 --as-of 2026-11-23 --format json >"$OUT/ledger-v$N.status.json" 2>>"$LOG"
    if [ "$N" -ge 2 ]; then
        "$VENV/bin/khoagiao" request list --all --format json >"$OUT/ledger-v$N.requests.json" 2>>"$LOG"
    fi

    # 6. The ledger as SQL text, checked to load back into the same database.
    "$PYTHON" "$DUMP_PY" "$HOME_N/data/khoagiao.sqlite3" "$OUT/ledger-v$N.sql" "$N"
    # 7. From v6 the ledger keeps a copy of each received file beside it, and `verify` checks that it is there.
    if [ -d "$HOME_N/data/khoagiao-files" ]; then
        rm -rf "$OUT/ledger-v$N-files"
        cp -R "$HOME_N/data/khoagiao-files" "$OUT/ledger-v$N-files"
    fi
    cd "$WORK"
    unset KHOAGIAO_HOME
done
echo "Fixtures in $OUT; transcripts of every command in $WORK/transcript-v*.txt"
