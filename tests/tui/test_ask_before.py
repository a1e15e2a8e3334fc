"""Before a practice begun from Home: "where are you now?", one key to answer or skip,
never when a check-in from the last quarter of an hour already says it, never when the
config says ask_before = false."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.pilot import Pilot

from coreg_tui.config import cache_clear
from coreg_tui.core.entries import Kind, checkin
from coreg_tui.core.states import State
from coreg_tui.journal import open_journal
from coreg_tui.paths import config_path
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.breathe import BreatheScreen
from coreg_tui.tui.screens.where_first import WhereFirstScreen
from tests.clock import FakeClock
from tests.tui.screen import screen_text
from tests.tui.test_flows import drive, entries, settle


async def _breathe_a_while_and_finish(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
    await settle(app, pilot)
    assert isinstance(app.screen, BreatheScreen)
    clock.sleep(30.0)
    await pilot.press("escape")
    await settle(app, pilot)


def test_answering_first_becomes_the_sessions_before() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        await settle(app, pilot)
        assert isinstance(app.screen, WhereFirstScreen)
        assert "Where are you now" in screen_text(app)
        await pilot.press("s", "6", "enter")
        await _breathe_a_while_and_finish(app, pilot, clock)

    drive(steps, ask_before=None)
    (kept,) = [e for e in entries() if e.kind is Kind.PRACTICE]
    assert (kept.state, kept.intensity) == (State.SYMPATHETIC, 6)


def test_escape_skips_and_nothing_is_required() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        await settle(app, pilot)
        await pilot.press("escape")
        await _breathe_a_while_and_finish(app, pilot, clock)

    drive(steps, ask_before=None)
    (kept,) = [e for e in entries() if e.kind is Kind.PRACTICE]
    assert kept.state is None


def test_a_recent_check_in_or_the_config_means_no_question() -> None:
    clock = FakeClock()
    now = datetime.fromtimestamp(clock.wall()).astimezone()
    with open_journal() as journal:
        journal.add(checkin(now - timedelta(minutes=10), State.DORSAL, intensity=4))

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        await settle(app, pilot)
        assert isinstance(app.screen, BreatheScreen)

    drive(steps, clock=clock, ask_before=None)

    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("ask_before = false\n")
    cache_clear()  # the config is read once a process
    with open_journal() as journal:
        for e in entries():
            journal.delete(e.id)
    drive(steps, ask_before=None)


def test_a_pattern_chosen_on_home_is_asked_about_too() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("p")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, WhereFirstScreen)
        await pilot.press("d", "4", "enter")
        await _breathe_a_while_and_finish(app, pilot, clock)

    drive(steps, ask_before=None)
    (kept,) = [e for e in entries() if e.kind is Kind.PRACTICE]
    assert (kept.state, kept.intensity) == (State.DORSAL, 4)
