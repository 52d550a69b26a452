#!/bin/sh
# Re-run the README's examples in a throw-away home and print them as they appear there.
# Usage: sh scripts/readme_examples.sh > /tmp/examples.txt   (from a venv where khoagiao is installed)
# tests/test_readme_examples.py runs it against the tree's code and fails on any "!! UNEXPECTED".
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
demo=$(mktemp -d)
export KHOAGIAO_HOME="$demo/home" COLUMNS=100 TERM=dumb NO_COLOR=1
unset KHOAGIAO_CONFIG KHOAGIAO_DB KHOAGIAO_LANG
cd "$demo"
khoagiao init >/dev/null 2>&1
sed -i 's/^# tracking_start: 2026-01-01/tracking_start: 2026-01-01/' home/config/schedule.yaml
# run CMD: an example that must work: exit 0 and print no error. error_example CMD: one that shows an error on
# purpose: it must exit non-zero. Either prints "!! UNEXPECTED …" when it does not (tests/test_readme_examples.py).
example() {
  expect=$1; shift
  printf '$ %s\n' "$*"
  out=$(sh -c "$*" 2>&1); code=$?
  [ -n "$out" ] && printf '%s\n' "$out"
  [ $code -ne 0 ] && printf '(exit %s)\n' "$code"
  if [ "$expect" = ok ] && { [ $code -ne 0 ] || printf '%s\n' "$out" | grep -qE '^(Lỗi|Error|Traceback)'; }; then
    printf '!! UNEXPECTED: this example failed\n'
  elif [ "$expect" = error ] && [ $code -eq 0 ]; then
    printf '!! UNEXPECTED: this error example succeeded\n'
  fi
  return 0
}
run() { example ok "$@"; }
error_example() { example error "$@"; }
echo "### due";      run khoagiao due --as-of 2026-03-18 --unit syt --format table
                     run "khoagiao due --as-of 2026-02-13 --format plain | head -4"
                     run "khoagiao due --as-of 2026-03-18 --unit hdy --format json | head -16"
                     run "khoagiao due --as-of 2026-03-18 --within 3 | head -4"
echo "### submit";   run khoagiao submit '"so y te"' monthly --received 2026-03-18 --doc-number 125/BC-SYT --channel email --as-of 2026-03-18
                     run khoagiao submit syt monthly --period 2026-02 --received 23/2 --as-of 2026-03-18
                     run khoagiao submit syt q1 --period 2026-Q1 --as-of 2026-03-18
                     run khoagiao submit '"Sở GD&ĐT"' '"quý I"' --period '"Quý I/2026"' --received '"16/03/2026 14:00"' --channel giấy --as-of 2026-03-18
                     run khoagiao submit '"BHXH tỉnh"' '"báo cáo tháng"' --period T2/2026 --received 20/02/2026 --channel '"thư điện tử"' --as-of 2026-03-18
                     error_example khoagiao submit syt q1 --period '"quý II/2026"' --as-of 2026-03-18
                     error_example khoagiao submit syt q1 --period '"quý 2026"' --as-of 2026-03-18
                     error_example khoagiao submit hkh monthly --period 2027-04 --as-of 2026-04-16
                     error_example khoagiao submit khoa q1
                     error_example khoagiao submit syt monthly --period 2026-03
echo "### withdraw"; run khoagiao withdraw syt q1 --period 2026-Q1 --note '"gửi nhầm tệp"'
                     printf '%%PDF-1.4 bao cao quy I\n' > bao-cao-quy-1-syt.pdf
                     run khoagiao submit syt q1 --period 2026-Q1 --received 2026-03-18 --file bao-cao-quy-1-syt.pdf --as-of 2026-03-18
echo "### void";     run khoagiao submit hkh monthly --period 2026-02 --received 12/02/2026 --as-of 2026-03-18
                     run khoagiao void 8 --note '"nhầm đơn vị: là báo cáo của Hội Đông y"'
                     run "COLUMNS=80 khoagiao history hkh --format table"
                     run "COLUMNS=80 khoagiao history --limit 3 --format table"
                     error_example khoagiao void H1 --note x
echo "### overdue";  run khoagiao overdue --as-of 2026-03-20 --unit bhxh-kh
echo "### status";   run khoagiao status syt --as-of 2026-04-15
                     run "COLUMNS=80 khoagiao status sgddt --as-of 2026-04-15"
                     run "khoagiao status syt --as-of 2026-04-15 --format plain | head -4"
echo "### export";   run "khoagiao export --format csv --as-of 2026-04-15 | head -3"
                     run khoagiao export --format toml --as-of 2026-04-15 -o nam-2026.toml
