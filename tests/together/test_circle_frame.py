"""The circle's picture is a pure function of its timeline and the host's clock: every
screen that asks at the same host moment draws the same frame."""

from __future__ import annotations

from coreg_tui.core import circle
from coreg_tui.core.pacing import parse_pattern
from coreg_tui.visual.breath_frame import Notes
from coreg_tui.visual.circle_frame import circle_frame

NOTES = Notes("Stop if you feel dizzy.", None)
SIZE = (80, 24)


def frame(line: circle.Timeline | None, at: float | None, size: tuple[int, int] = SIZE):
    return circle_frame(line, at, size, NOTES, hint="escape leaves", title="4-6")


def test_before_the_host_begins_it_waits_then_counts_down() -> None:
    assert frame(None, None).word == "waiting for the host to begin"
    line = circle.begin(parse_pattern("4-6"), 100.0)
    assert frame(line, 100.0).word == f"starting in {circle.START_LEAD_S:.0f}"
    assert frame(line, 100.0).orb == ()


def test_breathing_everyone_at_the_same_host_moment_sees_the_same_frame() -> None:
    line = circle.begin(parse_pattern("4-6"), 0.0)
    start = circle.START_LEAD_S
    first = frame(line, start + 1.0)
    assert first == frame(line, start + 1.0)
    assert (first.phase, first.word, first.status) == (
        "inhale",
        "breathe in  3",
        "cycle 1 \u00b7 0:01",
    )
    later = frame(line, start + 11.0)  # the second breath, a second in
    assert later.word == "breathe in  3" and later.status.startswith("cycle 2")
    assert len(later.orb) > 1


def test_a_change_of_pattern_says_it_glides() -> None:
    line = circle.begin(parse_pattern("4-6"), 0.0)
    moved = circle.changed(line, parse_pattern("5-5"), circle.START_LEAD_S + 1.0)
    at = moved.pieces[-1].begins + 1.0
    shown = frame(moved, at)
    assert "gliding to 5-5" in shown.status and shown.title == "5-5"


def test_paused_and_ended_show_words_not_an_orb() -> None:
    line = circle.begin(parse_pattern("4-6"), 0.0)
    held = circle.paused(line, 10.0)
    assert frame(held, 20.0).word == "paused" and frame(held, 20.0).orb == ()
    over = circle.ended(line, 10.0)
    assert over.ends is not None
    assert frame(over, over.ends + 0.1).word == "the circle has ended"


def test_a_small_window_draws_a_bar() -> None:
    line = circle.begin(parse_pattern("4-6"), 0.0)
    assert len(frame(line, circle.START_LEAD_S + 1.0, (40, 8)).orb) == 1
