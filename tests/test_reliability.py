"""At the edges: deleted words really gone, a busy journal, backups, no network.
Run through the installed command on real files in a temporary COREG_HOME."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from coreg_tui.journal.store import Journal
from coreg_tui.paths import journal_path
from tests.installed import COREG, coreg, run_in_pty
from tests.journal.builders import entry


def every_byte_under(home: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())


def test_deleted_and_edited_words_are_gone_from_every_file(coreg_home: Path) -> None:
    kept = coreg("log", "calm", "-n", "an ordinary day")
    assert kept.returncode == 0
    coreg("log", "anxious", "-n", "secret words 4be1", "--with", "Quillon", "-t", "hidden9")
    coreg("log", "dorsal", "-n", "first draft 77c2")
    listed = json.loads(coreg("list", "--json").stdout)
    by_note = {e["note"]: e["id"][:8] for e in listed}
    assert coreg("delete", by_note["secret words 4be1"], "--yes").returncode == 0
    assert coreg("edit", by_note["first draft 77c2"], "--note", "second draft").returncode == 0
    everything = every_byte_under(coreg_home)
    for gone in (b"secret words 4be1", b"Quillon", b"hidden9", b"first draft 77c2"):
        assert gone not in everything, gone
    assert b"an ordinary day" in everything and b"second draft" in everything


def test_the_lowered_words_a_search_reads_go_with_their_entry(coreg_home: Path) -> None:
    """A search reads an index of each entry's words, lowered (version 4 of the schema):
    those of an entry deleted or changed are gone from every file too."""
    kept = entry(0, note="An Ordinary DAY")
    gone = entry(1, note="Secret WORDS 4be1", with_who="QUILLON", tags=("Hidden9",))
    changed = entry(2, note="First DRAFT 77c2", body=("TIGHT Jaw",))
    with Journal.open(journal_path()) as journal:
        for e in (kept, gone, changed):
            journal.add(e)
        journal.delete(gone.id)
        journal.replace(changed.edited(note="second draft", body=()))
    everything = every_byte_under(coreg_home)
    assert b"an ordinary day" in everything  # the index holds the lowered words...
    for word in (b"secret words 4be1", b"quillon", b"hidden9", b"first draft 77c2", b"tight jaw"):
        assert word not in everything, word  # ...and only of the entries still there
        assert word.upper() not in everything, word


def test_a_busy_journal_is_one_line_and_exit_1() -> None:
    assert coreg("log", "calm").returncode == 0
    holder = sqlite3.connect(journal_path(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        started = time.monotonic()
        result = coreg("log", "anxious")
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "is busy in another program" in result.stderr
    assert waited >= 4  # it waited for the lock a few seconds before saying so
    assert len(json.loads(coreg("list", "--json").stdout)) == 1


def test_words_deleted_later_are_scrubbed_from_backups_an_older_coreg_left(
    coreg_home: Path,
) -> None:
    """An older coreg kept the newest three pre-migration copies; deleting or changing an
    entry now takes it out of each of them too."""
    coreg("log", "anxious", "-n", "secret words 4be1", "--with", "Quillon")
    coreg("log", "calm", "-n", "first draft 77c2")
    coreg("log", "calm", "-n", "an ordinary day")
    path = journal_path()
    left = path.with_name(path.name + ".v1-20250101T000000.000000Z.bak")
    source = sqlite3.connect(path)
    copy = sqlite3.connect(left)
    source.backup(copy)
    source.close()
    copy.close()
    by_note = {e["note"]: e["id"][:8] for e in json.loads(coreg("list", "--json").stdout)}
    assert coreg("delete", by_note["secret words 4be1"], "--yes").returncode == 0
    assert coreg("edit", by_note["first draft 77c2"], "--note", "second draft").returncode == 0
    everything = every_byte_under(coreg_home)
    for gone in (b"secret words 4be1", b"Quillon", b"first draft 77c2"):
        assert gone not in everything, gone
    copy = sqlite3.connect(left)
    assert [n for (n,) in copy.execute("SELECT note FROM entries")] == ["an ordinary day"]
    copy.close()


def test_deleted_words_leave_the_log_even_while_another_coreg_holds_it_open() -> None:
    coreg("log", "calm", "-n", "an ordinary day")
    coreg("log", "anxious", "-n", "secret words 9d1f")
    other = sqlite3.connect(journal_path())  # as the companion would, between its reads
    try:
        assert other.execute("SELECT count(*) FROM entries").fetchone()[0] == 2
        short = json.loads(coreg("list", "--json").stdout)[0]["id"][:8]
        assert coreg("delete", short, "--yes").returncode == 0
        log = journal_path().with_name("journal.sqlite3-wal")
        assert log.exists()  # still open elsewhere, so SQLite keeps its log
        everything = every_byte_under(journal_path().parent.parent)
        assert b"secret words 9d1f" not in everything
    finally:
        other.close()


PROBE = """
import socket, sys, signal
reached = []
def hook(event, args):
    if event in ("socket.connect", "socket.sendto", "socket.bind") and args[0].family in (
        socket.AF_INET, socket.AF_INET6
    ):
        reached.append((event, args[1]))
    elif event in ("socket.getaddrinfo", "socket.gethostbyname"):
        reached.append((event, args[0]))
