"""A breathing session: what was asked for (the plan) and what it left (the summary).

Both faces build a plan with `plan_session`, so the rules for cycles,
minutes and glides are checked in one place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from coreg_tui.core.durations import format_duration, parse_duration
from coreg_tui.core.entries import Entry, Kind, new_id
from coreg_tui.core.errors import InputError
from coreg_tui.core.pacing import Glide, Pacer, Pattern, Preset, resolve, session_end
from coreg_tui.core.practices import Practice
from coreg_tui.core.states import State

MAX_CYCLES = 10_000
MAX_MINUTES = 600.0
DEFAULT_RAMP_S = 120.0
RAMP_RANGE_S = (10.0, 3600.0)
BEGAN_S = 0.5  # a session shorter than this never began: nothing is kept of it
UNDER_ONE_BREATH = "Under one breath: not kept."


@dataclass(frozen=True, slots=True)
class SessionPlan:
    pacer: Pacer
    target: Pattern
    preset: Preset | None
    start: Pattern | None  # where a glide begins
    ramp_s: float
    end_s: float | None  # elapsed seconds at which it ends; None: until stopped
    cycles: int | None
    sync: bool

    @property
    def label(self) -> str:
        name = (
            f"{self.preset.name} " if self.preset and self.preset.name != str(self.target) else ""
        )
        return f"{name}{self.target}"

    @property
    def glide_ends_s(self) -> float:
        return self.pacer.sync_anchor()[0] if self.start is not None else 0.0


def plan_session(
    pattern: str | None,
    presets: tuple[Preset, ...],
    *,
    default: str,
    cycles: int | None = None,
    minutes: float | None = None,
    glide_from: str | None = None,
    ramp: str | None = None,
    sync: bool = False,
) -> SessionPlan:
    target, preset = resolve(pattern if pattern is not None else default, presets)
    if cycles is not None and not (1 <= cycles <= MAX_CYCLES):
        raise InputError(f"--cycles is {cycles}; it can be 1 to {MAX_CYCLES:,}")
    if minutes is not None and not (math.isfinite(minutes) and 0 < minutes <= MAX_MINUTES):
        raise InputError(f"--minutes is {minutes}; it can be more than 0 and up to {MAX_MINUTES:g}")
    if ramp is not None and glide_from is None:
        raise InputError(
            "--ramp goes with --from, the pattern to start at (e.g. --from 3-3 --ramp 2m)"
        )
    start: Pattern | None = None
    ramp_s = 0.0
    pacer: Pacer = target
    if glide_from is not None:
        start, _ = resolve(glide_from, presets)
        ramp_s = DEFAULT_RAMP_S if ramp is None else parse_duration(ramp)
        low, high = RAMP_RANGE_S
        if not (low <= ramp_s <= high):
            raise InputError(
                f"--ramp is {format_duration(ramp_s)}; it can be {format_duration(low)} "
                f"to {format_duration(high)}"
            )
        pacer = Glide(start, target, ramp_s)
    return SessionPlan(
        pacer=pacer,
        target=target,
        preset=preset,
        start=start,
        ramp_s=ramp_s,
        end_s=session_end(pacer, cycles, minutes),
        cycles=cycles,
        sync=sync,
    )


def plan_practice(
    practice: Practice, presets: tuple[Preset, ...], minutes: float | None = None
) -> SessionPlan:
    """The session for a breathing practice: its pattern, for its own length unless asked."""
    if practice.pattern is None:
        raise InputError(f"'{practice.id}' is a step practice, not a breathing one")
    return plan_session(
        str(practice.pattern),
        presets,
        default=str(practice.pattern),
        minutes=minutes if minutes is not None else practice.duration_s / 60,
    )


@dataclass(frozen=True, slots=True)
class BreathSummary:
    pattern: str  # the target pattern: 4-6
    preset: str | None  # its preset name, when it is one
    started_at: datetime  # aware, UTC: when the first breath began
    elapsed_s: float  # breathing time, not counting a --sync wait
    cycles: int  # whole cycles completed
    finished: bool  # reached its planned end (False: stopped early, or no end was set)
    glide_from: str | None = None

    @property
    def began(self) -> bool:
        return self.elapsed_s >= BEGAN_S

    @property
    def short(self) -> bool:
        """Begun, but not one whole breath: not kept unless the person asks (it would say
        nothing about what helped, and crowd the day's list)."""
        return self.began and self.cycles < 1

    def kept(self, *, asked: bool = False) -> bool:
        """Whether the session is worth an entry: one whole breath, or the person asked."""
        return self.began and (asked or not self.short)

    def sentence(self) -> str:
        if not self.began:
            return "Ended before the first breath."
        if self.short:
            return UNDER_ONE_BREATH
        noun = "cycle" if self.cycles == 1 else "cycles"
        return f"{self.cycles} {noun} in {format_duration(self.elapsed_s)} of breathing."


@dataclass(frozen=True, slots=True)
class StepsSummary:
    practice: str  # its id
    started_at: datetime  # aware, UTC
    elapsed_s: float
    steps_done: int
    steps_total: int
    finished: bool

    @property
    def began(self) -> bool:
        return self.elapsed_s >= BEGAN_S

    def sentence(self) -> str:
        if self.steps_done == 0 and not self.began:
            return "Ended before the first step."
        return (
            f"{self.steps_done} of {self.steps_total} steps in {format_duration(self.elapsed_s)}."
        )


Around = tuple[State, int | None] | None  # a state and intensity before or after


def practice_entry(
    practice: str,
    started_at: datetime,
    elapsed_s: float,
    *,
    cycles: int | None = None,
    before: Around = None,
    after: Around = None,
    detail: dict[str, object] | None = None,
    with_who: str | None = None,
) -> Entry:
    """The journal's record of a practice session, at the local time it began."""
    return Entry(
        id=new_id(),
        kind=Kind.PRACTICE,
        at=started_at.astimezone(),
        state=before[0] if before else None,
        intensity=before[1] if before else None,
        practice=practice,
        duration_s=round(elapsed_s, 3),
        cycles=cycles,
        state_after=after[0] if after else None,
        intensity_after=after[1] if after else None,
        detail=detail or {},
        with_who=with_who,
    )


def breath_entry(
    summary: BreathSummary,
    *,
    before: Around = None,
    after: Around = None,
    practice_id: str | None = None,
) -> Entry:
    detail: dict[str, object] = {"finished": summary.finished}
    if summary.preset:
        detail["preset"] = summary.preset
    if summary.glide_from:
        detail["glide_from"] = summary.glide_from
    if practice_id:
        detail["practice_id"] = practice_id
    return practice_entry(
        summary.pattern,
        summary.started_at,
        summary.elapsed_s,
        cycles=summary.cycles,
        before=before,
        after=after,
        detail=detail,
    )


def steps_entry(summary: StepsSummary, *, before: Around = None, after: Around = None) -> Entry:
    return practice_entry(
        summary.practice,
        summary.started_at,
        summary.elapsed_s,
        before=before,
        after=after,
        detail={"finished": summary.finished, "steps_done": summary.steps_done},
    )


def under_one_breath(entry: Entry) -> bool:
    """A breathing session kept before coreg left those out (or kept because the person
    asked): it is not listed among the day's entries."""
    return entry.kind is Kind.PRACTICE and entry.cycles == 0


def sessions_to_keep(breath: BreathSummary | None, steps: StepsSummary | None) -> list[Entry]:
    """The entries for what was done of help right now: each part that began."""
    kept = [breath_entry(breath)] if breath is not None and breath.kept() else []
    if steps is not None and steps.steps_done:
        kept.append(steps_entry(steps))
    return kept
