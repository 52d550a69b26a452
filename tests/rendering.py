"""Documents as the office sees them: converted to PDF by LibreOffice (Debian's soffice, the program a clerk without
Word opens them with) and read back from the PDF with poppler (pdftotext, pdfinfo, pdffonts) and pypdf (each piece
of text with its font, size and place). No mock: these are the real programs, which scripts/test.sh installs.

One soffice call converts every document a test module needs (it takes seconds, and the suite runs twice), with
a throw-away profile of its own (two soffice processes sharing a profile clash)."""

from __future__ import annotations

import math
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from typer.testing import CliRunner

MISSING = ("{tool} is not installed: run scripts/test.sh, which installs Debian's libreoffice-writer-nogui, "
           "libreoffice-calc-nogui, poppler-utils and fonts-liberation (the programs these tests drive)")


def tool(name: str, *alternatives: str) -> str:
    """The path of a program the tests drive; a missing one fails the test (CI installs them), never skips it."""
    for candidate in (name, *alternatives):
        found = shutil.which(candidate)
        if found:
            return found
    pytest.fail(MISSING.format(tool=name))


def to_pdf(files: Iterable[Path], outdir: Path) -> dict[Path, Path]:
    """Each file converted to PDF (its name with .pdf, in `outdir`) by one LibreOffice run."""
    files = list(files)
    assert len({f.stem for f in files}) == len(files), "two documents would make the same PDF"
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "soffice-profile"
    cmd = [tool("soffice", "libreoffice"), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    pdfs = {f: outdir / f"{f.stem}.pdf" for f in files}
    missing = [str(f) for f, pdf in pdfs.items() if not pdf.is_file()]
    assert not missing, f"LibreOffice made no PDF of {missing}: {r.stdout}{r.stderr}"
    return pdfs


def text(pdf: Path, page: int | None = None) -> str:
    """The PDF's text as laid out on the page (pdftotext -layout), of one page (1 is the first) or all."""
    pages = ["-f", str(page), "-l", str(page)] if page is not None else []
    return subprocess.run([tool("pdftotext"), "-layout", *pages, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def lines(pdf: Path, page: int | None = None) -> list[str]:
    """The non-empty lines of `text`, each stripped of its spaces at both ends."""
    return [line.strip() for line in text(pdf, page).splitlines() if line.strip()]


class Box(NamedTuple):
    """A word as pdftotext -bbox finds it: its page (1 is the first), its text, and its box in points from the
    page's top left corner."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def words_boxes(pdf: Path) -> list[Box]:
    """Every word of the PDF with its box (pdftotext -bbox)."""
    import html
    import re

    out = subprocess.run([tool("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for n, page in enumerate(out.split("<page ")[1:], 1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                             page):
            found.append(Box(n, html.unescape(m.group(5)), *(float(m.group(k)) for k in range(1, 5))))
    return found


def info(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields, and each page's size as "Page N size" (pdfinfo -f 1 -l N)."""
    out = subprocess.run([tool("pdfinfo"), "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines()) if v}


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) of each page, in points."""
    found = info(pdf)
    sizes = []
    for n in range(1, int(found["Pages"]) + 1):
        w, _, h = found[f"Page {n:4d} size"].split(" pts")[0].partition(" x ")
        sizes.append((float(w), float(h)))
    return sizes


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: each font's name (its subset prefix taken off), type, and whether it is embedded."""
    out = subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    found = []
    for line in out.splitlines()[2:]:
        cells = line.split()
        found.append({"name": cells[0].split("+", 1)[-1], "emb": cells[-5]})
    return found


class Span(NamedTuple):
    """A piece of text drawn with one font: its page (1 is the first), its font's name (subset prefix taken off),
    its size on the paper in points, and where it starts (x, y from the page's bottom left corner)."""

    page: int
    text: str
    font: str
    size: float
    x: float
    y: float


def spans(pdf: Path) -> list[Span]:
    """Every piece of text of the PDF, as pypdf reads the page's drawing operators."""
    from pypdf import PdfReader

    found: list[Span] = []
    for n, page in enumerate(PdfReader(pdf).pages, 1):
        def visit(shown: str, cm: list[float], tm: list[float], font: Any, size: float, n: int = n) -> None:
            if not shown.strip():
                return
            a, b, c, d, e, f = (float(v) for v in tm)
            ca, cb, cc, cd, ce, cf = (float(v) for v in cm)
            m = (a * ca + b * cc, a * cb + b * cd, c * ca + d * cc, c * cb + d * cd)
            x, y = e * ca + f * cc + ce, e * cb + f * cd + cf
            name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1] if font else ""
            found.append(Span(n, shown.strip(), name, round(size * math.sqrt(abs(m[0] * m[3] - m[1] * m[2])), 2),
                              round(x, 1), round(y, 1)))

        page.extract_text(visitor_text=visit)
    return found


def pdf_language(pdf: Path) -> str | None:
    """The document's language, as the PDF's catalogue says it (/Lang): what a screen reader speaks it in."""
    from pypdf import PdfReader

    lang = PdfReader(pdf).trailer["/Root"].get("/Lang")
    return str(lang) if lang is not None else None


def run(env: dict[str, str | None], *args: str, code: int = 0) -> Any:
    """khoagiao in this process with these environment variables (a module's fixture, before any test's own)."""
    from khoagiao_cli.cli import load

    result = CliRunner().invoke(load(), list(args), env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    return result
