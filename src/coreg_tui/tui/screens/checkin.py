"""Check-in: state, intensity, body cues, company, a note, tags. Keys make it quick:
`s` then `7` then `enter` records sympathetic 7 with nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, SelectionList, Static

from coreg_tui.core.entries import Entry, checkin, clean_words
from coreg_tui.core.states import State
from coreg_tui.tui import screens
from coreg_tui.tui.screens.base import CoregScreen
from coreg_tui.tui.state_keys import STATE_BINDINGS, StateChoice
from coreg_tui.tui.widgets.calm_input import CalmInput
from coreg_tui.tui.widgets.footer import CoregFooter


@dataclass(frozen=True)
class Draft:
    """A check-in left unsaved: `c` brings it back."""

    state: State | None
    intensity: int | None
    cues: tuple[str, ...]
    fields: dict[str, str]  # with, note, tags: as typed

    @property
    def anything(self) -> bool:
        return any((self.state, self.intensity, self.cues, *self.fields.values()))


class CheckinScreen(StateChoice, CoregScreen[None]):
    AUTO_FOCUS = ""  # nothing focused: keys go to the screen (v/s/d, digits, enter); tab moves in
    BINDINGS = [
        *STATE_BINDINGS,
        Binding("enter", "save", "Save", id="save", priority=True),
        Binding("escape", "leave", "Back", id="back"),
        Binding("q", "leave", "Back", show=False, id="back-q"),
    ]

    def __init__(self, state: State | None = None) -> None:
        super().__init__()
        self.state = state
        self.intensity: int | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="checkin", can_focus=False):  # tab goes to the fields
            yield Static("", id="state", classes="row")
            yield Static("", id="intensity", classes="row")
            yield SelectionList[str](id="cues", classes="row")
            yield CalmInput(placeholder="who is with you, if anyone", id="with")
            yield CalmInput(placeholder="a note, if you like", id="note")
            yield CalmInput(placeholder="tags, separated by commas", id="tags")
        yield CoregFooter()

    def on_mount(self) -> None:
        draft = self.app.checkin_draft
        if draft:  # what was typed before leaving unsaved comes back
            self.app.checkin_draft = None
            self.state = self.state or draft.state
            self.intensity = draft.intensity
            for name, value in draft.fields.items():
                self.query_one(f"#{name}", Input).value = value
        self.show()
        if draft:
            cues = self.query_one("#cues", SelectionList)
            for cue in draft.cues:
                cues.select(cue)

    def draft(self) -> Draft | None:
        """What has been chosen or typed so far, if anything."""
        found = Draft(
            self.state,
            self.intensity,
            tuple(self.query_one("#cues", SelectionList).selected),
            {n: self.query_one(f"#{n}", Input).value for n in ("with", "note", "tags")},
        )
        return found if found.anything else None

    def action_leave(self) -> None:
        """Back without saving; anything typed is kept aside, and `c` brings it back."""
        draft = self.draft()
        self.app.checkin_draft = draft
        self.app.pop_screen()
        if draft:
            self.app.notify("Not saved. c brings it back.", timeout=4)

    def show(self) -> None:
        from coreg_tui.content.texts import texts

        words = texts().states
        if self.state is None:
            line = "How is your system?  v ventral \u00b7 s sympathetic \u00b7 d dorsal"
        else:
            # The name as a heading and the description below it: the description names
            # the state in its own words ("Mobilised: ..."), so no label goes before it.
            line = f"[b]{words[self.state].name}[/b]\n{escape(words[self.state].description)}"
        self.query_one("#state", Static).update(line)
        level = self.intensity
        bar = "".join("\u25cf" if level is not None and i < level else "\u25cb" for i in range(10))
        shown = f"{level}/10" if level is not None else "not set (0-9; 1 then 0 for 10)"
        self.query_one("#intensity", Static).update(f"How strong  {bar}  {shown}")
        cues = self.query_one("#cues", SelectionList)
        cues.display = self.state is not None  # no empty box before there is a state
        if self.state is not None and cues.option_count == 0:
            cues.add_options([(cue, cue) for cue in words[self.state].cues])
            cues.highlighted = 0  # tab, then space, picks the first

    def chose_state(self, state: State) -> None:
        self.query_one("#cues", SelectionList).clear_options()

    def entry(self) -> Entry | None:
        if self.state is None:
            return None
        at = datetime.fromtimestamp(self.app.clock.wall()).astimezone()
        return checkin(
            at,
            self.state,
            intensity=self.intensity,
            body=tuple(self.query_one("#cues", SelectionList).selected),
            with_who=" ".join(self.query_one("#with", Input).value.split()) or None,
            note=self.query_one("#note", Input).value.strip(),
            tags=clean_words(self.query_one("#tags", Input).value.split(",")),
        )

    def action_save(self) -> None:
        entry = self.entry()
        if entry is None:
            self.notify("First, which state: v, s or d.", timeout=4)
            return
        self.save(entry)

    @work(thread=True, exclusive=True)
    def save(self, entry: Entry) -> None:
        from coreg_tui.tui.keeping import kept

        if kept(self.app, entry) is not None:
            self.post_message(self.Saved(entry))

    class Saved(Message):
        """The check-in is in the journal."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.app.switch_screen(screens.AfterCheckinScreen(message.entry))
