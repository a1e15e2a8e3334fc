"""Before a practice begun from Home, with no check-in in the last quarter of an hour:
"Where are you now?" One key answers (v, s or d; a digit for how strong, if you like),
and enter or escape skips. Nothing is ever required; the answer is the session's
"before", so that what helped can be measured."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from coreg_tui.core.session import Around
from coreg_tui.core.states import State
from coreg_tui.tui.screens.base import CoregModal
from coreg_tui.tui.state_keys import STATE_BINDINGS, StateChoice
from coreg_tui.tui.widgets.footer import CoregFooter

if TYPE_CHECKING:
    from coreg_tui.tui.app import CoregApp

RECENT = timedelta(minutes=15)  # a check-in this recent already says where you are


class WhereFirstScreen(StateChoice, CoregModal[Around]):
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
        yield Static(self._words(), id="where-first", classes="dialog")
        yield CoregFooter()  # this window's own keys, and help now, over Home's

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
        self.query_one("#where-first", Static).update(self._words())

    def action_go(self) -> None:
        self.dismiss((self.state, self.intensity) if self.state is not None else None)

    def action_skip(self) -> None:
        self.dismiss(None)


def recent_checkin(app: CoregApp) -> bool:
    """Whether a check-in from the last quarter of an hour already says where the person
    is (read in a worker's thread)."""
    from coreg_tui.core.entries import Kind
    from coreg_tui.journal.store import Filter
    from coreg_tui.tui.keeping import read

    now = datetime.fromtimestamp(app.clock.wall()).astimezone()
    since = Filter(kind=Kind.CHECKIN, since=now - RECENT, limit=1)
    return bool(read(app, lambda journal: next(iter(journal.entries(since)), None)))
