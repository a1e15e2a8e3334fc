"""Keys people can trust: the same key means the same thing everywhere, the footer says
what space does now, and the command palette lists coreg's own actions."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from coreg_tui.core.entries import Kind
from coreg_tui.paths import config_path
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.breathe import BreatheScreen
from coreg_tui.tui.screens.home import HomeScreen
from coreg_tui.tui.screens.practice import PracticeScreen
from coreg_tui.tui.screens.where_first import WhereFirstScreen
from coreg_tui.tui.widgets.footer import CoregFooter, KeysLine
from tests.clock import FakeClock
from tests.tui.screen import screen_text
from tests.tui.test_flows import drive, entries, settle


@pytest.mark.parametrize("key", ["ctrl+c", "escape", "q"])
def test_ctrl_c_q_and_escape_end_a_breathing_session_and_keep_it(key: str) -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        await settle(app, pilot)
        clock.sleep(25)  # two and a half breaths of 4-6
        await pilot.pause(0.2)
        await pilot.press(key)
        await settle(app, pilot)
        assert app.is_running and not isinstance(app.screen, BreatheScreen)

    drive(steps)
    (kept,) = entries()
    assert kept.kind is Kind.PRACTICE and kept.cycles == 2


def test_ctrl_c_ends_a_step_practice_and_keeps_it() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("c", "s", "5", "enter")
        await settle(app, pilot)
        from coreg_tui.content import library
        from coreg_tui.tui.sessions import practise

        practise(app, library().get("orienting"))  # type: ignore[arg-type]
        await settle(app, pilot)
        assert isinstance(app.screen, PracticeScreen)
        clock.sleep(5)
        await pilot.press("enter", "ctrl+c")
        await settle(app, pilot)
        assert app.is_running and not isinstance(app.screen, PracticeScreen)

    drive(steps)
    practice = next(e for e in entries() if e.kind is Kind.PRACTICE)
    assert practice.practice == "orienting" and practice.detail["steps_done"] == 1


@pytest.mark.parametrize(
    ("keys", "where"),
    [(("j",), "Journal"), (("i",), "Insights"), (("p",), "Pattern"), (("c",), "Check-in")],
)
def test_q_goes_back_from_any_screen_and_quits_from_home(keys: tuple[str, ...], where: str) -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press(*keys)
        await settle(app, pilot)
        assert not isinstance(app.screen, HomeScreen), where
        await pilot.press("q")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen) and app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running

    drive(steps)


def test_q_in_a_text_field_is_a_letter() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("j", "slash", "q")
        await settle(app, pilot)
        assert app.screen.query_one("#search").value == "q"  # type: ignore[attr-defined]

    drive(steps)


def footer_words(app: CoregApp) -> list[str]:
    footer = app.screen.query_one(CoregFooter)
    return [
        f"{k.key} {k.description}".strip() for line in footer.query(KeysLine) for k in line.keys
    ]


def test_while_paused_the_footer_says_space_resumes_and_no_toast_covers_the_caution() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("p", "down", "down", "enter")  # box: holds, with their caution
        await settle(app, pilot)
        assert "space Pause" in footer_words(app)
        await pilot.press("space")
        await settle(app, pilot)
        assert "space Resume" in footer_words(app) and "space Pause" not in footer_words(app)
        assert not app._notifications  # no toast over the caution
        assert "Holds are not for everyone" in screen_text(app)
        await pilot.press("space")
        await settle(app, pilot)
        assert "space Pause" in footer_words(app)

    drive(steps)


async def palette_titles(app: CoregApp, pilot: Pilot, query: str = "") -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause(0.2)
    assert isinstance(app.screen, CommandPalette)
    if query:
        await pilot.press(*query)
    await pilot.pause(0.5)
    from textual.widgets import OptionList

    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_the_palette_lists_coregs_own_actions_with_their_keys() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        titles = "\n".join(await palette_titles(app, pilot))
        for wanted in ("Check in", "Breathe", "Journal", "Insights", "Help now", "Keys"):
            assert wanted in titles, titles
        assert "(ctrl+s or F1)" in titles and "(c)" in titles  # what it does, and its key
        for generic in ("Maximize", "Quit the application", "Screenshot", "Change theme"):
            assert generic not in titles
        await pilot.press("escape")
        await pilot.pause()
        titles = "\n".join(await palette_titles(app, pilot, "help now"))
        assert "Help now" in titles  # it finds help now by name

    drive(steps)


def test_a_theme_chosen_in_the_palette_is_kept_in_the_config() -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('# mine\ncare_contact = "Sam"\ntheme = "dark"\n')

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        assert app.theme == "coreg-dark"
        await palette_titles(app, pilot, "theme light")
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.theme == "coreg-light"

    drive(steps)
    assert config_path().read_text() == '# mine\ncare_contact = "Sam"\ntheme = "light"\n'
    # and the next start opens in it
    import coreg_tui.config

    coreg_tui.config.cache_clear()
    assert CoregApp().theme == "coreg-light"


def test_a_window_over_a_screen_shows_its_own_keys_not_those_beneath() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")  # "where are you now?" before the breathing
        await settle(app, pilot)
        assert isinstance(app.screen, WhereFirstScreen)
        words = footer_words(app)
        assert "v Ventral" in words and "escape Skip" in words and "ctrl+s Help now" in words
        assert "j Journal" not in words  # Home's keys do nothing here

    drive(steps, ask_before=True)
