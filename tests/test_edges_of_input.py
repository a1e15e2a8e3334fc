"""Moments, numbers and answers at their edges, through the installed command."""

from __future__ import annotations

import json
import os
import signal

import pytest

from tests.installed import Terminal, coreg

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("argv", "env"),
    [
        (["log", "calm", "--at", "99999999999d"], {}),
        (["log", "calm", "--at", "99999999999w"], {}),
        (["list", "--until", "9999-12-31"], {}),
        (["list", "--since", "0001-01-01"], {}),
        (["list", "--limit", "99999999999999999999"], {}),
        (["log", "calm", "--at", "0001-01-01T00:00+01:00"], {}),
        (["export", "--since", "9999-12-31T23:59:59-23:59"], {}),
        (["log", "calm"], {"TZ": "FOO-24:59:59"}),
        (["stats"], {"TZ": "FOO-24:59:59"}),
    ],
)
def test_out_of_range_is_one_line_exit_2_and_writes_nothing(
    argv: list[str], env: dict[str, str]
) -> None:
    done = coreg(*argv, env=env)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert json.loads(coreg("list", "--json").stdout) == []


def test_a_time_inside_a_daylight_saving_gap_is_refused_not_moved() -> None:
    berlin = {"TZ": "Europe/Berlin"}
    skipped = coreg("log", "calm", "--at", "2026-03-29 02:30", env=berlin)
    assert skipped.returncode == 2 and "did not happen here" in skipped.stderr
    twice = coreg("log", "calm", "--at", "2026-10-25 02:30", env=berlin)  # the first of two
    assert twice.returncode == 0, twice.stderr
    (kept,) = json.loads(coreg("list", "--json", env=berlin).stdout)
    assert kept["at"] == "2026-10-25T02:30:00+02:00"


def test_show_gives_every_word_of_a_long_link() -> None:
    link = "https://example.org/" + "/".join(f"part{n:03d}" for n in range(40))
    coreg("log", "calm", "-n", f"read {link} later")
    short = json.loads(coreg("list", "--json").stdout)[0]["id"][:8]
    shown = coreg("show", short, env={"COLUMNS": "60"})
    assert shown.returncode == 0
    assert link in "".join(line.strip() for line in shown.stdout.splitlines())
    assert "\u2026" not in shown.stdout


@pytest.mark.parametrize("key", [b"\x03", b"\x04"])  # Ctrl-C, Ctrl-D
def test_ctrl_c_or_ctrl_d_at_are_you_sure_keeps_the_entry(key: bytes) -> None:
    coreg("log", "calm", "-n", "still here")
    short = json.loads(coreg("list", "--json").stdout)[0]["id"][:8]
    term = Terminal("delete", short, size=(24, 80))
    try:
        term.read_until("Delete")
        if key == b"\x03":  # the terminal's Ctrl-C: SIGINT to the foreground group
            os.killpg(term.proc.pid, signal.SIGINT)
        else:
            os.write(term.master, key)
        term.read(1.0)
        code = term.proc.wait(timeout=20)
    finally:
        if term.proc.poll() is None:
            os.killpg(term.proc.pid, signal.SIGKILL)
        os.close(term.master)
    assert "Kept." in term.text() and "Traceback" not in term.text() and code == 0
    assert [e["note"] for e in json.loads(coreg("list", "--json").stdout)] == ["still here"]
