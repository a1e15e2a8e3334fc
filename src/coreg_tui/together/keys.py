"""What a person types while a circle runs (the leader's keys, a joiner's taps), a line at
a time from standard input, on the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import Callable


def lines_from_stdin(
    loop: asyncio.AbstractEventLoop,
    heard: Callable[[str], None],
    ended: Callable[[], None] = lambda: None,
    typing: Callable[[str], None] | None = None,
) -> bool:
    """Call `heard` with each line typed (stripped), and `ended` when the input ends; False
    when there is no standard input to read. `typing` is told what is typed so far (the
    live picture shows it: its keys are not echoed). Read straight from the descriptor:
    a buffered reader would keep a second line typed quickly (p, then g) unread until
    more came."""
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, ValueError, OSError):
        return False
    pending = bytearray()

    def readable() -> None:
        try:
            chunk = os.read(fd, 4096)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:  # the end of input: nothing more will be typed
            loop.remove_reader(fd)
            ended()
            return
        pending.extend(chunk)
        while (rub := pending.find(b"\x7f")) >= 0:  # backspace, where the terminal sends it on
            del pending[max(0, rub - 1) : rub + 1]
        while (end := pending.find(b"\n")) >= 0:
            line = pending[:end].decode("utf-8", "replace")
            del pending[: end + 1]
            heard(line.strip())
        if typing is not None:
            typing(pending.decode("utf-8", "replace"))

    try:
        loop.add_reader(fd, readable)
    except (NotImplementedError, OSError, ValueError):
        return False
    return True


def stop_reading(loop: asyncio.AbstractEventLoop) -> None:
    with contextlib.suppress(AttributeError, ValueError, OSError):
        loop.remove_reader(sys.stdin.fileno())


def end_calmly_on_signals(loop: asyncio.AbstractEventLoop) -> Callable[[], None]:
    """SIGTERM, SIGHUP (the window closed) and the other ending signals end a circle the
    way Ctrl-C does: the breathing stops, the session is summed up and kept. Returns
    what undoes this."""
    from coreg_tui.signals import ENDING

    task = asyncio.current_task()
    if task is None:
        return lambda: None
    handled = []
    for signum in ENDING:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, task.cancel)
            handled.append(signum)

    def undo() -> None:
        for signum in handled:
            loop.remove_signal_handler(signum)

    return undo
