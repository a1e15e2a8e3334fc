"""Attune reads a person's rhythm from their taps."""

from __future__ import annotations

from coreg_tui.core.attune import TAPS, needs_glide, rhythm
from coreg_tui.core.pacing import Pattern, parse_pattern


def taps(inhale: float, exhale: float, count: int = TAPS, start: float = 100.0) -> list[float]:
    times, t = [], start
    for i in range(count):
        times.append(t)
        t += inhale if i % 2 == 0 else exhale
    return times


def test_steady_taps_give_the_rhythm_they_were_tapped_at() -> None:
    assert rhythm(taps(2.5, 3.25)) == Pattern(inhale=2.5, exhale=3.2)
    assert TAPS % 2 == 1  # the last tap begins a breath in: the pacer starts there


def test_one_breath_is_enough_and_fewer_taps_are_not() -> None:
    assert rhythm(taps(3, 4, count=2)) is None
    assert rhythm(taps(3, 4, count=3)) == Pattern(3, 4)


def test_one_hurried_or_late_tap_does_not_pull_the_rhythm() -> None:
    times = taps(3, 5)
    times[3] -= 2.0  # one exhale started 2 s early (so one inhale is 2 s short)
    assert rhythm(times) == Pattern(3, 5)


def test_a_rushed_or_stopped_rhythm_stays_within_what_a_pattern_can_be() -> None:
    assert rhythm(taps(0.2, 0.3)) == Pattern(1, 1)
    assert rhythm(taps(45, 50)) == Pattern(30, 30)


def test_a_rhythm_near_the_chosen_one_needs_no_glide() -> None:
    assert not needs_glide(Pattern(4.2, 5.8), parse_pattern("4-6"))
    assert needs_glide(Pattern(3, 4), parse_pattern("4-6"))
    assert needs_glide(Pattern(4, 4), parse_pattern("4-4-4-4"))
