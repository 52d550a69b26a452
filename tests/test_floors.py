"""scripts/floors.py pins every dependency to the lowest release its range allows (scripts/test.sh runs the suite
against those pins as well as against the newest releases)."""

from __future__ import annotations

import runpy
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
floors = runpy.run_path(str(REPO / "scripts" / "floors.py"))["floors"]


def test_each_lower_bound_becomes_a_pin() -> None:
    assert floors(["typer>=0.26,<0.29", "rich>=13.8", "types-PyYAML", "holidays==0.109", "x[extra]>=1.0; python_version>'3'"]) \
        == ["typer==0.26", "rich==13.8", "holidays==0.109", "x==1.0"]


def test_every_runtime_dependency_has_a_floor() -> None:
    """A range without a lower bound cannot be tested at its floor."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert len(floors(project["dependencies"])) == len(project["dependencies"])
