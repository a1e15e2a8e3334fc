"""Standard streams as a command finds them: closed ones made safe before any file opens.

A command started with stdin, stdout or stderr closed (`coreg log calm >&-`) would
otherwise hand that number to the next file it opens, and a line meant for the
screen could land in the journal. Each closed one is opened on /dev/null; stdin
then reads as empty (so nothing is asked), and stdout, which the person was
promised, fails in one line when it is written.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Iterator
from typing import TextIO


class ClosedOutput(io.TextIOBase):
    """Standard output that was closed when coreg started: writing to it is an error."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def steady_streams() -> None:
    closed = []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.append(fd)
    if not closed:
        return
    null = os.open(os.devnull, os.O_RDWR)
    for fd in closed:
        if null != fd:
            os.dup2(null, fd, inheritable=True)
    if null not in closed:
        os.close(null)
    if 0 in closed or sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - for the whole run
    if 1 in closed or sys.stdout is None:
        sys.stdout = ClosedOutput()
    if 2 in closed or sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole run


@contextlib.contextmanager
def utf8_stdin() -> Iterator[TextIO]:
    """Standard input as UTF-8 that is refused when it is not (UnicodeDecodeError), where
    Python would otherwise hand on undecodable bytes as half characters."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        yield sys.stdin
        return
    strict = io.TextIOWrapper(buffer, encoding="utf-8", errors="strict")
    try:
        yield strict
    finally:
        strict.detach()  # the buffer stays open: it is the process's own stdin
