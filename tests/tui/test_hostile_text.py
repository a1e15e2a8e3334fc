"""Words from a person or a file, on every screen of the companion, are shown as the
literal text they are: markup is not read, control characters are visible
placeholders. Checked on what the screen really shows (its exported image's text)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from textual.pilot import Pilot

import coreg_tui.config
from coreg_tui.paths import config_path, content_dir
from coreg_tui.tui.app import CoregApp
from tests.clock import FakeClock
from tests.tui.screen import screen_text
from tests.tui.test_flows import drive, entries, settle

MARKUP = "[bold red]loud[/]"
LINK = "[link=https://example.org]click[/link]"
ESC = "\x1b]52;c;aGk=\x07"  # a clipboard write
BIDI = "\u202eevil"


@pytest.fixture(autouse=True)
def fresh_config() -> Iterator[None]:
    """The config is read once a process; these tests write their own."""
    coreg_tui.config.cache_clear()
    yield
    coreg_tui.config.cache_clear()


def literal_everywhere(shown: str, *expected: str) -> None:
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    for words in expected:
        assert words in shown, (words, shown)


def hostile_setup(clock: FakeClock) -> None:
    from coreg_tui.core.entries import checkin
    from coreg_tui.core.states import State
    from coreg_tui.journal import open_journal

    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(f'care_contact = "{MARKUP} \\u001b[2J"\n')
    content_dir().mkdir(parents=True, exist_ok=True)
    (content_dir() / "hostile.toml").write_text(
        "\n".join(
            [
                'id = "hostile"',
                f'title = "{MARKUP}"',
                'kind = "grounding"',
                'direction = "steadying"',
                f'summary = "{LINK}"',
                'states = ["sympathetic"]',
                "intensity = [0, 10]",
                'duration = "1m"',
                'note = "[reverse]only if you like[/] \\u001b]0;title\\u0007"',
                "[[step]]",
                'text = "[blink]a step[/] \\u001b[2J"',
                "seconds = 30",
            ]
        )
    )
    now = datetime.fromtimestamp(clock.wall()).astimezone()
    with open_journal() as journal:
        journal.add(
            checkin(
                now - timedelta(hours=1),
                State.SYMPATHETIC,
                intensity=6,
                with_who=f"{MARKUP} {BIDI}",
                tags=(LINK,),
                note=f"{MARKUP} {ESC} {LINK}",
            )
        )


def test_the_journal_an_entry_and_insights_show_hostile_words_as_written() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("j")
        await settle(app, pilot)
        await pilot.pause(0.2)
        literal_everywhere(screen_text(app), MARKUP, "[link=https://e")
        await pilot.press("enter")  # the entry, in full
        await settle(app, pilot)
        literal_everywhere(screen_text(app), MARKUP, LINK, "\u241b]52;c;aGk=\u2407")
        await pilot.press("enter")  # the note kept as it was shown: left exactly as it is
        await settle(app, pilot)
        await pilot.press("escape", "i")
        await settle(app, pilot)
        await pilot.pause(0.2)
        literal_everywhere(screen_text(app), MARKUP[:14])  # the company, by name

    clock = FakeClock()
    hostile_setup(clock)
    drive(steps, size=(120, 40), clock=clock)
    (entry,) = entries()
    assert entry.note == f"{MARKUP} {ESC} {LINK}"


def test_the_care_lines_help_now_and_a_persons_own_practice_show_as_written() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("c", "s", "1", "0", "enter")  # the highest distress: care lines
        await settle(app, pilot)
        literal_everywhere(screen_text(app), f"{MARKUP} \u241b[2J")
        await pilot.press("ctrl+s")
        await pilot.pause()
        literal_everywhere(screen_text(app), f"{MARKUP} \u241b[2J")
        await pilot.press("escape", "escape")
        await pilot.pause()

        from coreg_tui.content import library
        from coreg_tui.tui.sessions import practise

        practise(app, library().get("hostile"))  # type: ignore[arg-type]
        await pilot.pause()
        literal_everywhere(screen_text(app), "[reverse]only if you like[/] \u241b]0;title\u2407")
        await pilot.press("enter")
        await pilot.pause(0.2)
        literal_everywhere(screen_text(app), MARKUP, "[blink]a step[/] \u241b[2J")

    clock = FakeClock()
    hostile_setup(clock)
    drive(steps, size=(120, 40), clock=clock)


def test_a_pattern_typed_with_markup_is_echoed_back_as_typed() -> None:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#custom").focus()
        await pilot.press(*"[bold]4-x[/]", "enter")
        await pilot.pause()
        literal_everywhere(screen_text(app), "[bold]4-x[/]")

    drive(steps, size=(120, 40))
