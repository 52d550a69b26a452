"""scripts/readme_examples.sh runs the README's examples: run against this tree's code in a throw-away home, every
example works (exit 0, no error printed) except those marked `error_example`, which must fail. The slowest test of
the suite (about 10 s: some 50 runs of khoagiao, each its own process)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import khoagiao_cli

REPO = Path(__file__).resolve().parents[1]


def test_every_readme_example_works_or_is_marked_as_an_error_example(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "khoagiao"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m khoagiao_cli "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    env = {
        "PATH": os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
        "PYTHONPATH": str(Path(khoagiao_cli.__file__).resolve().parents[1]),  # the code under test
        "HOME": str(tmp_path / "home"), "TMPDIR": str(tmp_path), "LANG": "C.UTF-8",
    }
    r = subprocess.run(["sh", str(REPO / "scripts" / "readme_examples.sh")], env=env, capture_output=True,
                       text=True, timeout=600, cwd=tmp_path)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    blocks = out.split("\n$ ")
    failed = [b for b in blocks if "!! UNEXPECTED" in b]
    assert not failed, "\n\n".join("$ " + b for b in failed)
    assert len(blocks) > 40 and "### verify" in out  # it ran to the end
    # the examples marked as errors are the ones the README shows as errors, each with its message
    errors = [re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:$port", b.split("\n", 1)[0]) for b in blocks if "(exit " in b]
    assert errors == [
        'khoagiao submit syt q1 --period "quý II/2026" --as-of 2026-03-18',
        'khoagiao submit syt q1 --period "quý 2026" --as-of 2026-03-18',
        "khoagiao submit hkh monthly --period 2027-04 --as-of 2026-04-16",
        "khoagiao submit khoa q1", "khoagiao submit syt monthly --period 2026-03",
        "khoagiao void H1 --note x",
        "khoagiao request add --id monthly --title x --deadline 2026-12-01",
        "khoagiao import sai.csv --as-of 2026-04-15",
        "khoagiao summary --quarter 5",
        "khoagiao submit lhh monthly --period 2026-10 --as-of 2026-11-20 --db postgresql://minh@127.0.0.1:$port/khoagiao",
        "khoagiao verify",
        "khoagiao submit stnmt monthly --period 2025-04 --as-of 2025-04-25",
        "khoagiao submit snnmt monthly --period 2025-01 --as-of 2025-04-25",
        "khoagiao due --as-of 2025-04-25",
    ], errors
    assert all("Lỗi: " in b for b in blocks if "(exit " in b)
    script = (REPO / "scripts" / "readme_examples.sh").read_text(encoding="utf-8")
    marked = [line.split("error_example ", 1)[1].replace("'\"", '"').replace("\"'", '"')
              for line in script.splitlines() if "error_example khoagiao" in line]
    assert marked == errors  # marked, not merely tolerated
    # and the README shows what they print (scripts/readme_sync.py; what changes between runs is masked)
    sys.path.insert(0, str(REPO / "scripts"))
    from readme_sync import README, runs, sync

    _, differ, unrun = sync(README.read_text(encoding="utf-8"), runs(r.stdout))
    assert not unrun, f"README examples that scripts/readme_examples.sh does not run: {unrun}"
    assert not differ, (f"README outputs that differ from a run (update them: sh scripts/readme_examples.sh > "
                        f"/tmp/x.txt && python scripts/readme_sync.py /tmp/x.txt): {differ}")
