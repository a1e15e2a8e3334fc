"""The journal at scale, and `coreg log` against jrnl.

Prints medians (repeated, interleaved runs of the installed command) and
ratios measured in the same run:

- on a generated journal of 1,000,000 entries: `coreg list --limit 20`
  (target under 150 ms), `coreg list --search` for a rare word (in 4 entries)
  and for an absent one (targets under 400 ms; --list-only runs just these
  three), `coreg stats` over four weeks and over all of it (target under
  500 ms), and `coreg log` against the same on an empty journal (target
  within 1.2x);
- export of 100,000 entries to markdown (under 1.5 s, peak memory under
  80 MB) and import of them from JSON (under 3 s);
- `coreg log` against jrnl writing one entry to a small journal (target:
  coreg at most 0.45x jrnl's time, issue 18; 0.6x before). jrnl is installed
  into a virtual environment of the benchmark's own (benchmarks/.cache, not
  the project's);
- with --import-million: import of 1,000,000 entries into an empty journal,
  from coreg's JSON export and from JSON Lines (target under 25 s at the
  69 ms pace, peak memory under 150 MB: the sum of the peaks of the importing
  process and the one that reads for it).

    python benchmarks/journal.py [--entries 1000000] [--runs 15] [--no-jrnl] [--list-only]
    python benchmarks/journal.py --only-jrnl [--runs 15]
    python benchmarks/journal.py --import-million [--import-runs 2] [--import-entries N]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
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
RARE = "heron"  # in the note of one entry in RARE_EVERY, in capitals
RARE_EVERY = 250_000
ABSENT = "zebra"


def generated(count: int, seed: int = 1) -> Iterator[Entry]:
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    step = (datetime(2026, 11, 1, tzinfo=UTC) - start) / count
    states = list(State)
    for i in range(count):
        practice = rng.random() < 0.2
        note = rng.choice(NOTES)
        if i % RARE_EVERY == RARE_EVERY // 2:
            note = f"saw a {RARE.upper()} by the river"
        yield Entry(
            id=new_id(),
            kind=Kind.PRACTICE if practice else Kind.CHECKIN,
            at=(start + step * i).astimezone(),
            state=rng.choice(states),
            intensity=rng.randint(0, 10),
            note=note,
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
    """(seconds, peak resident MB) of one run. An import reads in a second process
    (journal/read_aside.py), so the peak is the sum of every process's own peak (VmHWM,
    as the kernel counts it), read from /proc every 20 ms: more than the two ever held
    at once, since each counts the pages they share. Elsewhere than Linux, the largest
    single process's peak (what the kernel keeps for a finished child)."""
    if not Path("/proc/self/status").exists():
        return _largest_child_peak(cmd, env)
    started = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    peaks: dict[int, float] = {}
    while process.poll() is None:
        for pid in (process.pid, *_descendants(process.pid)):
            peaks[pid] = max(peaks.get(pid, 0.0), _vm_hwm_mb(pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, cmd)
    return seconds, sum(peaks.values())


def _descendants(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    found: list[int] = []
    for child in map(int, children):
        found += [child, *_descendants(child)]
    return found


def _vm_hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _largest_child_peak(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
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


def list_figures(
    coreg: str,
    big: dict[str, str],
    others: dict[str, tuple[list[str], dict[str, str]]],
    runs: int,
    pace: float,
    entries: int,
) -> tuple[dict[str, float], bool]:
    """`coreg list --limit 20` and `list --search` for a rare and an absent word on the
    big journal, interleaved with `others`; whether the searches meet 400 ms."""
    listing = {
        "list --limit 20, 1M": ([coreg, "list", "--limit", "20"], big),
        "list --search rare, 1M": ([coreg, "list", "--search", RARE], big),
        "list --search absent, 1M": ([coreg, "list", "--search", ABSENT], big),
    }
    if others:
        listing["list --json --limit 20, 1M"] = ([coreg, "list", "--json", "--limit", "20"], big)
    found = medians(listing | others, runs)
    for name, value in found.items():
        print(f"  {name:<30} {value * 1000:7.1f} ms")
    search = max(found["list --search rare, 1M"], found["list --search absent, 1M"])
    print(
        f"  list --search, rare and absent, on {entries:,}: "
        f"{'meets' if search < 0.4 else 'MISSES'} 400 ms (the slower "
        f"{search * 1000:.0f} ms, {search / found['list --limit 20, 1M']:.1f}x "
        f"list --limit 20; at the 69 ms pace {search * 0.069 / pace * 1000:.0f} ms)"
    )
    return found, search < 0.4


def write_import_files(root: Path, count: int) -> tuple[Path, Path]:
    """`count` generated entries as coreg's JSON export and as JSON Lines, written
    straight from the records (as `coreg export -f json` and `-f jsonl` write them)."""
    import json

    from coreg_tui.journal.records import FORMAT_NAME, FORMAT_VERSION, to_record

    started = time.perf_counter()
    as_json, as_lines = root / f"import{count}.json", root / f"import{count}.jsonl"
    if as_json.exists() and as_lines.exists():
        print(f"  (reusing {as_json} and {as_lines.name})")
        return as_json, as_lines
    root.mkdir(parents=True, exist_ok=True)
    part_json, part_lines = root / "json.part", root / "jsonl.part"
    with (
        part_json.open("w", encoding="utf-8") as whole,
        part_lines.open("w", encoding="utf-8") as lines,
    ):
        whole.write(f'{{"format": "{FORMAT_NAME}", "version": {FORMAT_VERSION}, "entries": [')
        for i, entry in enumerate(generated(count)):
            text = json.dumps(to_record(entry), ensure_ascii=False)
            whole.write((",\n" if i else "\n") + text)
            lines.write(text + "\n")
        whole.write("\n]}\n")
    part_json.rename(as_json)
    part_lines.rename(as_lines)
    print(
        f"  (wrote {count:,} entries as JSON and JSON Lines, "
        f"{as_json.stat().st_size / 1e6:.0f} MB each, in {time.perf_counter() - started:.0f} s)"
    )
    return as_json, as_lines


def import_million(root: Path, coreg: str, runs: int, count: int) -> bool:
    """Import `count` entries into an empty journal from JSON and from JSON Lines: the
    seconds, the peak memory of the import (see peak_rss_mb) and the pace measured
    around the runs."""
    # The files are kept in benchmarks/.cache (the same generated entries every time).
    as_json, as_lines = write_import_files(CACHE / "import", count)
    typer_cmd = [sys.executable, "-c", "import typer"]
    paces: list[float] = []
    found: dict[str, list[tuple[float, float]]] = {"JSON": [], "JSON Lines": []}
    for run in range(runs):
        for name, path in (("JSON", as_json), ("JSON Lines", as_lines)):
            paces.extend(timed(typer_cmd, dict(os.environ)) for _ in range(3))
            fresh = make_home(root, f"million-{name[-5:].strip()}-{run}", 0)
            found[name].append(peak_rss_mb([coreg, "import", str(path)], fresh))
            seconds, peak = found[name][-1]
            print(f"    run {run + 1}, {name}: {seconds:.1f} s, peak {peak:.0f} MB", flush=True)
            shutil.rmtree(root / f"million-{name[-5:].strip()}-{run}")
    paces.extend(timed(typer_cmd, dict(os.environ)) for _ in range(3))
    pace = statistics.median(paces)
    scale = 0.069 / pace
    print(
        f"  (the pace during these runs: python -c 'import typer' {pace * 1000:.0f} ms, "
        f"range {min(paces) * 1000:.0f}-{max(paces) * 1000:.0f} ms)"
    )
    ok = True
    for name, samples in found.items():
        seconds = [t for t, _ in samples]
        peaks = [m for _, m in samples]
        at_pace = statistics.median(seconds) * scale
        met = at_pace < 25.0 and max(peaks) < 150.0
        print(
            f"  import {count:,} from {name}: {min(seconds):.1f}-{max(seconds):.1f} s "
            f"over {len(samples)} run(s), peak {min(peaks):.0f}-{max(peaks):.0f} MB; "
            f"at the 69 ms pace {at_pace:.1f} s "
            f"({'meets' if met else 'MISSES'} 25 s / 150 MB)"
        )
        ok &= met
    return ok


def stats_figures(
    coreg: str, big: dict[str, str], found: dict[str, float], runs: int, pace: float, entries: int
) -> bool:
    """`stats` over four weeks and over all of the big journal, `list --limit 20` and `log`
    on it against an empty one: whether each meets its target."""
    # The generated journal ends on 1 November 2026: four full weeks of it.
    weeks = [coreg, "stats", "--since", "2026-10-04", "--until", "2026-10-31"]
    found |= medians({"stats, 4 weeks of 1M": (weeks, big)}, runs)
    found |= medians({"stats --all, 1M": ([coreg, "stats", "--all"], big)}, 9)
    for name in ("stats, 4 weeks of 1M", "stats --all, 1M"):
        print(f"  {name:<30} {found[name] * 1000:7.1f} ms")
    stats_ok = found["stats, 4 weeks of 1M"] < 0.5 and found["stats --all, 1M"] < 0.5
    print(
        f"  stats over four weeks and over all of {entries:,}: "
        f"{'meet' if stats_ok else 'MISS'} 500 ms"
    )
    scale = 0.069 / pace
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
        f"  list --limit 20 on {entries:,}: "
        f"{'meets' if list_ok else 'MISSES'} 150 ms; "
        f"log on {entries:,} vs empty: {ratio:.2f}x "
        f"({'meets' if ratio <= 1.2 else 'MISSES'} 1.2x)"
    )
    return stats_ok and list_ok and ratio <= 1.2


def main() -> int:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-jrnl", action="store_true")
    parser.add_argument(
        "--list-only", action="store_true", help="only the list figures on the big journal"
    )
    parser.add_argument(
        "--only-jrnl", action="store_true", help="only coreg log against jrnl (no 1M, no bulk)"
    )
    parser.add_argument("--bulk-runs", type=int, default=5, help="runs of export and import")
    parser.add_argument(
        "--quick", action="store_true", help="only export and import (no 1M journal, no jrnl)"
    )
    parser.add_argument(
        "--import-million",
        action="store_true",
        help="only import 1,000,000 entries from JSON and JSON Lines (time, peak memory)",
    )
    parser.add_argument("--import-runs", type=int, default=2)
    parser.add_argument("--import-entries", type=int, default=1_000_000)
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
        if args.import_million:
            return 0 if import_million(root, coreg, args.import_runs, args.import_entries) else 1
        small = make_home(root, "small", 100)
        log = [coreg, "log", "calm", "-n", "a short note", "-t", "bench"]
        if not (args.quick or args.only_jrnl):
            big = make_home(root, "big", args.entries)
            empty = make_home(root, "empty", 0)
            found, search_ok = list_figures(
                coreg,
                big,
                {}
                if args.list_only
                else {"log, empty journal": (log, empty), "log, 1M journal": (log, big)},
                args.runs,
                pace["typer"],
                args.entries,
            )
            ok &= search_ok
            if args.list_only:
                return 0 if ok else 1
            ok &= stats_figures(coreg, big, found, args.runs, pace["typer"], args.entries)

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
