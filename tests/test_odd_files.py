"""Odd things where coreg's files belong, and files a person names that are not theirs to
lose: through the installed command, on real FIFOs, sockets and device nodes made in a
temporary folder (never the system's own /dev entries)."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.installed import coreg, export_under_way, half_written, long_journal

pytestmark = pytest.mark.slow


def _device(path: Path) -> None:
    """A character device node like /dev/null's (1, 3): skipped where none can be made."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")


def _socket(path: Path) -> None:
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    listener.close()  # the socket file stays


def _loop(path: Path) -> None:
    path.symlink_to(path.name + ".other")
    path.with_name(path.name + ".other").symlink_to(path.name)


def _unreadable(path: Path) -> None:
    path.write_text('x = "y"\n')
    path.chmod(0)


ODD: dict[str, Callable[[Path], None]] = {
    "fifo": os.mkfifo,
    "folder": lambda p: p.mkdir(),
    "device": _device,
    "socket": _socket,
    "symlink loop": _loop,
    "unreadable": _unreadable,
    "not utf-8": lambda p: p.write_bytes(b'id = "\xff\xfe"\n' + bytes(range(256))),
    "deep nesting": lambda p: p.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n"),
    "huge": lambda p: p.write_bytes(b"# " + b"x" * (8 << 20) + b"\n"),
}
PLACES = {
    "journal": "data/journal.sqlite3",
    "config": "config/config.toml",
    "practice": "config/practices/mine.toml",
}
COMMANDS = (
    ("log", "calm"),
    ("list",),
    ("export", "-f", "json"),
    ("stats",),
    ("practices",),
    ("practice", "orienting", "--plain"),
    ("check",),
    ("config", "check"),
)


def _as_root_reads_anything(kind: str) -> bool:
    return kind == "unreadable" and os.geteuid() == 0  # root reads a 0000 file all the same


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", ODD)
def test_an_odd_file_is_one_line_never_a_hang_or_a_traceback(
    coreg_home: Path, kind: str, place: str
) -> None:
    where = coreg_home / PLACES[place]
    where.parent.mkdir(parents=True, exist_ok=True)
    ODD[kind](where)
    for command in COMMANDS:
        done = coreg(*command, timeout=20, env={"COREG_TIME_SCALE": "1000"})
        assert "Traceback" not in done.stderr, (command, done.stderr)
        said = [line for line in done.stderr.splitlines() if line.strip()]
        if place == "journal" and command[0] not in ("practices", "config"):
            assert done.returncode == 1, (command, done.stderr)
            assert len(said) == 1 and str(where) in said[0], (command, said)
        else:
            # Config and practice files never stop a command: the defaults or the
            # built-in practices stand in, and what is wrong is said in a line.
            assert done.returncode in (0, 2), (command, done.stderr)
            if not _as_root_reads_anything(kind):  # else its made-up fields are listed
                assert len(said) <= 2, (command, said)


def test_help_right_now_comes_whatever_odd_file_is_in_every_place(coreg_home: Path) -> None:
    for place, kind in zip(PLACES.values(), ("fifo", "deep nesting", "fifo"), strict=True):
        where = coreg_home / place
        where.parent.mkdir(parents=True, exist_ok=True)
        ODD[kind](where)
    (coreg_home / "config" / "practices" / "grounding-54321.toml").write_bytes(b"\xff\xfe")
    done = coreg("sos", "--plain", timeout=30, env={"COREG_TIME_SCALE": "1000"})
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "emergency" in done.stdout and "step 6 of 6" in done.stdout


# --- what a person names as output is never destroyed ------------------------------


@pytest.fixture
def journal_made(coreg_home: Path) -> Iterator[Path]:
    assert coreg("log", "calm", "-n", "kept safe").returncode == 0
    yield coreg_home / "data" / "journal.sqlite3"


