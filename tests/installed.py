"""Running the installed `coreg` command as a person would: in a subprocess or a pty."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from dataclasses import dataclass
from pathlib import Path

COREG = Path(sys.executable).parent / "coreg"


def default_sigint() -> None:
    """Run in the child: a shell starts background jobs (CI, say) with Ctrl-C
    ignored, and Python keeps an inherited ignore; a terminal gives the default."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def coreg(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 30,
    stdin: int | None = subprocess.DEVNULL,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COREG), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        stdin=stdin,
    )


@dataclass
class PtyRun:
    output: bytes
    returncode: int


def _controlled_by_the_pty() -> None:
    default_sigint()
    fcntl.ioctl(1, termios.TIOCSCTTY, 0)


def spawn_on_pty(
    argv: list[str],
    *,
    size: tuple[int, int] = (24, 80),
    env: dict[str, str] | None = None,
    stdin_devnull: bool = False,
    cwd: Path | None = None,
    controlling: bool = False,
) -> tuple[subprocess.Popen[bytes], int]:
    """Start `argv` with a fresh pseudo-terminal of `size` (rows, columns) as its stdout,
    stderr and (unless told otherwise) stdin; returns the process and the pty's master.
    `controlling`: the pty is the process's controlling terminal, as a terminal window's
    is (Ctrl-C typed into it is SIGINT; closing it is SIGHUP)."""
    master, slave = pty.openpty()
    rows, cols = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL if stdin_devnull else slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=cwd,
        start_new_session=True,
        # (no threads in these tests)
        preexec_fn=_controlled_by_the_pty if controlling else default_sigint,  # noqa: PLW1509
    )
    os.close(slave)
    return proc, master


def read_pty(master: int, seconds: float, proc: subprocess.Popen[bytes] | None = None) -> bytes:
    """Whatever arrives on the pty for up to `seconds`; sooner if it closes, or if `proc`
    ends with nothing more to read."""
    chunks: list[bytes] = []
    ends = time.monotonic() + seconds
    while (left := ends - time.monotonic()) > 0:
        ready, _, _ = select.select([master], [], [], min(left, 0.05))
        if not ready:
            if proc is not None and proc.poll() is not None:
                break
            continue
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


def terminal_env(env: dict[str, str] | None) -> dict[str, str]:
    full_env = {**os.environ, "TERM": "xterm-256color", **(env or {})}
    full_env.pop("COLUMNS", None)
    full_env.pop("LINES", None)
    return full_env


def run_in_pty(
    *args: str,
    env: dict[str, str] | None = None,
    size: tuple[int, int] = (24, 80),
    interrupt_after: float | None = None,
    signal_to_send: int = signal.SIGINT,
    timeout: float = 30,
    stdin_devnull: bool = False,
) -> PtyRun:
    """Run coreg with a pseudo-terminal as its stdout (and stdin), collecting every byte."""
    proc, master = spawn_on_pty(
        [str(COREG), *args], size=size, env=terminal_env(env), stdin_devnull=stdin_devnull
    )
    chunks: list[bytes] = []
    started = time.monotonic()
    try:
        if interrupt_after is not None:
            chunks.append(read_pty(master, interrupt_after, proc))
            if proc.poll() is None:
                os.killpg(proc.pid, signal_to_send)  # Ctrl-C goes to the foreground group
        while proc.poll() is None or (more := read_pty(master, 0.05)):
            if proc.poll() is None:
                more = read_pty(master, 0.2, proc)
            chunks.append(more)
            if time.monotonic() - started > timeout:
                proc.kill()
                raise TimeoutError(b"".join(chunks).decode(errors="replace"))
    finally:
        os.close(master)
    return PtyRun(b"".join(chunks), proc.wait(timeout=5))


class Terminal:
    """The installed command on a pseudo-terminal, its bytes fed to a terminal emulator
    (pyte) as they come: what a person would see on the screen, at any moment."""

    def __init__(
        self,
        *args: str,
        size: tuple[int, int],
        env: dict[str, str] | None = None,
        controlling: bool = False,
    ):
        import pyte

        rows, cols = size
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.proc, self.master = spawn_on_pty(
            [str(COREG), *args], size=size, env=terminal_env(env), controlling=controlling
        )

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        """The visible screen with its rows joined, so wrapped sentences read whole."""
        return " ".join(" ".join(line.split()) for line in self.lines() if line.strip())

    def read_until(self, seen: str, timeout: float = 20) -> None:
        """Read until `seen` is on the visible screen; TimeoutError with the screen if not."""
        ends = time.monotonic() + timeout
        while seen not in self.text():
            if time.monotonic() > ends:
                raise TimeoutError("\n".join(self.lines()))
            self.read(0.05)

    def read(self, seconds: float) -> None:
        self.stream.feed(read_pty(self.master, seconds))

    def close(self) -> int:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
        try:
            self.read(0.5)
        finally:
            os.close(self.master)
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(timeout=5)


def half_written(folder: Path) -> list[Path]:
    """The temporary files an export writes before it renames the whole over its target."""
    return [p for p in folder.iterdir() if p.name.endswith(".part")]


def long_journal(home: Path, entries: int = 40_000) -> None:
    """A journal long enough that exporting it takes a while: time to step in halfway."""
    from coreg_tui.journal.store import Journal
    from tests.journal.builders import entry

    with Journal.open(home / "data" / "journal.sqlite3") as journal:
        journal.add_many(entry(i, note="a long enough note " * 20) for i in range(entries))


def export_under_way(target: Path, *args: str) -> subprocess.Popen[bytes]:
    """`coreg export -o TARGET ARGS`, returned once its half-written file is there."""
    proc = subprocess.Popen(
        [str(COREG), "export", "-o", str(target), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    ends = time.monotonic() + 20
    while not half_written(target.parent):
        assert time.monotonic() < ends and proc.poll() is None, "the export never began"
        time.sleep(0.002)
    return proc
