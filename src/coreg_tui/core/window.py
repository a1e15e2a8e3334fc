"""Where a check-in sits against the window of tolerance, and what a practice changed.

One measure, used wherever a change is shown (stats, the report, insights, the
line after a practice):

- ventral is inside the window: distance 0, whatever its intensity;
- sympathetic at intensity n is n above the window; dorsal at n is n below it.

A practice's effect is the distance before less the distance after, so a
positive number is a move toward the window. Crossing it (sympathetic 6 to
dorsal 6) is no better unless the distance shrank. Where an intensity is
missing outside the window, the distance cannot be told; a move into ventral
still counts as a move toward the window, and a move out of it as one away.
"""

from __future__ import annotations

from coreg_tui.core.states import State

TOWARD, SAME, AWAY = 1, 0, -1


def distance(state: State | None, intensity: int | None) -> int | None:
    """How far from the window: 0 inside it, n outside it at intensity n; None when it
    cannot be told (no state, or no intensity outside the window)."""
    if state is State.VENTRAL:
        return 0
    if state is None or intensity is None:
        return None
    return intensity


def side(state: State | None, intensity: int | None) -> int | None:
    """The distance with its side: above the window (sympathetic) positive, below it
    (dorsal) negative, 0 inside it."""
    found = distance(state, intensity)
    if found is None or state is not State.DORSAL:
        return found
    return -found


def closer(
    before: State | None, before_n: int | None, after: State | None, after_n: int | None
) -> int | None:
    """How much closer to the window a practice left the person (negative: further);
    None when either distance cannot be told."""
    start, end = distance(before, before_n), distance(after, after_n)
    if start is None or end is None:
        return None
    return start - end


def direction(
    before: State | None, before_n: int | None, after: State | None, after_n: int | None
) -> int | None:
    """TOWARD, SAME or AWAY from the window; None when it cannot be told."""
    change = closer(before, before_n, after, after_n)
    if change is not None:
        return TOWARD if change > 0 else AWAY if change < 0 else SAME
    if after is State.VENTRAL and before in (State.SYMPATHETIC, State.DORSAL):
        return TOWARD
    if before is State.VENTRAL and after in (State.SYMPATHETIC, State.DORSAL):
        return AWAY
    return None
