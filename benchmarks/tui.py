"""The companion's start-up and the breathing screen's CPU, in a real pseudo-terminal.

- First paint: from starting `coreg` to Home's question on the screen, against a bare
  Textual app that paints one line, measured in the same run, each run of one beside
  a run of the other (medians; target: at most 1.3x). --paint-only measures only this.
- Breathing: CPU of the whole process per minute while the Breathe screen runs,
  read from /proc between two moments (target: under 5% of one core), and the
  effective frame rate: bursts of output, each after a quiet spell of 15 ms or more.
- A 100,000-entry journal in the Journal screen: the time from `j` to the first
  rows, the time to each further page while holding `end`, and the peak memory of
  the process (VmHWM) after paging through 2,000 entries, against an empty journal.
  With --rows, it pages on through that many rows (holding `end`) and prints the peak
  memory and the time a page takes to settle near row 200 against near the last row
  (target for 20,000 rows: at most 60 MB, and the same time at the end as at the start).
  --journal-only skips first paint and breathing.

    python benchmarks/tui.py [--runs 7] [--seconds 30] [--entries 100000] [--rows 20000]
                             [--journal-only | --paint-only]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from common import compile_package

COREG = Path(sys.executable).parent / "coreg"
PAINT = 1.3  # the first paint's bound, against the bare app
BARE = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("bare app painted")
Bare().run()
"""


def spawn(argv: list[str], env: dict[str, str]) -> tuple[int, int]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.execve(argv[0], argv, env)
    os.close(slave)
    return pid, master


def read_until(master: int, marker: bytes, limit: float = 20.0) -> float:
    started, seen = time.perf_counter(), b""
    while marker not in seen:
        if time.perf_counter() - started > limit:
            raise TimeoutError(marker)
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            seen += os.read(master, 65536)
    return time.perf_counter() - started


def stop(pid: int, master: int) -> None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(master)


def first_paint(argv: list[str], marker: bytes, env: dict[str, str]) -> float:
    started = time.perf_counter()
    pid, master = spawn(argv, env)
    try:
        read_until(master, marker)
        return time.perf_counter() - started
    finally:
        stop(pid, master)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def drain(master: int, seconds: float) -> int:
    """Read for `seconds`; returns how many bursts of output (frames) came."""
    end, last, frames = time.perf_counter() + seconds, 0.0, 0
    while (left := end - time.perf_counter()) > 0:
        ready, _, _ = select.select([master], [], [], min(left, 0.1))
        if ready:
            os.read(master, 65536)
            now = time.perf_counter()
            frames += now - last >= 0.015
            last = now
    return frames


def quiet_after(master: int, quiet: float = 0.15, first_within: float = 0.0) -> float:
    """Seconds until the screen stops changing (no output for `quiet` seconds). With
    `first_within`, the quiet spell starts only after the first output (or that many
    seconds without any): an app busy for longer than `quiet` is not taken as settled."""
    started = last = time.perf_counter()
    if first_within:
        ready, _, _ = select.select([master], [], [], first_within)
        if not ready:
            return 0.0
        os.read(master, 65536)
        last = time.perf_counter()
    while time.perf_counter() - last < quiet:
        ready, _, _ = select.select([master], [], [], quiet / 3)
        if ready:
            os.read(master, 65536)
            last = time.perf_counter()
    return last - started


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise LookupError("VmHWM")


def journal_screen(
    env: dict[str, str], pages: int, first_within: float = 0.0
) -> tuple[float, list[float], float]:
    """(seconds from j to rows, seconds per further page, peak MB) in a real pty."""
    pid, master = spawn([str(COREG)], env)
    try:
        read_until(master, b"How is your system")
        os.write(master, b"j")
        opened = read_until(master, b"when") + quiet_after(master)
        per_page = []
        for _ in range(pages):
            os.write(master, b"\x1b[F")  # end: the last row loaded, so the next page comes
            per_page.append(quiet_after(master, first_within=first_within))
        return opened, per_page, peak_mb(pid)
    finally:
        stop(pid, master)


