"""A circle's shared timeline (core/circle.py) and the joiner's estimate of the host's
clock (core/clock_offset.py): pure, on made-up clocks."""

from __future__ import annotations

import itertools

import pytest

from coreg_tui.core import circle
from coreg_tui.core.circle import GLIDE_S, LEAD_S, START_LEAD_S, moment
from coreg_tui.core.clock_offset import OffsetEstimate, RoundTrip
from coreg_tui.core.pacing import Pattern, PhaseState, phase_at

SLOW = Pattern(inhale=4, exhale=6)
FAST = Pattern(inhale=2, exhale=3)


def same(a: PhaseState | None, b: PhaseState) -> bool:
    """The same phase of the same breath, as far along (to float rounding)."""
    return (
        a is not None
        and (a.role, a.cycle, a.pattern) == (b.role, b.cycle, b.pattern)
        and (a.progress == pytest.approx(b.progress, abs=1e-9))
    )


def test_a_circle_waits_then_breathes_as_the_pacer_does() -> None:
    line = circle.begin(SLOW, host_now=1000.0)
    assert moment(line, 1000.0).what == "waiting"
    assert moment(line, 1000.0).seconds_to_start == pytest.approx(START_LEAD_S)
    for t in (0.0, 3.9, 4.0, 9.99, 10.0, 125.3):
        now = moment(line, 1000.0 + START_LEAD_S + t)
        assert now.what == "breathing" and same(now.phase, phase_at(SLOW, t))


def test_a_new_pattern_begins_with_a_breath_ahead_of_now_and_glides() -> None:
    line = circle.begin(SLOW, host_now=0.0)
    start = line.begins
    later = circle.changed(line, FAST, host_now=start + 21.0)
    change = later.pieces[-1].begins
    # the first breath that begins at least LEAD_S after the change was asked for
    assert change == start + 30.0 and change >= start + 21.0 + LEAD_S
    # nothing before it moves: whoever is mid-breath stays on the same beat
    for t in (start, start + 12.5, start + 22.4, change - 0.01):
        assert moment(later, t) == moment(line, t)
    # each breath of the glide lies between the two patterns, shrinking steadily
    periods = [
        moment(later, change + s).phase.pattern.period  # type: ignore[union-attr]
        for s in range(0, int(GLIDE_S) + 12)
    ]
    assert periods[0] == SLOW.period and periods[-1] == FAST.period
    assert all(a >= b for a, b in itertools.pairwise(periods))
    assert later.pattern() == FAST


def test_pause_holds_everyone_and_going_on_glides_from_where_it_was() -> None:
    line = circle.begin(SLOW, host_now=0.0)
    held = circle.paused(line, host_now=line.begins + 7.0)
    assert moment(held, line.begins + 7.0).what == "breathing"  # LEAD_S to hear of it
    assert moment(held, line.begins + 7.0 + LEAD_S).what == "paused"
    held = circle.changed(held, FAST, host_now=line.begins + 20.0)  # asked while paused
    assert moment(held, line.begins + 25.0).what == "paused"
    going = circle.resumed(held, host_now=line.begins + 40.0)
    back = line.begins + 40.0 + LEAD_S
    assert same(moment(going, back).phase, phase_at(SLOW, 0.0))  # no jump: where it was
    later = moment(going, back + GLIDE_S + 10).phase
    assert later is not None and later.pattern == FAST  # and on to the new one


def test_the_end_waits_for_the_breath_in_progress() -> None:
    line = circle.begin(SLOW, host_now=0.0)
    over = circle.ended(line, host_now=line.begins + 13.0)
    assert over.ends == line.begins + 20.0
    assert moment(over, line.begins + 19.9).what == "breathing"
    assert moment(over, line.begins + 20.0).what == "ended"
    assert circle.cycles_done(over, line.begins + 500.0) == 2
    assert circle.breathing_s(over, line.begins + 500.0) == pytest.approx(20.0)


def test_breaths_are_counted_over_every_piece() -> None:
    line = circle.begin(SLOW, host_now=0.0)
    line = circle.paused(line, host_now=line.begins + 9.0)  # paused from 10.5: one breath
    line = circle.resumed(line, host_now=line.begins + 50.0)  # on from 51.5 at SLOW
    assert circle.cycles_done(line, line.begins + 51.5 + 25.0) == 1 + 2
    assert circle.breathing_s(line, line.begins + 51.5 + 25.0) == pytest.approx(10.5 + 25.0)


def test_the_offset_is_the_round_trip_least_held_up() -> None:
    host_ahead = 3.75  # the host's clock reads this much more than the joiner's
    estimate = OffsetEstimate()
    assert estimate.offset is None
    for asked, there, back_again in ((10.0, 0.20, 0.30), (11.0, 0.004, 0.004), (12.0, 0.5, 0.1)):
        received = asked + there + host_ahead
        estimate.add(
            RoundTrip(asked, received, received + 0.001, asked + there + 0.001 + back_again)
        )
    assert estimate.offset == pytest.approx(host_ahead)
    assert estimate.host_time(100.0) == pytest.approx(103.75)


def test_an_uneven_path_errs_by_half_its_unevenness() -> None:
    trip = RoundTrip(asked=0.0, received=5.030, answered=5.030, back=0.040)  # 30 ms there, 10 back
    assert trip.offset == pytest.approx(5.0 + (0.030 - 0.010) / 2)
    assert trip.delay == pytest.approx(0.040)


def test_a_round_trip_whose_clock_went_back_is_not_believed() -> None:
    estimate = OffsetEstimate()
    estimate.add(RoundTrip(asked=10.0, received=1.0, answered=1.0, back=9.0))
    assert estimate.offset is None