echo "### schedule"; run khoagiao schedule --year 2026
echo "### explain";  run khoagiao explain syt monthly 2026-02 --as-of 2026-04-15
                     run khoagiao explain bhxh-kh q3 2026-Q3 --as-of 2026-09-22 --lang en
echo "### request";  run khoagiao request add --id qc238-2026 --title '"Báo cáo kết quả thực hiện Quy chế 238"' --deadline 29/11/2026 --doc-number 125-CV/BTGDVTU --group hội --as-of 2026-11-20
                     run khoagiao submit hkh qc238-2026 --as-of 2026-11-25
                     run khoagiao request list
                     run "khoagiao due --as-of 2026-11-25 --format plain | grep 'Quy chế 238'"
                     error_example khoagiao request add --id monthly --title x --deadline 2026-12-01
echo "### incident"; run khoagiao incident add syt --title '"Ổ dịch sốt xuất huyết tại phường Vĩnh Hải"' --occurred '"2026-11-22 08:30"' --as-of 2026-11-22T10:00
                     run "khoagiao due --as-of 2026-11-23T07:00 --unit syt --format plain | grep -E \"cần gửi|giờ\""
                     run khoagiao submit syt incident --received '"2026-11-23 10:15"' --as-of 2026-11-23T11:00
                     run khoagiao incident add hdy --title '"Nghi ngộ độc sau khi dùng thuốc nam"' --occurred '"20/11/2026 09:00"' --as-of 2026-11-20T11:00
                     run khoagiao incident cancel 2 --note '"Sở Y tế xác minh: không phải ngộ độc"'
                     run "COLUMNS=80 khoagiao incident list --all"
echo "### own";      run "khoagiao due --as-of 2026-03-25 --format plain | tail -4"
                     run khoagiao submit ban ban-quy --as-of 2026-03-30
echo "### calendar"; run khoagiao calendar --year 2026 --month 3
                     run "khoagiao calendar --year 2026 --month 12 --format json | head -9"
echo "### units";    run khoagiao units --all --as-of 2026-11-22
echo "### ics";      run khoagiao export --format ics --year 2026 --as-of 2026-11-22 -o khoagiao-2026.ics
                     run "grep -A14 'UID:deadline-annual-2026' khoagiao-2026.ics"
echo "### config";   run khoagiao config
sed -i 's/    short_name: SYT\n//' home/config/units.yaml
python3 - home/config/units.yaml <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("    short_name: SYT\n    group: sở\n    email: []", "    short_name: SYT\n    group: sở\n    email: [vanphong@syt.khanhhoa.gov.vn]")
s = s.replace("    short_name: HKH\n    group: hội\n    email: []", "    short_name: HKH\n    group: hội\n    email: hoikhuyenhoc@example.vn")
s = s.replace("  # email: bantuyengiao@example.vn", "  email: bantuyengiao@example.vn")
open(p, "w", encoding="utf-8").write(s)
PY
echo "### remind";   run "khoagiao remind --as-of 2026-03-20 --unit hkh"
                     run "khoagiao remind --as-of 2026-03-20 | tail -2"
echo "### stats";    run khoagiao stats --as-of 2026-04-15 --format table
                     run "khoagiao stats --as-of 2026-04-15 --format json | head -20"
echo "### board";    run khoagiao board --as-of 2026-04-15 -o bang-theo-doi.html
echo "### xlsx";     run khoagiao export --format xlsx --year 2026 --as-of 2026-04-15 -o theo-doi-2026.xlsx
echo "### import";   printf 'SỔ THEO DÕI BÁO CÁO KHỐI KHOA GIÁO NĂM 2026\n\nĐơn vị,Báo cáo,Kỳ,Ngày nhận,Số ký hiệu,Hình thức\nbhxh-kh,báo cáo tháng,T1/2026,16/01/2026,05/BC-BHXH,giấy\nSở Giáo dục,báo cáo tháng,tháng 1/2026,21/01/2026 15h30,,e-mail\nLiên hiệp hội,quý I,Quý I/2026,31/03/2026,,văn phòng điện tử\n' > so-theo-doi.csv
                     run cat so-theo-doi.csv
                     run khoagiao import so-theo-doi.csv --dry-run --as-of 2026-04-15
                     run khoagiao import so-theo-doi.csv --as-of 2026-04-15
                     run khoagiao import theo-doi-2026.xlsx --as-of 2026-11-30
                     printf 'unit,report,period,received\nxyz,monthly,2026-02,2026-02-20\nhkh,monthly,2026-13,2026-02-20\nhkh,monthly,2026-02,20/12/2026\n' > sai.csv
                     error_example khoagiao import sai.csv --as-of 2026-04-15