def main() -> int:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=2_000, help="rows to page through")
    parser.add_argument("--journal-only", action="store_true")
    parser.add_argument("--paint-only", action="store_true")
    args = parser.parse_args()
    if args.journal_only:
        return 0 if journal_figures(args.entries, args.rows) else 1
    home = tempfile.mkdtemp()
    env = {**os.environ, "TERM": "xterm-256color", "COREG_HOME": home}
    coreg = [str(COREG)]
    bare = [sys.executable, "-c", BARE]
    first_paint(coreg, b"How is your system", env)  # warm caches
    ours, theirs = [], []
    for _ in range(args.runs):
        ours.append(first_paint(coreg, b"How is your system", env))
        theirs.append(first_paint(bare, b"bare app painted", env))
    a, b = statistics.median(ours), statistics.median(theirs)
    print(
        f"first paint, median of {args.runs}: coreg {a * 1000:.0f} ms, bare Textual app "
        f"{b * 1000:.0f} ms: {a / b:.2f}x ({'meets' if a / b <= PAINT else 'MISSES'} {PAINT}x)"
    )
    if args.paint_only:
        return 0 if a / b <= PAINT else 1
    pid, master = spawn(coreg, env)
    try:
        read_until(master, b"How is your system")
        os.write(master, b"b")
        drain(master, 3.0)
        before, t0 = cpu_seconds(pid), time.perf_counter()
        frames = drain(master, args.seconds)
        used, wall = cpu_seconds(pid) - before, time.perf_counter() - t0
    finally:
        stop(pid, master)
    share = used / wall * 100
    print(
        f"breathing screen, 80x24, {wall:.0f} s: {used * 1000:.0f} ms CPU, {share:.2f}% of one "
        f"core ({'meets' if share < 5 else 'MISSES'} 5%); {frames / wall:.1f} frames a second"
    )
    journal_ok = journal_figures(args.entries, args.rows)
    return 0 if a / b <= PAINT and share < 5 and journal_ok else 1


def journal_figures(entries: int, rows: int) -> bool:
    """Prints the figures; False if paging through 20,000 rows or more missed its target
    (at most 60 MB, and a page near the end at most 1.25x one near row 200)."""
    from journal import make_home

    ok = True

    root = Path(tempfile.mkdtemp())
    pages = max(1, rows // 200 - 1)  # the first page comes with j
    for name, count in (("empty", 0), ("full", entries)):
        env = {**make_home(root, name, count), "TERM": "xterm-256color"}
        # With rows to page through, each page's time runs from `end` to the first output
        # and on until the screen is quiet (an empty journal shows nothing new: 0.3 s).
        wait = (2.0 if count else 0.3) if rows > 2_000 else 0.0
        opened, per_page, peak = journal_screen(env, pages=pages, first_within=wait)
        print(
            f"journal screen, {count:,} entries, {rows:,} rows: first rows {opened * 1000:.0f} ms "
            f"after j; each further page of 200 settled in "
            f"{statistics.median(per_page) * 1000:.0f} ms (median; longest "
            f"{max(per_page) * 1000:.0f} ms); peak memory {peak:.0f} MB"
        )
        if count and pages >= 10:
            early, late = statistics.median(per_page[:5]), statistics.median(per_page[-5:])
            print(
                f"  a page near row 200: {early * 1000:.0f} ms; near row {rows:,}: "
                f"{late * 1000:.0f} ms ({late / early:.2f}x; medians of 5 pages)"
            )
            if rows >= 20_000:
                met = peak <= 60 and late / early <= 1.25
                ok = ok and met
                print(f"  ({'meets' if met else 'MISSES'} at most 60 MB and 1.25x)")
    return ok


if __name__ == "__main__":
    sys.exit(main())
