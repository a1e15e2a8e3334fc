"""The Textual app: screens come and go on top of Home; the journal is reached in
thread workers so the screen never waits on the disk."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from coreg_tui.clock import Clock, SystemClock


class CoregApp(App[None]):
    CSS_PATH = "coreg.tcss"
    TITLE = "coreg"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help", tooltip="Every key, and what it does"),
    ]

    def __init__(self, clock: Clock | None = None) -> None:
        super().__init__()
        self.clock: Clock = clock or SystemClock()

    def on_mount(self) -> None:
        from coreg_tui.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())

    def action_help(self) -> None:
        from coreg_tui.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())
