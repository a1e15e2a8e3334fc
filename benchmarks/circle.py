"""A live circle at scale: the installed `coreg together host` with many joiners.

The joiners (200 by default) run in this process, each a real WebSocket client over
the circle's TLS, each with its own clock set seconds to hours off the host's, each
estimating the offset from round trips and waking for every phase as `coreg together
join` does (together/joiner.py and pacing_lines.py, the same code). One real `coreg
together join` runs beside them for its memory. Loopback only; the circle ends by
itself (--minutes).

Prints:
- phase agreement: for every phase each joiner woke for, how far from the host's own
  moment it woke (the host's clock is this machine's monotonic clock, so the exact
  moment is known): median, p99 and worst (target: p99 under 20 ms);
- the host's CPU while breathing, as a share of one core (target: under 25%);
- the real joiner's peak memory (VmHWM; target: under 40 MB).

    python benchmarks/circle.py [--joiners 200] [--minutes 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from coreg_tui.core import circle as shared
from coreg_tui.together.code import parse_code
from coreg_tui.together.joiner import Joined, session
from coreg_tui.together.pacing_lines import breathe_lines

COREG = Path(sys.executable).parent / "coreg"


class Woken:
    """Stands in for a terminal: notes when each phase line was written, and how far the
    joiner's idea of the host's clock was from the host's clock at that moment."""

    def __init__(self) -> None:
        self.at: list[tuple[float, str]] = []
        self.belief: list[float] = []
        self.joined: Joined | None = None

    def write(self, line: str) -> int:
        if line.startswith(("inhale", "exhale", "hold")):
            now = time.monotonic()
            self.at.append((now, line))
            if self.joined is None:  # a real joiner's line, read from its output
                return len(line)
            believed = self.joined.host_time()
            if believed is not None:
                self.belief.append(believed - now)
        return len(line)

    def flush(self) -> None:
        pass


async def one_joiner(code: str, offset: float, number: int) -> tuple[Joined, Woken]:
    def clock() -> float:
        return time.monotonic() + offset

    joined = Joined(clock, lambda _: None)
    woken = Woken()
    woken.joined = joined
    staying = asyncio.create_task(
        session(parse_code(code), joined, name=f"p{number}", share=False, before=None)
    )
    await breathe_lines(lambda: joined.timeline, joined.host_time, woken)  # type: ignore[arg-type]
    staying.cancel()
    return joined, woken


def errors_of(joined: Joined, woken: Woken) -> list[float]:
    """Seconds between each wake and the phase's exact moment on the host's clock."""
    line = joined.timeline
    assert line is not None
    found = []
    for at, _ in woken.at:
        piece = line.piece_at(at)  # the host's clock is this machine's monotonic clock
        moment = shared.moment(line, at + 0.5)  # which phase it woke for (never 0.5 s off)
        if piece is None or moment.phase is None:
            continue
        nearest = min(
            (abs(at - (piece.begins + s)), at - (piece.begins + s))
            for s in (moment.phase.start_s, moment.phase.start_s - moment.phase.seconds)
        )
        found.append(nearest[1])
    return found


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def main(joiners: int, minutes: float) -> bool:
    home = tempfile.mkdtemp(prefix="coreg-circle-bench-")
    env = {**os.environ, "COREG_HOME": home}
    start_in = 10 + joiners / 20  # time for everyone to join first
    host = subprocess.Popen(
        [
            str(COREG),
            "together",
            "host",
            "4-6",
            "--start-in",
            f"{start_in:g}s",
            "--minutes",
            f"{minutes:g}",
            "--max",
            str(joiners + 5),
            "--no-log",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert host.stdout is not None
    code = ""
    while not code:
        line = host.stdout.readline()
        if not line:
            raise SystemExit("the host ended before it printed its code")
        if line.startswith("coreg together join "):
            code = line.split()[-1]
    real = subprocess.Popen(
        [str(COREG), "together", "join", code, "--no-log"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**env, "COREG_CLOCK_SHIFT": "-4321.5"},
        text=True,
    )
    real_lines = Woken()

    def stamp() -> None:
        assert real.stdout is not None
        for line in real.stdout:
            real_lines.write(line)

    threading.Thread(target=stamp, daemon=True).start()
    rng = random.Random(7)
    began = time.monotonic()
    tasks = [
        asyncio.create_task(one_joiner(code, rng.uniform(-7200, 7200), n)) for n in range(joiners)
    ]
    # the host's CPU from the first breath (start_in after its code) to near the end
    await asyncio.sleep(max(0.0, began + start_in + 2 - time.monotonic()))
    cpu0, wall0 = cpu_seconds(host.pid), time.monotonic()
    await asyncio.sleep(minutes * 60 - 6)
    cpu1, wall1 = cpu_seconds(host.pid), time.monotonic()
    real_peak = vm_hwm_mb(real.pid)
    results = await asyncio.wait_for(asyncio.gather(*tasks), 120)
    for process in (real, host):
        process.wait(timeout=30)
    errors = sorted(abs(e) for joined, woken in results for e in errors_of(joined, woken))
    in_its_own = sorted(abs(e) for e in errors_of(results[0][0], real_lines))
    beliefs = sorted(abs(b) for _, woken in results for b in woken.belief)
    belief_p99 = beliefs[int(0.99 * (len(beliefs) - 1))] * 1000
    share = (cpu1 - cpu0) / (wall1 - wall0)
    p99 = errors[int(0.99 * (len(errors) - 1))] * 1000
    print(f"circle benchmarks (python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    print(f"  {joiners} joiners in this process, clocks up to 2 h off; {minutes:g} min of 4-6")
    print(
        f"  phase agreement, each joiner's clock against the host's as it began each of "
        f"{len(beliefs):,} phases: median {statistics.median(beliefs) * 1000:.1f} ms, "
        f"p99 {belief_p99:.1f} ms, worst {beliefs[-1] * 1000:.1f} ms "
        f"({'meets' if belief_p99 < 20 else 'MISSES'} p99 < 20 ms)"
    )
    print(
        f"  as woken, all {joiners} in this one process's event loop (each real joiner has "
        f"its own): median {statistics.median(errors) * 1000:.1f} ms, p99 {p99:.1f} ms, "
        f"worst {errors[-1] * 1000:.1f} ms"
    )
    print(
        f"  a real `coreg together join` (its own process, clock 72 min off), each of "
        f"{len(in_its_own)} phase lines as read from its output: median "
        f"{statistics.median(in_its_own) * 1000:.1f} ms, worst {in_its_own[-1] * 1000:.1f} ms"
    )
    print(
        f"  host CPU while breathing: {share * 100:.1f}% of a core "
        f"({'meets' if share < 0.25 else 'MISSES'} < 25%)"
    )
    print(
        f"  a real `coreg together join`: peak {real_peak:.1f} MB "
        f"({'meets' if real_peak < 40 else 'MISSES'} < 40 MB)"
    )
    return belief_p99 < 20 and share < 0.25 and real_peak < 40


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--joiners", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=1.0)
    args = parser.parse_args()
    sys.exit(0 if asyncio.run(main(args.joiners, args.minutes)) else 1)
