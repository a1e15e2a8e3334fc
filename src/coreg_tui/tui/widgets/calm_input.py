"""A text field whose cursor holds still when the person asked for less motion
(`reduced_motion = true`, or `TEXTUAL_ANIMATIONS=none`), as the orb does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input

if TYPE_CHECKING:
    from coreg_tui.tui.app import CoregApp


class CalmInput(Input):
    if TYPE_CHECKING:

        @property
        def app(self) -> CoregApp: ...

    def on_mount(self) -> None:
        self.cursor_blink = not self.app.still
