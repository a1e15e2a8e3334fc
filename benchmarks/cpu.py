"""CPU time of the live breathing display, per minute of breathing.

Runs the installed `coreg breathe` in a real pseudo-terminal (80x24), ends
it with Ctrl-C, and reads the child's user+system CPU time from the kernel.
Two sessions in the same run, a short one and a long one: the difference in
CPU over the difference in time is what breathing costs, with start-up and
the ending taken out. Target: under 2% of one core.

    python benchmarks/cpu.py [--seconds 60] [--short 15] [--pattern 4-6]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

from common import compile_package

COREG = Path(sys.executable).parent / "coreg"


def cpu_of(args: list[str], seconds: float | None) -> tuple[float, float]:
    """(cpu seconds, wall seconds) of coreg ARGS in a pty, stopped after `seconds`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        # A shell starts background jobs with Ctrl-C ignored, and Python keeps
        # an inherited ignore: give the child the default, as a terminal would.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
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
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--short", type=float, default=15)
    parser.add_argument("--pattern", default="4-6")
    args = parser.parse_args()
    cpu_short, wall_short = cpu_of(["breathe", args.pattern], args.short)
    cpu_long, wall_long = cpu_of(["breathe", args.pattern], args.seconds)
    per_second = (cpu_long - cpu_short) / (wall_long - wall_short)
    share = per_second * 100
    print(
        f"live display, {args.pattern}, 80x24: {wall_short:.0f} s session {cpu_short * 1e3:.0f} ms "
        f"CPU, {wall_long:.0f} s session {cpu_long * 1e3:.0f} ms CPU"
    )
    print(
        f"  breathing costs {per_second * 60e3:.0f} ms CPU per minute, {share:.2f}% of one core "
        f"({'meets' if share < 2 else 'MISSES'} the 2% target); start-up and ending "
        f"{(cpu_short - per_second * wall_short) * 1e3:.0f} ms"
    )
    return 0 if share < 2 else 1


if __name__ == "__main__":
    sys.exit(main())
