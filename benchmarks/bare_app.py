"""The yardstick: a bare Typer + Rich app printing a 12-row table."""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False)


@app.command()
def main() -> None:
    table = Table("Đơn vị", "Báo cáo", "Kỳ", "Hạn cuối", title="Bare Typer + Rich")
    for i in range(12):
        table.add_row(f"Đơn vị {i}", "Báo cáo tháng", f"2026-{i + 1:02d}", f"19/{i + 1:02d}/2026")
    Console().print(table)


if __name__ == "__main__":
    app()
