"""Where exports and reports go: standard output, or a private file written whole."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from coreg_tui.core.errors import OutputError


def user_path(text: str) -> Path:
    """A file name from the command line. (A real command line cannot hold a NUL; one
    passed in-process by a script can, and no file is named that way.)"""
    from coreg_tui.core.errors import InputError

    if "\x00" in text:
        raise InputError("a file name cannot hold a NUL character")
    return Path(text).expanduser()


def _refuse_to_replace(path: Path, force: bool) -> None:
    """Only a regular file of the person's own may be replaced, and only with --force:
    never a device, FIFO, socket or folder, and never one of coreg's own files (compared
    by device and inode, so no other name or link for them gets past)."""
    import stat

    from coreg_tui.core.errors import InputError
    from coreg_tui.files import describe, kind_of
    from coreg_tui.paths import own_files

    owned = {own.absolute(): what for own, what in own_files()}
    if (what := owned.get(path.absolute())) is not None:  # even one not there at the moment
        raise InputError(f"{path} is coreg's own {what}; give another file name")
    try:
        found = os.stat(path)
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise InputError(f"the folder {path.parent} does not exist") from None
        return
    except OSError as exc:
        raise InputError(f"cannot write to {describe(exc)}") from None
    if not stat.S_ISREG(found.st_mode):
        raise InputError(f"{path} is {kind_of(found.st_mode)}; give the name of a file")
    for own, what in owned.items():
        try:
            theirs = os.stat(own)
        except OSError:
            continue
        if (theirs.st_dev, theirs.st_ino) == (found.st_dev, found.st_ino):
            raise InputError(f"{path} is coreg's own {what}; give another file name")
    if not force:
        raise InputError(f"{path} already exists; add --force to replace it")


@contextlib.contextmanager
def private_output(target: str, force: bool) -> Iterator[TextIO]:
    """stdout for '-'; otherwise a private temporary file beside the target, renamed
    over it only when everything was written, so an interrupted export (an error, Ctrl-C,
    SIGTERM or SIGHUP) leaves nothing behind, and a full disk is said, never hidden."""
    if target == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = user_path(target)
    _refuse_to_replace(path, force)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name[:200]}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write to {path.parent}", exc) from None
    try:
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                yield out  # mkstemp makes it 0600: an export is as private as the journal
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, path)
        except OSError as exc:
            raise OutputError(f"{path} could not be written, so nothing was", exc) from None
    except BaseException:  # SIGTERM and SIGHUP end a command with an exception too (errors.py)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
