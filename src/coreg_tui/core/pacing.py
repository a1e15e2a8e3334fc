"""Breathing patterns and the pacer as a pure function of elapsed time.

Nothing here reads a clock or sleeps. A renderer reads its own clock, asks
`phase_at(pacer, elapsed_s)` where the breath is, and draws that; so a
session never drifts, however long it runs, and tests run on a fake clock.

A *pacer* is anything with `cycle_start(k)`, `cycle_at(t)` and
`pattern_for(k)`: a fixed `Pattern`, or a `Glide` that moves from one pattern
to another over a few minutes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from coreg_tui.core.errors import InputError


class Phase(StrEnum):
    INHALE = "inhale"
    HOLD = "hold"
    EXHALE = "exhale"


class PatternError(InputError):
    """A pattern or preset name a person typed that cannot be used."""


# (lowest, highest) seconds for each part of a pattern.
LIMITS: dict[str, tuple[float, float]] = {
    "inhale": (1.0, 30.0),
    "top_up": (0.5, 10.0),
    "hold_in": (0.0, 30.0),
    "exhale": (1.0, 30.0),
    "hold_out": (0.0, 30.0),
}
_WORDS = {
    "inhale": "the inhale",
    "top_up": "the second inhale",
    "hold_in": "the hold after the inhale",
    "exhale": "the exhale",
    "hold_out": "the hold after the exhale",
}
# Which phase each part of a pattern is, in the order a cycle runs them.
_ORDER: tuple[tuple[str, Phase], ...] = (
    ("inhale", Phase.INHALE),
    ("top_up", Phase.INHALE),
    ("hold_in", Phase.HOLD),
    ("exhale", Phase.EXHALE),
    ("hold_out", Phase.HOLD),
)
GRAMMAR_HELP = (
    "patterns look like 4-6 (in-out), 4-7-8 (in-hold-out), 4-4-4-4 (in-hold-out-hold) "
    "or 2+1-6 (in, in a little more, out)"
)


@dataclass(frozen=True, slots=True)
class Segment:
    """One phase of a cycle: which part of the pattern it is, and how long."""

    role: str  # a Pattern field name: inhale, top_up, hold_in, exhale, hold_out
    phase: Phase
    seconds: float


@dataclass(frozen=True, slots=True)
class Pattern:
    """One breathing cycle, in seconds. Zero-length parts are left out."""

    inhale: float
    exhale: float
    hold_in: float = 0.0
    hold_out: float = 0.0
    top_up: float = 0.0
    # Worked out once: a display asks for them many times a second.
    _segments: tuple[Segment, ...] = field(init=False, repr=False, compare=False)
    _period: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        segments = tuple(
            Segment(role, phase, getattr(self, role))
            for role, phase in _ORDER
            if getattr(self, role) > 0
        )
        object.__setattr__(self, "_segments", segments)
        object.__setattr__(self, "_period", sum(seg.seconds for seg in segments))

    def segments(self) -> tuple[Segment, ...]:
        return self._segments

    @property
    def period(self) -> float:
        return self._period

    @property
    def breaths_per_minute(self) -> float:
        return 60.0 / self.period

    @property
    def has_holds(self) -> bool:
        return self.hold_in > 0 or self.hold_out > 0

    def __str__(self) -> str:
        return format_pattern(self)

    # A fixed pattern is the simplest pacer: every cycle is the same.
    def cycle_start(self, k: int) -> float:
        return k * self.period

    def cycle_at(self, t: float) -> int:
        return math.floor(t / self.period)

    def pattern_for(self, k: int) -> Pattern:
        return self

    def sync_anchor(self) -> tuple[float, float]:
        return 0.0, self.period


class Pacer(Protocol):
    def cycle_start(self, k: int) -> float: ...
    def cycle_at(self, t: float) -> int: ...
    def pattern_for(self, k: int) -> Pattern: ...
    def sync_anchor(self) -> tuple[float, float]: ...


# --- the pattern grammar -------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _seconds(text: str, whole: str) -> float:
    if not _NUMBER.fullmatch(text):
        if not text:
            raise PatternError(f"'{whole}' has an empty part; {GRAMMAR_HELP}")
        raise PatternError(f"'{text}' in '{whole}' is not a number of seconds; {GRAMMAR_HELP}")
    if "." in text and len(text.split(".")[1]) > 2:
        raise PatternError(f"'{text}' in '{whole}' has more than two decimals; use e.g. 5.5")
    return float(text)


def parse_pattern(text: str) -> Pattern:
    """Read `4-6`, `4-7-8`, `4-4-4-4`, `5.5-5.5` or `2+1-6` into a Pattern."""
    whole = text.strip()
    if not whole:
        raise PatternError(f"the pattern is empty; {GRAMMAR_HELP}")
    parts = whole.replace("\u2013", "-").replace("\u2212", "-").split("-")
    if len(parts) < 2:
        raise PatternError(f"'{whole}' needs at least an inhale and an exhale; {GRAMMAR_HELP}")
    if len(parts) > 4:
        raise PatternError(f"'{whole}' has {len(parts)} parts, at most 4; {GRAMMAR_HELP}")
    first, *rest = parts
    top_up = 0.0
    if "+" in first:
        first, _, second = first.partition("+")
        top_up = _seconds(second, whole)
        if top_up == 0:
            raise PatternError(f"the second inhale in '{whole}' is 0 s; leave out '+0'")
    values = [_seconds(first, whole), *(_seconds(p, whole) for p in rest)]
    if len(values) == 2:
        inhale, exhale = values
        pattern = Pattern(inhale=inhale, exhale=exhale, top_up=top_up)
    elif len(values) == 3:
        inhale, hold_in, exhale = values
        pattern = Pattern(inhale=inhale, exhale=exhale, hold_in=hold_in, top_up=top_up)
    else:
        inhale, hold_in, exhale, hold_out = values
        pattern = Pattern(inhale, exhale, hold_in=hold_in, hold_out=hold_out, top_up=top_up)
    check_limits(pattern)
    return pattern


def check_limits(pattern: Pattern) -> None:
    for name, (low, high) in LIMITS.items():
        value = getattr(pattern, name)
        if name == "top_up" and value == 0:
            continue
        if not (low <= value <= high):
            raise PatternError(
                f"{_WORDS[name]} is {format_seconds(value)} s; "
                f"it can be {format_seconds(low)} to {format_seconds(high)} s"
            )


def format_seconds(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def format_pattern(p: Pattern) -> str:
    first = format_seconds(p.inhale)
    if p.top_up > 0:
        first += "+" + format_seconds(p.top_up)
    if p.hold_out > 0:
        parts = [first, p.hold_in, p.exhale, p.hold_out]
    elif p.hold_in > 0:
        parts = [first, p.hold_in, p.exhale]
    else:
        parts = [first, p.exhale]
    return "-".join(x if isinstance(x, str) else format_seconds(x) for x in parts)


# --- presets -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    pattern: Pattern
    description: str
    caution: str | None = None
    aliases: tuple[str, ...] = ()


def resolve(text: str, presets: tuple[Preset, ...]) -> tuple[Pattern, Preset | None]:
    """A preset name (or alias), or a pattern; a pattern that equals a preset
    is shown as that preset, so its caution is never missed."""
    key = text.strip().lower()
    for preset in presets:
        if key == preset.name or key in preset.aliases:
            return preset.pattern, preset
    if not any(ch.isdigit() or ch in "-+" for ch in key):
        names = [p.name for p in presets]
        hint = _close_name(key, [n for p in presets for n in (p.name, *p.aliases)])
        raise PatternError(
            f"there is no preset called '{text.strip()}'{hint}; "
            f"try {', '.join(names)}, or a pattern such as 4-6"
        )
    pattern = parse_pattern(text)
    return pattern, next((p for p in presets if p.pattern == pattern), None)


def _close_name(word: str, names: list[str]) -> str:
    import difflib

    match = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


# --- glide: meet the rhythm where it is, then lead it ---------------------------


def blend(a: Pattern, b: Pattern, f: float) -> Pattern:
    """The pattern a fraction f (0..1) of the way from a to b, part by part."""
    if f <= 0:
        return a
    if f >= 1:
        return b
    return Pattern(
        **{name: getattr(a, name) + (getattr(b, name) - getattr(a, name)) * f for name in LIMITS}
    )


@dataclass(frozen=True, slots=True)
class Glide:
    """Start at `start` and move to `target` over `ramp_s` seconds.

    Each cycle takes the blend for the moment it starts (f = start time / ramp),
    so every cycle of the ramp lies between the two patterns and each part's
    length changes monotonically. The first cycle that starts at or after the
    end of the ramp, and every one after it, is `target` exactly.

    Cycle starts have a closed form: while gliding, t(k+1) = t(k)*r + Pa with
    r = 1 + (Pb - Pa)/ramp, so t(k) = Pa*(r**k - 1)/(r - 1). No cycle is found
    by adding up the ones before it, so nothing accumulates rounding.
    """

    start: Pattern
    target: Pattern
    ramp_s: float
    _c: float = field(init=False, repr=False, compare=False)
    _k_end: int = field(init=False, repr=False, compare=False)
    _t_end: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not (self.ramp_s > 0 and math.isfinite(self.ramp_s)):
            raise ValueError("a glide needs a positive ramp")
        pa, pb = self.start.period, self.target.period
        c = (pb - pa) / self.ramp_s
        object.__setattr__(self, "_c", c)
        if c <= -1:
            # The ramp is shorter than the jump from Pa down to Pb: the first
            # cycle (the start pattern) already reaches past its end.
            k = 1
        elif abs(c) < 1e-12:
            k = math.ceil(self.ramp_s / pa)
        else:
            k = math.ceil(math.log(pb / pa) / math.log1p(c))
        # The closed form is exact in real numbers; settle float rounding here.
        while k > 0 and self._ramp_start(k - 1) >= self.ramp_s:
            k -= 1
        while self._ramp_start(k) < self.ramp_s:
            k += 1
        object.__setattr__(self, "_k_end", k)
        object.__setattr__(self, "_t_end", self._ramp_start(k))

    def _ramp_start(self, k: int) -> float:
        pa, c = self.start.period, self._c
        if k <= 1:
            return k * pa
        if abs(c) < 1e-12:
            return k * pa
        return pa * math.expm1(k * math.log1p(c)) / c

    @property
    def ramp_cycles(self) -> int:
        """How many cycles the glide takes before it reaches the target."""
        return self._k_end

    def cycle_start(self, k: int) -> float:
        if k <= self._k_end:
            return self._ramp_start(k)
        return self._t_end + (k - self._k_end) * self.target.period

    def cycle_at(self, t: float) -> int:
        if t >= self._t_end:
            return self._k_end + math.floor((t - self._t_end) / self.target.period)
        pa, c = self.start.period, self._c
        if self._k_end == 1:
            return 0
        if abs(c) < 1e-12:
            k = math.floor(t / pa)
        else:
            # while gliding, starts stay below the recurrence's fixed point -Pa/c,
            # so the logarithm's argument is positive
            k = math.floor(math.log1p(t * c / pa) / math.log1p(c))
        k = max(0, min(k, self._k_end - 1))
        while k > 0 and self._ramp_start(k) > t:
            k -= 1
        while self._ramp_start(k + 1) <= t:
            k += 1
        return k

    def pattern_for(self, k: int) -> Pattern:
        if k >= self._k_end:
            return self.target
        return blend(self.start, self.target, self._ramp_start(k) / self.ramp_s)

    def sync_anchor(self) -> tuple[float, float]:
        # In step with everyone else from the first cycle at the target on.
        return self._t_end, self.target.period


# --- where the breath is at a moment ------------------------------------------------


@dataclass(frozen=True, slots=True)
class PhaseState:
    phase: Phase
    progress: float  # 0 at the start of the phase, approaching 1 at its end
    cycle: int  # 0 for the first cycle
    role: str  # which part of the pattern: inhale, top_up, hold_in, exhale, hold_out
    index: int  # position of this phase within its cycle
    start_s: float  # elapsed seconds at which this phase began
    seconds: float  # its length
    pattern: Pattern  # the cycle's pattern (changes during a glide)

    @property
    def end_s(self) -> float:
        return self.start_s + self.seconds


def phase_at(pacer: Pacer, elapsed_s: float) -> PhaseState:
    """Where the breath is `elapsed_s` seconds into a session."""
    if not elapsed_s >= 0:  # also refuses nan
        raise ValueError(f"elapsed time must be 0 or more, not {elapsed_s}")
    k = pacer.cycle_at(elapsed_s)
    if pacer.cycle_start(k) > elapsed_s:
        k -= 1
    elif pacer.cycle_start(k + 1) <= elapsed_s:
        k += 1
    start = pacer.cycle_start(k)
    pattern = pacer.pattern_for(k)
    within = elapsed_s - start
    segments = pattern.segments()
    offset = 0.0
    for index, seg in enumerate(segments):
        if within < offset + seg.seconds or index == len(segments) - 1:
            progress = min(1.0, max(0.0, (within - offset) / seg.seconds))
            return PhaseState(
                seg.phase, progress, k, seg.role, index, start + offset, seg.seconds, pattern
            )
        offset += seg.seconds
    raise AssertionError("a pattern always has an inhale and an exhale")


def phase_starts(pacer: Pacer, first_cycle: int = 0) -> Iterator[PhaseState]:
    """Every phase from the start of `first_cycle` on, in order, as it begins."""
    k = first_cycle
    while True:
        start = pacer.cycle_start(k)
        pattern = pacer.pattern_for(k)
        offset = 0.0
        for index, seg in enumerate(pattern.segments()):
            yield PhaseState(
                seg.phase, 0.0, k, seg.role, index, start + offset, seg.seconds, pattern
            )
            offset += seg.seconds
        k += 1


def fullness(state: PhaseState) -> float:
    """How full the lungs are, 0..1, for a visual that grows and shrinks.

    An eased curve (slow at both ends, like a real breath). With a second,
    short inhale the first one fills to 80% and the second tops it up.
    """
    eased = (1 - math.cos(math.pi * state.progress)) / 2
    topped = state.pattern.top_up > 0
    if state.role == "inhale":
        return eased * (0.8 if topped else 1.0)
    if state.role == "top_up":
        return 0.8 + 0.2 * eased
    if state.role == "hold_in":
        return 1.0
    if state.role == "exhale":
        return 1.0 - eased
    return 0.0


# --- how long a session runs, and when a synced one starts ------------------------------


def session_end(pacer: Pacer, cycles: int | None, minutes: float | None) -> float | None:
    """Elapsed seconds at which a session ends, or None to go on until stopped.

    With --minutes the breath in progress is finished, never cut off: the
    session ends at the first cycle boundary at or after that time. With both,
    whichever comes first.
    """
    ends: list[float] = []
    if cycles is not None:
        ends.append(pacer.cycle_start(cycles))
    if minutes is not None:
        t = minutes * 60.0
        k = pacer.cycle_at(t)
        start = pacer.cycle_start(k)
        ends.append(start if abs(start - t) < 1e-9 else pacer.cycle_start(k + 1))
    return min(ends) if ends else None


def cycles_done(pacer: Pacer, elapsed_s: float) -> int:
    """Whole cycles completed `elapsed_s` seconds into a session."""
    if elapsed_s <= 0:
        return 0
    return phase_at(pacer, elapsed_s).cycle


def sync_start(pacer: Pacer, now_unix: float, lead_s: float = 0.0) -> float:
    """The Unix time to begin so that cycles fall on wall-clock multiples of
    the period: two people who run the same pattern with --sync on
    clock-synced machines breathe in phase, with no network between them.

    `lead_s` keeps at least that long to get ready before the first breath.
    """
    offset, period = pacer.sync_anchor()
    return math.ceil((now_unix + lead_s + offset) / period) * period - offset
