"""How every screen looks in six windows from 40x12 to 200x60, in the dark and the light
theme, on a fixed clock, with animations off. Update with `pytest --snapshot-update` after a
change to how something looks, and look at the SVGs before committing them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import pytest
from textual.pilot import Pilot

from coreg_tui.tui.app import CoregApp
from tests.clock import FakeClock
from tests.tui.screen import settled

SIZES = [(40, 12), (50, 16), (60, 20), (80, 24), (120, 40), (200, 60)]
THEMES = ["dark", "light"]


@pytest.fixture(autouse=True)
def still(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.setenv("TZ", "UTC")


def seed_journal(clock: FakeClock) -> None:
    from coreg_tui.core.entries import Entry, Kind, checkin, new_id
    from coreg_tui.core.states import State
    from coreg_tui.journal import open_journal

    now = datetime.fromtimestamp(clock.wall()).astimezone()
    with open_journal() as journal:
        journal.add_many(
            [
                checkin(
                    now - timedelta(days=1, hours=3),
                    State.SYMPATHETIC,
                    intensity=7,
                    body=("tight chest",),
                    note="deadline, and the train was late",
                    tags=("work",),
                ),
                Entry(
                    id=new_id(),
                    kind=Kind.PRACTICE,
                    at=now - timedelta(days=1, hours=2, minutes=50),
                    practice="4-6",
                    duration_s=300.0,
                    cycles=30,
                    state=State.SYMPATHETIC,
                    intensity=7,
                    state_after=State.VENTRAL,
                    intensity_after=4,
                ),
                checkin(now - timedelta(hours=1), State.VENTRAL, intensity=3, with_who="Ana"),
            ]
        )


def go(
    *keys: str, sleep_s: float = 0.0, then: tuple[str, ...] = (), seed: bool = False
) -> Callable[[FakeClock], Callable[[Pilot], Awaitable[None]]]:
    """Keys from Home; the clock moves `sleep_s`; then more keys. Workers finish first."""

    def with_clock(clock: FakeClock) -> Callable[[Pilot], Awaitable[None]]:
        if seed:
            seed_journal(clock)

        async def run_before(pilot: Pilot) -> None:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await settled(pilot.app, pilot)
            clock.sleep(sleep_s)
            for key in then:
                await pilot.press(key)
                await settled(pilot.app, pilot)
            await pilot.pause(0.1)

        return run_before

    return with_clock


async def for_two(pilot: Pilot) -> None:
    """A practice for two asks first (its note), before anything begins."""
    from coreg_tui.content import library
    from coreg_tui.tui.sessions import practise

    await pilot.pause()
    practise(pilot.app, library().get("together-walking"))  # type: ignore[arg-type]
    await pilot.pause(0.1)


SCREENS = {
    "home": go(seed=True),
    "check_in": go("c", "s", "7", "tab"),
    "after": go("c", "s", "6", "enter"),
    "after_care": go("c", "s", "1", "0", "enter"),
    "pattern": go("p"),
    "attune": go("p", "ctrl+t", "space"),
    "breathe": go("b", sleep_s=2.0),
    "practice": go("c", "d", "8", "enter", "1", sleep_s=3.0),
    "where_now": go("b", sleep_s=12.0, then=("escape", "v")),
    "journal": go("j", seed=True),
    "entry": go("j", "enter", seed=True),
    "confirm_delete": go("j", "x", seed=True),
    "for_two": lambda clock: for_two,
    "insights": go("i", seed=True),
    "practices": go("l", "d"),
    "sos": go("c", "s", "ctrl+s"),
    "help": go("question_mark"),
    "together": go("t"),
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, screen: str, size: tuple[int, int], theme: str) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    app = CoregApp(clock=clock, theme=theme, ask_before=False)
    assert snap_compare(app, terminal_size=size, run_before=SCREENS[screen](clock))
