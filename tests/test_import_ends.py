"""An import stopped part of the way, through the installed command: Ctrl-C, or a
terminate sent to coreg alone. The process that reads for it (journal/read_aside.py) is
gone with it, and nothing of the file is in the journal."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coreg_tui.paths import journal_path
from tests.installed import COREG, coreg, default_sigint

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def gone(pid: int) -> bool:
    """Whether `pid` has ended (a zombie has ended too: it only waits to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].startswith("Z")
    except OSError:
        return True


def entries_kept() -> int:
    if not journal_path().exists():
        return 0
    with sqlite3.connect(journal_path()) as db:
        return int(db.execute("SELECT count(*) FROM entries").fetchone()[0])


@pytest.mark.parametrize("how", ["ctrl-c", "terminate"])
def test_an_import_stopped_part_of_the_way_leaves_no_reader_and_no_entries(
    tmp_path: Path, how: str
) -> None:
    assert coreg("log", "calm", "-n", "before").returncode == 0
    big = tmp_path / "big.jsonl"
    line = {"at": "2026-01-01T10:00:00+00:00", "state": "ventral", "note": "words " * 30}
    with big.open("w") as out:
        for n in range(200_000):  # far more than can be read in the moment it is given
            out.write(json.dumps(line | {"id": f"00000000-0000-4000-8000-{n:012d}"}) + "\n")
    proc = subprocess.Popen(
        [str(COREG), "import", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
        env=os.environ.copy(),
        start_new_session=True,  # its own group, as a terminal's foreground job is
        preexec_fn=default_sigint,  # noqa: PLW1509 (no threads in these tests)
    )
    try:
        deadline = time.monotonic() + 20
        while not (reader := children(proc.pid)) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert reader, "the import never started its reader"
        time.sleep(0.3)  # well into the file
        if how == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)  # the terminal sends it to the whole job
        else:
            proc.send_signal(signal.SIGTERM)  # to coreg alone
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0 and "Traceback" not in err
    deadline = time.monotonic() + 10
    while not gone(reader[0]) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert gone(reader[0]), "the reader outlived the import"
    assert entries_kept() == 1
