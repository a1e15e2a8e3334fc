"""A widget that shows rows of (text, style), redrawn only when they change.

The rows are the same frames the CLI paints; their colours are the CLI's, and each is
drawn here in the app theme's colour for the same thing (tui/themes.py `as_drawn`) as it
renders, so the breath's colours and the quieter lines follow the theme, even when it
changes (Textual renders every widget again then)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from coreg_tui.visual.breath_frame import Line


class Rows(Widget):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Line] = []
        self._drawn: dict[tuple[str, str], Style] = {}  # (theme, frame style): as drawn

    def show(self, rows: list[Line]) -> None:
        if rows != self.rows:
            self.rows = rows
            self.refresh()

    def render(self) -> Text:
        from coreg_tui.tui.themes import as_drawn

        theme = self.app.theme
        text = Text()
        for i, (line, style) in enumerate(self.rows):
            if i:
                text.append("\n")
            if not style:
                text.append(line)
                continue
            drawn = self._drawn.get((theme, style))
            if drawn is None:
                drawn = self._drawn[theme, style] = as_drawn(self.app, style)
            text.append(line, style=drawn)
        return text
