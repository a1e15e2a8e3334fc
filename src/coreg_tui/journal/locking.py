"""Locking a journal, unlocking it, changing its passphrase: each writes the whole
journal anew beside the old one (cipher.export_to), checks the copy (every page sound,
every entry there), and only then puts it in the old one's place in one rename. Killed
at any moment, it leaves the old journal or the new one, never a half; the old file is
the backup until the new one has been checked.

While it runs it holds the journal's guard alone (guard.py): no other coreg has the
journal open, so no entry can be written into the old file and lost, and none opens
it until the new one is in place. Locking overwrites the plain file it replaces and
removes its write-ahead log, so that no plain copy is left where coreg can reach it
(see docs/reliability.md for what a disk may still keep)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from coreg_tui.journal import cipher, engine, soundness
from coreg_tui.journal.cipher import Key
from coreg_tui.journal.guard import hold, leftovers, release, tidy
from coreg_tui.journal.refusals import JournalError
from coreg_tui.journal.statements import COUNT_ENTRIES
from coreg_tui.messages import LEFT_AS_IT_IS

BUSY_S = 5.0


def rewrite(path: Path, now: Key | None, then: Key | None) -> int:
    """The journal at `path`, read with `now` (None: plain), written anew with `then`
    (None: plain) in its place; the number of entries it holds."""
    alone = hold(path, alone=True)  # no other coreg has the journal open, or can open it
    try:
        source = cipher.connect(str(path), now, isolation_level=None, timeout=BUSY_S)
    except BaseException:
        release(alone)
        raise
    swapped = False
    try:
        busy = source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise JournalError(
                f"the journal at {path} is open in another coreg (the companion?); "
                f"close it and try again. {LEFT_AS_IT_IS.capitalize()}"
            )
        source.execute("BEGIN IMMEDIATE")  # and no entry can be written meanwhile
        held = int(source.execute(COUNT_ENTRIES).fetchone()[0])
        tidy(path)  # what a rewrite that was stopped left
        _copy_beside(path, now, then, held)
        _swap(path, then, held)
        swapped = True
        source.execute("ROLLBACK")
        _rewrite_backups(path, now, then)
    except engine.Error as exc:
        raise JournalError(
            f"the journal at {path} could not be rewritten ({exc}); {LEFT_AS_IT_IS}"
        ) from None
    finally:
        source.close()
        try:
            tidy(path)  # the copy, if it is not in place; the old journal, if it is
            for log in ("-wal", "-shm") if swapped else ():  # the old file's
                with contextlib.suppress(OSError):
                    Path(f"{path}{log}").unlink()
        finally:
            release(alone)
    return held


def _copy_beside(path: Path, now: Key | None, then: Key | None, held: int) -> None:
    """The whole journal, written with `then` to a new file beside it, and checked."""
    from coreg_tui.journal.opening import _private_file

    fresh = leftovers(path)[0]
    _private_file(fresh)
    # A second connection copies (attaching is not done inside a transaction); it reads
    # what the first, holding the write lock, sees.
    reader = cipher.connect(str(path), now, isolation_level=None, timeout=BUSY_S)
    try:
        cipher.export_to(reader, fresh, then)
    finally:
        reader.close()
    _check(fresh, then, held, path)
    _sync(fresh)


def _swap(path: Path, then: Key | None, held: int) -> None:
    """The new file in the journal's place in one rename, the old kept by a second name
    until the new one is checked where it is (and put back if it is not)."""
    fresh, _, before = leftovers(path)
    os.link(path, before)
    os.replace(fresh, path)
    _sync_folder(path.parent)
    try:
        _check(path, then, held, path)
    except BaseException:
        os.replace(before, path)
        _sync_folder(path.parent)
        raise


def _rewrite_backups(path: Path, now: Key | None, then: Key | None) -> None:
    """The private copies an older coreg or a stopped migration left beside the journal
    are written anew as the journal was (locked with the new key, or plain): none is
    left plain beside a locked journal, or under a passphrase that no longer opens it.
    One that cannot be read is removed (overwritten first where it is plain)."""
    from coreg_tui.journal.guard import overwrite
    from coreg_tui.journal.opening import _private_file, backups

    for backup in backups(path):
        fresh = backup.with_name(backup.name + ".new")
        fd = os.open(backup, os.O_RDWR | os.O_NOFOLLOW)
        try:
            plain = os.pread(fd, 15, 0) == b"SQLite format 3"
            try:
                copy = cipher.connect(str(backup), None if plain else now, isolation_level=None)
                try:
                    fresh.unlink(missing_ok=True)
                    _private_file(fresh)
                    cipher.export_to(copy, fresh, then)
                finally:
                    copy.close()
                os.replace(fresh, backup)
            except (*engine.Error, OSError):
                fresh.unlink(missing_ok=True)
                backup.unlink(missing_ok=True)
            if plain and then is not None:
                overwrite(fd)  # the plain copy's bytes, which no name leads to now
        finally:
            os.close(fd)


def _check(fresh: Path, key: Key | None, held: int, path: Path) -> None:
    """The copy opens with its key, every page is sound, and every entry is there."""
    copy = cipher.connect(str(fresh), key, isolation_level=None)
    try:
        found = soundness.problems(copy)
        count = copy.execute(COUNT_ENTRIES).fetchone()[0]
    finally:
        copy.close()
    if found or count != held:
        what = found[0] if found else f"{held:,} entries before, {count:,} in the copy"
        raise JournalError(
            f"the copy of the journal at {path} was not sound ({what}); {LEFT_AS_IT_IS}"
        )


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
