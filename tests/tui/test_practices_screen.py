"""The Practices screen: every practice by kind, filtered by state, a person's own and the
hidden ones marked; Enter begins one, after the opt-in note for a practice for two."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList

from coreg_tui.paths import config_path, content_dir
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.practice import NoteGate, PracticeScreen
from coreg_tui.tui.screens.practices import PracticesScreen
from tests.clock import FakeClock
from tests.tui.screen import flowing, screen_text
from tests.tui.test_flows import drive, settle

OWN = """
id = "my-walk"
title = "My slow walk"
kind = "movement"
direction = "steadying"
summary = "Walk to the window and back, slowly."
states = ["sympathetic"]
duration = "1m"

[[step]]
text = "Walk slowly."
seconds = 30
"""


def _labels(app: CoregApp) -> list[str]:
    found = app.screen.query_one("#practices", OptionList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


def test_every_practice_by_kind_with_its_marks_and_a_filter() -> None:
    content_dir().mkdir(parents=True)
    (content_dir() / "my-walk.toml").write_text(OWN)
    config_path().write_text('hide_practices = ["breathe-box"]\n')

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("l")
        await settle(app, pilot)
        assert isinstance(app.screen, PracticesScreen)
        labels = _labels(app)
        assert "breathing" in labels and "movement" in labels  # kinds as headings
        assert any(x.startswith("My slow walk") and x.endswith("yours") for x in labels)
        assert any(x.startswith("Box breathing") and x.endswith("hidden") for x in labels)
        assert any("for two" in x for x in labels)
        await pilot.press("d")
        await settle(app, pilot)
        dorsal = _labels(app)
        assert not any(x.startswith("My slow walk") for x in dorsal)  # it is for sympathetic
        assert "Practices for dorsal" in screen_text(app)

    drive(steps, size=(80, 24))


def test_enter_begins_one_and_one_for_two_asks_first() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("l", "d")
        await settle(app, pilot)
        found = app.screen.query_one("#practices", OptionList)
        labels = _labels(app)
        found.highlighted = next(i for i, x in enumerate(labels) if "for two" in x)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, NoteGate)  # only if you both want to
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PracticesScreen)  # left: nothing began
        found.highlighted = next(i for i, x in enumerate(labels) if x.startswith("Coming back"))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PracticeScreen)

    drive(steps, size=(80, 24))


def test_insights_in_the_companion_measure_against_the_window() -> None:
    """The same sessions as tests/cli/test_what_helped.py, figures worked by hand: 4-6 is
    6 sessions, 5 ended calmer or in the window, 3.6 closer on average."""
    from datetime import datetime, timedelta

    from coreg_tui.core.session import practice_entry
    from coreg_tui.core.states import State
    from coreg_tui.journal import open_journal
    from tests.cli.test_what_helped import SESSIONS

    clock = FakeClock()
    now = datetime.fromtimestamp(clock.wall()).astimezone()
    with open_journal() as journal:
        journal.add_many(
            practice_entry(
                practice,
                now - timedelta(hours=1, minutes=i),
                120.0,
                before=(State(before), bn),
                after=(State(after), an),
            )
            for i, (practice, before, bn, after, an) in enumerate(SESSIONS)
        )

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("i")
        await settle(app, pilot)
        text = flowing(screen_text(app))
        assert "closer to your window by 3.6 on average" in text  # the summary
        assert "Longer breath out 6 5 of 6 +3.6" in " ".join(text.split())  # the table

    drive(steps, size=(120, 60), clock=clock)
