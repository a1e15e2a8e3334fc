"""The Textual app: screens come and go on top of Home; the journal is reached in
thread workers so the screen never waits on the disk."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from coreg_tui.clock import Clock, system_clock
from coreg_tui.tui import screens

if TYPE_CHECKING:
    from coreg_tui.tui.screens.base import SessionScreen
    from coreg_tui.tui.screens.checkin import Draft

EXIT_GRACE_S = 5.0  # how long a signal's way out may take before the process just ends


def _terminal_there() -> bool:
    """Whether the terminal the companion draws on still answers."""
    import sys
    import termios

    try:
        termios.tcgetattr(sys.__stdin__.fileno())  # type: ignore[union-attr]
    except (termios.error, OSError, ValueError, AttributeError):
        return False
    return True


class CoregApp(App[None]):
    CSS_PATH = "coreg.tcss"
    TITLE = "coreg"
    BINDINGS = [
        Binding("question_mark", "help", "Keys", id="help", tooltip="Every key, and what it does"),
        Binding(
            "ctrl+s",
            "sos",
            "Help now",
            show=False,  # the footer holds it at its right edge, on every screen
            id="sos",
            priority=True,
            tooltip="Care lines, your contact, and slow breathing, from any screen",
        ),
        Binding("f1", "sos", "Help now", show=False, priority=True, id="sos-f1"),
    ]

    def __init__(
        self, clock: Clock | None = None, theme: str | None = None, ask_before: bool | None = None
    ) -> None:
        from coreg_tui.config import config
        from coreg_tui.journal import passphrase
        from coreg_tui.tui import themes

        passphrase.ask_with(None)  # never at the terminal: in a window of the companion's
        settings = config()
        if not settings.color:  # the same as NO_COLOR, which Textual reads as it starts
            os.environ.setdefault("NO_COLOR", "1")
        chosen = themes.pick(theme or settings.theme, os.environ)
        # Without colour, Textual draws in the terminal's own colours (not in greys).
        super().__init__(ansi_color=chosen.ansi or None)
        self.clock: Clock = clock or system_clock()
        # Whether to ask where the person is before a practice from Home (None: as the
        # config says). Tests of other things start with it off.
        self.ask_before = settings.ask_before if ask_before is None else ask_before
        self.unkept: list[str] = []  # what the journal refused, said again as the app closes
        self.checkin_draft: Draft | None = None  # a check-in left unsaved
        # Sessions whose callers keep them: kept as they stand if cut short.
        self.keep_if_cut_short: set[SessionScreen[Any]] = set()
        self.config_notice: str | None = None  # a config that could not be read in full
        for each in themes.THEMES:
            self.register_theme(each)
        self.theme = chosen.name
        # Nothing is parsed yet: the stylesheet takes the theme's colours now, so the
        # refresh that setting a theme asks for need not parse every source a second
        # time before the first paint (see refresh_css).
        self.stylesheet.set_variables(self.get_css_variables())
        self._css_theme: str | None = chosen.name

    @property
    def still(self) -> bool:
        """Less motion, as the person asked: the orb changes in steps, cursors do not blink."""
        from coreg_tui.config import config

        return config().reduced_motion or os.environ.get("TEXTUAL_ANIMATIONS") == "none"

    def size_classes(self) -> None:
        """The window's size as classes the stylesheet reads (Textual has no media
        queries): -narrow under 60 columns, -short under 20 rows, -roomy from 110x34.
        Called as Home is made and, by the screen on top, on every resize."""
        width, height = self.size
        self.set_class(width < 60, "-narrow")
        self.set_class(height < 20, "-short")
        self.set_class(width >= 110 and height >= 34, "-roomy")

    def get_default_screen(self) -> Screen:
        """Home, as the first screen: nothing is drawn before it or under it."""
        from coreg_tui.config import tell_once

        self.size_classes()
        # A config that could not be read in full: said once, on Home, below today's
        # entries (never in a notice that could cover help now), and the companion goes on.
        tell_once(lambda line: setattr(self, "config_notice", line))
        return screens.HomeScreen()

    def on_mount(self) -> None:
        self.had_terminal = _terminal_there()  # never so under a test's headless pilot
        self._end_on_signals()

    def refresh_css(self, animate: bool = True) -> None:
        styled, self._css_theme = self._css_theme, None
        if styled != self.theme:  # else the stylesheet already has this theme's colours
            super().refresh_css(animate)

    def painted(self) -> None:
        """Home is on the screen. The companion starts with the cycle collector off
        (cli.main): Textual's start-up makes hundreds of thousands of objects, and
        collecting among them took a tenth of the first paint. What start-up made is
        set aside for good (gc.freeze, as Python's docs advise for a long-lived
        process) and collecting goes on as usual from here."""
        import gc

        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def _end_on_signals(self) -> None:
        """SIGTERM, SIGHUP (the window closed), SIGQUIT and the others whose default is
        to end a process (SIGUSR1, SIGUSR2, SIGALRM) end the companion as ctrl+q
        does: a session under way is kept and Textual gives the terminal back as it
        found it: main screen, cursor shown, mouse tracking off."""
        import asyncio
        import signal

        from coreg_tui.signals import ENDING

        loop = asyncio.get_running_loop()
        for sig in ENDING:
            loop.add_signal_handler(sig, self.end_by_signal, sig)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, ENDING)  # a parent may have blocked them

    def cut_short(self, screen: SessionScreen[Any]) -> None:
        """End a session where it is; keep it now (a journal write of its own) if its
        caller keeps it."""
        from coreg_tui.tui.keeping import kept

        summary = screen.cut_short()
        if summary is not None and screen in self.keep_if_cut_short:
            kept(self, screen.entry(summary))
        self.keep_if_cut_short.discard(screen)

    def keep_sessions(self) -> None:
        """End every session under way, and keep those their callers keep."""
        for screen in list(self.keep_if_cut_short):
            self.cut_short(screen)

    def end_by_signal(self, sig: int) -> None:
        """The session is kept first, whatever happens next. With the terminal gone (the
        window closed) there is nothing to give back: the process ends at once. Otherwise
        Textual restores the terminal on its way out, and if that way is blocked for
        more than a few seconds the process ends anyway."""
        import os
        import threading

        self.keep_sessions()
        if self._terminal_gone():
            os._exit(128 + sig)
        self.exit(None, 128 + sig)
        watchdog = threading.Timer(EXIT_GRACE_S, os._exit, (128 + sig,))
        watchdog.daemon = True
        watchdog.start()

    def panic(self, *renderables: object) -> None:
        """Textual's input thread fails when the terminal has gone (reads fail with EIO):
        that is the window closing, not a bug, and ends as SIGHUP does."""
        import signal

        if self._terminal_gone():
            self.end_by_signal(signal.SIGHUP)
            return
        super().panic(*renderables)  # type: ignore[arg-type]

    def _terminal_gone(self) -> bool:
        """A terminal the companion had when it started that no longer answers."""
        return self.had_terminal and not _terminal_there()

    def action_help(self) -> None:
        self.push_screen(screens.HelpScreen())

    def action_sos(self) -> None:
        """Help right now, from anywhere. A session under way is ended (and kept, if its
        caller keeps it) first, as when the app closes, so that it cannot move on
        beneath help."""
        from coreg_tui.tui.screens.base import SessionScreen

        if any(isinstance(screen, screens.SosScreen) for screen in self.screen_stack):
            return
        while isinstance(self.screen, SessionScreen):
            self.cut_short(self.screen)
            self.screen.dismiss(None)  # its caller is handed None: cut short
        self.push_screen(screens.SosScreen())

    class Refused(Message):
        """The journal refused a write or a read: said on screen, once per refusal, and
        again as the app closes (`unkept`)."""

        def __init__(self, line: str, title: str) -> None:
            super().__init__()
            self.line, self.title = line, title

    @on(Refused)
    def tell_refused(self, message: Refused) -> None:
        # A path in the line may hold [ and ]: never read as markup.
        self.notify(message.line, title=message.title, severity="error", timeout=20, markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette (ctrl+p): this screen's actions and coreg's own, by name."""
        from coreg_tui.tui.palette import commands

        return commands(self, screen)
