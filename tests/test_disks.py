"""A full disk and read-only media, for real: a small tmpfs mounted for the test (the
tests run as root here), or, where mounting is not allowed, a file-size limit on the
command (for a full disk) and a read-only file (for read-only media)."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest

from tests.installed import COREG

pytestmark = pytest.mark.slow


class Disk:
    """A small disk of its own for COREG_HOME, or None where none can be mounted."""

    def __init__(self, where: Path) -> None:
        self.where = where
        self.home = where / "coreg home"
        self.filler = where / "filler"

    def coreg(
        self, *args: str, file_limit: int | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        def limited() -> None:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            if file_limit is not None:  # a write past it fails (EFBIG), as on a full disk
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

        return subprocess.run(
            [str(COREG), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "COREG_HOME": str(self.home), **(env or {})},
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
            preexec_fn=limited,
        )

    def fill(self, leave: int = 0) -> None:
        """Write a filler file until the disk is full, or has `leave` bytes left."""
        with self.filler.open("wb") as fh, suppress(OSError):
            while True:
                room = os.statvfs(self.where)
                free = room.f_bavail * room.f_frsize
                if free <= leave:
                    break
                fh.write(b"\0" * min(65536, max(4096, free - leave)))
                fh.flush()

    def free(self) -> None:
        self.filler.unlink()

    def notes(self) -> list[str]:
        listed = self.coreg("list", "--json", "--limit", "0")
        assert listed.returncode == 0, listed.stderr
        return sorted(e["note"] for e in json.loads(listed.stdout))

    def sound(self) -> bool:
        conn = sqlite3.connect(self.home / "data" / "journal.sqlite3")
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()


def _mount(where: Path, options: str) -> bool:
    where.mkdir(exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk | None]:
    where = tmp_path / "small disk"
    mounted = os.geteuid() == 0 and _mount(where, "size=2m,mode=0755")
    yield Disk(where) if mounted else None
    if mounted:
        subprocess.run(["umount", "-l", str(where)], check=False)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def test_a_full_disk_is_one_line_keeps_every_entry_and_heals_when_freed(
    disk: Disk | None, tmp_path: Path
) -> None:
    if disk is None:  # no mount allowed: a file-size limit fails the write instead
        disk = Disk(tmp_path)
        for n in range(3):
            assert disk.coreg("log", "calm", "-n", f"entry {n}").returncode == 0
        refused = disk.coreg("log", "anxious", "-n", "lost?", file_limit=16 * 1024)
        assert refused.returncode == 1 and "nothing was written" in one_line(refused)
        assert disk.notes() == ["entry 0", "entry 1", "entry 2"] and disk.sound()
        return
    for n in range(3):
        assert disk.coreg("log", "calm", "-n", f"entry {n}").returncode == 0
    first = json.loads(disk.coreg("list", "--json").stdout)[0]["id"][:8]
    disk.fill()
    writers = (["log", "anxious", "-n", "lost?"], ["edit", first, "-n", "x"], ["delete", first])
    for writer in writers:
        refused = disk.coreg(*writer, "--yes") if writer[0] == "delete" else disk.coreg(*writer)
        assert refused.returncode == 1, writer
        assert "disk holding the journal" in one_line(refused) and "is full" in refused.stderr
    # Reading still works on the full disk, and shows every earlier entry.
    assert disk.notes() == ["entry 0", "entry 1", "entry 2"]
    exported = disk.coreg("export", "-f", "json")
    assert exported.returncode == 0 and len(json.loads(exported.stdout)["entries"]) == 3
    disk.free()
    assert disk.sound()
    assert disk.coreg("log", "calm", "-n", "after").returncode == 0  # no repair step
    assert disk.notes() == ["after", "entry 0", "entry 1", "entry 2"]


def test_a_disk_that_fills_during_an_import_writes_none_of_it(
    disk: Disk | None, tmp_path: Path
) -> None:
    if disk is None:
        pytest.skip("needs a small disk of its own (mounting a tmpfs)")
    assert disk.coreg("log", "calm", "-n", "before").returncode == 0
    many = tmp_path / "many.json"
    entries = [
        {
            "id": f"00000000-0000-4000-8000-{n:012d}",
            "kind": "checkin",
            "at": "2026-01-01T10:00:00+00:00",
            "state": "ventral",
            "note": "words " * 40,
        }
        for n in range(4000)
    ]
    many.write_text(json.dumps(entries))
    disk.fill(leave=96 * 1024)  # room to begin, not to finish
    refused = disk.coreg("import", str(many))
    assert refused.returncode == 1 and "is full" in one_line(refused)
    assert disk.notes() == ["before"]
    disk.free()
    assert disk.sound()


def _remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


def test_read_only_media_can_be_read_and_refuses_writers(disk: Disk | None) -> None:
    if disk is None:
        pytest.skip("needs a disk of its own to mount read-only")
    for n in range(2):
        assert disk.coreg("log", "calm", "-n", f"entry {n}", "-t", "kept").returncode == 0
    _remount_read_only(disk.where)
    assert disk.notes() == ["entry 0", "entry 1"]
    first = json.loads(disk.coreg("list", "--json").stdout)[0]["id"][:8]
    for reader in (["show", first], ["export"], ["export", "-f", "csv"], ["stats"], ["report"]):
        done = disk.coreg(*reader)
        assert done.returncode == 0 and "entry" in done.stdout + "entry", (reader, done.stderr)
    for writer in (["log", "calm"], ["edit", first, "-n", "x"], ["delete", first, "--yes"]):
        refused = disk.coreg(*writer)
        assert refused.returncode == 1 and "is read-only" in one_line(refused), writer
    assert disk.notes() == ["entry 0", "entry 1"]


def test_a_journal_left_with_its_log_on_read_only_media_is_read_in_full(
    disk: Disk | None, tmp_path: Path
) -> None:
    """A copy taken while coreg was writing has its -wal and -shm beside it: the entries
    still in the log must be read too, not skipped."""
    if disk is None:
        pytest.skip("needs a disk of its own to mount read-only")
    from datetime import datetime

    from coreg_tui.core.entries import checkin
    from coreg_tui.core.states import State
    from coreg_tui.journal.store import Journal

    written = tmp_path / "journal.sqlite3"
    with Journal.open(written) as first:
        first.add(checkin(datetime.now().astimezone(), State.VENTRAL, note="folded in"))
    holder = Journal.open(written)
    try:
        holder.add(checkin(datetime.now().astimezone(), State.VENTRAL, note="still in the log"))
        data = disk.home / "data"
        data.mkdir(parents=True, mode=0o700)
        for suffix in ("", "-wal", "-shm"):  # a copy taken mid-write
            (data / f"journal.sqlite3{suffix}").write_bytes(
                written.with_name(written.name + suffix).read_bytes()
            )
        assert (data / "journal.sqlite3-wal").stat().st_size > 0
    finally:
        holder.close()
    _remount_read_only(disk.where)
    assert disk.notes() == ["folded in", "still in the log"]


def test_an_older_journal_on_read_only_media_is_read_through_a_copy_in_memory(
    disk: Disk | None,
) -> None:
    if disk is None:
        pytest.skip("needs a disk of its own to mount read-only")
    from coreg_tui.journal.store import Journal
    from tests.journal.builders import entry

    path = disk.home / "data" / "journal.sqlite3"
    with Journal.open(path) as old:
        old.add(entry(note="from version 1"))
        for table in ("checkin_parts", "checkin_hours", "checkin_company", "practice_days"):
            old.conn.execute(f"DROP TABLE {table}")  # as version 1 left it
        old.conn.execute("PRAGMA user_version = 1")
    _remount_read_only(disk.where)
    assert disk.notes() == ["from version 1"]
    assert disk.coreg("stats", "--all", "--json").returncode == 0
    left = sorted(p.name for p in path.parent.iterdir())
    # untouched (the guard was made when the journal was, before the disk went read-only)
    assert left == ["journal.sqlite3", "journal.sqlite3.checked", "journal.sqlite3.lock"]


def test_the_companion_on_a_full_disk_says_so_and_keeps_the_screen(
    disk: Disk | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if disk is None:
        pytest.skip("needs a small disk of its own (mounting a tmpfs)")
    from textual.pilot import Pilot

    from coreg_tui.tui.app import CoregApp
    from coreg_tui.tui.screens.checkin import CheckinScreen
    from tests.clock import FakeClock
    from tests.tui.test_flows import drive, settle

    monkeypatch.setenv("COREG_HOME", str(disk.home))
    assert disk.coreg("log", "calm", "-n", "before").returncode == 0
    disk.fill()

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("c", "s", "7", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CheckinScreen)  # what was chosen is still there
        shown = [n.message for n in app._notifications]  # the toast on the screen
        assert any("is full" in m and "nothing was written" in m for m in shown), shown

    app = drive(steps)
    assert len(app.unkept) == 1 and "is full" in app.unkept[0]  # said again on closing
    disk.free()
    assert disk.notes() == ["before"] and disk.sound()


@pytest.mark.parametrize("command", ["report", "export"])
def test_writing_a_file_onto_a_full_disk_says_so_and_leaves_nothing(
    disk: Disk | None, command: str
) -> None:
    if disk is None:
        pytest.skip("needs a small disk of its own (mounting a tmpfs)")
    for n in range(20):
        assert disk.coreg("log", "calm", "-n", f"entry {n} " + "words " * 30).returncode == 0
    disk.fill(leave=2048)
    target = disk.where / "out.md"
    done = disk.coreg(command, "-o", str(target))
    assert done.returncode == 1 and "Wrote" not in done.stderr
    assert "no space left" in one_line(done) and str(target) in done.stderr
    assert not target.exists()
    assert not [p for p in disk.where.iterdir() if p.name.endswith(".part")]


def test_a_locked_journal_on_a_full_disk_and_on_read_only_media(
    disk: Disk | None, tmp_path: Path
) -> None:
    """The same promises for a locked journal: a full disk is one line with every entry
    kept and heals when freed; read-only media can be read and refuse writers."""
    if disk is None:
        pytest.skip("needs a disk of its own to fill and to mount read-only")
    secret = tmp_path / "pass"
    secret.write_text("a passphrase for the disk\n")
    secret.chmod(0o600)
    key = {"COREG_PASSPHRASE_FILE": str(secret)}
    (disk.home / "config").mkdir(parents=True)
    (disk.home / "config" / "config.toml").write_text("lock_timeout = 0\n")
    for n in range(2):
        assert disk.coreg("log", "calm", "-n", f"entry {n}").returncode == 0
    assert disk.coreg("lock", env=key).returncode == 0
    disk.fill()
    refused = disk.coreg("log", "anxious", "-n", "lost?", env=key)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.count("\n") == 1, refused.stderr
    disk.free()
    assert disk.coreg("log", "calm", "-n", "entry 2", env=key).returncode == 0
    assert disk.coreg("check", env=key).returncode == 0
    _remount_read_only(disk.where)
    listed = disk.coreg("list", "--json", env=key)
    assert listed.returncode == 0
    assert sorted(e["note"] for e in json.loads(listed.stdout)) == ["entry 0", "entry 1", "entry 2"]
    writer = disk.coreg("log", "calm", env=key)
    assert writer.returncode == 1 and "read-only" in writer.stderr
