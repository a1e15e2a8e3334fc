"""After a check-in: what may help now. At the highest distress, the calmest layout:
a few lines of care, where help is, and one practice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from coreg_tui.core.entries import Entry
from coreg_tui.core.session import Around
from coreg_tui.core.states import State
from coreg_tui.tui.screens.base import CoregScreen
from coreg_tui.tui.widgets.footer import CoregFooter


class AfterCheckinScreen(CoregScreen[None]):
    BINDINGS = [
        # 1 is in the footer: at the highest distress it is the one practice offered.
        *(Binding(str(n), f"begin({n})", "Begin", show=n == 1, id=f"begin-{n}") for n in (1, 2, 3)),
        Binding("b", "breathe", "Breathe", id="breathe"),
        Binding("escape", "app.pop_screen", "Home", id="home"),
        Binding("q", "app.pop_screen", "Home", show=False, id="home-q"),
        Binding("enter", "app.pop_screen", "Home", show=False, id="home-enter"),
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        from coreg_tui.offer import care_lines, ranked
        from coreg_tui.text import literal
        from coreg_tui.visual.entry_text import state_text

        assert self.entry.state is not None
        found = ranked(self.entry.state, self.entry.intensity, bool(self.entry.with_who))
        with VerticalScroll(classes="care"):
            yield Static(literal(f"Noted: {state_text(self.entry)}."), classes="greeting")
            if found.care:
                for line in care_lines():
                    yield Static(literal(line), classes="care-line")
            self.shown = found.practices[:1] if found.care else found.practices[:3]
            if self.shown:
                yield Static(
                    "What may help now:" if not found.care else "One thing to try:",
                    classes="question",
                )
            for n, practice in enumerate(self.shown, start=1):
                yield Static(literal(f"{n}  {practice.title}: {practice.summary}"))
        yield CoregFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """For a shut-down system the direction is up: no calming breath is offered."""
        if action == "breathe":
            return self.entry.state is not State.DORSAL
        if action == "begin":
            return bool(self.shown)
        return True

    def action_begin(self, n: int) -> None:
        from coreg_tui.tui import sessions

        if n <= len(self.shown):
            sessions.practise(self.app, self.shown[n - 1], self.before, replacing=self)

    def action_breathe(self) -> None:
        from coreg_tui.tui import sessions

        sessions.breathe(self.app, before=self.before, replacing=self)

    @property
    def before(self) -> Around:
        """The check-in just noted: where the person was as a practice begins."""
        assert self.entry.state is not None
        return self.entry.state, self.entry.intensity
