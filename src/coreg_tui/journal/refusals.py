"""How the journal says no: one line in a JournalError (exit code 1) for a file that is
not coreg's or is damaged, a full disk, read-only media or a journal busy elsewhere.
Whatever is refused has written nothing, and the journal is left as it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from coreg_tui.journal import soundness

# SQLite's own words for a file it cannot use, a disk it cannot write, a lock it cannot get.
_REFUSALS = {
    "SQLITE_CORRUPT",
    "SQLITE_NOTADB",
    "SQLITE_FULL",
    "SQLITE_READONLY",
    "SQLITE_CANTOPEN",
    "SQLITE_IOERR",
    "SQLITE_BUSY",
    "SQLITE_PERM",
    "SQLITE_AUTH",
}


class JournalError(Exception):
    """The journal cannot be used as it is (exit code 1); it has been left untouched."""


def refusal(exc: sqlite3.Error, path: Path | None) -> JournalError | None:
    """A JournalError for SQLite failures that are about the file or the disk, else None."""
    name = getattr(exc, "sqlite_errorname", "")
    if not any(name.startswith(r) for r in _REFUSALS):
        return None
    where = f"the journal at {path}" if path else "the journal"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return JournalError(soundness.damaged_words(where, [str(exc)]))
    if name.startswith("SQLITE_FULL") or (
        name.startswith(("SQLITE_IOERR", "SQLITE_READONLY")) and path and disk_full(path)
    ):
        return full_refusal(where)
    if name.startswith("SQLITE_BUSY"):
        return JournalError(f"{where} is busy in another program; nothing was written, try again")
    if path is not None and not writable(path):
        return read_only_refusal(path)
    return JournalError(f"{where} cannot be written ({exc}); nothing was written")


def full_refusal(where: str) -> JournalError:
    return JournalError(
        f"the disk holding {where} is full; nothing was written. Every earlier entry "
        "is safe, and once some space is freed coreg works again"
    )


def read_only_refusal(path: Path) -> JournalError:
    return JournalError(
        f"the journal at {path} is read-only (read-only media, or a file that cannot be "
        "written); nothing was written. Reading it still works: list, show, export"
    )


def disk_full(path: Path) -> bool:
    """Whether the disk holding `path` has (next to) no room left for a few pages."""
    try:
        room = os.statvfs(path.parent)
    except OSError:
        return False
    return room.f_bavail * room.f_frsize < 64 * 1024


def unwritable_now(exc: sqlite3.Error, path: Path) -> bool:
    """A failure that a reader can step around by opening the journal read-only."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return True
    return name.startswith(("SQLITE_FULL", "SQLITE_IOERR")) and disk_full(path)


def writable(path: Path) -> bool:
    """Whether the journal and its folder (where SQLite keeps its log) can be written.
    A read-only mount says no even to root; so does a read-only file, to anyone else."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
