"""The journal at scale, and `coreg log` against jrnl.

Prints medians (repeated, interleaved runs of the installed command) and
ratios measured in the same run:

- on a generated journal of 1,000,000 entries: `coreg list --limit 20`
  (target under 150 ms), `coreg stats` over four weeks and over all of it
  (target under 500 ms), and `coreg log` against the same on an empty
  journal (target within 1.2x);
- export of 100,000 entries to markdown (under 1.5 s, peak memory under
  80 MB) and import of them from JSON (under 3 s);
- `coreg log` against jrnl writing one entry to a small journal (target:
  coreg at most 0.45x jrnl's time, issue 18; 0.6x before). jrnl is installed
  into a virtual environment of the benchmark's own (benchmarks/.cache, not
  the project's).

    python benchmarks/journal.py [--entries 1000000] [--runs 15] [--no-jrnl]
    python benchmarks/journal.py --only-jrnl [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import compile_package
from coreg_tui.core.entries import Entry, Kind, new_id
from coreg_tui.core.states import State
from coreg_tui.journal.store import Journal

COREG = Path(sys.executable).parent / "coreg"
JRNL_TARGET = 0.45
CACHE = Path(__file__).resolve().parent / ".cache"
NOTES = [
    "slept badly",
    "good talk with Sam",
    "deadline, tight chest",
    "walked by the river",
    "numb after the call",
    "",
    "",
    "coffee and sun",
    "argument at dinner",
]
TAGS = [(), (), ("work",), ("home",), ("work", "late"), ("family",)]


def generated(count: int, seed: int = 1) -> Iterator[Entry]:
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    step = (datetime(2026, 11, 1, tzinfo=UTC) - start) / count
    states = list(State)
    for i in range(count):
        practice = rng.random() < 0.2
        yield Entry(
            id=new_id(),
            kind=Kind.PRACTICE if practice else Kind.CHECKIN,
            at=(start + step * i).astimezone(),
            state=rng.choice(states),
            intensity=rng.randint(0, 10),
            note=rng.choice(NOTES),
            tags=rng.choice(TAGS),
            with_who=rng.choice([None, None, None, "Sam", "Ana"]),
            practice="4-6" if practice else None,
            duration_s=300.0 if practice else None,
            cycles=30 if practice else None,
            state_after=State.VENTRAL if practice else None,
            intensity_after=rng.randint(0, 5) if practice else None,
        )


def make_home(root: Path, name: str, entries: int) -> dict[str, str]:
    home = root / name
    env = {**os.environ, "COREG_HOME": str(home), "COLUMNS": "100"}
    if entries:
        started = time.perf_counter()
        with Journal.open(home / "data" / "journal.sqlite3") as journal:
            batch: list[Entry] = []
            for entry in generated(entries):
                batch.append(entry)
                if len(batch) == 50_000:
                    journal.add_many(batch)
                    batch = []
            journal.add_many(batch)
        print(f"  (made a journal of {entries:,} entries in {time.perf_counter() - started:.0f} s)")
    return env


def timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def medians(commands: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> dict[str, float]:
    for cmd, env in commands.values():
        subprocess.run(cmd, env=env, capture_output=True, check=True)  # warm caches
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (cmd, env) in commands.items():
            samples[name].append(timed(cmd, env))
    return {name: statistics.median(values) for name, values in samples.items()}


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak resident MB) of one run, measured by the kernel."""
    script = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, *cmd], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def jrnl_command() -> list[str] | None:
    venv = CACHE / "jrnl-venv"
    jrnl = venv / "bin" / "jrnl"
    if not jrnl.exists():
        print("  (installing jrnl into benchmarks/.cache/jrnl-venv)")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        result = subprocess.run(
            [str(venv / "bin" / "pip"), "install", "--quiet", "jrnl"],
            check=False,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            print(f"  jrnl could not be installed: {result.stderr.strip().splitlines()[-1:]}")
            return None
    return [str(jrnl)]


def jrnl_env(root: Path, entries: int) -> dict[str, str]:
    home = root / "jrnl"
    (home / "config" / "jrnl").mkdir(parents=True)
    journal = home / "journal.txt"
    start = datetime(2026, 1, 1, 9, 0)
    journal.write_text(
        "".join(
            f"[{(start + timedelta(hours=i)):%Y-%m-%d %I:%M:%S %p}] entry {i}\nsome words.\n\n"
            for i in range(entries)
        )
    )
    (home / "config" / "jrnl" / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %I:%M:%S %p'\n"
        "version: v4.6\n"
    )
    return {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "HOME": str(home)}


def bulk(root: Path, coreg: str, runs: int) -> bool:
    """Export 100,000 entries to markdown and import them from JSON, interleaved."""
    ok = True
    hundred_k = make_home(root, "100k", 100_000)
    md_out, json_out = root / "out.md", root / "out.json"
    subprocess.run(
        [coreg, "export", "-f", "json", "-o", str(json_out)],
        env=hundred_k,
        check=True,
        capture_output=True,
    )
    # Interleaved runs, so a slow minute on this machine hits both alike.
    export_runs: list[tuple[float, float]] = []
    import_runs: list[tuple[float, float]] = []
    paces: list[float] = []
    typer_cmd = [sys.executable, "-c", "import typer"]
    for run in range(runs):
        paces.extend(timed(typer_cmd, dict(os.environ)) for _ in range(3))
        md_out.unlink(missing_ok=True)
        export_runs.append(peak_rss_mb([coreg, "export", "-o", str(md_out)], hundred_k))
        fresh = make_home(root, f"import{run}", 0)
        import_runs.append(peak_rss_mb([coreg, "import", str(json_out)], fresh))
    bulk_pace = statistics.median(paces)
    scale = 0.069 / bulk_pace
    print(f"  (the pace during these runs: {bulk_pace * 1000:.0f} ms)")
    for name, samples, limit, memory in (
        ("export 100,000 to markdown", export_runs, 1.5, 80.0),
        ("import 100,000 from JSON", import_runs, 3.0, None),
    ):
        seconds = statistics.median(t for t, _ in samples)
        rss = max(m for _, m in samples)
        met = seconds < limit and (memory is None or rss < memory)
        target = f"{limit} s" + (f" / {memory:.0f} MB" if memory else "")
        print(
            f"  {name}: median {seconds:.2f} s of {len(samples)} "
            f"(range {min(t for t, _ in samples):.2f}-{max(t for t, _ in samples):.2f}), "
            f"peak {rss:.0f} MB; at the 69 ms pace {seconds * scale:.2f} s "
            f"({'meets' if met else 'MISSES'} {target})"
        )
        ok &= met
    return ok


def main() -> int:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-jrnl", action="store_true")
    parser.add_argument(
        "--only-jrnl", action="store_true", help="only coreg log against jrnl (no 1M, no bulk)"
    )
    parser.add_argument("--bulk-runs", type=int, default=5, help="runs of export and import")
    parser.add_argument(
        "--quick", action="store_true", help="only export and import (no 1M journal, no jrnl)"
    )
    args = parser.parse_args()
    ok = True
    coreg = str(COREG)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        print(
            f"journal benchmarks (python {sys.version.split()[0]}, sqlite "
            f"{__import__('sqlite3').sqlite_version})"
        )
        pace = medians({"typer": ([sys.executable, "-c", "import typer"], dict(os.environ))}, 9)
        print(
            f"  this machine's pace: python -c 'import typer' {pace['typer'] * 1000:.0f} ms "
            "(the absolute targets were set where it took about 69 ms)"
        )
        small = make_home(root, "small", 100)
        log = [coreg, "log", "calm", "-n", "a short note", "-t", "bench"]
        if not (args.quick or args.only_jrnl):
            big = make_home(root, "big", args.entries)
            empty = make_home(root, "empty", 0)
            found = medians(
                {
                    "list --limit 20, 1M": ([coreg, "list", "--limit", "20"], big),
                    "list --json --limit 20, 1M": ([coreg, "list", "--json", "--limit", "20"], big),
                    "log, empty journal": (log, empty),
                    "log, 1M journal": (log, big),
                },
                args.runs,
            )
            for name, value in found.items():
                print(f"  {name:<30} {value * 1000:7.1f} ms")
            # The generated journal ends on 1 November 2026: four full weeks of it.
            weeks = [coreg, "stats", "--since", "2026-10-04", "--until", "2026-10-31"]
            found |= medians({"stats, 4 weeks of 1M": (weeks, big)}, args.runs)
            found |= medians({"stats --all, 1M": ([coreg, "stats", "--all"], big)}, 9)
            for name in ("stats, 4 weeks of 1M", "stats --all, 1M"):
                print(f"  {name:<30} {found[name] * 1000:7.1f} ms")
            stats_ok = found["stats, 4 weeks of 1M"] < 0.5 and found["stats --all, 1M"] < 0.5
            print(
                f"  stats over four weeks and over all of {args.entries:,}: "
                f"{'meet' if stats_ok else 'MISS'} 500 ms"
            )
            ok &= stats_ok
            scale = 0.069 / pace["typer"]
            print(
                "  at the 69 ms pace: "
                + ", ".join(
                    f"{name} {found[name] * scale * 1000:.0f} ms"
                    for name in ("list --limit 20, 1M", "stats, 4 weeks of 1M", "stats --all, 1M")
                )
            )
            ratio = found["log, 1M journal"] / found["log, empty journal"]
            list_ok = found["list --limit 20, 1M"] < 0.150
            print(
                f"  list --limit 20 on {args.entries:,}: "
                f"{'meets' if list_ok else 'MISSES'} 150 ms; "
                f"log on {args.entries:,} vs empty: {ratio:.2f}x "
                f"({'meets' if ratio <= 1.2 else 'MISSES'} 1.2x)"
            )
            ok &= list_ok and ratio <= 1.2

        if not args.only_jrnl:
            ok &= bulk(root, coreg, args.bulk_runs)

        jrnl = None if args.no_jrnl or args.quick else jrnl_command()
        if jrnl:
            env = jrnl_env(root, 100)
            pair = medians(
                {
                    "coreg log, 100 entries": (log, small),
                    "jrnl, 100 entries": ([*jrnl, "a short note @bench"], env),
                },
                args.runs,
            )
            for name, value in pair.items():
                print(f"  {name:<30} {value * 1000:7.1f} ms")
            ratio = pair["coreg log, 100 entries"] / pair["jrnl, 100 entries"]
            verdict = "meets" if ratio <= JRNL_TARGET else "MISSES"
            print(f"  coreg log / jrnl: {ratio:.2f}x ({verdict} {JRNL_TARGET}x)")
            ok &= ratio <= JRNL_TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