sys.addaudithook(hook)
def stop(*_):
    raise KeyboardInterrupt
signal.signal(signal.SIGALRM, stop)
from coreg_tui.cli.app import run
for argv in {commands!r}:
    if argv == ["sos"]:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        run(argv)
    except SystemExit:
        pass
print("REACHED", reached)
"""


def test_no_command_opens_a_network_connection(tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    commands = [
        ["log", "anxious", "-i", "6", "-n", "x", "--with", "Sam"],
        ["list"],
        ["stats", "--all"],
        ["report", "--week"],
        ["export", "-f", "json", "-o", str(out)],
        ["import", str(out)],
        ["export", "-f", "csv"],
        ["patterns"],
        ["practices"],
        ["suggest", "anxious", "-i", "7"],
        ["breathe", "1-1", "-c", "1", "--plain", "--no-log"],
        ["paths"],
        ["sos"],
    ]
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(commands=commands)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "REACHED []"


HOSTILE = (
    "[bold red]hi[/] \x1b]52;c;cHduZWQ=\x07 \x1b[2J\x1b[H \x1b]8;;https://example.org\x07x"
    "\x1b]8;;\x07 \x1b]0;pwned\x07 \u202eevil\u2066 \x9b31m \x7f"
)
ATTACKS = [b"\x1b]52", b"\x1b[2J", b"\x1b[H", b"\x1b]8;", b"\x1b]0;", b"\x07", b"\xc2\x9b", b"\x7f"]


def test_hostile_words_reach_the_terminal_as_literal_text() -> None:
    """Through the installed command under a pseudo-terminal: the bytes the terminal
    gets hold the person's words as text, and none of the escapes inside them."""
    logged = coreg(
        "log", "anxious", "-i", "6", "-n", HOSTILE, "--with", "[link=https://x.org]Ana[/link]"
    )
    assert logged.returncode == 0
    short = json.loads(coreg("list", "--json").stdout)[0]["id"][:8]
    for args in (["list"], ["show", short], ["stats"], ["report", "--week"], ["show", "\x1b]0;x"]):
        out = run_in_pty(*args, size=(24, 200)).output
        for attack in ATTACKS:
            assert attack not in out, (args, attack)
        assert "\u202e".encode() not in out and "\u2066".encode() not in out
        if args[0] in ("show", "report") and len(args) == 2 and args[1] == short:
            assert b"[bold red]hi[/]" in out and "\u241b]52".encode() in out
            assert b"[link=https://x.org]Ana[/link]" in out


def test_output_cut_short_ends_quietly() -> None:
    with Journal.open(journal_path()) as j:
        j.add_many([entry(i, note=f"note {i}") for i in range(3000)])
    for command in ("list --limit 0", "export", "export -f csv", "stats --all --json"):
        result = subprocess.run(
            f"'{COREG}' {command} | head -1",
            shell=True,
            check=False,
            capture_output=True,
            text=True,
        )
        assert result.stderr == "", (command, result.stderr)
        assert len(result.stdout.splitlines()) == 1


def test_an_export_stopped_halfway_leaves_nothing(tmp_path: Path) -> None:
    from coreg_tui.cli.output import private_output

    target = tmp_path / "journal.md"
    try:
        with private_output(str(target), force=False) as out:
            out.write("# half of it\n")
            raise KeyboardInterrupt  # Ctrl-C in the middle of writing
    except KeyboardInterrupt:
        pass
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temporary part
    target.write_text("an older export\n")
    try:
        with private_output(str(target), force=True) as out:
            out.write("# half of the new one\n")
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert [p.name for p in tmp_path.iterdir()] == ["journal.md"]
    assert target.read_text() == "an older export\n"  # replaced only when whole


def test_a_persons_own_hostile_practice_reaches_the_terminal_as_literal_text() -> None:
    from coreg_tui.paths import content_dir

    content_dir().mkdir(parents=True, exist_ok=True)
    escaped = "".join(
        f"\\u{ord(c):04x}" if not (c.isascii() and c.isprintable()) or c in '"\\' else c
        for c in HOSTILE
    )
    (content_dir() / "mine.toml").write_text(
        "\n".join(
            [
                'id = "mine"',
                f'title = "{escaped}"',
                'kind = "grounding"',
                'direction = "steadying"',
                f'summary = "{escaped}"',
                'states = ["sympathetic"]',
                "intensity = [0, 10]",
                'duration = "1m"',
                "[[step]]",
                f'text = "{escaped}"',
                "seconds = 5",
            ]
        )
    )
    for args in (
        ["practices"],
        ["practice", "mine", "--no-log"],
        ["practice", "mine", "--plain", "--no-log"],
    ):
        run = run_in_pty(*args, size=(24, 200), stdin_devnull=True)
        assert run.returncode == 0, (args, run.output)
        live = "--plain" not in args and args[0] == "practice"  # draws (and clears) itself
        for attack in ATTACKS:
            if not (live and attack in (b"\x1b[2J", b"\x1b[H")):
                assert attack not in run.output, (args, attack)
        assert "\u202e".encode() not in run.output
        assert b"[bold red]hi[/]" in run.output, args
