"""Running circles for tests: the installed command as host and joiners, every line each
prints stamped with this machine's monotonic clock as it arrives. Loopback only."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import threading
import time
from dataclasses import dataclass, field

from tests.installed import COREG, default_sigint

PHASE = re.compile(r"^(inhale|exhale|hold) \d")


@dataclass
class Running:
    """A coreg process whose stdout lines are kept with the moment each arrived."""

    proc: subprocess.Popen[str]
    lines: list[tuple[float, str]] = field(default_factory=list)
    _reader: threading.Thread = field(init=False)
    _arrived: queue.Queue[tuple[float, str]] = field(default_factory=queue.Queue)

    def __post_init__(self) -> None:
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._arrived.put((time.monotonic(), line.rstrip("\n")))

    def wait_for(self, pattern: str, timeout: float = 20.0) -> str:
        """The first line (from any point) that matches, waiting up to `timeout`."""
        for _, line in self.lines:
            if re.search(pattern, line):
                return line
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                item = self._arrived.get(timeout=0.1)
            except queue.Empty:
                continue
            self.lines.append(item)
            if re.search(pattern, item[1]):
                return item[1]
        raise AssertionError(f"no line matched {pattern!r}; got {[x for _, x in self.lines]}")

    async def heard(self, pattern: str, timeout: float = 20.0) -> str:
        """As wait_for, for a test on an event loop (the companion's): it never blocks."""
        import asyncio

        deadline = time.monotonic() + timeout
        while True:
            while not self._arrived.empty():
                self.lines.append(self._arrived.get())
            found = next((line for _, line in self.lines if re.search(pattern, line)), None)
            if found is not None:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"no line matched {pattern!r}; got {self.lines}")
            await asyncio.sleep(0.05)

    def finish(self, timeout: float = 30.0) -> tuple[int, str]:
        """Wait for it to end; its return code and all it wrote to stderr."""
        assert self.proc.stdin is not None and self.proc.stderr is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=timeout)
        self._reader.join(timeout=5)
        while not self._arrived.empty():
            self.lines.append(self._arrived.get())
        return self.proc.returncode, self.proc.stderr.read()

    def phases(self) -> list[tuple[float, str]]:
        return [(t, line) for t, line in self.lines if PHASE.match(line)]


def start(*args: str, env: dict[str, str] | None = None, home: str | None = None) -> Running:
    environment = {**os.environ, **(env or {})}
    if home is not None:
        environment["COREG_HOME"] = home
    proc = subprocess.Popen(
        [str(COREG), *args],
        preexec_fn=default_sigint,  # noqa: PLW1509 (no threads yet: the reader starts after)
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    return Running(proc)


def code_of(host: Running) -> str:
    return host.wait_for(r"^coreg together join ").split()[-1]
