"""The companion, the installed command on a real pseudo-terminal: signals and a terminal
that goes away end it the way ctrl+q does, with the session kept and the terminal given
back as it was found."""

from __future__ import annotations

import json
import os
import signal

import pytest

from tests.installed import Terminal, coreg, read_pty

pytestmark = pytest.mark.slow

RESTORED = (b"\x1b[?1049l", b"\x1b[?25h", b"\x1b[?1000l")  # main screen, cursor, no mouse


def _breathing(term: Terminal) -> None:
    term.read_until("Check in")
    os.write(term.master, b"b")
    term.read_until("Where are you now")  # no check-in yet: asked first
    os.write(term.master, b"s6\r")  # sympathetic 6, then begin
    term.read(3.0)  # a breath or so (15 s at five times the pace): a session to keep
    assert term.proc.poll() is None


def _kept_practices() -> list[dict[str, object]]:
    return [e for e in json.loads(coreg("list", "--json").stdout) if e["kind"] == "practice"]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1])
def test_a_signal_gives_the_terminal_back_and_keeps_the_session(sig: int) -> None:
    term = Terminal(size=(24, 80), env={"COREG_TIME_SCALE": "5"})
    try:
        _breathing(term)
        os.kill(term.proc.pid, sig)
        tail = read_pty(term.master, 20, term.proc)  # until it closes the terminal, or ends
        code = term.proc.wait(timeout=20)
        assert code == 128 + sig, tail[-400:]
    finally:
        if term.proc.poll() is None:
            os.killpg(term.proc.pid, signal.SIGKILL)
        os.close(term.master)
    for sequence in RESTORED:
        assert sequence in tail, sequence
    assert b"Traceback" not in tail
    (kept,) = _kept_practices()
    assert kept["duration_s"] and kept["duration_s"] > 0
    assert (kept["state"], kept["intensity"]) == ("sympathetic", 6)


def test_a_terminal_that_goes_away_mid_breath_keeps_the_session() -> None:
    term = Terminal(size=(24, 80), env={"COREG_TIME_SCALE": "5"}, controlling=True)
    try:
        _breathing(term)
        os.close(term.master)  # the window closed: the kernel hangs the terminal up
        code = term.proc.wait(timeout=20)
    finally:
        if term.proc.poll() is None:
            os.killpg(term.proc.pid, signal.SIGKILL)
    assert code in (0, 128 + signal.SIGHUP)
    (kept,) = _kept_practices()
    assert kept["duration_s"] and kept["duration_s"] > 0


# --- the command line's live sessions ---------------------------------------------------


def _practice_entries() -> list[dict[str, object]]:
    return _kept_practices()


def test_ctrl_z_in_breathe_gives_the_terminal_back_and_the_stop_is_not_breathing() -> None:
    import time

    term = Terminal("breathe", "1-1", "--cycles", "30", size=(24, 80), controlling=True)
    try:
        term.read_until("in", timeout=20)
        term.read(1.0)
        os.killpg(term.proc.pid, signal.SIGTSTP)  # the terminal's Ctrl-Z
        before_stop = read_pty(term.master, 1.0)
        assert b"\x1b[?1049l" in before_stop and b"\x1b[?25h" in before_stop
        state = open(f"/proc/{term.proc.pid}/stat").read().split(") ")[1][0]  # noqa: SIM115
        assert state == "T"  # stopped
        time.sleep(4.0)  # four seconds away
        os.killpg(term.proc.pid, signal.SIGCONT)  # fg
        after = read_pty(term.master, 1.0)
        assert b"\x1b[?1049h" in after and b"\x1b[2J" in after  # the whole frame again
        os.killpg(term.proc.pid, signal.SIGINT)
        term.proc.wait(timeout=20)
    finally:
        if term.proc.poll() is None:
            os.killpg(term.proc.pid, signal.SIGKILL)
        os.close(term.master)
    (kept,) = _practice_entries()
    assert 1.0 < kept["duration_s"] < 3.5  # about two seconds breathed; the four away are not


@pytest.mark.parametrize("controlling", [True, False], ids=["hung up", "reads fail"])
@pytest.mark.parametrize("argv", [("breathe", "1-1", "--cycles", "30"), ("practice", "orienting")])
def test_a_terminal_that_goes_away_ends_a_session_quietly_and_keeps_it(
    controlling: bool, argv: tuple[str, ...]
) -> None:
    term = Terminal(*argv, size=(24, 80), controlling=controlling)
    try:
        term.read_until("1", timeout=20)
        term.read(2.5)
        os.close(term.master)  # the window closed
        term.proc.wait(timeout=20)
    finally:
        if term.proc.poll() is None:
            os.killpg(term.proc.pid, signal.SIGKILL)
    (kept,) = _practice_entries()
    assert kept["duration_s"] > 1.0
