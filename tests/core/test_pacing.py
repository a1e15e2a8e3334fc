"""The pacer as a pure function of time: grammar, phases, glide, sync."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from coreg_tui.core.pacing import (
    Glide,
    Pattern,
    PatternError,
    Phase,
    blend,
    cycles_done,
    format_pattern,
    fullness,
    parse_pattern,
    phase_at,
    phase_starts,
    session_end,
    sync_start,
)


def centis(low: float, high: float) -> st.SearchStrategy[float]:
    """Seconds with at most two decimals, as people type them."""
    return st.integers(round(low * 100), round(high * 100)).map(lambda c: c / 100)


patterns = st.builds(
    Pattern,
    inhale=centis(1, 30),
    exhale=centis(1, 30),
    hold_in=centis(0, 30),
    hold_out=centis(0, 30),
    top_up=st.one_of(st.just(0.0), centis(0.5, 10)),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4-6", Pattern(4, 6)),
        ("4-7-8", Pattern(4, 8, hold_in=7)),
        ("4-4-4-4", Pattern(4, 4, hold_in=4, hold_out=4)),
        ("5.5-5.5", Pattern(5.5, 5.5)),
        ("2+1-6", Pattern(2, 6, top_up=1)),
        (" 4 - 6 ".replace(" ", ""), Pattern(4, 6)),
        ("4\u20136", Pattern(4, 6)),  # an en dash, as some keyboards and phones type it
        ("4-0-6-2", Pattern(4, 6, hold_out=2)),
    ],
)
def test_parse_reads_every_form_of_the_grammar(text: str, expected: Pattern) -> None:
    assert parse_pattern(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("4-x", "'x' in '4-x' is not a number"),
        ("0-6", "inhale is 0 s; it can be 1 to 30"),
        ("4-0", "exhale is 0 s"),
        ("4-6-6-6-6", "at most 4"),
        ("4", "needs at least an inhale and an exhale"),
        ("", "empty"),
        ("-4-6", "empty part"),
        ("4--6", "empty part"),
        ("nan-6", "'nan'"),
        ("inf-6", "'inf'"),
        ("4-1e3", "'1e3'"),
        ("31-6", "inhale is 31 s"),
        ("4-40-6", "hold after the inhale is 40 s; it can be 0 to 30"),
        ("99999999-6", "it can be 1 to 30"),
        ("4.125-6", "more than two decimals"),
        ("2+0-6", "leave out '+0'"),
        ("2+11-6", "second inhale is 11 s"),
    ],
)
def test_parse_refuses_bad_patterns_with_a_reason(text: str, says: str) -> None:
    with pytest.raises(PatternError, match=None) as info:
        parse_pattern(text)
    assert says in str(info.value)
    assert "\n" not in str(info.value)


@given(patterns)
def test_parse_of_format_gives_back_the_pattern(p: Pattern) -> None:
    assert parse_pattern(format_pattern(p)) == p


@given(patterns)
def test_phases_tile_the_cycle_exactly(p: Pattern) -> None:
    segments = p.segments()
    assert sum(s.seconds for s in segments) == p.period
    assert segments[0].phase is Phase.INHALE
    assert all(s.seconds > 0 for s in segments)
    offset = 0.0
    for index, seg in enumerate(segments):
        at_start = phase_at(p, offset)
        assert (at_start.index, at_start.role, at_start.cycle) == (index, seg.role, 0)
        assert at_start.progress == pytest.approx(0.0, abs=1e-9)
        just_before_end = phase_at(p, offset + seg.seconds * 0.999)
        assert just_before_end.index == index
        assert just_before_end.progress == pytest.approx(0.999, abs=1e-6)
        offset += seg.seconds
    assert phase_at(p, p.period).cycle == 1
    assert phase_at(p, p.period).index == 0


@given(patterns, st.floats(0, 10_000), st.integers(1, 5_000))
def test_phase_at_is_the_same_one_cycle_later(p: Pattern, t: float, k: int) -> None:
    a = phase_at(p, t)
    b = phase_at(p, t + k * p.period)
    # Right at a boundary, float rounding may put one side in the next phase.
    assume(min(a.progress, 1 - a.progress) * a.seconds > 1e-6)
    assert (b.index, b.role, b.cycle) == (a.index, a.role, a.cycle + k)
    assert b.progress == pytest.approx(a.progress, abs=1e-6)


@given(patterns, st.floats(0, 1e6))
def test_phase_state_is_consistent(p: Pattern, t: float) -> None:
    s = phase_at(p, t)
    assert 0.0 <= s.progress <= 1.0
    assert s.start_s <= t + 1e-6
    assert t <= s.end_s + 1e-6
    assert 0.0 <= fullness(s) <= 1.0


def test_phase_at_refuses_negative_or_nan_time() -> None:
    for bad in (-0.1, math.nan):
        with pytest.raises(ValueError):
            phase_at(Pattern(4, 6), bad)


def test_the_second_hold_of_box_is_a_hold() -> None:
    box = parse_pattern("4-4-4-4")
    assert [s.phase for s in box.segments()] == [Phase.INHALE, Phase.HOLD, Phase.EXHALE, Phase.HOLD]


def test_a_sigh_is_two_inhales_then_a_long_exhale() -> None:
    sigh = parse_pattern("2+1-6")
    assert [(s.phase, s.seconds) for s in sigh.segments()] == [
        (Phase.INHALE, 2),
        (Phase.INHALE, 1),
        (Phase.EXHALE, 6),
    ]
    # the picture keeps growing through the second inhale
    assert fullness(phase_at(sigh, 2.0)) == pytest.approx(0.8)
    assert fullness(phase_at(sigh, 2.999)) == pytest.approx(1.0, abs=1e-4)


def test_phase_starts_lists_every_phase_in_order() -> None:
    starts = phase_starts(parse_pattern("4-7-8"))
    first = [next(starts) for _ in range(6)]
    assert [(s.phase.value, s.start_s) for s in first] == [
        ("inhale", 0),
        ("hold", 4),
        ("exhale", 11),
        ("inhale", 19),
        ("hold", 23),
        ("exhale", 30),
    ]


# --- glide ---------------------------------------------------------------------

glides = st.builds(Glide, patterns, patterns, st.floats(10, 3600))


@given(glides)
def test_every_glide_cycle_lies_between_the_patterns_and_moves_one_way(g: Glide) -> None:
    previous = g.pattern_for(0)
    assert previous == g.start
    for k in range(1, g.ramp_cycles + 2):
        current = g.pattern_for(k)
        for name in ("inhale", "top_up", "hold_in", "exhale", "hold_out"):
            a, b = getattr(g.start, name), getattr(g.target, name)
            value = getattr(current, name)
            assert min(a, b) - 1e-9 <= value <= max(a, b) + 1e-9
            step = value - getattr(previous, name)
            assert step * (b - a) >= -1e-9  # never back the other way
        previous = current
    assert g.pattern_for(g.ramp_cycles) == g.target


@given(glides)
def test_glide_cycles_follow_one_another_without_gaps(g: Glide) -> None:
    for k in range(g.ramp_cycles + 3):
        start, nxt = g.cycle_start(k), g.cycle_start(k + 1)
        assert nxt - start == pytest.approx(g.pattern_for(k).period, rel=1e-9, abs=1e-9)
        assert g.cycle_at(start + 1e-7) == k
        assert g.cycle_at(nxt - 1e-7) == k
    assert g.cycle_start(g.ramp_cycles - 1) < g.ramp_s <= g.cycle_start(g.ramp_cycles)


def test_a_glide_from_3_3_to_4_6_over_two_minutes() -> None:
    g = Glide(parse_pattern("3-3"), parse_pattern("4-6"), 120)
    assert g.ramp_cycles == 16
    assert phase_at(g, 0).pattern == Pattern(3, 3)
    assert phase_at(g, 200).pattern == Pattern(4, 6)
    # after the ramp it is the target, cycle after cycle
    t_end = g.cycle_start(g.ramp_cycles)
    assert g.cycle_start(g.ramp_cycles + 10) == pytest.approx(t_end + 100)


def test_blend_is_each_end_at_zero_and_one() -> None:
    a, b = Pattern(3, 3), Pattern(4, 8, hold_in=7)
    assert blend(a, b, 0) == a
    assert blend(a, b, 1) == b
    assert blend(a, b, 0.5) == Pattern(3.5, 5.5, hold_in=3.5)


# --- how long, and when a synced session starts ------------------------------------


def test_minutes_finish_the_breath_in_progress() -> None:
    p = parse_pattern("4-6")  # 10 s cycles
    assert session_end(p, None, 1.0) == 60.0  # on a boundary: exactly
    assert session_end(p, None, 0.75) == 50.0  # 45 s is mid-cycle: finish it
    assert session_end(p, 3, None) == 30.0
    assert session_end(p, 3, 1.0) == 30.0  # whichever comes first
    assert session_end(p, None, None) is None


def test_cycles_done_counts_whole_cycles() -> None:
    p = parse_pattern("4-6")
    assert [cycles_done(p, t) for t in (0, 9.99, 10, 25, 30)] == [0, 0, 1, 2, 3]


@given(patterns, st.floats(1.6e9, 2.2e9), st.floats(0, 10))
def test_sync_starts_on_a_multiple_of_the_period(p: Pattern, now: float, lead: float) -> None:
    start = sync_start(p, now, lead)
    assert start >= now + lead - 1e-6
    assert start - (now + lead) <= p.period + 1e-6
    cycles = start / p.period
    assert abs(cycles - round(cycles)) < 1e-6


def test_two_people_who_start_apart_breathe_in_step() -> None:
    p = parse_pattern("5.5-5.5")
    one = sync_start(p, 1_800_000_000.3, 3)
    other = sync_start(p, 1_800_000_004.9, 3)  # started 4.6 s later
    # wherever their sessions are, at one wall-clock moment they are in the same phase
    for wall in (one + 100.25, one + 1000.0):
        a, b = phase_at(p, wall - one), phase_at(p, wall - other)
        assert (a.role, round(a.progress, 6)) == (b.role, round(b.progress, 6))


def test_a_synced_glide_is_in_step_from_its_first_target_cycle() -> None:
    g = Glide(parse_pattern("3-3"), parse_pattern("4-6"), 120)
    start = sync_start(g, 1_800_000_000.0, 3)
    first_target = start + g.cycle_start(g.ramp_cycles)
    assert first_target % 10 == pytest.approx(0, abs=1e-6)
