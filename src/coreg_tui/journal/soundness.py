"""Noticing a damaged journal before anything is written into it, and saying what is wrong.

A page damaged by a failing disk, a bad copy or another program is often not on
the path a new entry takes: SQLite would write beside it without a word, and the
damage would spread with every change. So before a journal is opened to write,
SQLite's `quick_check` reads every page of it (about 80 ms for 100,000 entries),
but only when it is due:

- when the file is not as coreg last left it (its size or modification time
  differ from what coreg noted when it last closed it: another program, a sync
  tool or a restore has been at it), or
- when the last check is more than a day old (bit rot changes no time stamp).

What coreg noted lives beside the journal in `journal.sqlite3.checked`. Every
read that meets damage (SQLITE_CORRUPT) is refused in one line as well, so
damage found halfway through a read is never shown as a short list.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from pathlib import Path

from coreg_tui.journal import engine

CHECK_EVERY_S = 24 * 3600
PROBLEMS_SHOWN = 5


def _stamp(path: Path) -> Path:
    return path.with_name(path.name + ".checked")


def _fingerprint(path: Path) -> str:
    found = os.stat(path)
    return f"{found.st_size} {found.st_mtime_ns}"


def _noted(path: Path) -> tuple[float, str] | None:
    """When the journal was last checked, and how coreg last left it."""
    from coreg_tui.files import read_head

    try:
        checked, _, left = read_head(_stamp(path), 200).decode("ascii").partition(" ")
        return float(checked), left.strip()
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def last_check(path: Path) -> float | None:
    """When the journal was last found sound, if it is still as coreg left it then and
    that was less than a day ago; None when a check is due (read once, as it opens)."""
    noted = _noted(path)
    if noted is None:
        return None
    checked, left = noted
    fresh = 0 <= time.time() - checked < CHECK_EVERY_S and left == _fingerprint(path)
    return checked if fresh else None


def note_left(path: Path, checked: float) -> None:
    """Note how coreg leaves the journal (after closing it), and when it was last found
    sound. A stamp that cannot be written only means the next writer checks again."""
    stamp = _stamp(path)
    try:
        line = f"{checked:.0f} {_fingerprint(path)}\n".encode("ascii")
    except OSError:
        return  # no journal to note
    try:
        if not stat.S_ISREG(os.lstat(stamp).st_mode):
            return  # something else has its name: never written into, never replaced
    except FileNotFoundError:
        pass  # no stamp yet
    except OSError:
        return
    # A new file renamed into place: never written through a link into another file.
    temp = stamp.with_name(f"{stamp.name}.{os.getpid()}.part")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
        os.replace(temp, stamp)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        _stamp(path).unlink()


def problems(conn: sqlite3.Connection, *, thorough: bool = False) -> list[str]:
    """What SQLite finds wrong with the journal: nothing for a sound one. `thorough`
    also compares every index with its table (integrity_check: slower)."""
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        found = [row[0] for row in conn.execute(f"PRAGMA {pragma}({PROBLEMS_SHOWN * 20})")]
    except engine.DatabaseError as exc:
        return [str(exc)]
    return [] if found == ["ok"] else found


def damaged_words(where: str, found: list[str]) -> str:
    first = found[0] if found else "damaged"
    more = f" and {len(found) - 1} more problem{'s' if len(found) > 2 else ''}" if found[1:] else ""
    return (
        f"{where} is damaged ({first}{more}) and was left as it is; 'coreg check' says "
        "more, and 'coreg recover FILE' saves every entry that can still be read"
    )
