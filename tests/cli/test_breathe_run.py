"""The breathing runners on a fake clock: timing, endings, sync, the live picture."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from rich.console import Console

from coreg_tui.cli.breathe_run import run_live, run_plain
from coreg_tui.content import DEFAULT_PRESET, breathing
from coreg_tui.core.pacing import phase_starts
from coreg_tui.core.session import plan_session
from coreg_tui.visual.breath_frame import Notes
from tests.clock import FakeClock, TimedWriter

NOTES = Notes(stop="stop any time", caution=None)


def plan(pattern: str | None = None, **options: object):
    return plan_session(pattern, breathing().presets, default=DEFAULT_PRESET, **options)  # type: ignore[arg-type]


def test_plain_writes_each_phase_the_moment_it_starts() -> None:
    clock = FakeClock()
    out = TimedWriter(clock)
    summary = run_plain(plan("4-7-8", cycles=2), clock, out, None)
    begin = 5_000.0
    assert [(t - begin, line) for t, line in out.lines] == [
        (0.0, "inhale 4s"),
        (4.0, "hold 7s"),
        (11.0, "exhale 8s"),
        (19.0, "inhale 4s"),
        (23.0, "hold 7s"),
        (30.0, "exhale 8s"),
    ]
    assert clock.monotonic() - begin == 38.0  # the last exhale is finished, not cut off
    assert (summary.cycles, summary.elapsed_s, summary.finished) == (2, 38.0, True)
    assert summary.pattern == "4-7-8" and summary.preset == "4-7-8"


def test_plain_never_drifts_over_a_long_session() -> None:
    clock = FakeClock()
    out = TimedWriter(clock)
    p = plan("5.55-5.45", cycles=5_000)  # ~15 hours, awkward decimals
    run_plain(p, clock, out, None)
    schedule = [s.start_s for _, s in zip(range(10_000), phase_starts(p.pacer), strict=False)]
    lateness = [t - 5_000.0 - s for (t, _), s in zip(out.lines, schedule, strict=True)]
    assert max(abs(x) for x in lateness) < 1e-6


def test_plain_marks_the_second_inhale_of_a_sigh() -> None:
    clock = FakeClock()
    out = TimedWriter(clock)
    run_plain(plan("sigh", cycles=1), clock, out, None)
    assert [line for _, line in out.lines] == ["inhale 2s", "inhale 1s, a little more", "exhale 6s"]


def test_ctrl_c_ends_calmly_with_the_cycles_done() -> None:
    clock = FakeClock(interrupt_at=25.0)
    out = TimedWriter(clock)
    summary = run_plain(plan("4-6"), clock, out, None)
    assert (summary.cycles, summary.elapsed_s, summary.finished) == (2, 25.0, False)
    assert summary.sentence() == "2 cycles in 25 s of breathing."


def test_minutes_end_on_a_whole_breath() -> None:
    clock = FakeClock()
    out = TimedWriter(clock)
    summary = run_plain(plan("4-6", minutes=0.75), clock, out, None)
    assert (summary.cycles, summary.elapsed_s) == (5, 50.0)
    assert out.lines[-1][1] == "exhale 6s"


def test_sync_waits_for_the_clock_and_then_breathes_on_its_multiples() -> None:
    clock = FakeClock(wall=1_800_000_001.5)  # 1.5 s past a multiple of 10
    out = TimedWriter(clock)
    summary = run_plain(plan("4-6", cycles=1, sync=True), clock, out, None)
    assert out.lines[0][1] == "starting in 8.5s, in step with the clock"
    first_breath = out.lines[1][0] - clock._mono + clock.wall()  # its wall-clock time
    assert first_breath % 10 == pytest.approx(0.0, abs=1e-6)
    assert summary.started_at == datetime.fromtimestamp(1_800_000_010, UTC)
    assert summary.elapsed_s == 10.0  # the wait is not counted as breathing


def test_ctrl_c_while_waiting_for_the_clock_says_so() -> None:
    clock = FakeClock(wall=1_800_000_001.5, interrupt_at=2.0)
    summary = run_plain(plan("4-6", sync=True), clock, TimedWriter(clock), None)
    assert (summary.cycles, summary.elapsed_s) == (0, 0.0)
    assert summary.sentence() == "Ended before the first breath."


def test_bell_rings_at_every_phase() -> None:
    clock = FakeClock()
    bell = io.StringIO()
    run_plain(plan("box", cycles=2), clock, TimedWriter(clock), bell)
    assert bell.getvalue() == "\a" * 8


def test_glide_starts_where_asked_and_arrives_at_the_target() -> None:
    clock = FakeClock()
    out = TimedWriter(clock)
    run_plain(plan("4-6", glide_from="3-3", ramp="1m", minutes=3), clock, out, None)
    lines = [line for _, line in out.lines]
    assert lines[:2] == ["inhale 3s", "exhale 3s"]
    assert lines[-2:] == ["inhale 4s", "exhale 6s"]
    inhales = [float(line.split()[1].rstrip("s")) for line in lines if line.startswith("inhale")]
    assert inhales == sorted(inhales)


class Terminal(io.StringIO):
    """What the console writes, and how many times it wrote."""

    writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def _live(p, clock: FakeClock, width: int = 80, height: int = 24, **kw: object):
    terminal = Terminal()
    console = Console(
        file=terminal,
        force_terminal=True,
        width=width,
        height=height,
        color_system="truecolor",
        legacy_windows=False,
    )
    summary = run_live(p, clock, console, NOTES, **kw)  # type: ignore[arg-type]
    return summary, terminal.getvalue(), terminal.writes


def test_live_runs_a_session_and_leaves_the_screen_as_it_was() -> None:
    clock = FakeClock()
    summary, screen, _ = _live(plan("4-6", cycles=2), clock)
    assert (summary.cycles, summary.finished) == (2, True)
    assert screen.startswith("\x1b[?1049h") and screen.endswith("\x1b[?1049l")  # alt screen
    assert "\x1b[?25l" in screen and screen.endswith("\x1b[?25h\x1b[?1049l")  # cursor back
    for words in ("breathe in", "breathe out", "cycle 2 of 2", "stop any time", "\u2588"):
        assert words in screen


def test_live_redraws_only_what_changes() -> None:
    clock = FakeClock()
    _, screen, writes = _live(plan("4-6", cycles=3), clock)
    polls = clock.sleeps
    assert polls > 500  # it looked at the clock 20 times a second for 30 s
    assert 30 < writes < polls / 3  # but wrote only when something visible changed
    assert screen.count("calm 4-6") == 1  # the title row never changed, so went once
    assert screen.count("stop any time") == 1


def test_live_ctrl_c_restores_the_screen() -> None:
    summary, screen, _ = _live(plan("4-6"), FakeClock(interrupt_at=12.0))
    assert (summary.cycles, summary.finished) == (1, False)
    assert screen.endswith("\x1b[?25h\x1b[?1049l")


def test_live_fits_a_small_window_with_a_bar() -> None:
    _, screen, _ = _live(plan("4-6", cycles=1), FakeClock(), width=30, height=8)
    assert "\u2501" in screen and "\u2588" not in screen


def test_live_sync_shows_a_countdown_first() -> None:
    _, screen, _ = _live(plan("4-6", cycles=1, sync=True), FakeClock(wall=1_800_000_001.5))
    assert "starting in 9" in screen and "starting in 1" in screen
    assert "every 10 s" in screen


def test_live_rings_the_bell_at_each_phase() -> None:
    _, screen, _ = _live(plan("box", cycles=1), FakeClock(), bell=True)
    assert screen.count("\a") == 4
