"""Help right now in the companion: one key from every screen, shown in every footer,
the same care lines and guidance as `coreg sos`, and nothing written unless asked."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from coreg_tui.content.texts import texts
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.breathe import BreatheScreen
from coreg_tui.tui.screens.home import HomeScreen
from coreg_tui.tui.screens.practice import PracticeScreen
from coreg_tui.tui.screens.sos import SosScreen
from coreg_tui.tui.widgets.footer import CoregFooter, EdgeKeys
from tests.clock import FakeClock
from tests.tui.test_flows import drive, entries, settle

WORDS = texts().sos

# From Home, the keys that reach each screen.
SCREENS = {
    "home": (),
    "check-in, typing in a field": ("c", "s", "tab", "tab", "tab"),
    "after a check-in": ("c", "v", "enter"),
    "pattern": ("p",),
    "journal, searching": ("j", "slash"),
    "insights": ("i",),
    "help": ("question_mark",),
}


def shown_text(app: CoregApp) -> str:
    return " ".join(str(s.render()) for s in app.screen.query("Static"))


@pytest.mark.parametrize("where", list(SCREENS))
def test_help_now_is_one_key_from_every_screen_and_in_its_footer(where: str) -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        for key in SCREENS[where]:
            await pilot.press(key)
            await settle(app, pilot)
        footer = app.screen.query_one(CoregFooter)
        edge = footer.query_one(EdgeKeys).keys
        # help now stands last, at the very edge, with its words (over the keys too)
        assert (edge[-1].key, edge[-1].description) == ("ctrl+s", "Help now")
        if where != "help":  # the keys window is modal: the palette is not reached there
            shown = [k.key_display for k in edge]
            # ? is a letter while a text field has the focus; the palette key is always there
            assert "^p" in shown and ("?" in shown or app.focused.__class__.__name__ == "CalmInput")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        assert texts().care.help in shown_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SosScreen)

    drive(steps)
    checked_in = 1 if where == "after a check-in" else 0
    assert len(entries()) == checked_in  # help now wrote nothing of its own


def test_f1_opens_it_too_and_a_second_press_opens_nothing_more() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        depth = len(app.screen_stack)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(app.screen_stack) == depth

    drive(steps)


def test_the_whole_walk_keeps_both_sessions_only_when_asked() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # breathe with me
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen) and app.screen not in app.keep_if_cut_short
        assert app.screen.session.plan.preset.name == WORDS.pattern
        clock.sleep(10.0 * WORDS.cycles + 1)  # every slow breath, 4 in and 6 out
        await settle(app, pilot)
        await pilot.pause(0.3)
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.practice.id == WORDS.grounding
        for _ in app.screen.practice.steps:
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        assert WORDS.end in shown_text(app) and WORDS.keep in shown_text(app)
        assert entries() == []  # nothing yet
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

    drive(steps)
    kept = sorted(e.practice for e in entries())
    assert kept == sorted(["4-6", WORDS.grounding])  # the calm preset's pattern


def test_leaving_without_saying_yes_writes_nothing_even_when_the_app_closes() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        clock.sleep(25.0)
        await pilot.press("escape")  # ends the breathing: back to the care lines
        await pilot.pause()
        assert isinstance(app.screen, SosScreen) and WORDS.end in shown_text(app)
        await pilot.press("g")  # grounding, then quit the app midway
        await pilot.pause()
        await pilot.press("enter")
        await app.action_quit()

    drive(steps)
    assert entries() == []


def test_help_now_during_a_practice_keeps_that_practice_and_stops_it() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        await pilot.pause()
        clock.sleep(20.0)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, SosScreen)
        assert [type(s) for s in app.screen_stack] == [HomeScreen, SosScreen]
        clock.sleep(600.0)  # nothing carries on beneath
        await settle(app, pilot)
        assert isinstance(app.screen, SosScreen)

    drive(steps)
    (entry,) = entries()
    assert entry.practice == "4-6" and entry.duration_s == 20.0


def test_after_a_strong_dorsal_check_in_help_now_leads_up_with_gentle_activation() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("c", "d", "8", "enter")
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert WORDS.rise in shown_text(app) and WORDS.breathe not in shown_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PracticeScreen) and app.screen not in app.keep_if_cut_short
        assert app.screen.practice.id == WORDS.rising  # moving up, not a calming breath

    drive(steps)


def test_the_care_lines_say_nothing_about_settings() -> None:
    from coreg_tui.offer import care_lines, sos_lines

    for line in (*care_lines(), *sos_lines()):
        assert "config" not in line and "care_contact" not in line and "setting" not in line


def test_the_care_lines_stay_on_screen_while_help_now_breathes_and_grounds() -> None:
    from tests.tui.screen import flowing, screen_text

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("ctrl+s", "enter")
        await settle(app, pilot)
        clock.sleep(10)
        await pilot.pause(0.2)
        shown = flowing(screen_text(app))
        assert isinstance(app.screen, BreatheScreen) and "cycle 2" in shown
        assert flowing(texts().care.help) in shown
        clock.sleep(55)  # the breaths end; grounding follows
        await pilot.pause(0.3)
        await settle(app, pilot)
        shown = flowing(screen_text(app))
        assert isinstance(app.screen, PracticeScreen) and "step 1 of" in shown
        assert flowing(texts().care.help) in shown and flowing(WORDS.ground) in shown

    drive(steps, (50, 16))
