"""Beginning a session from a screen, and keeping it: ask where the person is first
(if nothing says so yet), the opt-in note of a practice for two, the session itself,
then its entry in the journal and "where are you now?". One plain sequence, run in a
worker that awaits each screen in turn; help now has its own (screens/sos.py), which
keeps nothing unless asked."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from coreg_tui.core.session import Around
from coreg_tui.tui import screens

T = TypeVar("T")
# The groups of workers that await a person (a session under way, help now's steps):
# they end when the person does. Every other worker ends on its own.
SESSION, HELP_NOW = "session", "help-now"
PACED_BY_A_PERSON = frozenset({SESSION, HELP_NOW})

if TYPE_CHECKING:
    from textual.screen import Screen

    from coreg_tui.core.practices import Practice
    from coreg_tui.core.session import SessionPlan
    from coreg_tui.tui.app import CoregApp
    from coreg_tui.tui.screens.base import SessionScreen
    from coreg_tui.tui.screens.circle import Joining, Leading


def breathe(
    app: CoregApp,
    plan: SessionPlan | None = None,
    before: Around = None,
    *,
    ask: bool = False,
    replacing: Screen[Any] | None = None,
) -> None:
    """The pacer (the chosen pattern, or the default). `ask`: ask where the person is
    first; `replacing`: the screen the session takes the place of (the chooser)."""
    app.run_worker(_breathe(app, plan, before, ask, replacing), group=SESSION)


def practise(
    app: CoregApp,
    practice: Practice,
    before: Around = None,
    *,
    ask: bool = False,
    replacing: Screen[Any] | None = None,
) -> None:
    """A practice: breathing ones on the pacer, the rest step by step, after the opt-in
    note where there is one. `before` is where the person was, if a check-in said so."""
    app.run_worker(_practise(app, practice, before, ask, replacing), group=SESSION)


def in_circle(app: CoregApp, role: Joining | Leading, *, replacing: Screen[Any]) -> None:
    """A live circle, hosted here or joined, after "where are you now?"."""
    app.run_worker(_in_circle(app, role, replacing), group=SESSION)


async def _in_circle(app: CoregApp, role: Joining | Leading, replacing: Screen[Any]) -> None:
    before = await where_first(app)
    await kept(app, screens.CircleScreen(role, before), replacing)


async def _breathe(
    app: CoregApp,
    plan: SessionPlan | None,
    before: Around,
    ask: bool,
    replacing: Screen[Any] | None,
) -> None:
    if ask:
        before = await where_first(app)
    await kept(app, screens.BreatheScreen(plan, before=before), replacing)


async def _practise(
    app: CoregApp, practice: Practice, before: Around, ask: bool, replacing: Screen[Any] | None
) -> None:
    from coreg_tui.tui.screens.practice import session_for

    if ask:
        before = await where_first(app)
    if practice.note and not await app.push_screen_wait(screens.NoteGate(practice.note)):
        return
    await kept(app, session_for(practice, before), replacing)


async def kept(
    app: CoregApp, screen: SessionScreen[Any], replacing: Screen[Any] | None = None
) -> None:
    """Run the session and keep what it leaves, then ask where the person is now. Cut
    short (the app closing, help now), the app keeps it as it stood."""
    from coreg_tui.messages import KEPT
    from coreg_tui.tui import keeping

    if replacing is not None and app.screen is replacing:
        app.pop_screen()
    app.keep_if_cut_short.add(screen)
    summary = await app.push_screen_wait(screen)
    app.keep_if_cut_short.discard(screen)  # ended: nothing is left to cut short
    if summary is None:  # cut short, and kept then
        return
    entry = await in_thread(app, partial(keeping.kept, app, screen.entry(summary)))
    if entry is None:  # ended before it began (or the journal refused it, and said so)
        app.notify(summary.sentence(), timeout=3)
        return
    if entry.state_after is not None:  # already said (after a circle): never asked twice
        app.notify(f"{summary.sentence()} {KEPT}", timeout=4)
        return
    app.push_screen(screens.WhereNowScreen(entry, f"{summary.sentence()} {KEPT}"))


async def where_first(app: CoregApp) -> Around:
    """Where the person is before a practice begun from Home: not asked when the config
    says not to, or when a check-in from the last quarter of an hour already says. The
    journal is read in a thread: the screen never waits on the disk."""
    from coreg_tui.tui.screens.where_first import recent_checkin

    if not app.ask_before or await in_thread(app, partial(recent_checkin, app)):
        return None
    return await app.push_screen_wait(screens.WhereFirstScreen())


async def in_thread(app: CoregApp, work: Callable[[], T]) -> T:
    """`work()` (the journal, the disk) in a thread worker of its own, awaited: the
    screen never waits on the disk."""
    return await app.run_worker(work, thread=True, group="journal").wait()
