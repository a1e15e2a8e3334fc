"""CPU time of the live breathing display, per minute of breathing.

Runs the installed `coreg breathe` in a real pseudo-terminal (80x24) for a
minute and reads the child's user+system CPU time from the kernel. In the
same run, `coreg --version` gives the start-up share, which is subtracted.
Target: under 2% of one core.

    python benchmarks/cpu.py [--seconds 60] [--pattern 4-6]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time
from pathlib import Path

COREG = Path(sys.executable).parent / "coreg"


def cpu_of(args: list[str], seconds: float | None) -> tuple[float, float]:
    """(cpu seconds, wall seconds) of coreg ARGS in a pty, stopped after `seconds`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.execve(str(COREG), [str(COREG), *args], {**os.environ, "TERM": "xterm-256color"})
    os.close(slave)
    closed = False
    while not closed:
        if seconds is not None and time.monotonic() - started > seconds:
            os.kill(pid, 2)  # Ctrl-C: the calm ending
            seconds = None
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:  # keep the terminal drained, as a real one is
            try:
                closed = not os.read(master, 65536)
            except OSError:  # the child has gone and closed its side
                closed = True
    _, _, usage = os.wait4(pid, 0)
    os.close(master)
    return usage.ru_utime + usage.ru_stime, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pattern", default="4-6")
    args = parser.parse_args()
    startup = sorted(cpu_of(["--version"], None)[0] for _ in range(5))[2]
    cpu, wall = cpu_of(["breathe", args.pattern], args.seconds)
    share = (cpu - startup) / wall * 100
    print(
        f"live display, {args.pattern}, 80x24, {wall:.0f} s: {cpu * 1000:.0f} ms CPU in all, "
        f"start-up {startup * 1000:.0f} ms"
    )
    print(
        f"  {share:.2f}% of one core while breathing "
        f"({(cpu - startup) / wall * 60 * 1000:.0f} ms CPU per minute): "
        f"{'meets' if share < 2 else 'MISSES'} the 2% target"
    )
    return 0 if share < 2 else 1


if __name__ == "__main__":
    sys.exit(main())
