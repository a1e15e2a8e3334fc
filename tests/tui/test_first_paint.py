"""What the companion's quicker start must not change: Home opens in the theme the
person chose, a theme chosen later still recolours every screen, the footer's keys
still answer the mouse, and the cycle collector that start-up turns off comes back."""

from __future__ import annotations

import asyncio
import gc

from textual.pilot import Pilot

from coreg_tui.core.states import State
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.checkin import CheckinScreen
from coreg_tui.tui.screens.home import HomeScreen
from coreg_tui.tui.screens.journal import JournalScreen
from coreg_tui.tui.themes import THEMES
from coreg_tui.tui.widgets.footer import EdgeKeys, KeysLine
from tests.clock import FakeClock
from tests.tui.screen import screen_text
from tests.tui.test_flows import drive, settle


def background(app: CoregApp) -> str:
    return app.screen.styles.background.hex


def theme_background(name: str) -> str:
    (theme,) = [t for t in THEMES if t.name == name]
    assert theme.background is not None
    return theme.background.upper()


def test_home_opens_in_the_chosen_theme_and_a_later_choice_recolours_it() -> None:
    for chosen, other in (("light", "coreg-dark"), ("dark", "coreg-light")):
        app = CoregApp(clock=FakeClock(), theme=chosen, ask_before=False)

        async def run(app: CoregApp = app, chosen: str = chosen, other: str = other) -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert background(app) == theme_background(f"coreg-{chosen}")
                app.theme = other
                await pilot.pause(0.1)
                assert background(app) == theme_background(other)

        asyncio.run(run())


def key_offset(line: KeysLine, key: str) -> int:
    """The cell where `key` starts in its line of keys."""
    x = 0
    for shown in line.keys:
        if shown.key == key:
            return x
        x += line._drawn(shown).cell_len + (0 if shown.description else 1)
    raise LookupError(key)


def test_a_click_on_a_footer_key_presses_it_and_pointing_shows_its_tooltip() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        line = app.screen.query_one("CoregFooter > KeysLine", KeysLine)
        x = key_offset(line, "j") + 1
        await pilot.hover(line, offset=(x, 0))
        assert line.hovered is not None and line.keys[line.hovered].key == "j"
        assert line.tooltip == "Your entries"
        await pilot.click(line, offset=(x, 0))
        await settle(app, pilot)
        assert isinstance(app.screen, JournalScreen)
        edge = app.screen.query_one(EdgeKeys)
        await pilot.click(edge, offset=(key_offset(edge, "escape") + 1, 0))
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)  # back, from the edge keys

    drive(steps)


def test_the_cycle_collector_is_back_once_home_has_painted() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        assert gc.isenabled()

    gc.disable()  # as `coreg` does before the companion starts
    try:
        drive(steps)
        assert gc.isenabled()
    finally:
        gc.enable()


def test_a_state_is_chosen_by_a_click_or_by_enter_where_the_focus_is() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("tab", "enter")  # from ventral, where the focus starts, to sympathetic
        await settle(app, pilot)
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.state is State.SYMPATHETIC
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#state-dorsal")
        await settle(app, pilot)
        assert isinstance(app.screen, CheckinScreen) and app.screen.state is State.DORSAL

    drive(steps)


def test_home_resized_across_the_small_window_sizes_draws_as_if_opened_there() -> None:
    def opened_at(size: tuple[int, int], then: tuple[int, int] | None = None) -> str:
        seen: list[str] = []

        async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
            if then is not None:
                await pilot.resize_terminal(*then)
                await settle(app, pilot)
            seen.append(screen_text(app))

        drive(steps, size)
        return seen[0]

    for small in ((50, 16), (58, 24), (80, 18)):  # narrow and short, narrow, short
        assert opened_at((80, 24), then=small) == opened_at(small), small
        assert opened_at(small, then=(80, 24)) == opened_at((80, 24)), small
