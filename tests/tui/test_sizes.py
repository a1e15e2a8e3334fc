"""The companion in windows from 40x12 to 200x60: every sentence a person needs is on
the screen whole (wrapped, never cut), scrolled to where it is not all there at once,
the orb grows with the room, and a hold's caution shows at every size."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from coreg_tui.content.texts import texts
from coreg_tui.offer import care_lines, sos_lines
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.widgets.pacer import Pacer
from tests.clock import FakeClock
from tests.tui.screen import flowing, screen_text
from tests.tui.test_flows import drive, settle

SMALL = [(40, 12), (50, 16)]
ALL = [(40, 12), (50, 16), (60, 20), (80, 24), (120, 40), (200, 60)]


async def each_whole(app: CoregApp, pilot: Pilot, sentences: list[str]) -> None:
    """Scroll each sentence into view, as a person would, and read it on the screen."""
    for sentence in sentences:
        found = [s for s in app.screen.query(Static) if sentence in flowing(str(s.render()))]
        assert found, sentence
        found[0].scroll_visible(animate=False)
        await pilot.pause()
        assert flowing(sentence) in flowing(screen_text(app)), (sentence, screen_text(app))


@pytest.mark.parametrize("size", SMALL, ids=["40x12", "50x16"])
def test_every_care_sentence_reads_whole_in_a_small_window(size: tuple[int, int]) -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("c", "s", "1", "0", "enter")  # the highest distress
        await settle(app, pilot)
        await each_whole(app, pilot, care_lines())
        await pilot.press("ctrl+s")  # help right now
        await settle(app, pilot)
        await each_whole(app, pilot, [*sos_lines(), texts().sos.breathe])
        await pilot.press("enter")
        await settle(app, pilot)
        clock.sleep(61)  # six slow breaths, then grounding
        await pilot.pause(0.3)
        await settle(app, pilot)
        step = flowing(screen_text(app))
        first = next(iter(p for p in [texts().sos.grounding]))
        assert first and "step 1 of" in step
        assert "Find five things" in step or "five things you can see" in step

    drive(steps, size)


@pytest.mark.parametrize("size", SMALL, ids=["40x12", "50x16"])
def test_where_are_you_now_and_the_keys_read_whole(size: tuple[int, int]) -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        await settle(app, pilot)
        clock.sleep(12)
        await pilot.pause(0.2)
        await pilot.press("escape")
        await settle(app, pilot)
        await each_whole(app, pilot, [texts().reflection_prompts[0]])
        await pilot.press("escape", "question_mark")
        await settle(app, pilot)
        shown = screen_text(app)
        assert "Keys" in shown and "escape closes" in shown  # the titled help window
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Help now" in screen_text(app)  # the footer's edge, on Home

    drive(steps, size)


def orb_rows(size: tuple[int, int], pattern_keys: tuple[str, ...] = ()) -> tuple[int, str]:
    shown: dict[str, object] = {}

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        if pattern_keys:
            await pilot.press("p", *pattern_keys)
        else:
            await pilot.press("b")
        await settle(app, pilot)
        clock.sleep(3.9)  # the end of the first breath in: the orb at its fullest
        await pilot.pause(0.2)
        pacer = app.screen.query_one(Pacer)
        assert pacer.frame is not None
        shown["rows"] = len(pacer.frame.orb)
        shown["text"] = screen_text(app)

    drive(steps, size)
    return int(shown["rows"]), str(shown["text"])  # type: ignore[call-overload]


def test_the_orb_grows_with_the_room_and_is_a_bar_in_the_smallest_windows() -> None:
    rows = {size: orb_rows(size)[0] for size in [(40, 12), (80, 24), (120, 40)]}
    assert rows[(40, 12)] <= 3  # the smallest window: a bar, or a small orb
    assert rows[(120, 40)] > rows[(80, 24)] > rows[(40, 12)]


@pytest.mark.parametrize("size", ALL, ids=[f"{w}x{h}" for w, h in ALL])
def test_a_hold_caution_shows_at_every_size(size: tuple[int, int]) -> None:
    from coreg_tui.content import breathing

    caution = breathing().hold_caution
    _, shown = orb_rows(size, ("down", "down", "enter"))  # box: in, hold, out, hold
    assert "box" in shown and flowing(caution) in flowing(shown)
