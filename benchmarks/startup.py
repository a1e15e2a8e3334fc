"""How long `coreg` takes to start, against the CLI library it stands on.

Runs each command many times, interleaved so that a busy moment hurts all
of them alike, and prints medians and the ratio to `python -c "import typer"`
measured in the same run. Target: at most 1.3x. `coreg sos` is timed to the
moment its care lines have reached a pipe, beside `coreg --version`.
`coreg log calm` writes to an empty journal in a temporary COREG_HOME (a fresh
copy of it for every run, made outside the timing). Target: at most 1.0x.

    python benchmarks/startup.py [--runs 40]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import compile_package

BIN = Path(sys.executable).parent
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "coreg --version": [str(BIN / "coreg"), "--version"],
    "coreg breathe --help": [str(BIN / "coreg"), "breathe", "--help"],
    "coreg patterns --json": [str(BIN / "coreg"), "patterns", "--json"],
}
SOS = "coreg sos, to its care lines"
LOG = "coreg log calm, empty journal"
BASELINE = "python -c 'import typer'"
TARGET = 1.3
LOG_TARGET = 1.0


def empty_journal(root: Path) -> Path:
    """A COREG_HOME whose journal exists and holds no entries."""
    from coreg_tui.journal.store import Journal

    home = root / "empty"
    with Journal.open(home / "data" / "journal.sqlite3"):
        pass
    return home


def log_to_empty(template: Path, root: Path) -> float:
    """Seconds of one `coreg log calm` into a fresh copy of the empty journal."""
    home = root / "run"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(template, home)
    env = {**os.environ, "COREG_HOME": str(home)}
    started = time.perf_counter()
    subprocess.run([str(BIN / "coreg"), "log", "calm"], env=env, capture_output=True, check=True)
    return time.perf_counter() - started


def care_lines_arrive() -> float:
    """Seconds from starting `coreg sos` to its care lines in a pipe; then it is stopped."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(BIN / "coreg"), "sos"], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.readline()
    took = time.perf_counter() - started
    proc.kill()
    proc.communicate()
    return took


def main() -> int:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in [*COMMANDS, SOS, LOG]}
    scratch = tempfile.TemporaryDirectory()
    root = Path(scratch.name)
    template = empty_journal(root)
    for cmd in COMMANDS.values():  # warm the file cache and .pyc files
        subprocess.run(cmd, capture_output=True, check=True)
    log_to_empty(template, root)
    for _ in range(args.runs):
        for name, cmd in COMMANDS.items():
            started = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            times[name].append(time.perf_counter() - started)
        times[SOS].append(care_lines_arrive())
        times[LOG].append(log_to_empty(template, root))
    scratch.cleanup()
    base = statistics.median(times[BASELINE])
    print(f"startup, median of {args.runs} interleaved runs (python {sys.version.split()[0]})")
    worst = 0.0
    for name, samples in times.items():
        median = statistics.median(samples)
        ratio = median / base
        if name.startswith("coreg") and name not in ("coreg patterns --json", SOS, LOG):
            worst = max(worst, ratio)
        print(f"  {name:<30} {median * 1000:7.1f} ms   {ratio:4.2f}x typer")
    sos = statistics.median(times[SOS]) / statistics.median(times["coreg --version"])
    print(f"coreg sos shows its care lines in {sos:.2f}x the time of coreg --version")
    verdict = "meets" if worst <= TARGET else "MISSES"
    print(f"worst of --version / breathe --help: {worst:.2f}x ({verdict} the {TARGET}x target)")
    log = statistics.median(times[LOG]) / base
    log_verdict = "meets" if log <= LOG_TARGET else "MISSES"
    print(f"coreg log calm: {log:.2f}x import typer ({log_verdict} the {LOG_TARGET}x target)")
    return 0 if worst <= TARGET and log <= LOG_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
