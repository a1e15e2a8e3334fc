"""The window of tolerance measure, with answers worked out by hand from its definition:
ventral is inside (0); sympathetic n is n above; dorsal n is n below; a practice's effect
is the distance before less the distance after."""

from __future__ import annotations

import pytest

from coreg_tui.core.states import State
from coreg_tui.core.window import AWAY, SAME, TOWARD, closer, direction, distance

V, S, D = State.VENTRAL, State.SYMPATHETIC, State.DORSAL

# before, its intensity, after, its intensity: closer by (worked by hand), direction
CASES = [
    (V, 3, V, 5, 0, SAME),  # inside the window both times, whatever the intensity
    (V, 2, S, 6, -6, AWAY),
    (V, None, D, 4, -4, AWAY),
    (S, 6, V, 2, 6, TOWARD),  # into the window: all six of the way
    (S, 3, V, 8, 3, TOWARD),  # anxious 3 to calm 8 is a move in, not "+5"
    (S, 6, S, 2, 4, TOWARD),
    (S, 3, S, 8, -5, AWAY),
    (S, 6, D, 6, 0, SAME),  # across the window, no nearer: no better
    (S, 6, D, 2, 4, TOWARD),  # across it, but nearer
    (D, 7, V, None, 7, TOWARD),
    (D, 7, D, 3, 4, TOWARD),
    (D, 2, S, 5, -3, AWAY),
    (D, 4, D, 4, 0, SAME),
]
UNMEASURED = [
    (S, None, V, None, TOWARD),  # into the window still counts as toward it
    (D, None, V, 5, TOWARD),
    (V, 4, S, None, AWAY),  # out of it, as away
    (S, None, D, None, None),  # cannot be told
    (S, None, S, 3, None),
    (None, None, V, 2, None),
]


@pytest.mark.parametrize(("before", "bn", "after", "an", "change", "way"), CASES)
def test_every_transition_by_hand(
    before: State, bn: int | None, after: State, an: int | None, change: int, way: int
) -> None:
    assert closer(before, bn, after, an) == change
    assert direction(before, bn, after, an) == way


@pytest.mark.parametrize(("before", "bn", "after", "an", "way"), UNMEASURED)
def test_without_intensities_only_a_move_in_or_out_of_the_window_is_told(
    before: State | None, bn: int | None, after: State, an: int | None, way: int | None
) -> None:
    assert closer(before, bn, after, an) is None
    assert direction(before, bn, after, an) == way


def test_distance_is_zero_inside_and_the_intensity_outside() -> None:
    assert [distance(V, 9), distance(S, 4), distance(D, 4), distance(D, None)] == [0, 4, 4, None]
