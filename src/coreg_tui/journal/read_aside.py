"""An import read in a second process while this one writes.

Reading an entry (decoding its JSON, checking every field, making its row) costs
about as much as SQLite's writing of it, and the two need not wait for each other:
a forked child reads and checks the file and sends the rows down a pipe, a few
thousand at a time, while the parent writes the ones before them. On a machine with
two cores a large import takes about two thirds of the time.

Nothing else changes. The rows arrive in the file's order, and a problem the child
finds comes after the rows before it, so the first problem in the file is the one
named, as when one process does both. The parent still holds the one transaction
and still checks ids against the journal; the pipe's buffer and one batch on each
side are all that is held, so memory stays bounded. The child is the parent's own
fork, so what comes down the pipe is trusted as the parent's own data.

Where there is no fork (Windows), the same rows are made in this process.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from coreg_tui.core.entries import Entry
from coreg_tui.core.errors import InputError
from coreg_tui.journal.rows import row_of
from coreg_tui.messages import NOTHING_IMPORTED
from coreg_tui.signals import ENDING

ROWS_SENT = 500  # rows in one message down the pipe
PIPE_BYTES = 1 << 20  # what the pipe holds: a few thousand rows
_HELD = {signal.SIGINT, *ENDING}
_PR_SET_PDEATHSIG = 1  # prctl(2)

Row = tuple[Any, ...]
Reader = Callable[[Any, str], Iterator[Entry]]


def rows_of(read: Reader, source: Any, name: str, created_us: int) -> Iterator[Row]:
    """The rows of the entries `read` finds in `source`, made here."""
    return (row_of(entry, created_us) for entry in read(source, name))


@contextlib.contextmanager
def rows_read_aside(
    read: Reader, source: Any, name: str, created_us: int
) -> Iterator[Iterator[Row]]:
    """The rows of the entries `read` finds in `source`, made by a child process. The
    child ends with the block, whichever way it ends."""
    if not hasattr(os, "fork"):
        yield rows_of(read, source, name, created_us)
        return
    inward, outward = os.pipe()
    _widen(outward)
    # No signal lands between the fork and the `try` that ends the child: they wait,
    # and arrive inside it (in the child, once its own handlers are set).
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        pid = os.fork()
    except OSError:  # no more processes to be had: read here, as without fork
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        os.close(inward)
        os.close(outward)
        yield rows_of(read, source, name, created_us)
        return
    if pid == 0:  # the child: it never returns, and leaves the parent's state alone
        code = 1
        try:
            os.close(inward)
            _become_reader(held)
            code = _send_rows(rows_of(read, source, name, created_us), outward)
        finally:
            os._exit(code)
    os.close(outward)
    with open(inward, "rb") as pipe:
        received = _Received(pipe, name)
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            yield iter(received)
        finally:
            _end_child(pid, wait=received.ended)


def _become_reader(held: set[signal.Signals]) -> None:
    """The child's own ways of ending. Ctrl-C reaches the parent too, which ends the child
    once it has rolled back; a signal that ends coreg ends the child at once, without a
    core file (the parent's handlers would run the parent's cleanup here); and the
    child dies with its parent, however the parent ends (Linux)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in ENDING:
        signal.signal(signum, signal.SIG_IGN if signum == signal.SIGQUIT else signal.SIG_DFL)
    parent = os.getppid()
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before that was set
        os._exit(1)
    signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _widen(fd: int) -> None:
    """Let the pipe hold more rows than its 64 KiB, so that the child reads on while the
    parent writes a batch (Linux; as wide as the system lets anyone make one)."""
    setting = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl else None
    if setting is None:
        return
    with contextlib.suppress(OSError):
        fcntl.fcntl(fd, setting, PIPE_BYTES)


def _send_rows(rows: Iterator[Row], fd: int) -> int:
    """Send `rows` down the pipe in batches, then how the reading ended."""
    with open(fd, "wb") as pipe:
        batch: list[Row] = []
        try:
            try:
                for row in rows:
                    batch.append(row)
                    if len(batch) == ROWS_SENT:
                        pickle.dump(batch, pipe, pickle.HIGHEST_PROTOCOL)
                        batch = []
            except Exception as exc:  # raised again in the parent, where it reaches the CLI
                ending: tuple[str, Any] = ("raised", _portable(exc))
            else:
                ending = ("end", None)
            pickle.dump(batch, pipe, pickle.HIGHEST_PROTOCOL)
            pickle.dump(ending, pipe, pickle.HIGHEST_PROTOCOL)
        except BrokenPipeError:  # the parent has stopped reading: it has ended
            return 1
    return 0


def _portable(exc: Exception) -> Exception:
    """`exc` as it can cross the pipe: itself, or (a bug's odd exception) its words."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


class _Received:
    """The rows as they come down the pipe, then how the reading ended."""

    def __init__(self, pipe: BinaryIO, name: str) -> None:
        self.pipe, self.name = pipe, name
        self.ended = False  # the child said all it had to say, and is ending by itself

    def __iter__(self) -> Iterator[Row]:
        load = pickle.load
        while True:
            try:
                message = load(self.pipe)
            except Exception:  # the child ended, between messages or in the middle of one
                raise InputError(
                    f"reading {self.name} stopped part of the way; {NOTHING_IMPORTED}"
                ) from None
            if type(message) is list:
                yield from message
                continue
            self.ended = True
            how, raised = message
            if how == "raised":
                raise raised
            return


def _end_child(pid: int, *, wait: bool) -> None:
    """Reap the child: wait for it if it has said all it had to, else end it first (the
    parent stopped early: a problem, Ctrl-C). A second signal waits until that is done."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        _reap(pid, wait=wait)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _reap(pid: int, *, wait: bool) -> None:
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, 0 if wait else os.WNOHANG)
        if done == 0:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
