"""A step practice's timing (timing.TimedSteps), which `coreg practice` and the
companion's practice screen share: read from a clock, never slept."""

from __future__ import annotations

from datetime import UTC, datetime

from coreg_tui.content import library
from coreg_tui.core.practices import Practice
from coreg_tui.timing import TimedSteps
from tests.clock import FakeClock


def _practice() -> Practice:  # orienting: several steps, each with its own time
    return library().get("orienting")


def test_a_step_moves_on_when_its_time_is_up_and_the_last_one_ends_the_practice() -> None:
    practice, clock = _practice(), FakeClock()
    timer = TimedSteps(practice, clock)
    first = practice.steps[0].seconds
    clock.sleep(first - 1)
    assert (timer.index, round(timer.remaining(), 6)) == (0, 1.0)
    clock.sleep(1)
    assert timer.remaining() <= 0
    for n in range(1, len(practice.steps)):
        assert timer.next() and timer.index == n
        assert timer.remaining() == practice.steps[n].seconds  # each step's own time, afresh
    assert not timer.next()  # the last step ended: the practice is done
    summary = timer.summary()
    assert (summary.steps_done, summary.steps_total, summary.finished) == (
        len(practice.steps),
        len(practice.steps),
        True,
    )


def test_ended_early_it_says_how_far_it_went_and_when_it_began() -> None:
    practice, clock = _practice(), FakeClock()
    began = datetime.fromtimestamp(clock.wall(), UTC)
    timer = TimedSteps(practice, clock)
    clock.sleep(2.0)
    timer.next()  # enter, early
    clock.sleep(3.0)
    summary = timer.summary()
    assert (summary.steps_done, summary.finished, summary.elapsed_s) == (1, False, 5.0)
    assert summary.started_at == began and summary.practice == practice.id


def test_time_stopped_is_neither_the_step_s_nor_the_practice_s() -> None:
    practice, clock = _practice(), FakeClock()
    stopped = [0.0]
    timer = TimedSteps(practice, clock, lambda: stopped[0])
    clock.sleep(4.0)
    clock.sleep(60.0)
    stopped[0] += 60.0  # Ctrl-Z for a minute, then fg
    assert timer.remaining() == practice.steps[0].seconds - 4.0
    timer.next()
    clock.sleep(1.0)
    assert timer.remaining() == practice.steps[1].seconds - 1.0
    assert timer.summary().elapsed_s == 5.0
