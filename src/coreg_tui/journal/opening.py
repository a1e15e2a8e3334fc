"""Opening a journal: checked before anything is written, then prepared and brought up
to date.

- The file is created 0600 inside a 0700 folder before SQLite touches it (SQLite
  gives its -wal and -shm files the same mode), whatever the umask.
- Before anything is written, the file is checked: a regular file, an SQLite file,
  coreg's, and not from a newer coreg. Anything else is refused and left untouched;
  so is a damaged journal, when a check is due (soundness.py).
- Then write-ahead logging, a busy timeout, synchronous writes, secure_delete and
  foreign keys; and the migrations from its version up, in one transaction,
  verified before it commits.
- A journal that cannot be written (read-only media or file, a full disk) can still
  be opened to read; a missing one, when nothing is to be created, reads as empty.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from coreg_tui.journal import engine, soundness
from coreg_tui.journal.guard import hold, lock_path, release, tidy
from coreg_tui.journal.refusals import (
    JournalError,
    full_refusal,
    read_only_refusal,
    refusal,
    unwritable_now,
    writable,
)
from coreg_tui.journal.schema import APPLICATION_ID
from coreg_tui.journal.statements import (
    COUNT_ENTRIES,
    DELETE_ENTRY,
    DELETE_ENTRY_TAGS,
    TAKE_ENTRY_FROM_SUMS,
)
from coreg_tui.journal.transaction import Transaction
from coreg_tui.messages import LEFT_AS_IT_IS

if TYPE_CHECKING:
    from coreg_tui.journal.cipher import Key

BUSY_TIMEOUT_MS = 5000
_MAGIC = b"SQLite format 3\x00"
Migrations = Mapping[int, tuple[str, ...]]


class NotOursError(JournalError):
    """The file is not a coreg journal (another program's, or no database at all)."""


class Opened(NamedTuple):
    """A connection to a journal, ready to read and (unless `read_only`) to write."""

    conn: sqlite3.Connection
    path: Path | None  # None: a journal held in memory only
    read_only: bool = False  # read-only media or a read-only file
    checked_at: float | None = None  # when the journal was last found sound
    key: Key | None = None  # a locked journal's (cipher.py); None for a plain one
    guard: int | None = None  # the shared hold on it (guard.py), let go on closing

    def close(self) -> None:
        try:
            self.conn.close()
            if self.path is not None and not self.read_only and self.checked_at is not None:
                soundness.note_left(self.path, self.checked_at)
        finally:
            release(self.guard)


def check_readable(path: Path, migrations: Migrations) -> None:
    """Refuse, in the same line, a journal that opening it to read would refuse (and
    bring an older one up to date, as that would). Nothing is created, and a missing
    journal passes at once: there is nothing to read yet."""
    try:
        if not _present(path):
            return
    except OSError as exc:
        raise cannot_open(path, exc) from None
    connect(path, create=False, migrations=migrations).close()


def connect(path: Path, *, create: bool, migrations: Migrations) -> Opened:
    """The journal at `path`. Without `create`, a missing file reads as an empty
    journal held in memory, and nothing is created on disk. It is held (guard.py) for
    as long as it is open, so that no rewrite replaces it meanwhile."""
    try:
        if _present(path):
            check_header(path, max(migrations))  # nothing made beside a file refused
        elif not create:
            return _empty(migrations)
        else:
            from coreg_tui.files import private_folder

            private_folder(path.parent)
    except OSError:
        pass  # said below, in the line every refusal gives
    made = not lock_path(path).exists()
    held = hold(path)
    try:
        tidy(path)  # what a rewrite that was stopped left beside it
        return _connect(path, create=create, migrations=migrations)._replace(guard=held)
    except BaseException as exc:
        release(held)
        if made and isinstance(exc, NotOursError):  # nothing of coreg's beside another's
            with contextlib.suppress(OSError):
                lock_path(path).unlink()
        raise


def _connect(path: Path, *, create: bool, migrations: Migrations) -> Opened:
    try:
        if not _present(path):
            if not create:
                return _empty(migrations)
            _private_file_or_refusal(path)
        locked = check_header(path, max(migrations))
    except OSError as exc:
        raise cannot_open(path, exc) from None
    if locked:
        return _locked(path, create, migrations)
    if not create and not writable(path):
        return _read_only(path, migrations)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except engine.Error as exc:
        raise refusal(exc, path) or exc from None
    try:
        checked_at = _prepare(conn, path, migrations)
    except engine.Error as exc:
        conn.close()
        if not create and unwritable_now(exc, path):
            return _read_only(path, migrations)  # a full disk can still be read
        raise refusal(exc, path) or exc from None
    except BaseException:
        conn.close()
        raise
    return Opened(conn, path, checked_at=checked_at)


def _locked(path: Path, create: bool, migrations: Migrations) -> Opened:
    """A locked journal, opened with its key (passphrase.py says where the key comes
    from). A key remembered from before that no longer opens it (the passphrase was
    changed) is forgotten, and the passphrase asked for once."""
    from coreg_tui.journal import passphrase

    key, known = passphrase.key_for(path)
    read_only = not create and not writable(path)
    try:
        conn = keyed(path, key, read_only)
    except passphrase.WrongPassphraseError:
        if not known:
            raise
        passphrase.forget(path)
        key, known = passphrase.key_for(path)
        conn = keyed(path, key, read_only)
    passphrase.opened_with(path, key, known)
    if read_only:
        try:
            version = check_identity(conn, path, max(migrations))
        except BaseException:
            conn.close()
            raise
        if version < max(migrations):
            conn.close()
            raise JournalError(
                f"the journal at {path} is locked, read-only here and from an older coreg: "
                f"it can be brought up to date only where it can be written; {LEFT_AS_IT_IS}"
            )
        return Opened(conn, path, read_only=True, key=key)
    try:
        checked_at = _prepare(conn, path, migrations, key)
    except engine.Error as exc:
        conn.close()
        raise refusal(exc, path) or exc from None
    except BaseException:
        conn.close()
        raise
    return Opened(conn, path, checked_at=checked_at, key=key)


def keyed(path: Path, key: Key, read_only: bool) -> sqlite3.Connection:
    """A connection to a locked journal with `key`, its first page read to prove it."""
    from coreg_tui.journal import cipher, passphrase

    try:
        if read_only:
            target = f"{path.absolute().as_uri()}?mode=ro"
            conn = cipher.connect(target, key, uri=True, isolation_level=None)
        else:
            conn = cipher.connect(
                str(path), key, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
            )
    except engine.Error as exc:
        raise refusal(exc, path) or exc from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except engine.Error as exc:
        conn.close()
        if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_NOTADB"):
            raise passphrase.wrong(path) from None
        raise refusal(exc, path) or exc from None
    return conn  # type: ignore[no-any-return]


def _read_only(path: Path, migrations: Migrations) -> Opened:
    """A journal on read-only media, or a read-only file, opened to read. SQLite reads
    a write-ahead log only with its index beside it (or a folder to make one in); a
    journal closed cleanly has neither, and is opened as the unchanging file it is."""
    uri = path.absolute().as_uri()
    conn = None
    try:
        for query in ("mode=ro", "mode=ro&immutable=1"):
            conn = sqlite3.connect(f"{uri}?{query}", uri=True, isolation_level=None)
            try:
                version = check_identity(conn, path, max(migrations))
                break
            except engine.OperationalError:
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
            migrate(conn, None, version, max(migrations), migrations)
    except engine.Error as exc:
        if conn is not None:
            conn.close()
        raise refusal(exc, path) or exc from None
    return Opened(conn, path, read_only=True)


def _empty(migrations: Migrations) -> Opened:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for version in sorted(migrations):
        for statement in migrations[version]:
            conn.execute(statement)
    return Opened(conn, None)


def _prepare(
    conn: sqlite3.Connection, path: Path, migrations: Migrations, key: Key | None = None
) -> float:
    """Check, set up and migrate a journal opened to write; when it was found sound."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # Reads only, so far: the authoritative version (the header may lag the WAL).
    version = check_identity(conn, path, max(migrations))
    checked_at = soundness.last_check(path)
    if checked_at is None:  # due: before anything can be written into damage
        if found := soundness.problems(conn):
            raise JournalError(soundness.damaged_words(f"the journal at {path}", found))
        checked_at = time.time()
    _into_wal(conn)
    conn.execute("PRAGMA synchronous = FULL")  # an acknowledged entry survives a crash
    conn.execute("PRAGMA secure_delete = ON")  # deleted words are overwritten
    conn.execute("PRAGMA foreign_keys = ON")
    target = max(migrations)
    if version < target:
        migrate(conn, path, version, target, migrations, key)
    return checked_at


def _present(path: Path) -> bool:
    """Whether there is a journal at `path`: False if nothing is there, a JournalError
    at once for a folder, FIFO, device or socket (opening one could wait forever)."""
    from coreg_tui.files import kind_of

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(mode):
        raise JournalError(f"{path} is {kind_of(mode)}, not a journal; {LEFT_AS_IT_IS}")
    return True


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


def cannot_open(path: Path, exc: OSError) -> JournalError:
    from coreg_tui.files import OddFileError, describe

    if isinstance(exc, OddFileError):
        return JournalError(f"{exc}; {LEFT_AS_IT_IS}")
    return JournalError(f"the journal cannot be opened ({describe(exc)})")


def check_header(path: Path, known: int) -> bool:
    """Refuse a file that is not coreg's journal by reading its header: nothing is
    written. True for a locked journal (its header is encrypted: cipher.py)."""
    from coreg_tui.files import read_head
    from coreg_tui.journal.cipher import looks_locked

    header = read_head(path, 100)
    if not header:
        return False  # an empty file: a journal about to be made
    if not header.startswith(_MAGIC) and looks_locked(header, os.stat(path).st_size):
        return True
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise NotOursError(
            f"{path} is not a coreg journal (not an SQLite database); {LEFT_AS_IT_IS}"
        )
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, APPLICATION_ID):
        raise NotOursError(f"{path} is another program's database; {LEFT_AS_IT_IS}")
    _check_version(user_version, path, known)
    return False


def check_identity(conn: sqlite3.Connection, path: Path, known: int) -> int:
    """Refuse anything but a coreg journal this coreg can read; its schema version.
    One statement, so one snapshot: another process may be making the journal now."""
    version, app_id, tables = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT application_id FROM pragma_application_id),"
        " (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    _check_version(version, path, known)
    if app_id not in (0, APPLICATION_ID):
        raise NotOursError(f"{path} is another program's database; {LEFT_AS_IT_IS}")
    if version == 0 and tables:
        raise NotOursError(f"{path} is not a coreg journal; {LEFT_AS_IT_IS}")
    return version


def _check_version(version: int, path: Path, known: int) -> None:
    if version > known:
        raise JournalError(
            f"{path} was written by a newer coreg (journal version {version}; this one knows "
            f"up to {known}); update coreg to open it. It was left as it is"
        )


def _into_wal(conn: sqlite3.Connection) -> None:
    """Switch to write-ahead logging. While a brand-new journal is being made, another
    process may hold it for a moment, and this switch does not wait for a lock on its
    own (it fails at once): so it is tried again for as long as any write would wait."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except engine.OperationalError as exc:
            busy = getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
            if not busy or time.monotonic() > deadline:
                raise
        time.sleep(0.01)


# --- migrations --------------------------------------------------------------------------


def migrate(
    conn: sqlite3.Connection,
    path: Path | None,
    version: int,
    target: int,
    migrations: Migrations,
    key: Key | None = None,
) -> None:
    """Bring the journal up to `target` in one transaction, verified before it is
    committed: every entry still there and every page sound. The private copy taken
    first lives only until then, as it holds words the person may delete later."""
    backup = _backup(conn, path, version, key) if version and path else None
    try:
        with Transaction(conn, path):
            # Another process may have migrated while this one waited for the lock.
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            held = conn.execute(COUNT_ENTRIES).fetchone()[0] if current else None
            for step in range(current + 1, target + 1):
                for statement in migrations[step]:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            if held is not None:
                _verify_migration(conn, path, held, target)
    finally:
        if backup is not None:
            backup.unlink(missing_ok=True)


def _verify_migration(conn: sqlite3.Connection, path: Path | None, held: int, target: int) -> None:
    found = soundness.problems(conn)
    count = conn.execute(COUNT_ENTRIES).fetchone()[0]
    if found or count != held:
        what = found[0] if found else f"{held:,} entries before, {count:,} after"
        raise JournalError(
            f"the journal at {path} could not be brought up to journal version "
            f"{target} ({what}); it was left exactly as it was"
        )


def _backup(conn: sqlite3.Connection, path: Path, version: int, key: Key | None) -> Path:
    """A private copy of the journal while a migration runs (a locked journal's is
    locked with the same key)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    _private_file(target)
    if key is not None:
        from coreg_tui.journal.cipher import export_to

        export_to(conn, target, key)
        return target
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target


def backups(path: Path) -> list[Path]:
    """The private copies an older coreg (or a migration that was stopped) left."""
    import glob

    return list(path.parent.glob(f"{glob.escape(path.name)}.v*-*.bak"))


def _plain(path: Path) -> bool:
    from coreg_tui.files import read_head

    return read_head(path, len(_MAGIC)) == _MAGIC


def scrub_backups(path: Path, ids: Iterable[str], key: Key | None = None) -> None:
    """Take deleted or changed entries out of any backup an older coreg left behind (it
    kept the newest three), so that their old words are in no file. Each backup is
    changed in place, with its freed pages overwritten."""
    for backup in backups(path):
        with contextlib.suppress(*engine.Error, OSError):
            if key is not None and not _plain(backup):  # each by its own header
                from coreg_tui.journal import cipher

                copy = cipher.connect(str(backup), key, isolation_level=None)
            else:
                copy = sqlite3.connect(backup, isolation_level=None)
            try:
                copy.execute("PRAGMA secure_delete = ON")
                version = copy.execute("PRAGMA user_version").fetchone()[0]
                copy.execute("BEGIN IMMEDIATE")
                for entry_id in ids:
                    forget = TAKE_ENTRY_FROM_SUMS if version >= 2 else ()  # its sums
                    for sql in forget:
                        copy.execute(sql, {"id": entry_id})
                    copy.execute(DELETE_ENTRY_TAGS, (entry_id,))
                    copy.execute(DELETE_ENTRY, (entry_id,))
                copy.execute("COMMIT")
            finally:
                copy.close()
