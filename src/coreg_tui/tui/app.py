"""The Textual app: screens come and go on top of Home; the journal is reached in
thread workers so the screen never waits on the disk."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from coreg_tui.clock import Clock, SystemClock


class CoregApp(App[None]):
    CSS_PATH = "coreg.tcss"
    TITLE = "coreg"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help", tooltip="Every key, and what it does"),
    ]

    def __init__(self, clock: Clock | None = None, theme: str | None = None) -> None:
        from coreg_tui.config import config
        from coreg_tui.tui import themes

        settings = config()
        if not settings.color:  # the same as NO_COLOR, which Textual reads as it starts
            os.environ.setdefault("NO_COLOR", "1")
        super().__init__()
        self.clock: Clock = clock or SystemClock()
        self.unkept: list[str] = []  # what the journal refused, said again as the app closes
        for each in themes.THEMES:
            self.register_theme(each)
        self.theme = themes.pick(theme or settings.theme, os.environ).name

    def on_mount(self) -> None:
        from coreg_tui.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())

    def action_help(self) -> None:
        from coreg_tui.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette (ctrl+p): Home's own keys, named, then Textual's (less the
        screenshot, which would write the screen's words to a file)."""
        from coreg_tui.tui.screens.home import HomeScreen

        if isinstance(screen, HomeScreen):
            for binding in screen.BINDINGS:
                if isinstance(binding, Binding) and binding.action != "app.quit":
                    yield SystemCommand(
                        binding.description,
                        binding.tooltip or f"the {binding.key} key",
                        partial(self.run_action, binding.action, screen),
                    )
        yield SystemCommand("Help", "Every key, and what it does", self.action_help)
        for command in super().get_system_commands(screen):
            if command.title != "Screenshot":
                yield command
