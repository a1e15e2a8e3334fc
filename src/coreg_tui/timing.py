"""A session's timing, read from a clock it is given: a breathing session's (when it
began, after a --sync wait; pauses) and a step practice's (which step, how long it has
left), and the summary each leaves. Both faces use them; the pacer itself stays pure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from coreg_tui.clock import Clock
from coreg_tui.core.pacing import cycles_done, sync_start
from coreg_tui.core.session import BreathSummary, SessionPlan, StepsSummary

if TYPE_CHECKING:
    from coreg_tui.core.practices import Practice, Step

SYNC_LEAD_S = 3.0  # the least time to get ready before a synced first breath


class TimedSession:
    """Start times and the summary: what both runners share."""

    def __init__(self, plan: SessionPlan, clock: Clock) -> None:
        self.plan, self.clock = plan, clock
        wall, mono = clock.wall(), clock.monotonic()
        begin_wall = sync_start(plan.pacer, wall, SYNC_LEAD_S) if plan.sync else wall
        self.wait_s = begin_wall - wall
        self.begin_wall = begin_wall
        self.begin = mono + self.wait_s  # monotonic time of the first breath
        self.paused_s = 0.0
        self._paused_at: float | None = None

    def elapsed(self) -> float:
        """Breathing time so far: the clock since the first breath, less any pauses."""
        paused = self.paused_s + (
            self.clock.monotonic() - self._paused_at if self._paused_at is not None else 0.0
        )
        return self.clock.monotonic() - self.begin - paused

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def toggle_pause(self) -> None:
        now = self.clock.monotonic()
        if self._paused_at is None:
            self._paused_at = now
        else:
            self.paused_s += now - self._paused_at
            self._paused_at = None

    def summary(self, finished: bool) -> BreathSummary:
        end = self.plan.end_s
        elapsed = min(max(0.0, self.elapsed()), end if end is not None else float("inf"))
        return BreathSummary(
            pattern=str(self.plan.target),
            preset=self.plan.preset.name if self.plan.preset else None,
            started_at=datetime.fromtimestamp(self.begin_wall, UTC),
            elapsed_s=elapsed,
            cycles=cycles_done(self.plan.pacer, elapsed),
            finished=finished,
            glide_from=str(self.plan.start) if self.plan.start else None,
        )


class TimedSteps:
    """A step practice on its timers: each step moves on when its time is up (or sooner,
    with `next()`). Time stopped (Ctrl-Z in a terminal), as `stopped()` counts it, is
    neither a step's time nor the practice's."""

    def __init__(
        self, practice: Practice, clock: Clock, stopped: Callable[[], float] = lambda: 0.0
    ) -> None:
        self.practice, self.clock, self.stopped = practice, clock, stopped
        self.begin, self.begin_wall = clock.monotonic(), clock.wall()
        self.index = 0  # the step under way
        self.done = 0  # steps ended, by their time or by the person
        self.finished = False  # every step done
        self._step_began = self.begin
        self._stopped_then = stopped()

    @property
    def step(self) -> Step:
        return self.practice.steps[self.index]

    def remaining(self) -> float:
        """Seconds left of the step under way."""
        stopped = self.stopped() - self._stopped_then
        return self.step.seconds - (self.clock.monotonic() - self._step_began - stopped)

    def next(self) -> bool:
        """End the step under way; False when it was the last (the practice is done)."""
        self.done = self.index + 1
        if self.index + 1 >= len(self.practice.steps):
            self.finished = True
            return False
        self.index += 1
        self._step_began, self._stopped_then = self.clock.monotonic(), self.stopped()
        return True

    def summary(self) -> StepsSummary:
        return StepsSummary(
            self.practice.id,
            datetime.fromtimestamp(self.begin_wall, UTC),
            self.clock.monotonic() - self.begin - self.stopped(),
            self.done,
            len(self.practice.steps),
            self.finished,
        )
