"""A locked journal's costs, measured in one run beside the plain journal's:

- `coreg log` with the key remembered by the agent, against the same on a plain
  journal (target: at most 1.3x);
- `coreg log` after the key was forgotten (the passphrase read from a file and the key
  derived again), against the plain one, beside the cost of the derivation alone
  (target: at most the derivation plus 50 ms);
- `coreg lock` of a journal of 100,000 entries (target: under 10 s).

    python benchmarks/locked.py [--runs N] [--entries N]
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

sys.path.insert(0, str(Path(__file__).parent))

from common import compile_package
from journal import make_home, medians, timed

PASSPHRASE = "a passphrase for the benchmark"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    compile_package()
    coreg = shutil.which("coreg", path=str(Path(sys.executable).parent)) or "coreg"
    root = Path(tempfile.mkdtemp(prefix="coreg-locked-"))
    runtime = root / "run"
    runtime.mkdir(mode=0o700)
    secret = root / "pass"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    try:
        return _measure(coreg, root, runtime, secret, args.runs, args.entries)
    finally:
        for home in root.glob("*"):
            subprocess.run(
                [coreg, "lock"], check=False, env=_env(home, runtime), capture_output=True
            )
        shutil.rmtree(root, ignore_errors=True)


def _env(home: Path, runtime: Path, **more: str) -> dict[str, str]:
    return {**os.environ, "COREG_HOME": str(home), "XDG_RUNTIME_DIR": str(runtime), **more}


def _config(home: Path, text: str) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(text)


def _measure(coreg: str, root: Path, runtime: Path, secret: Path, runs: int, count: int) -> int:
    from coreg_tui.journal import cipher

    ok = True
    plain, locked, forgetful = root / "plain", root / "locked", root / "forgetful"
    for home in (plain, locked, forgetful):
        make_home(root, home.name, 2000)
    _config(locked, "lock_timeout = 60\n")
    _config(forgetful, "lock_timeout = 0\n")
    file_env = {"COREG_PASSPHRASE_FILE": str(secret)}
    for home in (locked, forgetful):
        subprocess.run(
            [coreg, "lock"], env=_env(home, runtime, **file_env), check=True, capture_output=True
        )
    log = [coreg, "log", "calm", "-n", "a note"]
    found = medians(
        {
            "plain": (log, _env(plain, runtime)),
            "remembered": (log, _env(locked, runtime)),
            "derived": (log, _env(forgetful, runtime, **file_env)),
        },
        runs,
    )
    salt = bytes(16)
    derivations = []
    for _ in range(5):
        started = time.perf_counter()
        cipher.derive(PASSPHRASE, salt)
        derivations.append(time.perf_counter() - started)
    kdf = statistics.median(derivations)
    ratio = found["remembered"] / found["plain"]
    extra = found["derived"] - found["plain"]
    print(
        f"coreg log, median of {runs}: plain {found['plain'] * 1000:.1f} ms, locked with the "
        f"key remembered {found['remembered'] * 1000:.1f} ms: {ratio:.2f}x (target 1.3x)"
    )
    print(
        f"coreg log with the key derived again: {found['derived'] * 1000:.1f} ms, "
        f"{extra * 1000:.0f} ms more than plain; the derivation alone {kdf * 1000:.0f} ms "
        f"(target: at most {kdf * 1000 + 50:.0f} ms more)"
    )
    ok &= ratio <= 1.3 and extra <= kdf + 0.050
    big = root / "big"
    make_home(root, "big", count)
    _config(big, "lock_timeout = 0\n")
    seconds = timed([coreg, "lock"], _env(big, runtime, **file_env))
    print(f"coreg lock of {count:,} entries: {seconds:.2f} s (target 10 s)")
    ok &= seconds < 10
    print("all targets met" if ok else "MISSES a target")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
