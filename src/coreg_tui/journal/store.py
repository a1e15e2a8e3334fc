"""The one module that opens the journal and speaks SQL.

- The file is created 0600 inside a 0700 folder before SQLite touches it
  (SQLite gives its -wal and -shm files the same mode), whatever the umask.
- Connections are in autocommit mode and every write begins with
  BEGIN IMMEDIATE: in WAL mode a deferred transaction that turns from a read
  into a write fails at once with "database is locked", whatever the busy
  timeout, and would lose an entry when several processes write.
- Before anything is written, the file is checked: an SQLite file, coreg's,
  and not from a newer coreg. Anything else is refused and left untouched.
- Connections are closed when a command ends, so the write-ahead log is
  folded back into the file and removed.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from coreg_tui.core.entries import Entry, Kind
from coreg_tui.core.errors import InputError
from coreg_tui.core.states import State
from coreg_tui.core.tallies import CheckinTallies, Count, PracticeTally
from coreg_tui.journal import soundness
from coreg_tui.journal.schema import APPLICATION_ID, MIGRATIONS, SUMS

BUSY_TIMEOUT_MS = 5000
commits = 0  # transactions this process has committed: an error after one says it was kept
MERGE_BATCH = 5000  # entries an import holds at a time on their way in
BULK_CACHE_KIB = -65536  # 64 MiB of page cache while an import writes, then back to SQLite's 2
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MAGIC = b"SQLite format 3\x00"
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
_COLUMNS = (
    "id",
    "kind",
    "at_us",
    "utc_offset_s",
    "state",
    "intensity",
    "body",
    "with_who",
    "note",
    "tags",
    "practice",
    "duration_s",
    "cycles",
    "state_after",
    "intensity_after",
    "detail",
)


@dataclass(frozen=True)
class Merged:
    added: int
    same: int  # already in the journal, exactly so
    conflicts: list[str]  # ids the journal holds with other content, kept as it has them


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
        name.startswith(("SQLITE_IOERR", "SQLITE_READONLY")) and path and _disk_full(path)
    ):
        return full_refusal(where)
    if name.startswith("SQLITE_BUSY"):
        return JournalError(f"{where} is busy in another program; nothing was written, try again")
    if path is not None and not _writable(path):
        return read_only_refusal(path)
    return JournalError(f"{where} cannot be written ({exc}); nothing was written")


def _disk_full(path: Path) -> bool:
    """Whether the disk holding `path` has (next to) no room left for a few pages."""
    try:
        room = os.statvfs(path.parent)
    except OSError:
        return False
    return room.f_bavail * room.f_frsize < 64 * 1024


def _unwritable_now(exc: sqlite3.Error, path: Path) -> bool:
    """A failure that a reader can step around by opening the journal read-only."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return True
    return name.startswith(("SQLITE_FULL", "SQLITE_IOERR")) and _disk_full(path)


def _writable(path: Path) -> bool:
    """Whether the journal and its folder (where SQLite keeps its log) can be written.
    A read-only mount says no even to root; so does a read-only file, to anyone else."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


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


def _private_file_or_refusal(path: Path) -> None:
    try:
        _private_file(path)
    except PermissionError:
        raise read_only_refusal(path) from None
    except OSError as exc:
        import errno

        if exc.errno == errno.EROFS:
            raise read_only_refusal(path) from None
        if exc.errno == errno.ENOSPC:
            raise full_refusal(f"the journal at {path}") from None
        raise


@dataclass(frozen=True, slots=True)
class Filter:
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    states: tuple[State, ...] = ()
    tags: tuple[str, ...] = ()  # any of them
    search: str | None = None
    kind: Kind | None = None
    limit: int | None = None
    offset: int = 0  # skip this many first (a page further down)
    newest_first: bool = True


def _us(at: datetime) -> int:
    return (at - _EPOCH) // timedelta(microseconds=1)


def _private_file(path: Path) -> None:
    """Create the file 0600 (and any missing folders 0700) before SQLite opens it."""
    from coreg_tui.files import private_folder

    private_folder(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
    finally:
        os.close(fd)


def _check_header(path: Path, known: int) -> None:
    """Refuse a file that is not coreg's journal by reading its header: nothing is written."""
    from coreg_tui.files import read_head

    header = read_head(path, 100)
    if not header:
        return  # an empty file: a journal about to be made
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise JournalError(
            f"{path} is not a coreg journal (not an SQLite database); it was left as it is"
        )
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, APPLICATION_ID):
        raise JournalError(f"{path} is another program's database; it was left as it is")
    _check_version(user_version, path, known)