@pytest.mark.parametrize("kind", ["fifo", "folder", "device", "socket"])
@pytest.mark.parametrize("command", [("export",), ("report",)])
def test_output_never_replaces_what_is_not_a_file(
    journal_made: Path, tmp_path: Path, kind: str, command: tuple[str, ...]
) -> None:
    target = tmp_path / "out"
    ODD[kind](target)
    before = os.lstat(target)
    done = coreg(*command, "-o", str(target), "--force", timeout=10)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and str(target) in done.stderr
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode, after.st_rdev) == (
        before.st_ino,
        before.st_mode,
        before.st_rdev,
    )
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def _own_files(coreg_home: Path, journal: Path) -> dict[str, Path]:
    (coreg_home / "config").mkdir(exist_ok=True)
    config = coreg_home / "config" / "config.toml"
    config.write_text('care_contact = "Sam"\n')
    backup = journal.with_name(journal.name + ".v1-20260101T000000.000000Z.bak")
    backup.write_bytes(journal.read_bytes())
    wal = journal.with_name(journal.name + "-wal")
    wal.write_bytes(b"")
    return {"journal": journal, "config": config, "backup": backup, "log": wal}


def test_output_never_replaces_coreg_own_files_by_any_name(
    journal_made: Path, coreg_home: Path, tmp_path: Path
) -> None:
    own = _own_files(coreg_home, journal_made)
    (tmp_path / "hard").hardlink_to(journal_made)
    (tmp_path / "soft").symlink_to(journal_made)
    names = [*own.values(), tmp_path / "hard", tmp_path / "soft"]
    kept = [own["journal"], own["config"], own["backup"]]  # SQLite removes an empty log
    before = {p: p.read_bytes() for p in kept}
    for name in names:
        for fmt in ("json", "markdown"):
            done = coreg("export", "-f", fmt, "-o", str(name), "--force")
            assert done.returncode == 2 and "coreg's own" in done.stderr, (name, done.stderr)
        done = coreg("report", "-o", str(name), "--force")
        assert done.returncode == 2 and "coreg's own" in done.stderr
    assert {p: p.read_bytes() for p in kept} == before
    assert coreg("list").returncode == 0  # still a journal


def test_a_half_written_export_is_removed_on_sigterm_and_sighup(
    coreg_home: Path, tmp_path: Path
) -> None:
    import signal

    long_journal(coreg_home)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        target = tmp_path / f"out-{sig}.md"
        proc = export_under_way(target)
        proc.send_signal(sig)
        assert proc.wait(timeout=20) == 128 + sig
        assert not target.exists()
        assert not half_written(tmp_path)


# --- folders: coreg's own are private, a person's own are left as they are -------------


def test_coreg_home_it_makes_is_private_and_a_folder_it_finds_keeps_its_mode(
    tmp_path: Path,
) -> None:
    made = tmp_path / "new home" / "deeper"
    old = os.umask(0o022)
    try:
        assert coreg("log", "calm", env={"COREG_HOME": str(made)}).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    assert stat.S_IMODE((made / "data").stat().st_mode) == 0o700
    assert stat.S_IMODE((made / "data" / "journal.sqlite3").stat().st_mode) == 0o600

    synced = tmp_path / "synced folder"
    synced.mkdir(mode=0o755)
    synced.chmod(0o755)
    home = tmp_path / "home with a link"
    home.mkdir()
    (home / "data").symlink_to(synced)
    assert coreg("log", "calm", env={"COREG_HOME": str(home)}).returncode == 0
    assert stat.S_IMODE(synced.stat().st_mode) == 0o755  # theirs: left as it was
    assert stat.S_IMODE((synced / "journal.sqlite3").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "setting",
    [
        {"COREG_HOME": "{tmp}/a file"},
        {"COREG_HOME": "{tmp}/" + "n" * 300},
        {"COREG_HOME": "", "XDG_DATA_HOME": "/dev/null", "HOME": "{tmp}"},
        {"COREG_HOME": "{tmp}/locked"},
    ],
)
def test_a_home_that_cannot_be_used_is_one_line(tmp_path: Path, setting: dict[str, str]) -> None:
    (tmp_path / "a file").write_text("not a folder")
    (tmp_path / "locked").mkdir(mode=0)
    env = {key: value.replace("{tmp}", str(tmp_path)) for key, value in setting.items()}
    for command in (("log", "calm"), ("list",), ("check",)):
        done = coreg(*command, env=env)
        assert "Traceback" not in done.stderr
        if env.get("COREG_HOME", "").endswith("locked") and os.geteuid() == 0:
            continue  # root may write into a 0000 folder
        if command[0] == "log":
            assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
