"""Every key, read from the screens' own bindings: one definition serves the keys, the
Footer and this help, so it can never fall out of step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from coreg_tui.tui import screens
from coreg_tui.tui.screens.base import CoregModal
from coreg_tui.tui.widgets.footer import CoregFooter

# Keys that are not one binding each: a range of digits, or moving between fields.
EXTRA = {
    "Check-in": "0-9 how strong (1 then 0 for 10) \u00b7 tab to cues, company, note, tags",
    "After a check-in": "1-3 begin that practice",
    "Where are you now?": "0-9 how strong",
    "Journal": "enter open the entry (read it all, change its note) \u00b7 "
    "up, down, page up, page down move",
    "Practices": "up, down move (a practice for two asks first)",
    "Anywhere": "F1 help now too \u00b7 ctrl+p the command palette \u00b7 q back (quits on Home) "
    "\u00b7 ctrl+q quit",
}


def _key(binding: Binding) -> str:
    key = binding.key.split(",")[-1]
    return {"slash": "/", "question_mark": "?", "delete": "del"}.get(key, key)


def key_lines(bindings: list[BindingType], extra: str = "") -> str:
    parts: dict[str, str] = {}  # by what it does: two keys for one thing show once
    for b in bindings:
        if isinstance(b, Binding) and not b.action.startswith(("intensity(", "begin(")):
            parts.setdefault(b.description.lower(), f"{_key(b)} {b.description.lower()}")
    return " \u00b7 ".join(filter(None, [*parts.values(), extra]))


def sections(anywhere: list[BindingType]) -> list[tuple[str, list[BindingType]]]:
    """Each screen's keys, then those that work `anywhere` (the app's own)."""
    found = [(where, getattr(screens, name).BINDINGS) for where, name in screens.KEY_SECTIONS]
    return [*found, ("Anywhere", anywhere)]


class HelpScreen(CoregModal[None]):
    """Every key, by screen: a titled window that scrolls where it does not fit."""

    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close", id="close")]

    def compose(self) -> ComposeResult:
        from rich.markup import escape
        from textual.containers import VerticalScroll

        with VerticalScroll(id="keys") as keys:
            keys.border_title = "Keys"
            keys.border_subtitle = "escape closes"
            for where, bindings in sections(self.app.BINDINGS):
                lines = escape(key_lines(bindings, EXTRA.get(where, "")))
                yield Static(f"[b]{where}[/b]  {lines}", classes="keys-section")
        yield CoregFooter()  # help now stays one key away, and shown, over the keys too