echo "### letter";   run khoagiao letter bhxh-kh --as-of 2026-04-15
                     run "python3 -c \"import docx; d = docx.Document('cong-van-don-doc-bhxh-kh-2026-04-15.docx'); print(*[c.text for t in d.tables for r in t.rows for c in r.cells][:2], *[p.text for p in d.paragraphs if p.text][:2], sep='\\n')\""
                     run khoagiao letter --all --as-of 2026-04-15
                     run "python3 -c \"import docx; d = docx.Document('cong-van-don-doc-2026-04-15.docx'); print(*[p.text for p in d.paragraphs if p.text][:1], *[p.text for p in d.paragraphs if p.text][-3:], *[' | '.join(c.text for c in r.cells) for r in d.tables[-1].rows][:4], sep='\\n')\""
echo "### summary";  run khoagiao summary --quarter 1 --as-of 2026-04-15
                     run "python3 -c \"import docx; d = docx.Document('giao-ban-2026-Q1.docx'); t = [p.text for p in d.paragraphs if p.text]; rows = [' | '.join(c.text for c in r.cells) for r in d.tables[-1].rows]; print(*t[:7], *rows[:4], '...', rows[-1], *t[7:10], sep='\\n')\""
                     error_example khoagiao summary --quarter 5
echo "### postgresql"; read -r port server <<EOF
$(python3 "$repo/tests/pg_server.py" start)
EOF
                     pg="postgresql://khoagiao_test@127.0.0.1:$port"
                     python3 -c "import psycopg; c = psycopg.connect('$pg/postgres', autocommit=True); [c.execute(s) for s in ('CREATE DATABASE khoagiao', 'CREATE ROLE lan LOGIN', 'CREATE ROLE minh LOGIN')]"
                     run khoagiao db copy home/data/khoagiao.sqlite3 "$pg/khoagiao"
                     run khoagiao db init --db "$pg/khoagiao" --clerk lan --reader minh
                     run khoagiao submit dhkh monthly --period 2026-10 --received 2026-10-19 --as-of 2026-11-20 --db postgresql://lan@127.0.0.1:$port/khoagiao
                     run khoagiao db status --db postgresql://lan@127.0.0.1:$port/khoagiao
                     error_example khoagiao submit lhh monthly --period 2026-10 --as-of 2026-11-20 --db postgresql://minh@127.0.0.1:$port/khoagiao
                     run khoagiao backup --db postgresql://minh@127.0.0.1:$port/khoagiao -o ban-sao.sqlite3
                     run khoagiao backup
                     python3 "$repo/tests/pg_server.py" stop "$server"
echo "### verify";   run khoagiao verify
                     run "khoagiao export --format json --as-of 2026-04-15 | head -8"
                     python3 -c "import sqlite3; c = sqlite3.connect('home/data/khoagiao.sqlite3'); c.execute(\"REPLACE INTO events (id, kind, unit, report, period, received, recorded_at, recorded_by) VALUES (1, 'submit', 'syt', 'monthly', '2026-03', '2026-03-10', '2026-03-10T08:00:00+07:00', 'x')\"); c.commit()"
                     error_example khoagiao verify
echo "### successor"; export KHOAGIAO_HOME="$demo/don-vi"
                     khoagiao init >/dev/null 2>&1
                     sed -i 's/^# tracking_start: 2026-01-01/tracking_start: 2025-01-01/' don-vi/config/schedule.yaml
                     run khoagiao submit stnmt monthly --period 2025-01 --received 15/01/2025 --doc-number 12/BC-STNMT --as-of 2025-04-25
                     run khoagiao overdue --unit snnmt --as-of 2025-04-25
                     error_example khoagiao submit stnmt monthly --period 2025-04 --as-of 2025-04-25
                     run khoagiao submit snnmt monthly --period 2025-02 --received 24/04/2025 --doc-number 05/BC-SNNMT --as-of 2025-04-25
                     error_example khoagiao submit snnmt monthly --period 2025-01 --as-of 2025-04-25
                     run khoagiao status stnmt --year 2025 --as-of 2025-04-25 --format plain
                     python3 - don-vi/config/units.yaml <<'PY2'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
start = s.index("  - code: stnmt")
end = s.index("  - code:", start + 1)
open(p, "w", encoding="utf-8").write(s[:start] + s[end:])
PY2
                     error_example khoagiao due --as-of 2025-04-25
rm -rf "$demo"
