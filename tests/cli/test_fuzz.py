"""Random command lines built from coreg's own commands and options, with hostile and
odd values: every run ends with exit code 0, 1 or 2, no traceback, and no escape
sequence in what a pipe receives. In-process through the entry point (Typer's test
runner gives it a stdin and captures its output, and time runs on a fake clock),
and a sample through the installed command."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.clock import FakeClock
from tests.installed import COREG

# Values a person might type, or a hostile file or script might pass.
VALUES = [
    "calm", "anxious", "dorsal", "ventral", "numb", "sympathetic:7", "calm:3", "4-6",
    "4-7-8", "box", "grounding-54321", "together-walking", "breathe-calm", "1", "0", "10",
    "11", "-1", "2.5", "1e309", "nan", "inf", "9" * 30, "today", "yesterday", "2026-02-30",
    "last week", "monday", "3d", "1m", "2m", "md", "json", "csv", "Ana", "work, home",
    "tight chest", "", " ", "-", "--", "-x", "=", "[bold red]hi[/]",
    "[link=https://example.org]x[/link]", "\x1b]52;c;aGk=\x07", "\x1b[2J", "\u202eevil",
    "\x9b31m", "\x7f", "\udcff", "Zoë", "\U0001f493", "out put.md", "missing.json", "0" * 8,
    # bytes that are not UTF-8 (as Python hands them over), half characters, and numbers
    # and moments far out of range
    "caf\udce9", "\ud800", "\udfff x", "99999999999d", "99999999999999999999",
    "-99999999999999999999", "1e400", "9999-12-31", "0001-01-01", "0001-01-01T00:00+01:00",
    "9999-12-31T23:59:59-23:59", "2026-03-29 02:30", "1899-12-31", "99999999999w",
]  # fmt: skip


def _commands() -> dict[str, list[str]]:
    """Each command (and each of a group's) with the options and flags it takes."""
    from coreg_tui.cli.app import COMMANDS, _register, app

    app.registered_commands.clear()
    app.registered_groups.clear()
    _register(list(COMMANDS))
    root = typer.main.get_command(app)
    found: dict[str, list[str]] = {}

    def walk(prefix: list[str], command: object) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk([*prefix, name], sub)
            return
        found[" ".join(prefix)] = [
            opt for p in command.params for opt in getattr(p, "opts", []) if opt.startswith("-")
        ]

    walk([], root)
    return found


COMMANDS = _commands()
# A host listens until its leader ends the circle (tests/together run it, on loopback);
# `together join` is fuzzed: what a fuzzer makes of a code is refused before any network.
RUNS_UNTIL_ENDED = {"together host"}


@st.composite
def command_lines(draw: st.DrawFn, exclude: frozenset[str] = frozenset()) -> list[str]:
    names = sorted(n for n in COMMANDS if n.split()[0] not in exclude and n not in RUNS_UNTIL_ENDED)
    name = draw(st.sampled_from([*names, "no-such-command"]))
    options = COMMANDS.get(name, ["--help"])
    tokens = st.one_of(
        st.sampled_from(options or ["--help"]),
        st.sampled_from(VALUES),
        st.text(max_size=6),
    )
    rest = draw(st.lists(tokens, max_size=6))
    return [*name.split(), *rest]


class PatientClock(FakeClock):
    """Fake time, and a Ctrl-C an hour in: a breathing session with no end given runs
    until the person stops it."""

    def __init__(self) -> None:
        super().__init__(interrupt_at=3600.0)


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setattr("coreg_tui.clock.SystemClock", PatientClock)
    monkeypatch.chdir(tmp_path)  # files named on the command line land here
    yield


def run_entry_point(args: list[str]) -> tuple[int, str]:
    """`coreg ARGS` in-process, through the console script's own function."""
    import sys

    from coreg_tui.cli import main

    runner = CliRunner()
    with runner.isolation(input="") as (out, err, _both):
        saved = sys.argv
        sys.argv = ["coreg", *args]
        try:
            main()
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        finally:
            sys.argv = saved
        return code, out.getvalue().decode(errors="replace") + err.getvalue().decode(
            errors="replace"
        )


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=command_lines())
@example(args=["import", "a\x00b"])  # found by this test: a NUL in a file name
@example(args=["export", "-o", "a\x00b"])
def test_any_command_line_ends_with_0_1_or_2_and_never_a_traceback(
    fake_time: None, args: list[str]
) -> None:
    code, shown = run_entry_point(args)
    assert code in (0, 1, 2), (args, code, shown)
    assert "Traceback" not in shown, (args, shown)
    assert "\x1b" not in shown and "\x07" not in shown, (args, shown)


def _as_bytes(arg: str) -> bytes:
    """An argument as a real command line holds it: bytes, never a NUL; a half character
    that is not an escaped byte goes as the UTF-8 bytes it would be."""
    return arg.replace("\x00", "").encode(
        "utf-8", "surrogateescape" if _escaped(arg) else "surrogatepass"
    )


def _escaped(arg: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in arg)


@pytest.mark.slow
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=command_lines(exclude=frozenset({"breathe", "practice", "sos"})))
def test_a_sample_through_the_installed_command(tmp_path: Path, args: list[str]) -> None:
    """The same, in a real process (where time is real: no breathing or practices)."""
    done = subprocess.run(
        [str(COREG), *(_as_bytes(a) for a in args)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        cwd=tmp_path,
        env={**os.environ},
        timeout=60,
        check=False,
    )
    shown = (done.stdout + done.stderr).decode(errors="replace")
    assert done.returncode in (0, 1, 2), (args, done.returncode, shown)
    assert "Traceback" not in shown, (args, shown)
    assert b"\x1b" not in done.stdout + done.stderr, (args, shown)
