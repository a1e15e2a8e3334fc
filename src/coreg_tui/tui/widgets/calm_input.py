"""A text field whose cursor holds still when the person asked for less motion
(`reduced_motion = true`, or `TEXTUAL_ANIMATIONS=none`), as the orb does."""

from __future__ import annotations

from textual.widgets import Input

from coreg_tui.tui import typed


class CalmInput(Input):
    app = typed.APP

    def on_mount(self) -> None:
        self.cursor_blink = not self.app.still
