"""The suggestion ranking, on the real built-in practices."""

from __future__ import annotations

import pytest

from coreg_tui.content import breathing
from coreg_tui.content.practices import load_library
from coreg_tui.core.practices import Direction, PracticeKind
from coreg_tui.core.states import State
from coreg_tui.core.suggest import suggest

LIBRARY = load_library(None, breathing().presets).practices


@pytest.mark.parametrize("intensity", [7, 8, 9, 10])
def test_strong_sympathetic_puts_long_exhale_breathing_and_grounding_first(intensity: int) -> None:
    top = suggest(LIBRARY, State.SYMPATHETIC, intensity).practices[:2]
    assert all(p.long_exhale or p.kind is PracticeKind.GROUNDING for p in top)


@pytest.mark.parametrize("intensity", [None, *range(11)])
def test_dorsal_starts_with_gentle_activation_and_never_a_calming_breath(
    intensity: int | None,
) -> None:
    result = suggest(LIBRARY, State.DORSAL, intensity, with_someone=True)
    assert result.practices[0].direction is Direction.ACTIVATING
    assert not any(p.is_breathing and p.direction is Direction.CALMING for p in result.practices)


def test_holds_are_not_offered_above_the_threshold_which_is_configurable() -> None:
    def holds(intensity: int, limit: int = 6) -> set[str]:
        found = suggest(LIBRARY, State.SYMPATHETIC, intensity, holds_max_intensity=limit)
        return {p.id for p in found.practices if p.has_holds}

    assert holds(5) == {"breathe-box", "breathe-478"}
    assert holds(7) == set()
    assert holds(7, limit=8) == {"breathe-box"}  # 4-7-8 itself suits up to 6
    assert holds(3, limit=2) == set()


def test_practices_for_two_only_when_someone_is_there() -> None:
    alone = suggest(LIBRARY, State.SYMPATHETIC, 5).practices
    together = suggest(LIBRARY, State.SYMPATHETIC, 5, with_someone=True).practices
    assert not any(p.together for p in alone) and any(p.together for p in together)


@pytest.mark.parametrize(
    ("state", "intensity", "care"),
    [
        (State.SYMPATHETIC, 9, True),
        (State.DORSAL, 10, True),
        (State.SYMPATHETIC, 8, False),
        (State.VENTRAL, 10, False),
        (State.DORSAL, None, False),
    ],
)
def test_the_care_line_at_the_highest_distress(
    state: State, intensity: int | None, care: bool
) -> None:
    assert suggest(LIBRARY, state, intensity).care is care


def test_history_reorders_but_never_hides_the_care_line() -> None:
    plain = suggest(LIBRARY, State.SYMPATHETIC, 9)
    last = plain.practices[-1].id
    nudged = suggest(
        LIBRARY, State.SYMPATHETIC, 9, history={last: 100.0, plain.practices[0].id: -100}
    )
    assert nudged.care is True
    assert (
        nudged.practices.index(next(p for p in nudged.practices if p.id == last))
        < len(plain.practices) - 1
    )
    assert {p.id for p in nudged.practices} == {p.id for p in plain.practices}


def test_with_someone_a_practice_for_two_is_always_in_the_first_three() -> None:
    from coreg_tui.core.suggest import TOGETHER_WITHIN

    practices = LIBRARY
    for state in State:
        for intensity in (None, *range(11)):
            found = suggest(practices, state, intensity, with_someone=True)
            suits = [p for p in found.practices if p.together]
            if not suits:
                continue  # none suits this moment: none is pushed in
            assert any(p.together for p in found.practices[:TOGETHER_WITHIN]), (state, intensity)
            assert len(found.reasons) == len(found.practices)
            alone = suggest(practices, state, intensity, with_someone=False)
            assert not any(p.together for p in alone.practices)


def test_why_names_the_traits_that_counted_and_a_lift() -> None:
    found = suggest(LIBRARY, State.SYMPATHETIC, 5, with_someone=True)
    first = found.reasons[0]
    assert first.startswith("for sympathetic, mild: ") and "+" in first
    lifted = [r for r in found.reasons if "moved into the first 3" in r]
    assert len(lifted) <= 1
