"""Output that cannot be written, input that is closed or not text, and a damaged journal:
through the installed command, on real files and real streams."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from coreg_tui.journal.store import Journal
from tests.installed import COREG, coreg, run_in_pty
from tests.journal.builders import entry

pytestmark = pytest.mark.slow


def _run(argv: list[str | bytes], **streams: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(COREG), *argv],
        capture_output="stdout" not in streams,
        timeout=30,
        check=False,
        **streams,  # type: ignore[call-overload]
    )


def _notes() -> list[str]:
    return sorted(e["note"] for e in json.loads(coreg("list", "--json").stdout))


# --- output that cannot be written ----------------------------------------------------


def _said(command: str | list[str], **how: object) -> subprocess.CompletedProcess[str]:
    """What a command said on stderr (its stdout goes where `how` sends it, or stays)."""
    return subprocess.run(
        command,
        stderr=subprocess.PIPE,
        text=True,
        timeout=30,
        check=False,
        **how,  # type: ignore[call-overload]
    )


def test_a_closed_stdout_is_one_line_and_says_the_entry_was_kept() -> None:
    done = _said(f"exec '{COREG}' log calm -n 'kept anyway' >&-", shell=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "was kept" in done.stderr
    assert _notes() == ["kept anyway"]


@pytest.mark.parametrize("argv", [["list"], ["log", "calm", "-n", "on a full output"], ["stats"]])
def test_output_to_a_full_device_is_one_line_exit_1(argv: list[str]) -> None:
    coreg("log", "calm", "-n", "first")
    with open("/dev/full", "w") as full:
        done = _said([str(COREG), *argv], stdout=full)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "no space left" in done.stderr
    assert ("was kept" in done.stderr) == (argv[0] == "log")


def test_closed_stdin_never_stands_between_a_person_and_help() -> None:
    done = subprocess.run(
        f"exec '{COREG}' sos --plain <&-",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "COREG_TIME_SCALE": "1000"},
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "emergency" in done.stdout and "keep a note" not in done.stdout.lower()


def test_closed_stdin_under_a_terminal_still_shows_the_care_lines() -> None:
    shown = run_in_pty("sos", env={"COREG_TIME_SCALE": "50"}, stdin_devnull=True, timeout=60)
    assert b"emergency" in shown.output and b"Traceback" not in shown.output


def test_arguments_that_are_not_utf8_are_one_line_and_write_nothing() -> None:
    done = _run([b"log", b"calm", b"-n", b"caf\xe9"])
    assert done.returncode == 2 and done.stderr.count(b"\n") == 1
    assert b"argument 4 is not UTF-8" in done.stderr
    assert not (Path(os.environ["COREG_HOME"]) / "data").exists()


# --- a damaged journal ----------------------------------------------------------------


def _damaged(home: Path, *, keep_time: bool = False) -> Path:
    path = home / "data" / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_many(entry(i, note=f"note {i} " + "x" * 400) for i in range(400))
    stamp = path.stat()
    data = bytearray(path.read_bytes())
    # Scribble over an index page near the end: no new entry's way passes through it,
    # so SQLite alone would write beside the damage without a word.
    pages = len(data) // 4096
    data[4096 * (pages - 2) : 4096 * (pages - 1)] = b"\x13" * 4096
    path.write_bytes(bytes(data))
    if keep_time:
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    return path


def test_damage_is_noticed_before_anything_is_written(coreg_home: Path, tmp_path: Path) -> None:
    path = _damaged(coreg_home)
    before = path.read_bytes()
    incoming = tmp_path / "in.json"
    incoming.write_text('[{"at": "2026-01-02T10:00:00+00:00", "state": "calm"}]')
    for argv in (["log", "calm"], ["import", str(incoming)], ["delete", "0000", "--yes"]):
        done = coreg(*argv)
        assert done.returncode == 1 and "is damaged" in done.stderr, (argv, done.stderr)
        assert done.stderr.count("\n") == 1 and "coreg recover" in done.stderr
    assert path.read_bytes() == before


def test_damage_that_left_no_trace_is_found_by_the_daily_check(coreg_home: Path) -> None:
    path = _damaged(coreg_home, keep_time=True)
    stamp = path.with_name(path.name + ".checked")
    checked, _, left = stamp.read_text().partition(" ")
    assert left.split() == [str(path.stat().st_size), str(path.stat().st_mtime_ns)]
    stamp.write_text(f"{float(checked) - 2 * 86400:.0f} {left}")  # two days ago
    before = path.read_bytes()
    done = coreg("log", "calm")
    assert done.returncode == 1 and "is damaged" in done.stderr
    assert path.read_bytes() == before


def test_check_says_sound_or_damaged(coreg_home: Path) -> None:
    none_yet = coreg("check")
    assert none_yet.returncode == 0 and "no journal yet" in none_yet.stdout
    coreg("log", "calm")
    sound = coreg("check")
    assert sound.returncode == 0 and "is sound: 1 entry" in sound.stdout
    _damaged_in_place(coreg_home)
    damaged = coreg("check")
    assert damaged.returncode == 1 and "is damaged" in damaged.stdout
    assert "coreg recover" in damaged.stdout and "Traceback" not in damaged.stderr


def _damaged_in_place(home: Path) -> None:
    (home / "data" / "journal.sqlite3").unlink()
    for leftover in (home / "data").iterdir():
        leftover.unlink()
    _damaged(home)


def test_recover_copies_every_readable_entry_and_leaves_the_damaged_one(
    coreg_home: Path, tmp_path: Path
) -> None:
    path = coreg_home / "data" / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_many(entry(i, note=f"note {i} " + "x" * 400) for i in range(400))
    data = bytearray(path.read_bytes())
    page = data.index(b"note 200 ") // 4096  # a page of the entries themselves
    data[4096 * page : 4096 * (page + 1)] = b"\x13" * 4096
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    target = tmp_path / "recovered.sqlite3"
    done = coreg("recover", str(target))
    assert done.returncode == 0, done.stderr
    assert path.read_bytes() == before
    with Journal.open(target, create=False) as recovered:
        notes = {e.note.split(" x")[0] for e in recovered.entries()}
    assert 390 <= len(notes) < 400  # all but that page's few
    assert f"Copied {len(notes)} entries" in done.stdout and "Could not read" in done.stdout
    again = coreg("recover", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr


def _newer(home: Path) -> None:
    with Journal.open(home / "data" / "journal.sqlite3") as journal:
        journal.add(entry(1))
        journal.conn.execute("PRAGMA user_version = 99")


def _foreign(home: Path) -> None:
    import sqlite3

    (home / "data").mkdir(parents=True)
    other = sqlite3.connect(home / "data" / "journal.sqlite3")
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.commit()
    other.close()


@pytest.mark.parametrize(
    ("make", "says"),
    [(_damaged, b"is damaged"), (_newer, b"newer coreg"), (_foreign, b"not a coreg journal")],
)
def test_the_companion_with_a_journal_it_cannot_use_says_so_and_exits_1(
    coreg_home: Path, make: object, says: bytes
) -> None:
    make(coreg_home)  # type: ignore[operator]
    shown = run_in_pty(timeout=30)
    assert shown.returncode == 1 and says in shown.output
    assert b"Traceback" not in shown.output
    assert b"\x1b[?1049h" not in shown.output  # said before any screen was drawn


def test_the_companion_does_not_open_with_stderr_sent_to_a_file(tmp_path: Path) -> None:
    import pty

    master, slave = pty.openpty()
    with (tmp_path / "errors").open("w") as errors:
        started = time.monotonic()
        done = subprocess.run(
            [str(COREG)], stdin=slave, stdout=slave, stderr=errors, timeout=30, check=False
        )
    os.close(slave)
    os.close(master)
    assert done.returncode == 2 and time.monotonic() - started < 20
    written = (tmp_path / "errors").read_text()
    assert "opens in a terminal" in written and "\x1b[" not in written


# --- import: only files and standard input, in bounded memory ----------------------------


def test_import_refuses_a_device_or_fifo_at_once(tmp_path: Path) -> None:
    zero = tmp_path / "zero"
    try:
        os.mknod(zero, 0o020600, os.makedev(1, 5))  # a node like /dev/zero's, of our own
    except PermissionError:
        pytest.skip("making a device node needs root")
    os.mkfifo(tmp_path / "pipe")
    for odd in (zero, tmp_path / "pipe"):
        done = coreg("import", str(odd), timeout=10)
        assert done.returncode == 2 and done.stderr.count("\n") == 1
        assert str(odd) in done.stderr and "Traceback" not in done.stderr


def _limited_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (600 << 20, 600 << 20))


def test_an_endless_import_stays_within_bounded_memory() -> None:
    """An entry that never ends, from a pipe: refused once it passes 16 MiB, in a process
    that may not use more than 600 MB of address space (MemoryError would show)."""
    proc = subprocess.Popen(
        [str(COREG), "import", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_limited_memory,  # noqa: PLW1509 - no threads in this test
    )
    assert proc.stdin is not None
    head = b'[{"at": "2026-01-01T10:00:00+00:00", "state": "calm", "note": "'
    with contextlib.suppress(BrokenPipeError, ValueError):
        proc.stdin.write(head)
        for _ in range(200):  # up to 200 MiB: far past the limit on one entry
            proc.stdin.write(b"x" * (1 << 20))
        proc.stdin.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and b"larger than 16 MiB" in err and b"Traceback" not in err
    assert json.loads(coreg("list", "--json").stdout) == []


def test_a_lone_surrogate_in_an_import_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    incoming = tmp_path / "in.json"
    incoming.write_text(
        '[{"at": "2026-01-01T10:00:00+00:00", "state": "calm", "note": "fine \\ud83d\\ude00"},'
        ' {"at": "2026-01-01T11:00:00+00:00", "state": "calm", "note": "half \\ud800 of it"}]'
    )
    done = coreg("import", str(incoming))
    assert done.returncode == 2 and "half of a character" in done.stderr
    assert done.stderr.count("\n") == 1
    assert json.loads(coreg("list", "--json").stdout) == []


def test_recover_shows_a_new_journal_s_name_with_its_control_characters_made_visible(
    coreg_home: Path, tmp_path: Path
) -> None:
    with Journal.open(coreg_home / "data" / "journal.sqlite3") as journal:
        journal.add(entry(1))
    target = tmp_path / "\x1b[2J\x07"  # what a fuzzer typed: a terminal's clear-screen and bell
    done = coreg("recover", str(target))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "Copied 1 entry into a new journal at" in done.stdout
    assert target.exists()  # made where it was asked, under the name as given
