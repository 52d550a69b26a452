"""Use case: which configuration khoagiao is using, and where each part of it came from (`khoagiao config`)."""

from datetime import date
from typing import NamedTuple

from khoagiao_cli.app.query import tracking_start
from khoagiao_cli.config.load import explicit_settings
from khoagiao_cli.config.paths import Source
from khoagiao_cli.core.model import Config
from khoagiao_cli.errors import Msg
from khoagiao_cli.store.base import Reader

#: the settings `khoagiao config` lists, in this order
SETTINGS = ("timezone", "due_soon", "holidays", "days_off", "working_days")


class FileUsed(NamedTuple):
    name: str
    source: Source
    #: True when the file is the chosen folder's own; False when the folder has none and the default is used
    own: bool


class Setting(NamedTuple):
    key: str
    value: object
    #: set in schedule.yaml (else its default)
    explicit: bool


class About(NamedTuple):
    config: Config
    #: the one folder the configuration comes from
    folder: Source
    files: list[FileUsed]
    settings: list[Setting]
    #: when tracking starts, and from where: "schedule.yaml", "ledger" (the day it was created), or "none" (no
    #: ledger yet: it will be the day the first report is recorded)
    tracking_start: date | None
    tracking_from: str
    active_units: int


def describe(config: Config, folder: Source, sources: dict[str, Source], reader: Reader, today: date) -> About:
    schedule = sources["schedule.yaml"]
    explicit = explicit_settings(schedule.path.read_bytes())
    st = config.settings
    soon = Msg("due_soon_working" if st.due_soon_working else "due_soon_calendar", {"n": st.due_soon_days})
    values: dict[str, object] = {"timezone": st.timezone, "due_soon": soon, "holidays": st.holidays,
                                 "days_off": len(st.days_off), "working_days": len(st.working_days)}
    if st.tracking_start is not None:
        start, origin = st.tracking_start, "schedule.yaml"
    elif reader.exists:
        start, origin = tracking_start(config, reader), "ledger"
    else:
        start, origin = None, "none"
    return About(
        config, folder,
        [FileUsed(name, src, src.origin != "embedded" or folder.origin == "embedded") for name, src in sources.items()],
        [Setting(key, values[key], key in explicit or (key == "due_soon" and "due_soon_days" in explicit))
         for key in SETTINGS],
        start, origin, sum(1 for u in config.units if u.active_on(today)),
    )
