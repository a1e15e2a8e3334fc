"""How long a TAB takes: the installed `coreg` answering a shell's completion request.

Runs each request many times, interleaved with `python -c pass` (the interpreter's own
start) and `coreg --version` so that a busy moment hurts all of them alike, and prints
medians, the time beyond the interpreter's start, and the ratio to `coreg --version`,
all measured in the same run. Target: under 100 ms beyond the interpreter's start.

    python benchmarks/completion.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import compile_package

BIN = Path(sys.executable).parent
COREG = str(BIN / "coreg")
BASELINE = "python -c pass"
VERSION = "coreg --version"
TARGET_MS = 100.0
# name: (command, extra environment)
RUNS: dict[str, tuple[list[str], dict[str, str]]] = {
    BASELINE: ([sys.executable, "-c", "pass"], {}),
    # what the console script itself imports before it calls coreg
    "python -c 'import re'": ([sys.executable, "-c", "import re"], {}),
    VERSION: ([COREG, "--version"], {}),
}
TABS = {
    "coreg <TAB>": ("bash", "coreg "),
    "coreg log --<TAB>": ("bash", "coreg log --"),
    "coreg log <TAB>": ("bash", "coreg log "),
    "coreg breathe <TAB>": ("bash", "coreg breathe "),
    "coreg practice <TAB>": ("bash", "coreg practice "),
    "coreg practice <TAB>, fish": ("fish", "coreg practice "),
}
for name, (shell, line) in TABS.items():
    RUNS[name] = ([COREG], {"_COREG_COMPLETE": shell, "_COREG_LINE": line})


def timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True, env=env)
    return time.perf_counter() - started


def main() -> int:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    envs = {name: {**os.environ, **extra} for name, (_, extra) in RUNS.items()}
    for name, (cmd, _) in RUNS.items():  # warm the file cache, and check each answers
        subprocess.run(cmd, capture_output=True, check=True, env=envs[name])
    times: dict[str, list[float]] = {name: [] for name in RUNS}
    for _ in range(args.runs):
        for name, (cmd, _) in RUNS.items():
            times[name].append(timed(cmd, envs[name]))
    base = statistics.median(times[BASELINE])
    version = statistics.median(times[VERSION])
    own = "COREG_HOME set" if os.environ.get("COREG_HOME") else "your own practices folder"
    print(
        f"TAB completion, median of {args.runs} interleaved runs "
        f"(python {sys.version.split()[0]}; practices read from {own})"
    )
    print(f"  {'':30} {'median':>9} {'beyond python':>14} {'x --version':>12}")
    worst = 0.0
    for name, samples in times.items():
        median = statistics.median(samples)
        beyond = (median - base) * 1000
        if name in TABS:
            worst = max(worst, beyond)
        print(f"  {name:<30} {median * 1000:6.1f} ms {beyond:+10.1f} ms {median / version:10.2f}x")
    verdict = "meets" if worst < TARGET_MS else "MISSES"
    print(
        f"slowest TAB: {worst:.1f} ms beyond the interpreter's start "
        f"({verdict} the {TARGET_MS:.0f} ms target)"
    )
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
