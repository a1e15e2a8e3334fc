"""What kind of output coreg is writing to, and a Rich console that fits it."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal(stream: TextIO) -> bool:
    """A real terminal that understands escape sequences (not a pipe, not TERM=dumb)."""
    try:
        return stream.isatty() and os.environ.get("TERM", "") != "dumb"
    except (AttributeError, ValueError):
        return False


def make_console(*, no_color: bool = False, stderr: bool = False) -> Console:
    """A console that never reads `[...]` in text as markup; Rich honours NO_COLOR itself."""
    from rich.console import Console

    return Console(
        stderr=stderr,
        no_color=no_color or None,
        markup=False,
        emoji=False,
        highlight=False,
    )


def output_is_ascii(stream: TextIO) -> bool:
    """Whether `stream` can only take ASCII (then pictures use plain characters). A
    stream that names no encoding (a StringIO) takes anything, as Rich assumes too."""
    return not (getattr(stream, "encoding", None) or "utf-8").lower().startswith("utf")


def ascii_only(console: Console) -> bool:
    """Whether the console can only take ASCII (then pictures use plain characters)."""
    return output_is_ascii(console.file)


def companion_can_open() -> bool:
    """The full-screen companion needs a person at a terminal: stdin, stdout and stderr
    all (with stderr sent to a file, what the screen shows, journal words included,
    could end up in that file)."""
    try:
        return sys.stdin.isatty() and is_terminal(sys.stdout) and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def say(message: str, stream: TextIO | None = None) -> None:
    """One plain line, flushed: for summaries and notes that need no styling."""
    out = stream or sys.stdout
    out.write(message + "\n")
    out.flush()
