"""Who may rewrite the journal: every coreg that opens it holds a shared lock on a file
beside it (`journal.sqlite3.lock`, flock) for as long as its connection is open, and a
rewrite (lock, unlock, a change of passphrase) holds it alone. So no entry can be
written into a journal file that a rewrite is about to replace, and nothing is read
from one it is about to overwrite.

Also here, as light as the lock (every check-in opens through it): tidying what a
rewrite that was stopped left beside the journal."""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path

from coreg_tui.journal.refusals import JournalError

WAIT_S = 5.0  # as long as SQLite waits for a write lock
_PLAIN = b"SQLite format 3"


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def hold(path: Path, *, alone: bool = False, wait_s: float = WAIT_S) -> int | None:
    """The lock, shared (or `alone`), as a descriptor to close to let it go; None where
    no lock file can be made (read-only media, where no rewrite can happen either)."""
    import fcntl

    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError:
        if alone:  # a rewrite never runs unguarded (a link or a folder at the lock's name)
            raise JournalError(
                f"{lock_path(path)} cannot be used as the journal's lock; nothing was "
                "changed, and the journal was left as it is"
            ) from None
        return None
    mode = (fcntl.LOCK_EX if alone else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(fd, mode)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                raise JournalError(
                    f"the journal at {path} is open in another coreg (the companion?); "
                    "close it and try again; it was left as it is"
                    if alone
                    else f"the journal at {path} is being locked or unlocked by another "
                    "coreg; nothing was written, try again in a moment"
                ) from None
            time.sleep(0.02)
        except OSError:
            os.close(fd)
            if alone:
                raise JournalError(
                    f"the journal at {path} cannot be locked on this file system; nothing "
                    "was changed"
                ) from None
            return None  # a file system without flock: as on read-only media


def release(fd: int | None) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


def leftovers(path: Path) -> tuple[Path, Path, Path]:
    """The names a rewrite uses beside the journal: the copy being made (and its own
    rollback journal), and the old journal kept until the copy is in place."""
    return (
        path.with_name(path.name + ".new"),
        path.with_name(path.name + ".new-journal"),
        path.with_name(path.name + ".before"),
    )


def _backup_leftovers(path: Path) -> list[Path]:
    """What a stopped rewrite of the backups left (a copy being made, its rollback
    journal: made only while a rewrite holds the guard alone), and, beside a locked
    journal, any backup still plain. (A backup's own -wal is not touched here: another
    coreg may be taking deleted words out of it.)"""
    import glob

    near = list(path.parent.glob(f"{glob.escape(path.name)}.v*-*.bak*"))  # one listing
    found = [p for p in near if p.name.endswith((".bak.new", ".bak.new-journal"))]
    backups = [p for p in near if p.name.endswith(".bak")]
    if backups and _locked(path):
        found += [b for b in backups if _plain(b)]
    return found


def _head(path: Path) -> bytes:
    """A file's first bytes, read as every file of coreg's is (never waiting on a FIFO or
    a device: files.py); nothing where it is no regular file."""
    from coreg_tui.files import read_head

    try:
        return read_head(path, len(_PLAIN))
    except OSError:
        return b""


def _plain(path: Path) -> bool:
    return _head(path) == _PLAIN


def _locked(path: Path) -> bool:
    head = _head(path)
    return bool(head) and head != _PLAIN


def tidy(path: Path) -> None:
    """Remove what a stopped rewrite left beside the journal, overwriting any that is
    plain. Called with the lock held (shared or alone), so no rewrite is under way; a
    second name for the journal itself (a rewrite stopped between its two steps) is
    only unlinked. A plain backup beside a locked journal (a lock stopped before it
    came to the backups) goes too: a copy lost is better than words left in clear."""
    for leftover in [*leftovers(path), *_backup_leftovers(path)]:
        try:
            fd = os.open(leftover, os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            mine = os.fstat(fd)
            try:
                live = os.stat(path)
                same = (mine.st_dev, mine.st_ino) == (live.st_dev, live.st_ino)
            except OSError:
                same = False
            regular = stat.S_ISREG(mine.st_mode)  # (a FIFO at such a name: only unlinked)
            if not same and regular and os.pread(fd, len(_PLAIN), 0) == _PLAIN:
                overwrite(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(OSError):
            leftover.unlink()


def overwrite(fd: int) -> None:
    """Zeros over a file's bytes (a plain journal no name leads to any longer)."""
    with contextlib.suppress(OSError):
        size = os.fstat(fd).st_size
        zeros = bytes(1 << 16)
        done = 0
        while done < size:
            done += os.pwrite(fd, zeros[: min(size - done, len(zeros))], done)
        os.fsync(fd)
