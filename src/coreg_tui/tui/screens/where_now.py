"""After a practice: "Where are you now?" It records the state after, on the session's
own entry. Escape skips it; nothing is asked twice."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from coreg_tui.core.entries import Entry
from coreg_tui.core.states import State
from coreg_tui.tui.screens.base import CoregScreen
from coreg_tui.tui.state_keys import STATE_BINDINGS, StateChoice
from coreg_tui.tui.widgets.footer import CoregFooter


class WhereNowScreen(StateChoice, CoregScreen[None]):
    BINDINGS = [
        *STATE_BINDINGS,
        Binding("enter", "save", "Save", id="save"),
        Binding("escape", "app.pop_screen", "Skip", id="skip"),
        Binding("q", "app.pop_screen", "Skip", show=False, id="skip-q"),
    ]

    def __init__(self, entry: Entry, sentence: str) -> None:
        super().__init__()
        self.entry, self.sentence = entry, sentence
        self.state: State | None = None
        self.intensity: int | None = None

    def compose(self) -> ComposeResult:
        from coreg_tui.content.texts import texts
        from coreg_tui.text import literal

        question = texts().reflection_prompts[0]
        with VerticalScroll(classes="care"):
            yield Static(literal(self.sentence), classes="greeting")
            history = Static("", id="history", classes="greeting")
            history.display = False  # until there is history to tell of
            yield history
            yield Static(question, classes="question")
            yield Static(
                "v ventral \u00b7 s sympathetic \u00b7 d dorsal, then a digit for how "
                "strong, then enter. Escape skips.",
                id="choice",
            )
        yield CoregFooter()

    def on_mount(self) -> None:
        if self.entry.practice:
            self.recall(self.entry.practice)

    @work(thread=True, exclusive=True, group="history")
    def recall(self, practice: str) -> None:
        from datetime import datetime

        from coreg_tui.journal.insights import history_line
        from coreg_tui.tui.keeping import read

        today = datetime.fromtimestamp(self.app.clock.wall()).date()
        line = read(self.app, lambda journal: history_line(journal, practice, today))
        if line:
            self.post_message(self.History(line))

    class History(Message):
        """What this practice has done before, read in a worker's thread."""

        def __init__(self, line: str) -> None:
            super().__init__()
            self.line = line

    @on(History)
    def remember(self, message: History) -> None:
        from coreg_tui.text import literal

        history = self.query_one("#history", Static)
        history.update(literal(message.line))
        history.display = True

    def show(self) -> None:
        parts = [self.state.value if self.state else "which state?"]
        if self.intensity is not None:
            parts.append(f"{self.intensity}/10")
        self.query_one("#choice", Static).update(
            "  ".join(parts) + "   (enter saves, escape skips)"
        )

    def action_save(self) -> None:
        if self.state is None:
            self.notify("Which state: v, s or d. Or escape to skip.", timeout=4)
            return
        self.keep(self.entry.edited(state_after=self.state, intensity_after=self.intensity))

    @work(thread=True, exclusive=True)
    def keep(self, entry: Entry) -> None:
        from coreg_tui.tui.keeping import written

        if written(self.app, lambda journal: journal.replace(entry)):
            self.post_message(self.Kept())

    class Kept(Message):
        """Where the person is now is on the session's entry."""

    @on(Kept)
    def leave(self) -> None:
        self.app.pop_screen()