def _present(path: Path) -> bool:
    """Whether there is a journal at `path`: False if nothing is there, a JournalError
    at once for a folder, FIFO, device or socket (opening one could wait forever)."""
    from coreg_tui.files import kind_of

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(mode):
        raise JournalError(f"{path} is {kind_of(mode)}, not a journal; it was left as it is")
    return True


def _cannot_open(path: Path, exc: OSError) -> JournalError:
    from coreg_tui.files import OddFileError, describe

    if isinstance(exc, OddFileError):
        return JournalError(f"{exc}; it was left as it is")
    return JournalError(f"the journal cannot be opened ({describe(exc)})")


def _check_version(version: int, path: Path, known: int) -> None:
    if version > known:
        raise JournalError(
            f"{path} was written by a newer coreg (journal version {version}; this one knows "
            f"up to {known}); update coreg to open it. It was left as it is"
        )


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A private copy of the journal while a migration runs."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    _private_file(target)
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target


def _scrub_backups(path: Path, ids: Iterable[str]) -> None:
    """Take deleted or changed entries out of any backup an older coreg left behind (it
    kept the newest three), so that their old words are in no file. Each backup is
    changed in place, with its freed pages overwritten."""
    for backup in path.parent.glob(f"{glob.escape(path.name)}.v*-*.bak"):
        with contextlib.suppress(sqlite3.Error, OSError):
            copy = sqlite3.connect(backup, isolation_level=None)
            try:
                copy.execute("PRAGMA secure_delete = ON")
                version = copy.execute("PRAGMA user_version").fetchone()[0]
                copy.execute("BEGIN IMMEDIATE")
                for entry_id in ids:
                    forget = (*_SUM[_ONE], *_PRUNE_ONE) if version >= 2 else ()  # its sums
                    for sql in forget:
                        copy.execute(sql, {"sign": -1, "id": entry_id})
                    copy.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry_id,))
                    copy.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
                copy.execute("COMMIT")
            finally:
                copy.close()


def _check_identity(conn: sqlite3.Connection, path: Path, known: int) -> int:
    """Refuse anything but a coreg journal this coreg can read; its schema version.
    One statement, so one snapshot: another process may be making the journal now."""
    version, app_id, tables = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT application_id FROM pragma_application_id),"
        " (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    _check_version(version, path, known)
    if app_id not in (0, APPLICATION_ID):
        raise JournalError(f"{path} is another program's database; it was left as it is")
    if version == 0 and tables:
        raise JournalError(f"{path} is not a coreg journal; it was left as it is")
    return version


