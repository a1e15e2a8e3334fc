"""What the companion's screens say, read from the exported screen: titles not ids, the
note in the journal at 80 columns, empty states that say what to do next, a filter that
is named, and a session under one breath left out."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.pilot import Pilot
from textual.widgets import DataTable, SelectionList

from coreg_tui.core.entries import Entry, Kind, checkin, new_id
from coreg_tui.core.states import State
from coreg_tui.journal import open_journal
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.journal import EntryScreen, JournalScreen
from coreg_tui.tui.screens.practice import PracticeScreen
from tests.clock import FakeClock
from tests.tui.screen import flowing, screen_text
from tests.tui.test_flows import drive, entries, settle

NOTE = "the words I wrote matter more than the empty columns beside them"


def seed(clock: FakeClock) -> None:
    now = datetime.fromtimestamp(clock.wall()).astimezone()
    with open_journal() as journal:
        journal.add_many(
            [
                checkin(now - timedelta(hours=3), State.SYMPATHETIC, intensity=6, note=NOTE),
                Entry(
                    id=new_id(),
                    kind=Kind.PRACTICE,
                    at=now - timedelta(hours=2),
                    practice="grounding-54321",
                    duration_s=180.0,
                    state=State.SYMPATHETIC,
                    intensity=6,
                ),
                checkin(now - timedelta(hours=1), State.VENTRAL, note="second"),
            ]
        )


def test_today_and_the_journal_name_practices_by_title_and_show_the_note() -> None:
    clock = FakeClock()
    seed(clock)

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await settle(app, pilot)
        home = flowing(screen_text(app))
        assert "5-4-3-2-1 grounding, 3 min: sympathetic 6/10 before" in home
        assert "grounding-54321" not in home and "\u2192 ?" not in home
        await pilot.press("j")
        await settle(app, pilot)
        shown = screen_text(app)
        assert "note" in shown and NOTE[:28] in shown  # the note, at 80 columns
        assert " with " not in shown.splitlines()[3] and "tags" not in shown  # empty: gone

    drive(steps, clock=clock)


def test_after_editing_a_note_the_highlight_stays_on_that_entry() -> None:
    clock = FakeClock()
    seed(clock)

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("j")
        await settle(app, pilot)
        await pilot.press("down", "down", "enter")  # the oldest: the long note
        await settle(app, pilot)
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("end", "!", "enter")
        await settle(app, pilot)
        await pilot.pause(0.2)
        assert isinstance(app.screen, JournalScreen)
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 2
        assert app.screen.entries[2].note == NOTE + "!"

    drive(steps, clock=clock)


def test_an_empty_journal_a_search_with_no_match_and_a_filter_say_so() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("j")
        await settle(app, pilot)
        assert "Nothing in your journal yet." in flowing(screen_text(app))
        await pilot.press("escape")
        await pilot.press("c", "v", "enter")
        await settle(app, pilot)
        await pilot.press("escape", "j")
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        shown = flowing(screen_text(app))
        assert "Only sympathetic (a shows all)." in shown and "Nothing matches." in shown
        await pilot.press("a", "slash", *"zebra")
        await settle(app, pilot)
        assert "Nothing matches 'zebra'." in flowing(screen_text(app))
        await pilot.press("escape", "escape", "i", "r", "r")  # insights, an empty range
        await settle(app, pilot)
        shown = flowing(screen_text(app))
        year = datetime.fromtimestamp(clock.wall())
        first = year.date() - timedelta(days=89)
        assert f"{first:%-d %b %Y} to {year:%-d %b %Y}" in shown  # both years named

    drive(steps)


def test_the_check_in_has_no_empty_box_before_a_state_and_one_label() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("c")
        await settle(app, pilot)
        assert not app.screen.query_one(SelectionList).display
        await pilot.press("s")
        await settle(app, pilot)
        assert app.screen.query_one(SelectionList).display
        shown = flowing(screen_text(app))
        assert "Sympathetic Mobilised:" in shown and "Sympathetic: Mobilised" not in shown

    drive(steps)


def test_a_step_practice_title_holds_still_from_step_to_step() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        from coreg_tui.content import library
        from coreg_tui.tui.sessions import practise

        practise(app, library().get("orienting"))  # type: ignore[arg-type]
        await settle(app, pilot)
        assert isinstance(app.screen, PracticeScreen)
        rows = []
        for _ in range(3):
            lines = screen_text(app).splitlines()
            rows.append(next(i for i, line in enumerate(lines) if "Orienting" in line))
            await pilot.press("enter")
            await pilot.pause(0.2)
        assert len(set(rows)) == 1

    drive(steps)


def test_a_breath_under_one_cycle_is_not_kept_in_the_companion() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        await settle(app, pilot)
        clock.sleep(3)
        await pilot.pause(0.2)
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Under one breath: not kept." in [n.message for n in app._notifications]

    drive(steps)
    assert entries() == []


def test_leaving_a_check_in_unsaved_keeps_what_was_typed_for_next_time() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("c", "s", "7", "tab", "tab", "tab", *"my boss shouted", "escape")
        await settle(app, pilot)
        await pilot.press("escape")  # out of the field, then out of the check-in
        await settle(app, pilot)
        assert "Not saved. c brings it back." in [n.message for n in app._notifications]
        await pilot.press("c")
        await settle(app, pilot)
        assert app.screen.query_one("#note").value == "my boss shouted"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(app, pilot)

    drive(steps)
    (kept,) = entries()
    assert (kept.state, kept.intensity, kept.note) == (State.SYMPATHETIC, 7, "my boss shouted")
