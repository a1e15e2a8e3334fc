"""A widget that shows rows of (text, style), redrawn only when they change."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from coreg_tui.visual.breath_frame import Line


class Rows(Widget):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Line] = []

    def show(self, rows: list[Line]) -> None:
        if rows != self.rows:
            self.rows = rows
            self.refresh()

    def render(self) -> Text:
        text = Text()
        for i, (line, style) in enumerate(self.rows):
            if i:
                text.append("\n")
            text.append(line, style=style or None)
        return text
