"""`coreg log` has two ways in: the entry point's direct path (cli/direct.py), which reads
a plain command line before Typer loads, and the Typer command. Both end in one function
(cli/checkin.py). Run through the installed command both ways, every command line here
must give the same output, errors, exit code and journal."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer._click.types import IntParamType

from coreg_tui.cli import checkin, command_tree, direct
from coreg_tui.journal.store import Journal
from tests.cli.test_fuzz import COMMANDS as FUZZ_COMMANDS
from tests.cli.test_fuzz import VALUES, _as_bytes
from tests.installed import COREG

STDIN = "words from standard input\n"

ARGV: list[list[str]] = [
    # read on the direct path
    ["calm"],
    ["ventral"],
    ["anxious", "-i", "6"],
    ["sympathetic", "--intensity", "7", "-n", "deadline", "-t", "work", "-t", "late"],
    ["dorsal", "--intensity=3", "--note=slow morning", "--tag=home"],
    ["-i", "4", "calm", "-b", "tight chest", "--body", "warm hands", "-w", "Ana"],
    ["numb", "--with", "  Sam   and  Ana ", "--at", "2026-11-20T09:15"],
    ["calm", "--at", "yesterday 22:00"],
    ["calm", "--at", "2h"],
    ["calm", "--at", ""],
    ["calm", "-n", "-"],
    ["calm", "--note", "-", "-t", "x"],
    ["calm", "-n", ""],
    ["calm", "--note="],
    ["calm", "-t", "", "-t", " ", "-t", "Work", "-t", "work"],
    ["calm", "-i", "0"],
    ["calm", "-i", "10"],
    ["calm", "-i", "007"],
    ["dorsal", "-i", "10"],  # care lines and one thing to try
    ["sympathetic", "-i", "10", "-w", "Sam"],
    ["calm", "-n", "[bold red]hi[/]", "-t", "\x1b[2J", "-w", "\u202eevil"],
    ["Zoë"],
    ["calm", "-n", "Zoë \U0001f493"],
    ["", "-n", "x"],
    [" "],
    ["=", "-t", "="],
    ["calm", "-e"],  # no terminal for the editor
    ["calm", "--edit", "-n", "x"],
    ["calm", "-i", "11"],
    ["calm", "-i", "999999999"],
    ["calm", "--at", "2026-02-30"],
    ["calm", "--at", "9999-12-31"],
    ["calm", "--at", "tomorrow"],
    ["calm", "--at", "last week"],
    ["calm", "--at", "99999999999d"],
    ["no-such-state"],
    ["sympathetic:7"],
    # left to Typer: help, refusals, and whatever is not plain
    [],
    ["--help"],
    ["-h"],
    ["calm", "--help"],
    ["calm", "-n", "--help"],
    ["calm", "calm"],
    ["calm", "--"],
    ["--", "calm"],
    ["--", "-x"],
    ["-", "calm"],
    ["-"],
    ["calm", "-x"],
    ["calm", "--unknown"],
    ["calm", "--not", "x"],
    ["calm", "-i"],
    ["calm", "-n"],
    ["calm", "-i", "-1"],
    ["calm", "-i", "2.5"],
    ["calm", "-i", "1e309"],
    ["calm", "-i", "nan"],
    ["calm", "-i", " 5"],
    ["calm", "-i", "+5"],
    ["calm", "-i", "5_0"],
    ["calm", "-i", "\u0665"],  # an Arabic-Indic five: int() reads it
    ["calm", "-i", "9" * 30],
    ["calm", "-i", "99999999999999999999"],
    ["calm", "-i", "3", "-i", "4"],
    ["calm", "-n", "a", "-n", "b"],
    ["calm", "-nhello"],
    ["calm", "-n=x"],
    ["calm", "-en", "x"],
    ["calm", "--edit=yes"],
    ["calm", "-n", "-x"],
    ["calm", "-n", "--at"],
    ["calm", "--at", "--"],
    ["calm", "--state", "x"],
    ["calm", "--version"],
    ["calm", "caf\udce9"],
    ["caf\udce9"],
    ["calm", "-n", "\udcff"],
    ["calm", "-n", "\ud800"],
]


def _run(args: list[str], home: Path, *, typer_only: bool) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "COREG_HOME": str(home)}
    env.pop(direct.TYPER_ONLY, None)
    if typer_only:
        env[direct.TYPER_ONLY] = "1"
    return subprocess.run(
        [str(COREG), "log", *(_as_bytes(a) for a in args)],
        input=STDIN.encode(),
        capture_output=True,
        env=env,
        cwd=home,
        timeout=60,
        check=False,
    )


def _journal(home: Path) -> list[dict[str, object]]:
    path = home / "data" / "journal.sqlite3"
    if not path.exists():
        return []
    with Journal.open(path, create=False) as journal:
        return [asdict(entry) for entry in journal.entries()]


SHORT_ID = re.compile(rb"\([0-9a-f]{8}\)")
CLOCK = re.compile(rb"\b\d\d:\d\d\b")


def _said(stream: bytes) -> bytes:
    """What was said, with the entry's new id and the clock's minute left out."""
    return CLOCK.sub(b"HH:MM", SHORT_ID.sub(b"(id)", stream))


def assert_same(args: list[str], tmp_path: Path) -> None:
    runs = {}
    for typer_only in (False, True):
        home = tmp_path / ("typer" if typer_only else "direct")
        home.mkdir()
        done = _run(args, home, typer_only=typer_only)
        runs[typer_only] = (done, _journal(home))
    (fast, fast_entries), (slow, slow_entries) = runs[False], runs[True]
    assert fast.returncode == slow.returncode, (args, fast.stderr, slow.stderr)
    assert _said(fast.stdout) == _said(slow.stdout), args
    assert fast.stderr == slow.stderr, args
    assert b"Traceback" not in fast.stderr + slow.stderr, args
    assert len(fast_entries) == len(slow_entries), args
    for mine, theirs in zip(fast_entries, slow_entries, strict=True):
        # a new id each time, and a moment read from the clock a moment apart
        assert abs(mine.pop("at") - theirs.pop("at")) < timedelta(minutes=5), args
        mine.pop("id"), theirs.pop("id")
        assert mine == theirs, args


@pytest.mark.parametrize("args", ARGV, ids=[repr(a)[:60] for a in ARGV])
def test_log_says_and_keeps_the_same_on_both_paths(args: list[str], tmp_path: Path) -> None:
    assert_same(args, tmp_path)


def test_a_config_that_cannot_be_read_is_told_alike(tmp_path: Path) -> None:
    for name in ("direct", "typer"):
        (tmp_path / name / "config").mkdir(parents=True)
        (tmp_path / name / "config" / "config.toml").write_text("this is [not toml\n")
    runs = [
        _run(["dorsal", "-i", "10"], tmp_path / name, typer_only=name == "typer")
        for name in ("direct", "typer")
    ]
    assert runs[0].returncode == runs[1].returncode == 0
    assert _said(runs[0].stdout) == _said(runs[1].stdout)
    told = [
        run.stderr.replace(str(tmp_path / name).encode(), b"HOME")
        for run, name in zip(runs, ("direct", "typer"), strict=True)
    ]
    assert told[0] == told[1]
    assert b"could not be used" in told[0]


@st.composite
def log_lines(draw: st.DrawFn) -> list[str]:
    """As the fuzz test builds them, for `log` only."""
    tokens = st.one_of(
        st.sampled_from(FUZZ_COMMANDS["log"]), st.sampled_from(VALUES), st.text(max_size=6)
    )
    return draw(st.lists(tokens, max_size=6))


@pytest.mark.slow
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=log_lines())
def test_fuzzed_log_lines_are_the_same_on_both_paths(
    tmp_path_factory: pytest.TempPathFactory, args: list[str]
) -> None:
    assert_same(args, tmp_path_factory.mktemp("paths"))


def test_the_direct_path_reads_log_options_as_typer_defines_them() -> None:
    """cli/checkin.py's table and cli/command_tree.py's names against the Typer command."""
    from coreg_tui.cli.app import _register, app

    app.registered_commands.clear()
    app.registered_groups.clear()
    _register(["log"])
    log = typer.main.get_command(app).commands["log"]  # type: ignore[attr-defined]
    tree = command_tree.COMMANDS["log"]
    seen = set()
    for param in log.params:
        if param.param_type_name != "option" or param.name == "help":
            continue
        long = tree.long_names[param.opts[0]]
        assert {tree.long_names[name] for name in (*param.opts, *param.secondary_opts)} == {long}
        assert checkin.KEYWORDS[long] == param.name
        assert (long in checkin.REPEATABLE) == param.multiple
        assert (long in checkin.NUMBERS) == isinstance(param.type, IntParamType)
        assert (tree.options[long] == command_tree.FLAG) == param.is_flag  # type: ignore[attr-defined]
        seen.add(long)
    assert seen == set(checkin.KEYWORDS)


@pytest.mark.parametrize(
    ("args", "values"),
    [
        (["calm"], {"state": "calm"}),
        (
            ["-t", "a", "calm", "--tag=b", "-i", "5", "-e", "-w", "Ana"],
            {"state": "calm", "tag": ["a", "b"], "intensity": 5, "edit": True, "with_who": "Ana"},
        ),
        (["calm", "-n", "-"], {"state": "calm", "note": "-"}),
        (["calm", "--help"], None),
        (["calm", "-i", "x"], None),
        (["calm", "--at", "1h", "--at", "2h"], None),
        ([], None),
    ],
)
def test_what_the_direct_path_reads(args: list[str], values: dict[str, object] | None) -> None:
    assert direct.log_values(args) == values
