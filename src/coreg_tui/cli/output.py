"""Where exports and reports go: standard output, or a private file written whole."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


def user_path(text: str) -> Path:
    """A file name from the command line. (A real command line cannot hold a NUL; one
    passed in-process by a script can, and no file is named that way.)"""
    from coreg_tui.core.errors import InputError

    if "\x00" in text:
        raise InputError("a file name cannot hold a NUL character")
    return Path(text).expanduser()


@contextlib.contextmanager
def private_output(target: str, force: bool) -> Iterator[TextIO]:
    """stdout for '-'; otherwise a private temporary file beside the target, renamed
    over it only when everything was written, so an interrupted export leaves nothing."""
    from coreg_tui.core.errors import InputError

    if target == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = user_path(target)
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name")
    if path.exists() and not force:
        raise InputError(f"{path} already exists; add --force to replace it")
    if not path.parent.is_dir():
        raise InputError(f"the folder {path.parent} does not exist")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out  # mkstemp makes it 0600: an export is as private as the journal
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
