"""`coreg sos`: help right now. The whole walk on a test clock, and the installed
command as a person at their worst moment would meet it."""

from __future__ import annotations

import io
import signal
import subprocess
import time

import pytest

from coreg_tui.cli.breathe_run import run_plain
from coreg_tui.cli.sos import Guide, guide
from coreg_tui.cli.steps_run import run_steps_plain
from coreg_tui.content import breathing
from coreg_tui.content.texts import texts
from coreg_tui.core.entries import Kind
from coreg_tui.core.session import plan_session
from coreg_tui.offer import offered_library
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


def walk(answer: str | None, *, interrupt_at: float | None = None) -> tuple[list[str], list]:
    clock, out = FakeClock(interrupt_at=interrupt_at), io.StringIO()
    plan = plan_session(WORDS.pattern, breathing().presets, default="", cycles=WORDS.cycles)
    grounding = offered_library(offered_only=False).get(WORDS.grounding)
    assert grounding is not None
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        assert answer is not None
        return answer

    kept = guide(
        Guide(
            breathe=lambda: run_plain(plan, clock, out, None),
            ground=lambda: run_steps_plain(grounding, clock, NoEnter(clock), out),
            ask=None if answer is None else ask,
            out=out,
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
