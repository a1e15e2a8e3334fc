"""The terminal while a live picture is up: keys kept quiet, the alternate screen, Ctrl-Z,
and a terminal that goes away, for the breathing and the step runners alike.

- Keys typed during a session are not echoed over the picture; Ctrl-C still works.
- Ctrl-Z gives the terminal back first (main screen, cursor, typed keys echoed), then
  stops; `fg` takes the window again and repaints all of it, and the time spent
  stopped is handed to `on_resume` so that it is not counted as practice.
- A terminal that has gone (the window closed: reads and writes fail with EIO) is
  an end like Ctrl-C: nothing more is drawn, and the session is summed up and kept.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from coreg_tui.cli.screen import Painter
    from coreg_tui.clock import Clock

_GONE = {errno.EIO, errno.ENXIO, errno.EBADF, errno.ENOTTY}


def terminal_gone(exc: BaseException) -> bool:
    """Whether an error says the terminal is no longer there."""
    import termios

    if isinstance(exc, termios.error):
        return True
    return isinstance(exc, OSError) and exc.errno in _GONE


class _Keys:
    """The terminal's settings before a session, and the quiet ones during it."""

    def __init__(self, stream: TextIO) -> None:
        self.fd: int | None = None
        self.saved: list[Any] | None = None
        try:
            import termios

            self.fd = stream.fileno()
            self.saved = termios.tcgetattr(self.fd)
        except (ImportError, OSError, ValueError, AttributeError):
            self.fd = None  # not a terminal: nothing to quieten
        except Exception as exc:  # termios.error
            if not terminal_gone(exc):
                raise
            self.fd = None

    def quiet(self) -> None:
        if self.fd is None or self.saved is None:
            return
        import termios

        quiet = list(self.saved)
        quiet[3] &= ~(termios.ECHO | termios.ICANON)
        self._set(quiet)

    def restore(self) -> None:
        if self.fd is not None and self.saved is not None:
            self._set(self.saved)

    def _set(self, attrs: list[Any]) -> None:
        import termios

        with contextlib.suppress(termios.error, OSError):  # a terminal that has gone
            termios.tcsetattr(self.fd, termios.TCSADRAIN, attrs)  # type: ignore[arg-type]


@contextlib.contextmanager
def live_window(
    painter: Painter, clock: Clock, on_resume: Callable[[float], None] = lambda s: None
) -> Iterator[None]:
    """Quiet keys and the full window for the body of a session, with Ctrl-Z handled."""
    keys = _Keys(sys.stdin)

    def take() -> None:
        keys.quiet()
        painter.enter()

    def give_back() -> None:
        painter.leave()
        keys.restore()

    def stop(signum: int, frame: object) -> None:
        stopped_at = clock.monotonic()
        give_back()
        os.kill(os.getpid(), signal.SIGSTOP)  # stops here until `fg` (as Textual does)
        take()
        on_resume(clock.monotonic() - stopped_at)

    take()
    saved = signal.signal(signal.SIGTSTP, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTSTP, saved)
        give_back()
