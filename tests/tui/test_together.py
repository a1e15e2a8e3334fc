"""Live circles in the companion, through Pilot: the companion hosts and the installed
command joins, or the other way round, over loopback, with real journals on each side.
Every wait is bounded."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from coreg_tui.core.entries import Kind
from coreg_tui.journal import open_journal
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.circle import CircleScreen
from coreg_tui.tui.screens.home import HomeScreen
from coreg_tui.tui.screens.sos import SosScreen
from coreg_tui.tui.screens.together import TogetherScreen
from coreg_tui.tui.screens.where_now import WhereNowScreen
from tests.clock import FakeClock
from tests.together.circles import Running, code_of, start
from tests.tui.screen import flowing, screen_text
from tests.tui.test_flows import drive, entries


async def until(pilot: Pilot, what: Callable[[], object], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not what():
        if time.monotonic() > deadline:
            raise AssertionError(f"not so within {timeout} s")
        await pilot.pause()
        await asyncio.sleep(0.05)


def seen(app: CoregApp) -> str:
    """The screen's words, with wrapped rows joined and no spaces (a code is one word)."""
    return "".join(screen_text(app).split())


async def into(app: CoregApp, pilot: Pilot, field: str, text: str) -> None:
    app.screen.query_one(f"#{field}").focus()
    await pilot.pause()
    await pilot.press(*text)


def journal_of(home: Path) -> list:
    import os

    before = os.environ["COREG_HOME"]
    os.environ["COREG_HOME"] = str(home)
    try:
        with open_journal(create=False) as journal:
            return list(journal.entries())
    finally:
        os.environ["COREG_HOME"] = before


def test_the_companion_hosts_a_circle_that_the_command_joins(tmp_path: Path) -> None:
    joiner: list[Running] = []

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)
        await into(app, pilot, "name", "Ana")
        await into(app, pilot, "pattern", "2-2")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CircleScreen) and app.screen.code)
        screen = app.screen
        assert isinstance(screen, CircleScreen) and screen.code is not None
        # the whole command to share, on screen (wrapped, never cut)
        await until(pilot, lambda: f"coregtogetherjoin{screen.code}" in seen(app))
        joiner.append(
            start(
                "together",
                "join",
                str(screen.code),
                "--name",
                "Sam",
                "--share-state",
                "--before",
                "sympathetic",
                "--after",
                "ventral",
                home=str(tmp_path),
            )
        )
        await until(pilot, lambda: "Sam:\u25b2" in seen(app))  # in the presence row
        assert "2 breathing" in screen_text(app)
        await pilot.press("enter")  # begins, for everyone
        await joiner[0].heard(r"^inhale 2s")
        await until(pilot, lambda: "breathein" in seen(app))  # the shared orb's words
        await pilot.press("e")  # ends as this breath ends
        await until(pilot, lambda: isinstance(app.screen, WhereNowScreen), timeout=30)

    drive(steps, clock=FakeClock())
    (kept,) = [e for e in entries() if e.kind is Kind.PRACTICE]
    assert (kept.practice, kept.with_who, kept.detail) == (
        "2-2",
        "Sam",
        {"circle": True, "finished": True},
    )
    assert kept.cycles and kept.cycles >= 1
    code, err = joiner[0].finish()
    assert code == 0, err
    (theirs,) = journal_of(tmp_path)
    assert theirs.with_who == "Ana" and theirs.state_after is not None


def test_the_companion_joins_a_hosted_circle_and_tells_it_where_it_is_after(
    tmp_path: Path,
) -> None:
    host = start("together", "host", "2-2", "--name", "Ana", "--cycles", "1", home=str(tmp_path))

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("t")
        await pilot.pause()
        await into(app, pilot, "name", "Sam")
        await into(app, pilot, "code", f"coreg together join {code_of(host)}")  # as pasted
        await pilot.press("tab", "space")  # share my state: asked each time, off until ticked
        app.screen.query_one("#code").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s", "enter")  # where are you now, before you begin?
        await until(pilot, lambda: "Ana(hosting)" in seen(app) and "you:\u25b2" in seen(app))
        await host.heard(r"^Sam: \u25b2$")  # the state before, as a shape, to the host
        host.proc.stdin.write("\n")  # type: ignore[union-attr]
        host.proc.stdin.flush()  # type: ignore[union-attr]
        await until(pilot, lambda: "whereareyounow?" in seen(app), timeout=30)
        await pilot.press("v")
        await host.heard(r"^Sam: \u25b2 \u2192 \u25cf$")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))  # nothing asked twice

    drive(steps, ask_before=True)
    (kept,) = [e for e in entries() if e.kind is Kind.PRACTICE]
    assert (kept.with_who, kept.state.value, kept.state_after.value) == (  # type: ignore[union-attr]
        "Ana",
        "sympathetic",
        "ventral",
    )
    assert kept.detail == {"circle": True, "finished": True}
    code, err = host.finish()
    assert code == 0 and "Traceback" not in err


def test_a_mistyped_code_is_one_line_on_the_same_screen() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"127.0.0.1:4/abc", "enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, TogetherScreen)
        assert "that code is cut short or mistyped" in screen_text(app)

    drive(steps)


def test_a_circle_that_is_not_there_is_said_and_escape_goes_home() -> None:
    with socket.socket() as probe:  # a port on loopback with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = f"127.0.0.1:{port}/" + "a" * 52

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*code, "enter")
        await until(pilot, lambda: "nocircleisopenatthataddress" in seen(app))
        assert "esc Leave" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))

    drive(steps)
    assert entries() == []


def test_help_now_from_a_circle_keeps_the_session_and_ends_it_for_the_others(
    tmp_path: Path,
) -> None:
    joiner: list[Running] = []

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("t")
        await pilot.pause()
        await into(app, pilot, "pattern", "2-2")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CircleScreen) and app.screen.code)
        joiner.append(start("together", "join", str(app.screen.code), home=str(tmp_path)))  # type: ignore[attr-defined]
        await until(pilot, lambda: "2breathing" in seen(app))
        await pilot.press("enter")
        await joiner[0].heard(r"^exhale 2s")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, SosScreen))
        await joiner[0].heard(r"^done: ")  # the circle ended for them too, calmly

    drive(steps)
    (kept,) = [e for e in entries() if e.kind is Kind.PRACTICE]
    assert kept.detail == {"circle": True, "finished": False} and kept.with_who == "someone"
    assert joiner[0].finish()[0] == 0


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (200, 60)])
def test_together_reads_whole_in_every_window(size: tuple[int, int]) -> None:
    from coreg_tui.tui.screens.together import ABOUT

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("t")
        await pilot.pause()
        text = flowing(screen_text(app))
        if size[1] >= 24:  # a short window scrolls; its first rows read whole
            assert ABOUT in text
        assert "esc Back" in text and "Help now" in text
        await into(app, pilot, "pattern", "")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CircleScreen) and app.screen.code)
        await until(pilot, lambda: f"coregtogetherjoin{app.screen.code}" in seen(app))  # type: ignore[attr-defined]
        assert "Help now" in screen_text(app) and "esc" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))

    drive(steps, size=size)
    assert entries() == []  # nothing breathed: nothing kept


def test_the_palette_and_the_keys_window_offer_together() -> None:
    from tests.tui.test_keys import palette_titles

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        titles = "\n".join(await palette_titles(app, pilot, "together"))
        assert "Together" in titles and "(t)" in titles
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)

    drive(steps)
