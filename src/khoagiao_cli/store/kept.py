"""Which events' received files the archive (store/archive.py) must still hold.

An older khoagiao recorded a file's SHA-256 without keeping a copy. The first event whose file was kept is noted
in the ledger's `meta` (append-only, like its creation day); a file first recorded from that event on had its copy
kept, so a copy missing now was lost, not never kept. The SQL reads any schema (verify never upgrades a ledger).
"""

from typing import Any

KEY = "files_kept_from"


def mark(conn: Any, event_id: int) -> None:
    """Note that the file of event `event_id` was kept (only the first such event is noted)."""
    conn.execute("INSERT INTO meta (key, value) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = ?)",
                 (KEY, str(event_id), KEY))


def expected(conn: Any) -> tuple[tuple[int, str], ...]:
    """(event id, SHA-256) of every event whose file the archive must hold: the events naming a file first
    recorded once files were kept (a correction names its submission's file again)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
    if row is None:
        return ()
    found = conn.execute(
        "SELECT id, file_sha256 FROM events WHERE file_sha256 IN (SELECT file_sha256 FROM events"
        " WHERE file_sha256 IS NOT NULL GROUP BY file_sha256 HAVING min(id) >= ?) ORDER BY id", (int(row[0]),))
    return tuple((int(i), str(sha)) for i, sha in found)
