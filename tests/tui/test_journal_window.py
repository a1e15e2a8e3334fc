"""The journal screen holds a window of rows: far pages are dropped and read again on
the way back, and the person sees the same entries where they were, the cursor on the
same entry. Real SQLite in a temporary COREG_HOME, driven through Pilot."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from textual.pilot import Pilot

from coreg_tui.journal import open_journal
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.journal import PAGE, WINDOW, JournalScreen
from tests.clock import FakeClock
from tests.tui.screen import screen_text
from tests.tui.test_flows import drive, settle

COUNT = 1_700  # more than eight pages: the window drops some, both ways


def seed(count: int = COUNT) -> datetime:
    """Entries a minute apart, newest first; the note of the nth is "note n"."""
    from coreg_tui.core.entries import checkin
    from coreg_tui.core.states import State

    now = datetime.now().astimezone()
    states = (State.VENTRAL, State.SYMPATHETIC, State.DORSAL)
    with open_journal() as journal:
        journal.add_many(
            checkin(now - timedelta(minutes=i), states[i % 3], note=f"note {i:04d}")
            for i in range(count)
        )
    return now


def number(note: str) -> int:
    return int(note.split()[1])


def highlighted(app: CoregApp) -> int:
    screen = app.screen
    assert isinstance(screen, JournalScreen)
    return number(screen.entries[screen.query_one("DataTable").cursor_row].note)  # type: ignore[attr-defined]


def check_window(app: CoregApp, step: int = 1) -> list[int]:
    """The window holds consecutive entries in order, the table's rows are those entries,
    and the screen shows consecutive rows with the highlighted one among them."""
    screen = app.screen
    assert isinstance(screen, JournalScreen)
    table = screen.query_one("DataTable")
    held = [number(e.note) for e in screen.entries]
    assert held == list(range(held[0], held[0] + step * len(held), step))
    assert table.row_count == len(held) <= WINDOW
    for row in (0, len(held) - 1, table.cursor_row):
        assert str(table.get_row_at(row)[-1]) == screen.entries[row].note
    shown = [int(n) for n in re.findall(r"note (\d{4})", screen_text(app))]
    assert shown == list(range(shown[0], shown[0] + step * len(shown), step))
    assert highlighted(app) in shown
    return held


async def to_the_end(app: CoregApp, pilot: Pilot, step: int = 1) -> None:
    """Hold end until the last entry: every page keeps the cursor on the entry it was on."""
    while True:
        await pilot.press("end")
        on = highlighted(app)
        await settle(app, pilot)
        assert highlighted(app) == on  # the page came, rows went above; the cursor stayed
        check_window(app, step)
        if app.screen.exhausted:  # type: ignore[attr-defined]
            await pilot.press("end")
            await settle(app, pilot)
            return


async def journal_screen(app: CoregApp, pilot: Pilot) -> JournalScreen:
    """`j` from Home: the Journal screen, with its first page shown."""
    await pilot.press("j")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, JournalScreen)
    return screen


async def far_down(app: CoregApp, pilot: Pilot) -> JournalScreen:
    """The Journal screen, with `end` held for seven pages: the first ones dropped."""
    screen = await journal_screen(app, pilot)
    for _ in range(7):
        await pilot.press("end")
        await settle(app, pilot)
    return screen


def test_far_down_and_back_up_the_rows_and_the_cursor_stay_where_they_were() -> None:
    seed()

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        screen = await journal_screen(app, pilot)
        await to_the_end(app, pilot)
        assert highlighted(app) == COUNT - 1 and screen.dropped_above
        assert check_window(app)[-1] == COUNT - 1
        # back up a screen at a time: the pages above are read again as the cursor nears them
        previous = highlighted(app)
        while highlighted(app) > 0:
            await pilot.press("pageup")
            moved_to = highlighted(app)
            await settle(app, pilot)
            assert highlighted(app) == moved_to < previous
            check_window(app)
            previous = moved_to
        assert not screen.dropped_above and screen.query_one("DataTable").cursor_row == 0
        assert check_window(app)[0] == 0

    drive(steps)


def test_home_far_down_reads_the_first_rows_again_and_end_goes_on_from_there() -> None:
    seed()

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        screen = await far_down(app, pilot)
        assert screen.dropped_above
        await pilot.press("home")
        await settle(app, pilot)
        assert highlighted(app) == 0 and not screen.dropped_above
        assert check_window(app)[:3] == [0, 1, 2]
        assert "note 0000" in screen_text(app)
        await pilot.press("end")
        await settle(app, pilot)
        assert check_window(app)[-1] == 2 * PAGE - 1

    drive(steps)


def test_a_page_goes_on_from_the_last_row_even_when_an_entry_is_added_above() -> None:
    """The next page starts after the last row shown (a keyset), not after a count of
    rows that a new entry would shift: no row twice, none left out."""
    from coreg_tui.core.entries import checkin
    from coreg_tui.core.states import State

    now = seed()

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("j")
        await settle(app, pilot)
        for _ in range(6):
            await pilot.press("end")
            await settle(app, pilot)
        with open_journal() as journal:
            journal.add(checkin(now + timedelta(minutes=1), State.VENTRAL, note="new"))
        await to_the_end(app, pilot)
        assert highlighted(app) == COUNT - 1
        # and on the way up, the new entry comes in above the first row, in its place
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        while screen.dropped_above:
            await pilot.press("pageup")
            await settle(app, pilot)
        await pilot.press("home")
        await settle(app, pilot)
        assert screen.query_one("DataTable").cursor_row == 0
        assert screen.entries[0].note == "new" and screen.entries[1].note == "note 0000"

    drive(steps)


def test_the_state_filter_and_a_search_page_through_the_window_too() -> None:
    seed()

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        screen = await journal_screen(app, pilot)
        await pilot.press("d")  # only dorsal: every third entry, from the third
        await settle(app, pilot)
        await to_the_end(app, pilot, step=3)
        assert highlighted(app) == max(i for i in range(COUNT) if i % 3 == 2)
        await pilot.press("a")
        await settle(app, pilot)
        assert check_window(app)[0] == 0 and not screen.dropped_above
        await pilot.press("slash", *"note 1", "escape")  # the thousands from 1000
        await settle(app, pilot)
        await to_the_end(app, pilot)
        assert highlighted(app) == COUNT - 1
        await pilot.press("home")
        await settle(app, pilot)
        assert highlighted(app) == 1000 and check_window(app)[0] == 1000

    drive(steps)


def test_an_entry_opened_far_down_is_the_one_highlighted_and_a_note_edit_keeps_it() -> None:
    seed()

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        from coreg_tui.tui.screens.journal import EntryScreen

        screen = await far_down(app, pilot)
        await pilot.press("up", "up")
        on = highlighted(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EntryScreen)
        assert app.screen.entry.note == f"note {on:04d}"
        await pilot.press("end", *" edited", "enter")
        await settle(app, pilot)
        assert app.screen is screen
        while screen.return_to is not None:  # as before: the cursor finds it when shown
            await pilot.press("end")
            await settle(app, pilot)
        assert screen.entries[screen.query_one("DataTable").cursor_row].note == (
            f"note {on:04d} edited"
        )

    drive(steps)
