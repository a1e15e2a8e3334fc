"""A circle's shared breath: one timeline on the host's clock that everyone's pacer reads.

The timeline is a row of pieces, each beginning at a moment of the host's clock:
breathing to a pacer (a pattern, or a glide from one to another), or paused. Every
change the leader makes is a new piece that begins a little ahead of now (LEAD_S),
so that it reaches everyone before it takes effect and all of them change at the
same moment; a new pattern begins where a breath begins, and glides from the one
before it over GLIDE_S, never jumps. The circle's end waits for the breath in
progress to finish.

Pure, as the pacer is: `moment(timeline, host_s)` is where the breath is at a moment
of the host's clock, and each joiner asks it with its own estimate of that clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from coreg_tui.core.attune import needs_glide
from coreg_tui.core.pacing import Glide, Pacer, Pattern, PhaseState, phase_at

GLIDE_S = 30.0  # a new pattern is reached over this long
MEET_S = 120.0  # from someone's own rhythm to the circle's (as breathe's default ramp)
LEAD_S = 1.5  # how far ahead a change is set, for it to reach everyone first
START_LEAD_S = 3.0  # from Enter to the first breath: time to settle and to hear of it


@dataclass(frozen=True, slots=True)
class Piece:
    begins: float  # the host's clock
    pacer: Pacer  # what is breathed (while paused: what is breathed when the circle goes on)
    paused: bool = False

    def target(self) -> Pattern:
        return self.pacer.target if isinstance(self.pacer, Glide) else self.pacer.pattern_for(0)


@dataclass(frozen=True, slots=True)
class Timeline:
    pieces: tuple[Piece, ...]
    ends: float | None = None  # when the circle ends, once it is known

    @property
    def begins(self) -> float:
        return self.pieces[0].begins

    def piece_at(self, host_s: float) -> Piece | None:
        """The piece in effect at `host_s`; None before the first."""
        found = None
        for piece in self.pieces:
            if piece.begins > host_s:
                break
            found = piece
        return found

    def pattern(self) -> Pattern:
        """What the circle breathes toward (or will, when it goes on)."""
        return self.pieces[-1].target()


@dataclass(frozen=True, slots=True)
class Moment:
    """Where the circle is at a moment: not yet begun, breathing, paused, or ended."""

    what: str  # "waiting", "breathing", "paused", "ended"
    phase: PhaseState | None = None
    seconds_to_start: float = 0.0


def begin(pattern: Pattern, host_now: float, *, met: Pattern | None = None) -> Timeline:
    """The circle's first breath, START_LEAD_S from now: at `pattern`, or, when the leader
    first met someone's own rhythm (`met`), at that rhythm, gliding to `pattern` over
    MEET_S."""
    pacer: Pacer = pattern
    if met is not None and needs_glide(met, pattern):
        pacer = Glide(met, pattern, MEET_S)
    return Timeline((Piece(host_now + START_LEAD_S, pacer),))


def moment(timeline: Timeline | None, host_s: float) -> Moment:
    if timeline is None:
        return Moment("waiting")
    if timeline.ends is not None and host_s >= timeline.ends:
        return Moment("ended")
    piece = timeline.piece_at(host_s)
    if piece is None:
        return Moment("waiting", seconds_to_start=timeline.begins - host_s)
    if piece.paused:
        return Moment("paused")
    return Moment("breathing", phase_at(piece.pacer, host_s - piece.begins))


def _next_breath(timeline: Timeline, host_s: float) -> tuple[float, Pattern | None]:
    """The first moment at or after `host_s` when a breath begins (any moment, while
    paused), and the pattern of the breath in progress then."""
    piece = timeline.piece_at(host_s)
    if piece is None or piece.paused:
        return host_s, None
    within = host_s - piece.begins
    k = piece.pacer.cycle_at(within)
    start = piece.pacer.cycle_start(k)
    if start < within - 1e-9:
        k += 1
        start = piece.pacer.cycle_start(k)
    return piece.begins + start, piece.pacer.pattern_for(max(0, k - 1))


def changed(timeline: Timeline, pattern: Pattern, host_now: float) -> Timeline:
    """Everyone moves to `pattern`, gliding from the breath before over GLIDE_S, from the
    first breath that begins at least LEAD_S from now. While paused, the circle glides
    to `pattern` from where it was when it goes on."""
    last = timeline.pieces[-1]
    if last.paused:
        where = last.pacer.start if isinstance(last.pacer, Glide) else last.pacer.pattern_for(0)
        return replace(
            timeline, pieces=(*timeline.pieces[:-1], replace(last, pacer=_toward(where, pattern)))
        )
    at, current = _next_breath(timeline, host_now + LEAD_S)
    pacer: Pacer = pattern if current is None else _toward(current, pattern)
    return _from(timeline, Piece(at, pacer))


def paused(timeline: Timeline, host_now: float) -> Timeline:
    """Everyone holds still from LEAD_S from now; when the circle goes on, it breathes on
    from the pattern it was at (a glide begun goes on gliding)."""
    if timeline.pieces[-1].paused:
        return timeline
    at = host_now + LEAD_S
    piece = timeline.piece_at(at)
    if piece is None:  # not begun yet: it begins paused
        return _from(timeline, Piece(timeline.begins, timeline.pieces[0].pacer, paused=True))
    k = piece.pacer.cycle_at(at - piece.begins)
    return _from(timeline, Piece(at, _toward(piece.pacer.pattern_for(k), piece.target()), True))


def resumed(timeline: Timeline, host_now: float) -> Timeline:
    """Everyone breathes again, LEAD_S from now, from where the pause left them."""
    last = timeline.pieces[-1]
    if not last.paused:
        return timeline
    return _from(timeline, Piece(host_now + LEAD_S, last.pacer))


def _toward(current: Pattern, target: Pattern) -> Pacer:
    return target if current == target else Glide(current, target, GLIDE_S)


def ended(timeline: Timeline, host_now: float) -> Timeline:
    """The circle ends as the breath in progress ends (at once, while paused)."""
    at, _ = _next_breath(timeline, host_now)
    return replace(timeline, ends=at if timeline.ends is None else min(at, timeline.ends))


def _from(timeline: Timeline, piece: Piece) -> Timeline:
    """`timeline` with `piece` from its moment on (a piece set for later is dropped)."""
    kept = tuple(p for p in timeline.pieces if p.begins < piece.begins)
    return replace(timeline, pieces=(*kept, piece))


def cycles_done(timeline: Timeline, host_s: float) -> int:
    """Whole breaths the circle has taken by `host_s`, over every piece."""
    done = 0
    pieces = timeline.pieces
    end = host_s if timeline.ends is None else min(host_s, timeline.ends)
    for i, piece in enumerate(pieces):
        if piece.begins >= end:
            break
        until = min(end, pieces[i + 1].begins) if i + 1 < len(pieces) else end
        if not piece.paused and until > piece.begins:
            within = until - piece.begins
            k = piece.pacer.cycle_at(within)
            done += k if piece.pacer.cycle_start(k) <= within + 1e-9 else k - 1
    return done


def breathing_s(timeline: Timeline, host_s: float) -> float:
    """Seconds of breathing (not paused, not waiting) by `host_s`."""
    total = 0.0
    end = host_s if timeline.ends is None else min(host_s, timeline.ends)
    for i, piece in enumerate(timeline.pieces):
        until = timeline.pieces[i + 1].begins if i + 1 < len(timeline.pieces) else math.inf
        if not piece.paused:
            total += max(0.0, min(end, until) - piece.begins)
    return total
