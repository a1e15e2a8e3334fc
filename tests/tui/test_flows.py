"""The companion driven through Pilot, against a real journal in a temporary COREG_HOME."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from coreg_tui.journal import open_journal
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.after import AfterCheckinScreen
from coreg_tui.tui.screens.home import HomeScreen
from coreg_tui.tui.screens.practice import PracticeScreen
from coreg_tui.tui.screens.where_now import WhereNowScreen
from coreg_tui.tui.widgets.state_button import StateButton
from tests.clock import FakeClock
from tests.tui.screen import settled


def drive(
    steps: Callable[[CoregApp, Pilot, FakeClock], Awaitable[None]],
    size: tuple[int, int] = (80, 24),
    clock: FakeClock | None = None,
    ask_before: bool | None = False,  # on (None: as the config says) in its own tests
) -> CoregApp:
    clock = clock or FakeClock()
    app = CoregApp(clock=clock, ask_before=ask_before)

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(app, pilot, clock)

    asyncio.run(run())
    return app


async def settle(app: CoregApp, pilot: Pilot) -> None:
    await settled(app, pilot)


def entries() -> list:
    with open_journal(create=False) as journal:
        return list(journal.entries())


def test_the_fast_path_records_a_check_in_with_four_keys() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("c", "s", "7", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AfterCheckinScreen)

    drive(steps)
    (entry,) = entries()
    assert (entry.state.value, entry.intensity, entry.body, entry.note, entry.tags) == (
        "sympathetic",
        7,
        (),
        "",
        (),
    )


def test_a_full_check_in_with_cues_company_note_and_tags() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("d", "4")  # from Home, d opens the check-in as dorsal
        await pilot.press("tab", "space", "down", "space")  # the first two body cues
        await pilot.press("tab", *"Ana", "tab", *"after the call", "tab", *"home, tired")
        await pilot.press("enter")
        await settle(app, pilot)

    drive(steps)
    (entry,) = entries()
    assert entry.state.value == "dorsal" and entry.intensity == 4
    assert entry.body == ("heavy limbs", "slumped")
    assert (entry.with_who, entry.note, entry.tags) == ("Ana", "after the call", ("home", "tired"))


def test_ten_is_one_then_zero_and_the_highest_distress_gets_the_care_lines() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("c", "s", "1", "0", "enter")
        await settle(app, pilot)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "emergency number" in shown and "One thing to try: 1  " in shown
        assert " 2  " not in shown  # the calmest layout: one practice

    drive(steps)
    assert entries()[0].intensity == 10


def test_breathing_ends_with_escape_and_is_kept_with_pauses_left_out() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        await pilot.pause()
        clock.sleep(12.0)  # twelve seconds of breathing
        await pilot.press("space")
        clock.sleep(30.0)  # paused: not breathing
        await pilot.press("space")
        clock.sleep(13.0)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, WhereNowScreen)
        await pilot.press("escape")  # skipping the question is fine
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    drive(steps)
    (entry,) = entries()
    assert (entry.kind.value, entry.practice, entry.cycles) == ("practice", "4-6", 2)
    assert entry.duration_s == 25.0
    assert entry.state_after is None


def test_after_breathing_where_are_you_now_is_kept_on_the_session() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        await pilot.pause()
        clock.sleep(30.0)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("v", "3", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

    drive(steps)
    (entry,) = entries()
    assert (entry.practice, entry.state_after.value, entry.intensity_after) == ("4-6", "ventral", 3)


def test_q_quits_from_home_with_exit_code_0() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("q")

    app = drive(steps)
    assert app.return_code == 0


def test_it_fits_80_by_24_and_a_small_window() -> None:
    for size in ((80, 24), (60, 16)):

        async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
            states = list(app.screen.query(StateButton))
            assert len(states) == 3
            assert all(s.region.right <= app.size.width for s in states)

        drive(steps, size)


def test_a_step_practice_from_the_suggestions_then_where_are_you_now() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("c", "d", "8", "enter")
        await settle(app, pilot)
        await pilot.press("1")  # the first suggestion: gentle activation for dorsal
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen) and screen.practice.id == "coming-back-up"
        clock.sleep(screen.practice.steps[0].seconds + 0.5)  # the first step's time runs out
        await pilot.pause(0.3)
        assert screen.index == 1
        await pilot.press("enter")  # moving on sooner
        assert screen.index == 2
        for step in screen.practice.steps[2:]:
            clock.sleep(step.seconds + 0.1)
            await pilot.pause(0.3)
        await settle(app, pilot)
        assert isinstance(app.screen, WhereNowScreen)
        await pilot.press("s", "4", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

    drive(steps)
    practice, check_in = entries()
    assert (check_in.state.value, check_in.intensity) == ("dorsal", 8)
    assert practice.practice == "coming-back-up" and practice.detail["steps_done"] == 6
    assert (practice.state_after.value, practice.intensity_after) == ("sympathetic", 4)
    assert (practice.state.value, practice.intensity) == ("dorsal", 8)  # the check-in before it


def test_the_journal_filters_as_you_type_and_deletes_only_after_a_yes() -> None:
    from datetime import datetime

    from coreg_tui.core.entries import checkin
    from coreg_tui.core.states import State

    now = datetime.now().astimezone()
    with open_journal() as journal:
        journal.add_many(
            [
                checkin(now, State.VENTRAL, note="slow coffee in the sun"),
                checkin(now, State.DORSAL, note="heavy afternoon"),
                checkin(now, State.SYMPATHETIC, note="coffee then the meeting"),
            ]
        )

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("j")
        await settle(app, pilot)
        table = app.screen.query_one("DataTable")
        assert table.row_count == 3
        await pilot.press("slash", *"coffee")
        await settle(app, pilot)
        assert table.row_count == 2
        await pilot.press("escape")  # from the search box to the table
        await pilot.press("x", "n")  # asked, and kept
        await settle(app, pilot)
        assert table.row_count == 2
        await pilot.press("x", "y")
        await settle(app, pilot)
        assert table.row_count == 1
        await pilot.press("slash", "end", *["backspace"] * 6, "escape")  # clear the search
        await settle(app, pilot)
        assert table.row_count == 2
        await pilot.press("d")  # only dorsal
        await settle(app, pilot)
        assert table.row_count == 1
        await pilot.press("enter")  # open it
        await pilot.press("end", *" (lighter by evening)", "enter")
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        assert table.row_count == 2

    drive(steps)
    notes = {e.note for e in entries()}
    assert len(notes) == 2 and "heavy afternoon (lighter by evening)" in notes
    assert len(entries()) == 2


def test_a_preset_from_the_picker_is_breathed_and_kept() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        from coreg_tui.tui.screens.breathe import BreatheScreen

        await pilot.press("p")
        await pilot.pause()
        await pilot.press("down", "enter")  # from calm to coherent
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)
        clock.sleep(22.5)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("escape")

    drive(steps)
    (entry,) = entries()
    assert (entry.practice, entry.cycles, entry.detail["preset"]) == ("5.5-5.5", 2, "coherent")


def test_a_pattern_of_ones_own_that_cannot_be_read_is_explained_then_mended() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        from textual.widgets import Static

        from coreg_tui.tui.screens.breathe import BreatheScreen
        from coreg_tui.tui.screens.breathe_setup import BreatheSetupScreen

        await pilot.press("p")
        await pilot.pause()
        await pilot.press("tab", *"4-x", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BreatheSetupScreen)
        problem = str(app.screen.query_one("#problem", Static).render())
        assert "'x' in '4-x' is not a number of seconds" in problem
        await pilot.press("backspace", "8", "tab", *"3-3", "enter")  # 4-8, gliding from 3-3
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)
        clock.sleep(60.0)
        await pilot.press("escape")
        await settle(app, pilot)

    drive(steps)
    (entry,) = entries()
    assert (entry.practice, entry.detail["glide_from"]) == ("4-8", "3-3")


def test_with_the_clock_waits_for_the_beat_before_the_first_breath() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "space")  # the clock checkbox
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "enter")
        await pilot.pause()
        session = app.screen.session  # type: ignore[attr-defined]
        assert session.plan.sync and session.wait_s >= 3.0
        assert (clock.wall() + session.wait_s) % 10.0 == 0.0  # 4-6 starts on a 10 s beat
        shown = app.screen.query_one("#pacer").render().plain
        assert "starting in" in shown and "a new cycle every 10 s" in shown

    drive(steps)


def test_attune_starts_at_the_tapped_rhythm_and_glides_to_the_chosen_one() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        from coreg_tui.core.pacing import Glide, Pattern, parse_pattern
        from coreg_tui.tui.screens.attune import AttuneScreen
        from coreg_tui.tui.screens.breathe import BreatheScreen

        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, AttuneScreen)
        for i in range(7):  # in 2.5 s, out 3 s, three times, then a breath in
            await pilot.press("space")
            clock.sleep(2.5 if i % 2 == 0 else 3.0)
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)
        pacer = app.screen.session.plan.pacer
        assert isinstance(pacer, Glide)
        assert (pacer.start, pacer.target) == (Pattern(2.5, 3.0), parse_pattern("4-6"))
        clock.sleep(40.0)
        await pilot.press("escape")
        await settle(app, pilot)

    drive(steps)
    (entry,) = entries()
    assert (entry.practice, entry.detail["glide_from"]) == ("4-6", "2.5-3")


def test_closing_the_app_mid_breath_still_keeps_the_session() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        await pilot.pause()
        clock.sleep(20.0)
        await pilot.press("ctrl+q")

    drive(steps)
    (entry,) = entries()
    assert (entry.practice, entry.duration_s, entry.cycles) == ("4-6", 20.0, 2)


def test_the_palette_offers_homes_actions_by_name() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        from coreg_tui.tui.screens.journal import JournalScreen

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"journal")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, JournalScreen)

    drive(steps)


def test_help_lists_every_screens_keys_and_closes_with_escape() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        from textual.widgets import Static

        from coreg_tui.tui.screens.help import HelpScreen

        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(s.render()) for s in app.screen.query(".keys-section").results(Static))
        for words in ("p pattern", "ctrl+t attune first", "space tap", "/ search", "x delete"):
            assert words in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    drive(steps)


def test_the_journal_keeps_to_a_tag_and_pages_through_a_long_history() -> None:
    from datetime import datetime, timedelta

    from coreg_tui.core.entries import checkin
    from coreg_tui.core.states import State

    now = datetime.now().astimezone()
    with open_journal() as journal:
        journal.add_many(
            checkin(now - timedelta(minutes=i), State.VENTRAL, tags=("work",) if i % 3 else ())
            for i in range(450)
        )

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("j")
        await settle(app, pilot)
        table = app.screen.query_one("DataTable")
        assert table.row_count == 200  # one page
        for expected in (400, 450):
            await pilot.press("end")  # near the end of what is loaded: the next page
            await settle(app, pilot)
            assert table.row_count == expected
        await pilot.press("slash", *"#work")
        await settle(app, pilot)
        await pilot.press("escape", "end")
        await settle(app, pilot)
        assert table.row_count == 300  # two in three are tagged work
        oldest = app.screen.entries[-1]  # type: ignore[attr-defined]
        assert "work" in oldest.tags and oldest.at < now - timedelta(minutes=440)

    drive(steps)


def test_insights_show_the_weeks_and_step_through_ranges() -> None:
    from datetime import datetime, timedelta

    from coreg_tui.core.entries import checkin
    from coreg_tui.core.states import State

    clock_now = datetime.fromtimestamp(FakeClock().wall()).astimezone()
    with open_journal() as journal:
        journal.add_many(
            [
                checkin(clock_now - timedelta(days=2, hours=1), State.SYMPATHETIC, intensity=6),
                checkin(clock_now - timedelta(days=20), State.DORSAL, intensity=4),
                checkin(clock_now - timedelta(hours=1), State.VENTRAL, with_who="Ana"),
            ]
        )

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        from textual.widgets import Static

        from coreg_tui.tui.screens.insights import InsightsScreen

        await pilot.press("i")
        await settle(app, pilot)
        assert isinstance(app.screen, InsightsScreen)
        shown = str(app.screen.query_one("#insights-text", Static).render())
        assert "The last 4 weeks" in shown and "3 check-ins on 3 of 28 days." in shown
        assert "Ana" in shown and "\u25bc" in shown  # company, and a dorsal mark
        await pilot.press("r")
        await settle(app, pilot)
        shown = str(app.screen.query_one("#insights-text", Static).render())
        assert "The last week" in shown and "2 check-ins on 2 of 7 days." in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    drive(steps)


def test_after_a_practice_with_history_a_gentle_line_recalls_how_it_went() -> None:
    from datetime import datetime, timedelta

    from coreg_tui.core.session import practice_entry
    from coreg_tui.core.states import State

    clock_now = datetime.fromtimestamp(FakeClock().wall()).astimezone()
    with open_journal() as journal:
        journal.add_many(
            practice_entry(
                "4-6",
                clock_now - timedelta(days=d),
                120.0,
                before=(State.SYMPATHETIC, 7),
                after=(State.VENTRAL, 4),
            )
            for d in (1, 2, 3, 4)
        )

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        from textual.widgets import Static

        await pilot.press("b")
        await pilot.pause()
        clock.sleep(30.0)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, WhereNowScreen)
        await settle(app, pilot)
        line = str(app.screen.query_one("#history", Static).render())
        # sympathetic 7 to ventral is 7 closer to the window, four times (not "-3")
        assert line == (
            "Of the last 4 times, 4 ended calmer or in your window; closer to it by 7.0 on average."
        )

    drive(steps)


def test_breathing_from_the_suggestions_keeps_where_the_check_in_left_off() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("c", "s", "6", "enter")
        await settle(app, pilot)
        await pilot.press("b")  # breathe now, from the suggestions
        await pilot.pause()
        clock.sleep(20.0)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("v", "3", "enter")
        await settle(app, pilot)

    drive(steps)
    practice, _ = entries()
    assert (practice.state.value, practice.intensity) == ("sympathetic", 6)
    assert (practice.state_after.value, practice.intensity_after) == ("ventral", 3)
