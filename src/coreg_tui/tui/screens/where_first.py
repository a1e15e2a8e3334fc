"""Before a practice begun from Home, with no check-in in the last quarter of an hour:
"Where are you now?" One key answers (v, s or d; a digit for how strong, if you like),
and enter or escape skips. Nothing is ever required; the answer is the session's
"before", so that what helped can be measured."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from coreg_tui.core.session import Around
from coreg_tui.core.states import State
from coreg_tui.tui.state_keys import STATE_BINDINGS, StateChoice

RECENT = timedelta(minutes=15)  # a check-in this recent already says where you are


class WhereFirstScreen(StateChoice, ModalScreen[Around]):
    BINDINGS = [
        *STATE_BINDINGS,
        Binding("enter", "go", "Begin", id="begin"),
        Binding("escape", "skip", "Skip", id="skip"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.state: State | None = None
        self.intensity: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._words(), id="help")

    def _words(self) -> str:
        chosen = ""
        if self.state is not None:
            strength = f" {self.intensity}/10" if self.intensity is not None else ""
            chosen = f"\n\n{self.state.value}{strength}: enter begins."
        return (
            "Where are you now, before you begin?\n\n"
            "v ventral \u00b7 s sympathetic \u00b7 d dorsal (a digit for how strong, if "
            "you like). Enter begins; escape skips the question." + chosen
        )

    def show(self) -> None:
        self.query_one("#help", Static).update(self._words())

    def action_go(self) -> None:
        self.dismiss((self.state, self.intensity) if self.state is not None else None)

    def action_skip(self) -> None:
        self.dismiss(None)


def asking_first(app: App[object], begin: Callable[[Around], None]) -> None:
    """Call `begin(before)`: at once when the config says not to ask, or there is a
    check-in from the last quarter of an hour; else after asking where the person is.
    The journal is read in a thread: the screen never waits on the disk."""
    if not getattr(app, "ask_before", True):
        begin(None)
        return

    def look() -> None:
        from coreg_tui.core.entries import Kind
        from coreg_tui.journal.store import Filter
        from coreg_tui.tui.keeping import read

        now = datetime.fromtimestamp(app.clock.wall()).astimezone()  # type: ignore[attr-defined]
        recent = read(
            app,
            lambda j: next(
                iter(j.entries(Filter(kind=Kind.CHECKIN, since=now - RECENT, limit=1))), None
            ),
        )
        if recent is not None:
            app.call_from_thread(begin, None)
        else:
            app.call_from_thread(app.push_screen, WhereFirstScreen(), begin)

    app.run_worker(look, thread=True, exclusive=True, group="ask-before")
