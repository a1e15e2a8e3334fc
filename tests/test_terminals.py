"""Every command in every kind of output: dumb terminals, no colour, the C locale,
an ASCII-only encoding, a 40-column window, and pipes. Through the installed command."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from coreg_tui.visual.cells import cell_width
from tests.installed import COREG, coreg, run_in_pty

pytestmark = pytest.mark.slow

NOTE = "heart \U0001f493 racing, a note long enough to be cut \x1b]52;c;aGk=\x07 [bold]x[/]"

VARIANTS = {
    "TERM=dumb": {"TERM": "dumb"},
    "NO_COLOR": {"NO_COLOR": "1"},
    "LANG=C": {"LANG": "C", "LC_ALL": "C"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "40 columns": {"COLUMNS": "40"},
}
VARIANTS["all at once"] = {k: v for env in VARIANTS.values() for k, v in env.items()}


def commands(home: Path, first: str) -> list[list[str]]:
    exported = str(home / "out put.json")
    return [
        ["--help"],
        ["log", "calm", "-n", "\U0001f33f fine", "--with", "Zoë"],
        ["list"],
        ["list", "--limit", "1"],
        ["show", first],
        ["edit", first, "--tag", "wörk"],
        ["stats"],
        ["stats", "--json"],
        ["stats", "--all"],
        ["report"],
        ["practices"],
        ["suggest", "anxious"],
        ["patterns"],
        ["paths"],
        ["export"],
        ["export", "-f", "csv"],
        ["export", "-f", "json", "-o", exported],
        ["import", exported],
        ["breathe", "1-1", "--cycles", "1"],
    ]


@pytest.fixture
def first(coreg_home: Path) -> str:
    done = coreg("log", "anxious", "-i", "6", "-n", NOTE, "--with", "Zoë \u202e")
    assert done.returncode == 0, done.stderr
    return re.search(r"\(([0-9a-f]{8})\)", done.stdout).group(1)


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_command_works_in_a_pipe_in_every_kind_of_output(
    variant: str, coreg_home: Path, first: str
) -> None:
    env = VARIANTS[variant]
    ascii_only = "PYTHONIOENCODING" in env
    for args in commands(coreg_home, first):
        done = coreg(*args, env=env)
        out = done.stdout + done.stderr
        assert done.returncode == 0, (args, done.stderr)
        assert "Traceback" not in out, (args, out)
        assert "\x1b" not in out, (args, out)  # a pipe gets no escape sequence
        if ascii_only:
            assert out.isascii(), (args, out)
    if ascii_only:
        listed = coreg("list", env=env).stdout
        assert "\u2026" not in listed and "..." in listed  # the cut mark, in ASCII
        assert "^[]52;c;aGk=^G" in coreg("show", first, env=env).stdout  # caret notation
        assert "Zoe" in coreg("stats", env=env).stdout  # an accent dropped, the letter kept


def test_a_40_column_window_gets_tables_that_fit(first: str) -> None:
    for args in (["list"], ["practices"]):
        lines = coreg(*args, env={"COLUMNS": "40"}).stdout.splitlines()
        assert len(lines) > 1
        assert all(cell_width(line) <= 40 for line in lines), (args, lines)


@pytest.mark.parametrize(
    "args", [["list"], ["show"], ["stats"], ["practices"], ["breathe", "1-1", "--cycles", "1"]]
)
def test_a_dumb_ascii_terminal_40_columns_wide_gets_plain_ascii(
    args: list[str], first: str
) -> None:
    if args == ["show"]:
        args = ["show", first]
    run = run_in_pty(*args, env={"TERM": "dumb", "PYTHONIOENCODING": "ascii"}, size=(24, 40))
    assert run.returncode == 0, run.output
    assert b"\x1b" not in run.output and run.output.isascii(), run.output


def test_the_live_pacer_draws_in_ascii_for_an_ascii_terminal() -> None:
    run = run_in_pty("breathe", "1-1", "--cycles", "1", env={"PYTHONIOENCODING": "ascii"})
    assert run.returncode == 0
    assert b"\x1b[" in run.output  # it is drawn live
    assert run.output.isascii()
    assert b"oooo" in run.output  # the orb, in plain characters


def test_a_home_directory_with_spaces_and_accents_holds_the_default_paths(
    tmp_path: Path,
) -> None:
    home = tmp_path / "Zoë Müller"
    env = {**os.environ, "HOME": str(home)}
    for name in ("COREG_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env.pop(name, None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(COREG), *args], capture_output=True, text=True, env=env, check=False
        )

    assert run("log", "calm", "-n", "at home").returncode == 0
    shown = json.loads(run("paths", "--json").stdout)
    assert Path(shown["journal"]).is_relative_to(home) and Path(shown["journal"]).exists()
    assert "at home" in run("list").stdout
