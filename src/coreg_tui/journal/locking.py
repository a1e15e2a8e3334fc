"""Locking a journal, unlocking it, changing its passphrase: each writes the whole
journal anew beside the old one (cipher.export_to), checks the copy (every page sound,
every entry there), and only then puts it in the old one's place in one rename. Killed
at any moment, it leaves the old journal or the new one, never a half; the old file is
the backup until the new one has been checked.

While it runs it holds the journal's write lock, so no entry can be written into the
old file and lost. Locking overwrites the plain file it replaces (through its still
open descriptor) and removes its write-ahead log, so that no plain copy is left where
coreg can reach it (see docs/reliability.md for what a disk may still keep)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from coreg_tui.journal import cipher, engine, soundness
from coreg_tui.journal.cipher import Key
from coreg_tui.journal.refusals import JournalError
from coreg_tui.journal.statements import COUNT_ENTRIES
from coreg_tui.messages import LEFT_AS_IT_IS

BUSY_S = 5.0


def rewrite(path: Path, now: Key | None, then: Key | None) -> int:
    """The journal at `path`, read with `now` (None: plain), written anew with `then`
    (None: plain) in its place; the number of entries it holds."""
    from coreg_tui.journal.opening import _private_file

    fresh, before = leftovers(path)
    source = cipher.connect(str(path), now, isolation_level=None, timeout=BUSY_S)
    replaced = False
    try:
        busy = source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise JournalError(
                f"the journal at {path} is open in another coreg (the companion?); "
                f"close it and try again. {LEFT_AS_IT_IS.capitalize()}"
            )
        source.execute("BEGIN IMMEDIATE")  # no entry can be written meanwhile, and lost
        held = source.execute(COUNT_ENTRIES).fetchone()[0]
        tidy(path)  # what a rewrite that was stopped left
        _private_file(fresh)
        # A second connection copies (attaching is not done inside a transaction); it
        # reads what the first, holding the lock, sees.
        reader = cipher.connect(str(path), now, isolation_level=None, timeout=BUSY_S)
        try:
            cipher.export_to(reader, fresh, then)
        finally:
            reader.close()
        _check(fresh, then, held, path)
        _sync(fresh)
        os.link(path, before)  # the old journal, kept by a second name until the new is checked
        os.replace(fresh, path)
        _sync_folder(path.parent)
        replaced = True
        try:
            _check(path, then, held, path)  # the result, in its place
        except BaseException:
            os.replace(before, path)
            _sync_folder(path.parent)
            replaced = False
            raise
        source.execute("ROLLBACK")
    except engine.Error as exc:
        raise JournalError(
            f"the journal at {path} could not be rewritten ({exc}); {LEFT_AS_IT_IS}"
        ) from None
    finally:
        source.close()
        if not replaced:
            fresh.unlink(missing_ok=True)
            before.unlink(missing_ok=True)
    tidy(path)  # the old journal, overwritten where it was plain, and its log
    for leftover in ("-wal", "-shm"):  # the old file's: the new one has none yet
        with contextlib.suppress(OSError):
            Path(f"{path}{leftover}").unlink()
    return int(held)


def leftovers(path: Path) -> tuple[Path, Path]:
    """The names a rewrite uses beside the journal: the copy being made, and the old
    journal kept until the copy is in place and checked."""
    return path.with_name(path.name + ".new"), path.with_name(path.name + ".before")


def tidy(path: Path) -> None:
    """Remove what a rewrite leaves beside the journal (one stopped halfway, or the old
    journal once the new one is in place), overwriting any that is plain."""
    for leftover in leftovers(path):
        try:
            fd = os.open(leftover, os.O_RDWR | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            head = os.pread(fd, 16, 0)
            mine = os.fstat(fd)
            try:
                live = os.stat(path)
                same = (mine.st_dev, mine.st_ino) == (live.st_dev, live.st_ino)
            except OSError:
                same = False
            # A name for the journal itself (a rewrite stopped between its two steps):
            # only the name goes. A plain old journal: its bytes are overwritten first.
            if not same and head.startswith(b"SQLite format 3"):
                _overwrite(fd)
                fd = -1
        finally:
            if fd >= 0:
                os.close(fd)
        with contextlib.suppress(OSError):
            leftover.unlink()


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


def _overwrite(fd: int) -> None:
    """Zeros over the plain journal's old bytes, now that nothing names them."""
    try:
        size = os.fstat(fd).st_size
        zeros = bytes(1 << 16)
        os.lseek(fd, 0, os.SEEK_SET)
        left = size
        while left > 0:
            left -= os.write(fd, zeros[: min(left, len(zeros))])
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
