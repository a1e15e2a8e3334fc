"""`coreg check` and `coreg recover`: what is wrong with a journal, and every entry that
can still be read from a damaged one, copied into a new journal.

The damaged file is only ever read (SQLite's read-only mode; its write-ahead log,
if any, is read as well), so recovering changes nothing in it. Entries are read
in ranges of their row numbers; a range that meets a damaged page is halved
until the damage is fenced in to single rows, and every row on either side of
it is still read. A row that reads but no longer makes sense as an entry is
counted as lost too, never guessed at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coreg_tui.core.entries import Entry
from coreg_tui.journal import engine, soundness
from coreg_tui.journal.opening import cannot_open, check_header, check_identity
from coreg_tui.journal.refusals import JournalError
from coreg_tui.journal.rows import COLUMNS, entry_of
from coreg_tui.journal.schema import MIGRATIONS
from coreg_tui.journal.store import Journal
from coreg_tui.messages import no_folder

_LAST_ROW = 2**63 - 1


@dataclass
class Findings:
    entries: int | None  # how many the journal holds, if that could be counted
    problems: list[str] = field(default_factory=list)


def _read_only(path: Path) -> sqlite3.Connection:
    from coreg_tui.journal.guard import hold, release, tidy

    held = hold(path)  # what a stopped lock left beside it goes first
    try:
        tidy(path)
    finally:
        release(held)
    try:
        locked = check_header(path, max(MIGRATIONS))
    except OSError as exc:
        raise cannot_open(path, exc) from None
    if locked:  # read with its key (asked for, or remembered), as every command reads it
        from coreg_tui.journal import passphrase
        from coreg_tui.journal.opening import keyed

        key, known = passphrase.key_for(path)
        conn = keyed(path, key, read_only=True)
        passphrase.opened_with(path, key, known)
        return conn
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None)


def examine(path: Path) -> Findings:
    """Every problem SQLite's full integrity check finds (each index against its table
    too), and how many entries there are. A journal that cannot be opened at all, or
    is not coreg's, raises the same one-line JournalError every command gives."""
    conn = _read_only(path)
    try:
        try:  # another program's database, or a newer coreg's: the line every command gives
            check_identity(conn, path, max(MIGRATIONS))
        except engine.DatabaseError as exc:
            return Findings(None, [str(exc)])
        found = soundness.problems(conn, thorough=True)
        try:
            count = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        except engine.DatabaseError as exc:
            count = None
            if not found:
                found = [str(exc)]
        return Findings(count, found)
    finally:
        conn.close()


@dataclass
class Salvage:
    entries: list[Entry] = field(default_factory=list)
    lost: int = 0  # entries known to be there (from an index, or a row) that cannot be read
    unreadable_stretches: int = 0  # stretches of the table that could not be read at all


FAILED_READS_ALLOWED = 4096  # halvings before a damaged stretch is given up as lost


def salvage(path: Path) -> Salvage:
    """Every entry of the journal at `path` that can still be read."""
    conn = _read_only(path)
    found = Salvage()
    columns = ", ".join(COLUMNS)
    read: set[int] = set()
    try:
        found_single: set[int] = set()  # row numbers the table walk could not read alone
        rows = [*_table_rows(conn, f"SELECT rowid, {columns} FROM entries", found, found_single)]
        read.update(row[0] for row in rows)  # type: ignore[misc]
        # Rows the table walk could not reach may still be found through the index on
        # time, which lives in pages of its own: each is then read on its own.
        unread: set[int] = set()
        for rowid in (_indexed_rowids(conn) | found_single) - read:
            try:
                row = conn.execute(
                    f"SELECT rowid, {columns} FROM entries WHERE rowid = ?", (rowid,)
                )
                rows.extend(row.fetchall())
            except engine.DatabaseError:
                unread.add(rowid)
        found.lost += len(unread)
        for row in rows:
            try:
                found.entries.append(entry_of(row[1:]))
            except (KeyError, TypeError, ValueError, OverflowError):
                found.lost += 1
    finally:
        conn.close()
    return found


def _table_rows(
    conn: sqlite3.Connection, select: str, found: Salvage, single: set[int]
) -> Iterator[tuple[object, ...]]:
    """The rows of the table in ranges of row numbers; a range that meets damage is
    halved (within a budget) so that the rows on either side of it are still read."""
    pending = [(-_LAST_ROW - 1, _LAST_ROW)]
    failures = 0
    sql = f"{select} WHERE rowid BETWEEN ? AND ?"
    while pending:
        low, high = pending.pop()
        try:
            rows = conn.execute(sql, (low, high)).fetchall()
        except engine.DatabaseError:
            failures += 1
            if low == high:
                single.add(low)
                continue
            if failures > FAILED_READS_ALLOWED:
                found.unreadable_stretches += 1
                continue
            middle = low + (high - low) // 2
            pending += [(middle + 1, high), (low, middle)]  # the lower half next
            continue
        yield from rows


def _indexed_rowids(conn: sqlite3.Connection) -> set[int]:
    """The row numbers the index on time holds, as far as it can be read."""
    found: set[int] = set()
    try:
        cursor = conn.execute("SELECT rowid FROM entries INDEXED BY entries_by_time")
        while batch := cursor.fetchmany(10_000):
            found.update(rowid for (rowid,) in batch)
    except engine.DatabaseError:
        pass
    return found


def recover_into(path: Path, target: Path) -> tuple[int, Salvage]:
    """Copy what can be read from `path` into a new journal at `target` (which must not
    exist yet). Returns how many entries it holds, and what was found."""
    if target.exists() or target.is_symlink():
        raise JournalError(f"{target} already exists; give a new file name for the journal")
    if not target.parent.is_dir():
        raise JournalError(no_folder(target.parent))
    found = salvage(path)
    with Journal.open(target) as new:
        added = new.merge(found.entries).added
    soundness.forget(target)  # the new journal is checked again where it comes to live
    return added, found