def _into_wal(conn: sqlite3.Connection) -> None:
    """Switch to write-ahead logging. While a brand-new journal is being made, another
    process may hold it for a moment, and this switch does not wait for a lock on its
    own (it fails at once): so it is tried again for as long as any write would wait."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            busy = getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
            if not busy or time.monotonic() > deadline:
                raise
        time.sleep(0.01)


class Journal:
    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, *, read_only: bool = False
    ) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only  # opened from read-only media or a read-only file
        self.checked_at: float | None = None  # when the journal was last found sound
        self.forgotten: list[str] = []  # entries deleted or changed: their old words must go

    # --- opening and closing -------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = True,
        migrations: Mapping[int, tuple[str, ...]] = MIGRATIONS,
    ) -> Journal:
        """The journal at `path`. Without `create`, a missing file reads as an empty
        journal held in memory, and nothing is created on disk."""
        try:
            if not _present(path):
                if not create:
                    return cls._empty(migrations)
                _private_file_or_refusal(path)
            _check_header(path, max(migrations))
        except OSError as exc:
            raise _cannot_open(path, exc) from None
        if not create and not _writable(path):
            return cls._read_only(path, migrations)
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            raise refusal(exc, path) or exc from None
        journal = cls(conn, path)
        try:
            journal._prepare(migrations)
        except sqlite3.Error as exc:
            conn.close()
            if not create and _unwritable_now(exc, path):
                return cls._read_only(path, migrations)  # a full disk can still be read
            raise refusal(exc, path) or exc from None
        except BaseException:
            conn.close()
            raise
        return journal

    @classmethod
    def _read_only(cls, path: Path, migrations: Mapping[int, tuple[str, ...]]) -> Journal:
        """A journal on read-only media, or a read-only file, opened to read. SQLite reads
        a write-ahead log only with its index beside it (or a folder to make one in); a
        journal closed cleanly has neither, and is opened as the unchanging file it is."""
        uri = path.absolute().as_uri()
        conn = None
        try:
            for query in ("mode=ro", "mode=ro&immutable=1"):
                conn = sqlite3.connect(f"{uri}?{query}", uri=True, isolation_level=None)
                try:
                    version = _check_identity(conn, path, max(migrations))
                    break
                except sqlite3.OperationalError:
                    conn.close()
                    log = path.with_name(path.name + "-wal")
                    if "immutable" in query or (log.exists() and log.stat().st_size):
                        raise  # entries still in the log would be missed: never that
            assert conn is not None
            if version < max(migrations):
                # An older journal is brought up to date in memory, for reading only.
                copy = sqlite3.connect(":memory:", isolation_level=None)
                conn.backup(copy)
                conn.close()
                conn = copy
                cls(conn, None)._migrate(version, max(migrations), migrations)
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise refusal(exc, path) or exc from None
        return cls(conn, path, read_only=True)

    @classmethod
    def _empty(cls, migrations: Mapping[int, tuple[str, ...]]) -> Journal:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        for version in sorted(migrations):
            for statement in migrations[version]:
                conn.execute(statement)
        return cls(conn, None)

    def _prepare(self, migrations: Mapping[int, tuple[str, ...]]) -> None:
        conn, path = self.conn, self.path
        assert path is not None
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Reads only, so far: the authoritative version (the header may lag the WAL).
        version = _check_identity(conn, path, max(migrations))
        self.checked_at = soundness.last_check(path)
        if self.checked_at is None:  # due: before anything can be written into damage
            if found := soundness.problems(conn):
                raise JournalError(soundness.damaged_words(f"the journal at {path}", found))
            self.checked_at = time.time()
        _into_wal(conn)
        conn.execute("PRAGMA synchronous = FULL")  # an acknowledged entry survives a crash
        conn.execute("PRAGMA secure_delete = ON")  # deleted words are overwritten
        conn.execute("PRAGMA foreign_keys = ON")
        target = max(migrations)
        if version < target:
            self._migrate(version, target, migrations)

    def _migrate(
        self, version: int, target: int, migrations: Mapping[int, tuple[str, ...]]
    ) -> None:
        """Bring the journal up to `target` in one transaction, verified before it is
        committed: every entry still there and every page sound. The private copy taken
        first lives only until then, as it holds words the person may delete later."""
        backup = _backup(self.conn, self.path, version) if version and self.path else None
        try:
            with self._writing():
                # Another process may have migrated while this one waited for the lock.
                current = self.conn.execute("PRAGMA user_version").fetchone()[0]
                held = self._entry_count() if current else None
                for step in range(current + 1, target + 1):
                    for statement in migrations[step]:
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {target}")
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                if held is not None:
                    self._verify_migration(held, target)
        finally:
            if backup is not None:
                backup.unlink(missing_ok=True)

    def _entry_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM entries").fetchone()[0]

    def _verify_migration(self, held: int, target: int) -> None:
        found = soundness.problems(self.conn)
        count = self._entry_count()
        if found or count != held:
            what = found[0] if found else f"{held:,} entries before, {count:,} after"
            raise JournalError(
                f"the journal at {self.path} could not be brought up to journal version "
                f"{target} ({what}); it was left exactly as it was"
            )

    def close(self) -> None:
        if self.forgotten and self.path is not None:
            # Deleted or changed words leave the write-ahead log now, not only when the
            # last connection closes (another coreg may hold the journal open).
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        if self.forgotten and self.path is not None:
            _scrub_backups(self.path, self.forgotten)
        if self.path is not None and not self.read_only and self.checked_at is not None:
            soundness.note_left(self.path, self.checked_at)

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _writing(self) -> _Transaction:
        if self.read_only and self.path is not None:
            if _disk_full(self.path):
                raise full_refusal(f"the journal at {self.path}")
            raise read_only_refusal(self.path)
        return _Transaction(self.conn, self.path)

    # --- writing ---------------------------------------------------------------

    def add(self, entry: Entry) -> None:
        with self._writing():
            self.conn.execute(_INSERT, _params(entry, _now_us()))
            self._kept(_ONE, {"id": entry.id})

    def add_many(self, entries: Iterable[Entry]) -> int:
        """Add all of them in one transaction; entries whose id is already in the
        journal (or earlier in `entries`) are left as they are. Returns how many were new."""
        return self.merge(entries).added

    def merge(self, entries: Iterable[Entry], *, twins_in: str | None = None) -> Merged:
        """Add the entries the journal does not have yet, in one transaction. One whose
        id the journal already holds is left as the journal has it, and counted as the
        same or, if any of its fields differ, as a conflict. `entries` is read a batch
        at a time (an import streams them in); an error from it, or an id given twice
        when `twins_in` names where they come from, rolls everything back."""
        now = _now_us()
        added = 0
        same: list[str] = []
        conflicts: list[str] = []
        matched: set[str] = set()  # ids the journal held before that the input named
        # Each tag row is written right beside its entry, in the same transaction, so
        # checking its reference again would only double the cost of writing tags.
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self.conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        try:
            with self._writing():
                empty = self.conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None
                # Into an empty journal, building the secondary indexes once at the end
                # (a sort) is quicker than keeping them up row by row.
                rebuild = self._drop_indexes() if empty else []
                # New rows take rowids above the largest one (SQLite's rule while that is
                # below 2**63 - 1), so their tags and sums can be kept in one pass.
                after = self.conn.execute(_LAST_ROWID).fetchone()[0]
                position = 0
                for batch in _batches(entries, MERGE_BATCH):
                    held = {} if empty and not added else self._held_rows([e.id for e in batch])
                    new: dict[str, Entry] = {}
                    for e in batch:
                        position += 1
                        found = held.get(e.id)
                        twin = e.id in new or (found is not None and found[0] > after)
                        if found is not None and not twin:
                            twin = e.id in matched
                            matched.add(e.id)
                        if twin:
                            if twins_in is not None:
                                raise InputError(
                                    f"{twins_in}: entry {position:,} has the same id as an "
                                    "earlier one "
                                    f"({e.short_id}); nothing was imported"
                                )
                            continue
                        if found is None:
                            new[e.id] = e
                        else:
                            (same if _same_row(found[1:], e) else conflicts).append(e.id)
                    self.conn.executemany(_INSERT, (_params(e, now) for e in new.values()))
                    added += len(new)
                self._kept(_NEW, {"after": after})
                for statement in rebuild:
                    self.conn.execute(statement)
        finally:
            self.conn.execute("PRAGMA cache_size = -2000")
            self.conn.execute("PRAGMA foreign_keys = ON")
        return Merged(added, len(same), conflicts)

    def _drop_indexes(self) -> list[str]:
        """Drop the schema's own indexes (not those behind keys); returns how to remake them."""
        found = self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in found:
            self.conn.execute(f'DROP INDEX "{name}"')
        return [sql for _, sql in found]

    def _held_rows(self, ids: list[str]) -> dict[str, tuple[Any, ...]]:
        """The rows the journal holds for any of `ids` (each with its rowid first), by id."""
        found: dict[str, tuple[Any, ...]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT rowid, {', '.join(_COLUMNS)} FROM entries WHERE id IN ({marks})"
            found.update((row[1], row) for row in self.conn.execute(sql, chunk))
        return found

    def replace(self, entry: Entry) -> None:
        self.forgotten.append(entry.id)
        with self._writing():
            self._forget_sums(entry.id)
            sets = ", ".join(f"{c} = ?" for c in _COLUMNS[1:])
            cur = self.conn.execute(
                f"UPDATE entries SET {sets}, updated_us = ? WHERE id = ?",
                (*_params(entry, 0)[1:-1], _now_us(), entry.id),
            )
            if cur.rowcount != 1:
                raise InputError(f"there is no entry {entry.short_id} any more")
            self.conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry.id,))
            self._kept(_ONE, {"id": entry.id})

    def delete(self, entry_id: str) -> None:
        self.forgotten.append(entry_id)
        with self._writing():
            self._forget_sums(entry_id)
            self.conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))

    def _kept(self, which: str, args: dict[str, Any]) -> None:
        """Write the tag rows of the entries `which` selects, and add them to the sums."""
        for sql in (_TAGS[which], *_SUM[which]):
            self.conn.execute(sql, {"sign": 1, **args})

    def _forget_sums(self, entry_id: str) -> None:
        """Take an entry out of the sums (before it changes or goes), forgetting any of
        its keys that no entry holds any more."""
        for sql in (*_SUM[_ONE], *_PRUNE_ONE):
            self.conn.execute(sql, {"sign": -1, "id": entry_id})

    # --- reading ---------------------------------------------------------------

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Damage is often found halfway through a read: say so as a refusal."""
        try:
            yield
        except sqlite3.Error as exc:
            raise refusal(exc, self.path) or exc from None

    def get(self, ref: str) -> Entry:
        """The entry whose id is `ref` or starts with it."""
        key = ref.strip().lower()
        if len(key) < 4 or any(c not in "0123456789abcdef-" for c in key):
            raise InputError(f"'{ref}' is not an entry id; use at least 4 of its first characters")
        with self._reading():
            rows = self.conn.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM entries WHERE id >= ? AND id < ? LIMIT 2",
                (key, key + "\U0010ffff"),
            ).fetchall()
        if not rows:
            raise InputError(f"there is no entry {ref}; 'coreg list' shows their ids")
        if len(rows) > 1:
            raise InputError(f"more than one entry starts with {ref}; give more of its id")
        return _entry(rows[0])

    def entries(self, where: Filter = Filter()) -> Iterator[Entry]:
        sql, args = _select(where)
        with self._reading():
            for row in self.conn.execute(sql, args):
                yield _entry(row)

    def tallies(
        self, first_day: date | None = None, last_day: date | None = None
    ) -> tuple[CheckinTallies, list[PracticeTally]]:
        """Check-ins and practice sessions over a range of local days (the days as the
        person lived them), read from the sums the store keeps beside the entries."""
        return self.checkin_tallies(first_day, last_day), self.practice_tallies(first_day, last_day)

    def checkin_tallies(
        self, first_day: date | None = None, last_day: date | None = None
    ) -> CheckinTallies:
        span = _day_span(first_day, last_day)
        with self._reading():
            parts = self.conn.execute(_PARTS, span).fetchall()
            hours = self.conn.execute(_HOURS, span).fetchall()
            company = self.conn.execute(_COMPANY, span).fetchall()
        return CheckinTallies(
            [(_day(d), part, Count(_STATES[s], *sums)) for d, part, s, *sums in parts],
            [(hour, Count(_STATES[s], *sums)) for hour, s, *sums in hours],
            [(who or None, Count(_STATES[s], *sums)) for who, s, *sums in company],
        )

    def practice_tallies(
        self, first_day: date | None = None, last_day: date | None = None
    ) -> list[PracticeTally]:
        with self._reading():
            rows = self.conn.execute(_PRACTICES, _day_span(first_day, last_day)).fetchall()
        return [PracticeTally(*row) for row in rows]

    def count(self, where: Filter = Filter()) -> int:
        sql, args = _select(Filter(**{**_as_dict(where), "limit": None, "offset": 0}), count=True)
        with self._reading():
            return self.conn.execute(sql, args).fetchone()[0]


class _Transaction:
    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn, self.path = conn, path

    def __enter__(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise refusal(exc, self.path) or exc from None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        if kind is None:
            try:
                self.conn.execute("COMMIT")
                global commits
                commits += 1
                return
            except sqlite3.Error as error:
                if self.conn.in_transaction:  # SQLite has already rolled back a full disk
                    self.conn.execute("ROLLBACK")
                raise refusal(error, self.path) or error from None
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error) and (mapped := refusal(exc, self.path)):
            raise mapped from None


# Sums over a range of local days (both ends included), as days since 1970.
_SUMMED = "sum(checkins), sum(intensity_sum), sum(intensity_count)"
_PARTS = """
    SELECT day, part, state, checkins, intensity_sum, intensity_count FROM checkin_parts
    WHERE day BETWEEN ? AND ?
