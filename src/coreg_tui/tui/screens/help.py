"""Every key, from the bindings themselves: one definition serves keys, Footer and help."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    (
        "Home",
        "c check in \u00b7 v s d check in with that state \u00b7 b breathe \u00b7 "
        "j journal \u00b7 q quit",
    ),
    (
        "Journal",
        "/ search your words \u00b7 v s d only that state, a all \u00b7 enter open an "
        "entry and change its note \u00b7 x delete (asks first) \u00b7 escape back",
    ),
    (
        "Check-in",
        "v s d state \u00b7 0-9 how strong (1 then 0 for 10) \u00b7 tab moves to cues, "
        "company, note, tags \u00b7 enter save \u00b7 escape back",
    ),
    ("Breathe", "space pause \u00b7 escape end and keep it"),
    ("Anywhere", "? this help \u00b7 ctrl+p the command palette"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close", id="close")]

    def compose(self) -> ComposeResult:
        text = "\n\n".join(f"[b]{where}[/b]\n{keys}" for where, keys in KEYS)
        yield Static(text, id="help")
