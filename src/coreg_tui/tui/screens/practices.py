"""Every practice, to browse and begin: by kind, filtered by state, a person's own marked,
the ones their config hides shown as hidden. Enter begins one (after the opt-in note,
for a practice for two)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coreg_tui.core.practices import Practice
from coreg_tui.core.states import State
from coreg_tui.tui.screens.base import CoregScreen
from coreg_tui.tui.state_keys import FILTER_BINDINGS
from coreg_tui.tui.widgets.footer import CoregFooter


def practice_label(p: Practice, hidden: bool) -> str:
    """`Box breathing · 3 min · sympathetic, ventral 0-6 · for two · yours · hidden`."""
    from coreg_tui.core.durations import format_duration

    marks = [
        p.title,
        format_duration(p.duration_s),
        ", ".join(s.value for s in p.states) + f" {p.intensity[0]}-{p.intensity[1]}",
    ]
    if p.together:
        marks.append("for two")
    if p.source != "built-in":
        marks.append("yours")
    if hidden:
        marks.append("hidden")
    return " \u00b7 ".join(marks)


class PracticesScreen(CoregScreen[None]):
    BINDINGS = [
        Binding("enter", "begin", "Begin", id="begin", tooltip="Begin the practice chosen"),
        *FILTER_BINDINGS,
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("q", "app.pop_screen", "Back", show=False, id="back-q"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.only: State | None = None

    def compose(self) -> ComposeResult:
        yield Static("Practices", classes="greeting", id="practices-title")
        yield OptionList(id="practices")
        yield CoregFooter()

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        from coreg_tui.config import config
        from coreg_tui.offer import offered_library
        from coreg_tui.text import literal

        hidden = set(config().hide_practices)
        chosen = [
            p
            for p in offered_library(offered_only=False).practices
            if self.only is None or self.only in p.states
        ]
        self.practices: dict[str, Practice] = {p.id: p for p in chosen}
        options: list[Option | None] = []
        for kind in sorted({p.kind for p in chosen}, key=lambda k: k.value):
            if options:
                options.append(None)  # a line between kinds
            options.append(Option(literal(kind.value), disabled=True))
            for p in sorted((p for p in chosen if p.kind is kind), key=lambda p: p.title):
                options.append(Option(literal(practice_label(p, p.id in hidden)), id=p.id))
        found = self.query_one("#practices", OptionList)
        found.clear_options()
        found.add_options(options)
        first = next((i for i, o in enumerate(options) if o is not None and not o.disabled), None)
        found.highlighted = first
        which = "every state" if self.only is None else self.only.value
        self.query_one("#practices-title", Static).update(
            f"Practices for {which}  ({len(chosen)})  \u00b7  enter begins one"
        )
        found.focus()

    def action_only(self, state: str) -> None:
        self.only = State(state) if state else None
        self.fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._begin(event.option.id)

    def action_begin(self) -> None:
        found = self.query_one("#practices", OptionList)
        if found.highlighted is not None:
            self._begin(found.get_option_at_index(found.highlighted).id)

    def _begin(self, practice_id: str | None) -> None:
        from coreg_tui.tui import sessions

        practice = self.practices.get(practice_id or "")
        if practice is not None:
            sessions.practise(self.app, practice, ask=True)
