"""What a security reviewer's probe of the hardening found, each kept fixed: through the
installed command, in a temporary COREG_HOME."""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

import pytest

from tests.installed import COREG, coreg, export_under_way, half_written, long_journal

pytestmark = pytest.mark.slow


def _journal(home: Path) -> Path:
    return home / "data" / "journal.sqlite3"


def test_a_link_swapped_while_an_export_is_written_cannot_send_it_over_the_journal(
    coreg_home: Path, tmp_path: Path
) -> None:
    """The folder is held open from the first check to the rename: swapping the link the
    person named for coreg's data folder halfway through changes nothing."""
    long_journal(coreg_home)
    before = _journal(coreg_home).read_bytes()
    theirs = tmp_path / "their folder"
    theirs.mkdir()
    link = tmp_path / "out"
    link.symlink_to(theirs)
    proc = export_under_way(link / "journal.sqlite3", "--force")
    link.unlink()
    link.symlink_to(coreg_home / "data")  # now the same name means the journal
    assert proc.wait(timeout=60) == 0
    assert _journal(coreg_home).read_bytes() == before
    assert (theirs / "journal.sqlite3").read_text().startswith("# coreg journal")
    assert not half_written(coreg_home / "data")


def test_the_check_stamp_is_never_written_through_a_link(coreg_home: Path, tmp_path: Path) -> None:
    coreg("log", "calm")
    victim = tmp_path / "victim.txt"
    victim.write_text("their words, not coreg's\n")
    stamp = _journal(coreg_home).with_name("journal.sqlite3.checked")
    stamp.unlink()
    stamp.hardlink_to(victim)
    assert coreg("log", "calm").returncode == 0
    assert victim.read_text() == "their words, not coreg's\n"


@pytest.mark.parametrize("name", ["journal.sqlite3-wal", "journal.sqlite3-journal", "config"])
def test_recover_never_makes_its_journal_where_coreg_would_lose_it(
    coreg_home: Path, name: str
) -> None:
    coreg("log", "calm")
    target = (
        coreg_home / "config" / "config.toml"
        if name == "config"
        else _journal(coreg_home).with_name(name)
    )
    target.parent.mkdir(exist_ok=True)
    done = coreg("recover", str(target))
    assert done.returncode == 2 and "coreg's own" in done.stderr
    assert not target.exists()


def test_output_never_goes_to_the_check_stamp(coreg_home: Path) -> None:
    coreg("log", "calm")
    stamp = _journal(coreg_home).with_name("journal.sqlite3.checked")
    done = coreg("export", "-o", str(stamp), "--force")
    assert done.returncode == 2 and "coreg's own" in done.stderr


@pytest.mark.parametrize(
    "argv", [["log", "calm", "-n", "-"], ["import", "-"]], ids=["note", "import"]
)
def test_bytes_that_are_not_utf8_on_standard_input_are_one_line(argv: list[str]) -> None:
    done = subprocess.run(
        [str(COREG), *argv],
        input=b'[{"at": "2026-01-01T10:00:00+00:00", "state": "calm", "note": "ab\xff"}]',
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2 and b"not UTF-8" in done.stderr and b"Traceback" not in done.stderr
    assert json.loads(coreg("list", "--json").stdout) == []


@pytest.mark.parametrize(
    ("record", "says"),
    [
        ('{"at": "2026-01-01T10:00:00+00:00", "state": "calm", "intensity": 1' + "1" * 5000 + "}",
         "too long"),
        ('{"at": "2026-01-01T10:00:00+00:00", "kind": "practice", "practice": "x", '
         '"cycles": 9223372036854775808}', "cycles"),
        ('{"at": "2026-01-01T10:00:00+00:00", "kind": "practice", "practice": "x", '
         '"duration_s": 1e308}', "duration_s"),
        ('{"at": "2026-01-01T10:00:00+00:00", "state": "calm", "detail": {"a": 1e999}}',
         "detail"),
    ],
)  # fmt: skip
def test_numbers_an_import_cannot_keep_are_one_line(tmp_path: Path, record: str, says: str) -> None:
    incoming = tmp_path / "in.json"
    incoming.write_text(f"[{record}]")
    done = coreg("import", str(incoming))
    assert done.returncode == 2 and says in done.stderr and "Traceback" not in done.stderr
    version = tmp_path / "v.json"
    version.write_text('{"format": "coreg-journal", "version": true, "entries": []}')
    assert coreg("import", str(version)).returncode == 2


@pytest.mark.parametrize(("editor", "stdin"), [('vi "', None), ("vi", subprocess.DEVNULL)])
def test_an_editor_that_cannot_run_here_is_one_line_never_a_hang(
    editor: str, stdin: int | None
) -> None:
    done = coreg("log", "calm", "--edit", env={"EDITOR": editor, "VISUAL": ""}, timeout=20)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert json.loads(coreg("list", "--json").stdout) == []


@pytest.mark.parametrize("sig", [signal.SIGUSR1, signal.SIGALRM])
def test_other_ending_signals_leave_no_half_written_export(
    coreg_home: Path, tmp_path: Path, sig: int
) -> None:
    long_journal(coreg_home)
    proc = export_under_way(tmp_path / "out.md")
    proc.send_signal(sig)
    assert proc.wait(timeout=20) == 128 + sig
    assert not half_written(tmp_path)


def test_the_ends_of_the_years_coreg_takes_are_taken() -> None:
    assert coreg("list", "--until", "2999-12-31").returncode == 0
    assert coreg("list", "--since", "1900-01-01", env={"TZ": "Europe/Berlin"}).returncode == 0
    empty = coreg("export", "-o", "")
    assert empty.returncode == 2 and "not a file name" in empty.stderr
