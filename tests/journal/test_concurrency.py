"""Several writers at once, and writers killed mid-write: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coreg_tui.journal.store import Journal
from coreg_tui.paths import journal_path
from tests.installed import COREG

pytestmark = pytest.mark.slow

WRITER = """
import sys
from datetime import datetime
from coreg_tui.core.entries import checkin
from coreg_tui.core.states import State
from coreg_tui.journal.store import Journal
from pathlib import Path
path = Path(sys.argv[1])
while True:
    j = Journal.open(path)
    e = checkin(datetime.now().astimezone(), State.VENTRAL, note="x" * 300)
    j.add(e)
    print(e.id, flush=True)  # acknowledged only once the commit has returned
    j.close()
"""


def test_concurrent_coreg_log_processes_lose_and_double_nothing() -> None:
    writers, each = 4, 8
    procs = [
        subprocess.Popen(
            [
                "bash",
                "-c",
                f'for i in $(seq {each}); do "{COREG}" log calm -n "w{w} $i" || exit 1; done',
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(writers)
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.count("Noted: ventral") == each
    with Journal.open(journal_path(), create=False) as j:
        notes = sorted(e.note for e in j.entries())
    assert notes == sorted(f"w{w} {i}" for w in range(writers) for i in range(1, each + 1))


def test_a_writer_killed_at_any_moment_leaves_a_sound_journal_with_every_acknowledged_entry(
    tmp_path: Path,
) -> None:
    path = journal_path()
    acknowledged: set[str] = set()
    rng = random.Random(7)
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(0.15 + rng.random() * 0.35)
        os.kill(proc.pid, 9)  # SIGKILL: no chance to tidy up
        out, _ = proc.communicate()
        acknowledged.update(line for line in out.split() if len(line) == 36)
    assert len(acknowledged) > 12
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    with Journal.open(path) as j:
        stored = {e.id for e in j.entries()}
    assert acknowledged <= stored
    assert len(stored) - len(acknowledged) <= 12  # at most one unacknowledged per kill


def _open_and_add(path: str) -> str:
    from datetime import datetime

    from coreg_tui.core.entries import checkin
    from coreg_tui.core.states import State
    from coreg_tui.journal.refusals import JournalError

    try:
        with Journal.open(Path(path)) as journal:
            journal.add(checkin(datetime.now().astimezone(), State.VENTRAL))
    except JournalError as exc:
        return str(exc)
    return ""


def test_processes_making_a_new_journal_at_the_same_moment_all_get_in(tmp_path: Path) -> None:
    """The first writes race to make the file, switch it to write-ahead logging and
    lay out its tables; every one of them must wait its turn, not be turned away."""
    import multiprocessing

    # Spawned, not forked: a fork of a test process with threads of its own can inherit a
    # lock held at that moment and wait on it for ever (seen once under load).
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        for round_ in range(40):
            path = tmp_path / f"journal {round_}.sqlite3"
            refused = [r for r in pool.map(_open_and_add, [str(path)] * 4) if r]
            assert refused == []
            with Journal.open(path, create=False) as journal:
                assert len(list(journal.entries())) == 4
