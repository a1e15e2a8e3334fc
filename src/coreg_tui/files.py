"""Files coreg opens by name: only regular ones, read to a bounded size, never waited on.

A FIFO at the journal's, config's or a practice's path would make a plain open()
wait forever for a writer; a device could be endless. Files are opened without
blocking and looked at (fstat) before a byte is read, so an odd file is one line
at once. Folders coreg makes for itself are private (0700); folders it finds are
left exactly as they are.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

TEXT_LIMIT = 1 << 20  # 1 MiB: far above any config or practice file a person writes


class OddFileError(OSError):
    """A path that holds something other than a regular file, or too much to read."""


def kind_of(mode: int) -> str:
    """What a file's mode says it is, in words, for a line that refuses it."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def refuse_odd(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise OddFileError(f"{path} is {kind_of(mode)}, not a file")


def open_regular(path: Path) -> int:
    """A descriptor for reading the regular file at `path`, opened without waiting on a
    FIFO: OddFileError for anything else, the OSError of whatever stops it opening."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        refuse_odd(path, os.fstat(fd).st_mode)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of the regular file at `path` (errors as read_regular)."""
    fd = open_regular(path)
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


def read_regular(path: Path, limit: int = TEXT_LIMIT) -> bytes:
    """The bytes of the regular file at `path`: FileNotFoundError if there is none,
    OddFileError for a FIFO, device, socket or folder (at once, never a hang) or a file over
    `limit` bytes, and the OSError of anything else that stops it being read."""
    fd = open_regular(path)
    try:
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(1 << 16, limit + 1 - size) or 1):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise OddFileError(f"{path} is larger than {limit // 1024:,} KiB; it was not read")
        return b"".join(chunks)
    finally:
        os.close(fd)


def describe(exc: OSError) -> str:
    """An OSError as the words a person can act on: what it was about, and why."""
    from coreg_tui.core.errors import reason_of

    if isinstance(exc, OddFileError):
        return str(exc)
    reason = reason_of(exc)
    return f"{exc.filename}: {reason}" if exc.filename else reason


def private_folder(folder: Path) -> None:
    """Make `folder` and any missing folders above it, each 0700 whatever the umask.
    Folders that are already there keep the mode their owner gave them."""
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for made in reversed(missing):
        try:
            made.mkdir(mode=0o700)
        except FileExistsError:
            if not made.is_dir():
                raise NotADirectoryError(20, "Not a directory", str(made)) from None
            continue  # another process made it a moment ago: theirs to keep as it is
        os.chmod(made, 0o700)
