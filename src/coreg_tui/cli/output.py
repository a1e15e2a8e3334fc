"""Where exports and reports go: standard output, or a private file written whole."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from coreg_tui.core.errors import OutputError
from coreg_tui.messages import no_folder


def user_path(text: str) -> Path:
    """A file name from the command line. (A real command line cannot hold a NUL; one
    passed in-process by a script can, and no file is named that way.)"""
    from coreg_tui.core.errors import InputError

    if "\x00" in text:
        raise InputError("a file name cannot hold a NUL character")
    return Path(text).expanduser()


class Target:
    """A file name inside a folder held open: every check and the final rename are made
    relative to that one folder, so swapping a link in the path meanwhile changes
    nothing. Only a regular file of the person's own may be replaced, and only with
    --force: never a device, FIFO, socket or folder, and never one of coreg's own files
    (compared by device and inode, so no other name or link for them gets past, and by
    folder and name for those that are not there at the moment)."""

    def __init__(self, path: Path) -> None:
        from coreg_tui.core.errors import InputError
        from coreg_tui.files import describe

        self.path, self.name = path, path.name
        if self.name in ("", ".", ".."):
            raise InputError(f"'{path}' is not a file name; give one, such as journal.md")
        try:
            self.folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except (FileNotFoundError, NotADirectoryError):
            raise InputError(no_folder(path.parent)) from None
        except OSError as exc:
            raise InputError(f"cannot write to {describe(exc)}") from None

    def close(self) -> None:
        os.close(self.folder)

    def check(self, *, force: bool, new: bool = False) -> None:
        """Refuse what may not be replaced; with `new`, anything already there."""
        import stat

        from coreg_tui.core.errors import InputError
        from coreg_tui.files import describe, kind_of

        names, inodes = _own_index()
        here = os.fstat(self.folder)
        what = names.get((here.st_dev, here.st_ino, self.name))
        if what is not None:
            raise InputError(f"{self.path} is coreg's own {what}; give another file name")
        try:
            found = os.stat(self.name, dir_fd=self.folder)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise InputError(f"cannot write to {describe(exc)}") from None
        if not stat.S_ISREG(found.st_mode):
            raise InputError(f"{self.path} is {kind_of(found.st_mode)}; give the name of a file")
        what = inodes.get((found.st_dev, found.st_ino))
        if what is not None:
            raise InputError(f"{self.path} is coreg's own {what}; give another file name")
        if new:
            raise InputError(f"{self.path} already exists; give a new file name")
        if not force:
            raise InputError(f"{self.path} already exists; add --force to replace it")


def _own_index() -> tuple[dict[tuple[int, int, str], str], dict[tuple[int, int], str]]:
    """coreg's own files by folder and name, and by device and inode."""
    from coreg_tui.paths import own_files

    names: dict[tuple[int, int, str], str] = {}
    inodes: dict[tuple[int, int], str] = {}
    for own, what in own_files():
        with contextlib.suppress(OSError):
            folder = os.stat(own.parent)
            names[(folder.st_dev, folder.st_ino, own.name)] = what
        with contextlib.suppress(OSError):
            found = os.stat(own)
            inodes[(found.st_dev, found.st_ino)] = what
    return names, inodes


@contextlib.contextmanager
def private_output(target: str, force: bool) -> Iterator[TextIO]:
    """stdout for '-'; otherwise a private temporary file beside the target, renamed
    over it only when everything was written, so an interrupted export (an error, Ctrl-C,
    or a signal that ends coreg) leaves nothing behind, and a full disk is said."""
    import secrets
    import signal

    from coreg_tui.signals import ENDING

    if target == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = user_path(target)
    where = Target(path)
    try:
        where.check(force=force)
        temp = f".{path.name[:200]}.{secrets.token_hex(4)}.part"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
        # A signal that ends coreg (or Ctrl-C) waits while the file is made, and arrives
        # inside the `try` below that removes it: between the two it would leave it.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {*ENDING, signal.SIGINT})
        try:
            fd = os.open(temp, flags, 0o600, dir_fd=where.folder)  # as private as the journal
        except OSError as exc:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            raise OutputError(f"cannot write to {path.parent}", exc) from None
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                    yield out
                    out.flush()
                    os.fsync(out.fileno())
                where.check(force=force)  # again, at the last moment
                os.replace(temp, path.name, src_dir_fd=where.folder, dst_dir_fd=where.folder)
            except OSError as exc:
                raise OutputError(f"{path} could not be written, so nothing was", exc) from None
        except BaseException:  # a signal that ends coreg is an exception too (errors.py)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp, dir_fd=where.folder)
            raise
    finally:
        where.close()
