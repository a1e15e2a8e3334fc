"""`coreg sos`: help right now. The whole walk on a test clock, and the installed
command as a person at their worst moment would meet it."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from coreg_tui.cli.breathe_run import run_plain
from coreg_tui.cli.sos import Guide, guide
from coreg_tui.cli.steps_run import run_steps_plain
from coreg_tui.content import breathing
from coreg_tui.content.texts import texts
from coreg_tui.core.entries import Kind
from coreg_tui.core.session import plan_session
from coreg_tui.paths import config_path, journal_path
from tests.clock import FakeClock
from tests.installed import COREG, default_sigint

CARE = texts().care
WORDS = texts().sos


class NoEnter:
    """Steps move on by their own timers, as they do where no one presses Enter."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock

    def wait_for_enter(self, seconds: float) -> bool:
        self.clock.sleep(seconds)
        return False


def walk(
    answer: str | None, *, interrupt_at: float | None = None, up: bool = False
) -> tuple[list[str], list]:
    clock, out = FakeClock(interrupt_at=interrupt_at), io.StringIO()
    plan = plan_session(WORDS.pattern, breathing().presets, default="", cycles=WORDS.cycles)
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        assert answer is not None
        return answer

    kept = guide(
        Guide(
            breathe=lambda pins: run_plain(plan, clock, out, None),
            practise=lambda practice, pins: run_steps_plain(practice, clock, NoEnter(clock), out),
            ask=None if answer is None else ask,
            out=out,
            leads_up=lambda: up,
        )
    )
    assert asked == ([] if answer is None else [f"{WORDS.keep} [y/N] "])
    return out.getvalue().splitlines(), kept


def test_the_care_lines_come_first_then_breathing_then_grounding() -> None:
    lines, kept = walk(None)
    assert lines[:2] == [CARE.message, CARE.help]
    assert lines[3] == f"{WORDS.breathe} Ctrl-C stops at any time."
    assert lines[4:6] == ["inhale 4s", "exhale 6s"]  # a long breath out, no holds
    assert lines.count("inhale 4s") == WORDS.cycles
    ground = lines.index(WORDS.ground)
    assert lines[ground + 1].startswith("step 1 of 6")
    assert lines[-1] == WORDS.end
    assert kept == []  # no one to ask: nothing is written


@pytest.mark.parametrize(("answer", "kept_count"), [("y", 2), ("yes", 2), ("n", 0), ("", 0)])
def test_nothing_is_kept_unless_the_person_says_so(answer: str, kept_count: int) -> None:
    _, kept = walk(answer)
    assert len(kept) == kept_count
    if kept:
        assert [e.kind for e in kept] == [Kind.PRACTICE, Kind.PRACTICE]
        assert [e.practice for e in kept] == ["4-6", WORDS.grounding]


def test_ctrl_c_while_breathing_ends_calmly_without_grounding() -> None:
    lines, kept = walk("y", interrupt_at=15)
    assert WORDS.ground not in lines and lines[-1] == WORDS.end
    assert [e.practice for e in kept] == ["4-6"]  # the breaths that happened, if wanted


def test_the_installed_command_in_a_pipe() -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('care_contact = "Sam, 555 0199"\n')
    proc = subprocess.Popen(
        [str(COREG), "sos"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        preexec_fn=default_sigint,  # noqa: PLW1509 (no threads in these tests)
    )
    assert proc.stdout is not None
    first = [proc.stdout.readline().rstrip("\n") for _ in range(3)]
    assert first == [CARE.message, "Sam, 555 0199", CARE.help]
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=10)
    assert proc.returncode == 0 and err == ""
    assert rest.splitlines()[-1] == WORDS.end and "\x1b" not in rest
    assert not journal_path().exists()  # nothing asked, nothing written


def test_after_a_strong_dorsal_check_in_help_leads_up_first() -> None:
    lines, kept = walk("y", up=True)
    assert lines[:2] == [CARE.message, CARE.help]
    assert lines[3] == WORDS.rise
    assert lines[4].startswith("step 1 of ")  # gentle activation, not a calming breath
    assert "inhale 4s" not in lines and WORDS.breathe not in " ".join(lines)
    assert lines[-1] == WORDS.end
    assert [e.practice for e in kept] == [WORDS.rising]


@pytest.mark.parametrize(
    ("state", "intensity", "minutes_ago", "up"),
    [
        ("dorsal", 8, 10, True),
        ("dorsal", 7, 59, True),
        ("dorsal", 6, 10, False),  # not strong
        ("dorsal", 9, 70, False),  # over an hour ago
        ("sympathetic", 9, 5, False),
        ("ventral", 9, 5, False),
    ],
)
def test_the_installed_command_leads_up_only_after_a_strong_recent_dorsal_check_in(
    state: str, intensity: int, minutes_ago: int, up: bool
) -> None:
    from tests.installed import coreg

    assert coreg("log", state, "-i", str(intensity), "--at", f"{minutes_ago}m").returncode == 0
    result = coreg("sos", env={"COREG_TIME_SCALE": "200"}, timeout=60)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert (WORDS.rise in lines) is up
    assert ("inhale 4s" in lines) is not up


def shell(line: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`line` run by the shell, as a person types it, on a fast clock and with no input."""
    return subprocess.run(
        line,
        shell=True,
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "COREG_TIME_SCALE": "200"},
    )


def test_sos_cut_short_by_head_ends_quietly() -> None:
    for flags in ("--plain", ""):
        result = shell(f"'{COREG}' sos {flags} | head -1", timeout=30)
        assert result.stdout == CARE.message + "\n"
        assert result.stderr == "", result.stderr


def test_a_broken_config_is_said_after_the_care_lines_and_help_goes_on() -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('care_contact = "Sam, 555 0199"\nbel = true\ntheme = 3\nx = [\n')
    proc = shell(f"'{COREG}' sos 2>&1")
    lines = proc.stdout.splitlines()
    # The contact on line 1 is still read; the problem comes once, after the care lines.
    assert lines[:3] == [CARE.message, "Sam, 555 0199", CARE.help]
    assert lines[3].startswith("coreg: part of ") and "line 2 'bel', line 3 'theme'" in lines[3]
    assert sum("coreg config check" in line for line in lines) == 1
    assert "inhale 4s" in lines and lines[-1] == WORDS.end and proc.returncode == 0


def test_damaged_care_words_fall_back_to_built_in_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A broken prompts.toml or practice file never leaves help without words or steps."""
    from coreg_tui.content import fallback
    from coreg_tui.content import texts as texts_module
    from coreg_tui.offer import help_breath, help_practice, sos_lines

    (tmp_path / "prompts.toml").write_text("care = [\n")
    (tmp_path / "states.toml").write_text("")
    (tmp_path / "practices").mkdir()
    (tmp_path / "practices" / "broken.toml").write_text("id = 3\n")
    monkeypatch.setattr(texts_module, "builtin_content_dir", lambda: tmp_path)
    monkeypatch.setattr("coreg_tui.content.practices.builtin_content_dir", lambda: tmp_path)
    texts_module.texts.cache_clear()
    try:
        assert sos_lines() == [fallback.CARE["message"], fallback.CARE["help"]]
        assert texts_module.sos_words().rising == "coming-back-up"
        grounding = help_practice("grounding-54321")
        assert grounding is fallback.PRACTICES["grounding-54321"] and grounding.steps
        plan, notes = help_breath()
        assert str(plan.target) == "4-6" and plan.cycles == 6 and notes.stop
    finally:
        texts_module.texts.cache_clear()
