"""The installed `coreg` entry point, in real subprocesses and a real pseudo-terminal."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time

import pytest

from tests.installed import COREG, coreg, default_sigint, run_in_pty

pytestmark = pytest.mark.slow


def colour_codes(text: str) -> list[str]:
    """SGR parameters that set a foreground or background colour."""
    found = []
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        codes = [int(c) for c in params.split(";") if c]
        if any(c in (38, 48) or 30 <= c <= 37 or 40 <= c <= 47 or 90 <= c <= 107 for c in codes):
            found.append(params)
    return found


def test_the_console_script_and_python_m_agree() -> None:
    assert COREG.exists()
    one = coreg("--version")
    two = subprocess.run(
        [sys.executable, "-m", "coreg_tui", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and re.fullmatch(r"coreg \d+\.\d+\.\d+\n", one.stdout)


def test_piped_breathe_prints_one_line_per_phase_then_a_summary() -> None:
    started = time.monotonic()
    result = coreg("breathe", "1-1.5", "--cycles", "1")
    took = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "inhale 1s",
        "exhale 1.5s",
        "done: 1 cycle in 2 s of breathing.",
    ]
    assert re.fullmatch(r"kept: [0-9a-f]{8}", result.stdout.splitlines()[3])
    assert 2.5 <= took < 10


def test_a_caution_goes_to_stderr_so_the_phase_lines_stay_clean() -> None:
    result = coreg("breathe", "1-1-1", "--cycles", "1", "--plain")
    assert result.returncode == 0
    assert result.stdout.splitlines()[:3] == ["inhale 1s", "hold 1s", "exhale 1s"]
    assert result.stderr.startswith("note: Holds are not for everyone")


def test_ctrl_c_in_a_pipe_ends_calmly() -> None:
    proc = subprocess.Popen(
        [str(COREG), "breathe", "1-1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
        preexec_fn=default_sigint,  # noqa: PLW1509 (no threads in these tests)
    )
    time.sleep(2.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert err == ""
    assert out.splitlines()[-2] == "done: 1 cycle in 2 s of breathing."


@pytest.mark.parametrize("args", [["breathe", "4-x"], ["breathe", "--minutes", "abc"], ["nope"]])
def test_bad_input_from_the_installed_command(args: list[str]) -> None:
    result = coreg(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_live_in_a_terminal_draws_and_restores_it() -> None:
    run = run_in_pty("breathe", "1-1", "--cycles", "1")
    text = run.output.decode()
    assert run.returncode == 0
    assert "\x1b[?1049h" in text and "\x1b[?1049l" in text  # alternate screen, then back
    assert "breathe in" in text and "breathe out" in text and "\u2588" in text
    assert colour_codes(text)
    assert re.search(
        r"1 cycle in 2 s of breathing\. Kept in your journal \([0-9a-f]{8}\)\.$", text.rstrip()
    )


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_live_ctrl_c_or_terminate_restores_the_terminal_and_exits_0(sig: int) -> None:
    run = run_in_pty("breathe", "4-6", interrupt_after=1.5, signal_to_send=sig)
    text = run.output.decode()
    assert run.returncode == 0
    assert text.index("\x1b[?1049l") > text.index("\x1b[?1049h")
    assert "\x1b[?25h" in text  # the cursor is shown again
    assert "Traceback" not in text
    # a second and a half is under one breath: said so, and not kept
    assert text.rstrip().endswith("Under one breath: not kept.")


@pytest.mark.parametrize("how", [["--no-color"], []])
def test_no_color_means_no_colour(how: list[str]) -> None:
    env = {} if how else {"NO_COLOR": "1"}
    run = run_in_pty("breathe", "1-1", "--cycles", "1", *how, env=env)
    text = run.output.decode()
    assert run.returncode == 0 and "breathe in" in text
    assert not colour_codes(text)


def test_live_works_when_stdin_is_not_a_terminal() -> None:
    run = run_in_pty("breathe", "1-1", "--cycles", "1", stdin_devnull=True)
    assert run.returncode == 0 and b"breathe in" in run.output


def test_a_dumb_terminal_gets_plain_lines() -> None:
    run = run_in_pty("breathe", "1-1", "--cycles", "1", env={"TERM": "dumb"})
    lines = run.output.decode().replace("\r\n", "\n").splitlines()
    assert lines[:3] == ["inhale 1s", "exhale 1s", "done: 1 cycle in 2 s of breathing."]


def test_a_practice_for_two_waits_until_both_are_ready() -> None:
    run = run_in_pty("practice", "together-walking", interrupt_after=1.5)
    text = run.output.decode()
    assert run.returncode == 0
    assert "either of you can stop" in text and "Enter to begin, Ctrl-C to leave." in text
    assert "Left before beginning." in text and "Kept" not in text
    assert "\x1b[?1049h" not in text  # nothing started


def test_an_output_that_cannot_show_every_character_gets_no_traceback() -> None:
    ascii_only = {"PYTHONIOENCODING": "ascii"}
    assert (
        coreg("log", "calm", "--with", "Zoë", "-n", "café \u2615", env=ascii_only).returncode == 0
    )
    for args in (["stats"], ["list"], ["report"], ["show", "--help"]):
        done = coreg(*args, env=ascii_only)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr)
    shown = coreg("list", env=ascii_only).stdout
    assert "Zoe" in shown and "cafe ?" in shown  # a letter keeps its base; the rest is a ?