"""
_HOURS = f"SELECT hour, state, {_SUMMED} FROM checkin_hours WHERE day BETWEEN ? AND ? GROUP BY 1, 2"
_COMPANY = f"""
    SELECT with_who, state, {_SUMMED} FROM checkin_company WHERE day BETWEEN ? AND ? GROUP BY 1, 2
"""
_PRACTICES = """
    SELECT practice, sum(sessions), sum(measured), sum(closer_sum), sum(judged), sum(toward),
           sum(away), sum(began_elsewhere), sum(reached_ventral)
    FROM practice_days WHERE day BETWEEN ? AND ? GROUP BY 1
"""
_LAST_ROWID = "SELECT coalesce(max(rowid), 0) FROM entries"
# What the store keeps beside the entries, for one entry or those just added. Tag rows
# come from the tags column itself, so they cannot differ from it.
_ONE, _NEW = "entries.id = :id", "entries.rowid > :after"
_TAGS = {
    which: f"""
    INSERT OR IGNORE INTO entry_tags (tag, entry_id)
    SELECT json_each.value, entries.id FROM entries, json_each(entries.tags)
    WHERE entries.tags != '[]' AND {which}
"""
    for which in (_ONE, _NEW)
}
_SUM = {which: tuple(s.add(which) for s in SUMS) for which in (_ONE, _NEW)}
_PRUNE_ONE = tuple(s.prune(_ONE) for s in SUMS)
_EPOCH_DAY = date(1970, 1, 1)
_DAYS_EVER = (-(2**62), 2**62)


@lru_cache(maxsize=1 << 16)  # years of days come back many times each
def _day(days: int) -> date:
    return _EPOCH_DAY + timedelta(days=days)


def _day_span(first: date | None, last: date | None) -> tuple[int, int]:
    return (
        _DAYS_EVER[0] if first is None else (first - _EPOCH_DAY).days,
        _DAYS_EVER[1] if last is None else (last - _EPOCH_DAY).days,
    )


def _now_us() -> int:
    return _us(datetime.now(UTC))


_PLACEHOLDERS = ", ".join("?" for _ in range(len(_COLUMNS) + 1))
_INSERT = f"INSERT INTO entries ({', '.join(_COLUMNS)}, created_us) VALUES ({_PLACEHOLDERS})"


def _json(value: Any, empty: str) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else empty


@lru_cache(maxsize=4096)  # tags and body cues repeat from entry to entry
def _words_json(words: tuple[str, ...]) -> str:
    return json.dumps(words, ensure_ascii=False) if words else "[]"


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text)) if text != "[]" else ()


def _batches(entries: Iterable[Entry], size: int) -> Iterator[list[Entry]]:
    batch: list[Entry] = []
    for e in entries:
        batch.append(e)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _same_row(row: tuple[Any, ...], e: Entry) -> bool:
    """Whether a row holds exactly `e` (its details compared as data, not as text)."""
    theirs, ours = row[:-1], _params(e, 0)[: len(_COLUMNS) - 1]
    return theirs == ours and json.loads(row[-1]) == e.detail


def _params(e: Entry, created_us: int) -> tuple[Any, ...]:
    offset = e.at.utcoffset()
    assert offset is not None, "entry times are always aware"
    return (
        e.id,
        e.kind.value,
        _us(e.at),
        offset.days * 86400 + offset.seconds,
        e.state.value if e.state else None,
        e.intensity,
        _words_json(e.body),
        e.with_who,
        e.note,
        _words_json(e.tags),
        e.practice,
        e.duration_s,
        e.cycles,
        e.state_after.value if e.state_after else None,
        e.intensity_after,
        _json(e.detail, "{}"),
        created_us,
    )


_EPOCHS: dict[int, datetime] = {}  # 1970-01-01 UTC, in each offset seen
_STATES = {s.value: s for s in State}
_KINDS = {k.value: k for k in Kind}


def _epoch_in(offset_s: int) -> datetime:
    epoch = _EPOCHS.get(offset_s)
    if epoch is None:
        epoch = _EPOCHS[offset_s] = _EPOCH.astimezone(timezone(timedelta(seconds=offset_s)))
    return epoch


def _entry(row: tuple[Any, ...]) -> Entry:
    (
        eid,
        kind,
        at_us,
        offset_s,
        state,
        intensity,
        body,
        with_who,
        note,
        tags,
        practice,
        duration_s,
        cycles,
        state_after,
        intensity_after,
        detail,
    ) = row
    return Entry(
        id=eid,
        kind=_KINDS[kind],
        at=_epoch_in(offset_s) + timedelta(microseconds=at_us),  # exact, in its own offset
        state=_STATES[state] if state else None,
        intensity=intensity,
        body=_words(body),
        with_who=with_who,
        note=note,
        tags=_words(tags),
        practice=practice,
        duration_s=duration_s,
        cycles=cycles,
        state_after=_STATES[state_after] if state_after else None,
        intensity_after=intensity_after,
        detail=json.loads(detail) if detail != "{}" else {},
    )


def _as_dict(where: Filter) -> dict[str, Any]:
    return {name: getattr(where, name) for name in Filter.__dataclass_fields__}


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _select(where: Filter, *, count: bool = False) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if where.since is not None:
        clauses.append("at_us >= ?")
        args.append(_us(where.since))
    if where.until is not None:
        clauses.append("at_us < ?")
        args.append(_us(where.until))
    if where.states:
        clauses.append(f"state IN ({', '.join('?' for _ in where.states)})")
        args.extend(s.value for s in where.states)
    if where.kind is not None:
        clauses.append("kind = ?")
        args.append(where.kind.value)
    if where.tags:
        marks = ", ".join("?" for _ in where.tags)
        clauses.append(f"id IN (SELECT entry_id FROM entry_tags WHERE tag IN ({marks}))")
        args.extend(where.tags)
    if where.search:
        pattern = _like(where.search)
        clauses.append(
            "(note LIKE ? ESCAPE '\\' OR with_who LIKE ? ESCAPE '\\' "
            "OR tags LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\' OR practice LIKE ? ESCAPE '\\')"
        )
        args.extend([pattern] * 5)
    sql_where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    if count:
        return f"SELECT count(*) FROM entries{sql_where}", args
    order = "DESC" if where.newest_first else "ASC"
    columns = ", ".join(_COLUMNS)
    sql = f"SELECT {columns} FROM entries{sql_where} ORDER BY at_us {order}, rowid {order}"
    if where.limit is not None or where.offset:
        sql += " LIMIT ? OFFSET ?"
        args.extend([where.limit if where.limit is not None else -1, where.offset])
    return sql, args
