"""Painting a full-window picture line by line, writing only the rows that changed.

Rich renders each row's style for the terminal at hand (its colour system,
NO_COLOR); this module decides which rows to send. Redrawing a whole
screen several times a second costs more CPU than breathing is worth.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.style import Style

from coreg_tui.visual.breath_frame import Line


class Painter:
    def __init__(self, console: Console) -> None:
        self.console = console
        self._last: list[Line] = []
        self._size: tuple[int, int] | None = None
        self._styles: dict[str, Style] = {}

    def _styled(self, text: str, style: str) -> str:
        if not text or not style:
            return text
        found = self._styles.get(style)
        if found is None:
            from rich.style import Style

            found = Style.parse(style)
            if self.console.no_color:
                found = found.without_color
            self._styles[style] = found
        return found.render(text, color_system=self.console.color_system)

    @property
    def fresh(self) -> bool:
        """Whether the window is to be painted afresh (first, after a resize or Ctrl-Z)."""
        return self._size is None

    def paint(self, lines: Sequence[Line], size: tuple[int, int]) -> None:
        parts = []
        if size != self._size:  # a resize: start from a clean window
            parts.append("\x1b[H\x1b[2J")
            self._last, self._size = [], size
        for row, line in enumerate(lines):
            if row < len(self._last) and self._last[row] == line:
                continue
            parts.append(f"\x1b[{row + 1};1H{self._styled(*line)}\x1b[K")
        parts.extend(f"\x1b[{row + 1};1H\x1b[K" for row in range(len(lines), len(self._last)))
        self._last = list(lines)
        if parts:
            self.console.file.write("".join(parts))
            self.console.file.flush()

    def enter(self) -> None:
        """The terminal's alternate screen with the cursor hidden, painted afresh."""
        self._size = None  # the next paint redraws every row
        with contextlib.suppress(OSError):  # a terminal that has gone: nothing to draw on
            self.console.set_alt_screen(True)
            self.console.show_cursor(False)

    def leave(self) -> None:
        """Back to the main screen, cursor shown (whatever became of the terminal)."""
        with contextlib.suppress(OSError):
            self.console.show_cursor(True)
            self.console.set_alt_screen(False)
            self.console.file.flush()
