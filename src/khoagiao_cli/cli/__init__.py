"""The command line: Typer commands grouped by what they do."""

from khoagiao_cli.cli.base import main

__all__ = ["main"]
