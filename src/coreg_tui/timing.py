"""A breathing session's timing: when it began (after a --sync wait), pauses, and
the summary it leaves. Both faces use it; the pacer itself stays pure."""

from __future__ import annotations

from datetime import UTC, datetime

from coreg_tui.clock import Clock
from coreg_tui.core.pacing import cycles_done, sync_start
from coreg_tui.core.session import BreathSummary, SessionPlan

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
