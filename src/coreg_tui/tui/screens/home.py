"""Home: a greeting, the question, the three states, and today in brief."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from coreg_tui.core.states import State
from coreg_tui.tui import screens
from coreg_tui.tui.screens.base import CoregScreen
from coreg_tui.tui.widgets.footer import CoregFooter
from coreg_tui.tui.widgets.state_button import StateButton


def greeting(hour: int) -> str:
    if hour < 5:
        return "Still up. Be gentle with yourself."
    if hour < 12:
        return "Good morning."
    if hour < 18:
        return "Good afternoon."
    return "Good evening."


class HomeScreen(CoregScreen[None]):
    BINDINGS = [
        Binding("c", "checkin", "Check in", id="checkin", tooltip="Note how you are"),
        Binding("v", "checkin('ventral')", "Check in as ventral", show=False, id="ventral"),
        Binding(
            "s", "checkin('sympathetic')", "Check in as sympathetic", show=False, id="sympathetic"
        ),
        Binding("d", "checkin('dorsal')", "Check in as dorsal", show=False, id="dorsal"),
        Binding("b", "breathe", "Breathe", id="breathe", tooltip="Start the pacer now"),
        # Pattern stays out of the footer, so that help-now fits 80 columns beside the
        # rest; it is in the help (?) and the palette.
        Binding(
            "p",
            "choose_pattern",
            "Pattern",
            show=False,
            id="pattern",
            tooltip="Choose how to breathe",
        ),
        Binding("j", "journal", "Journal", id="journal", tooltip="Your entries"),
        Binding(
            "l",
            "practices",
            "Practices",
            show=False,  # in the help (?) and the palette, as Pattern is
            id="practices",
            tooltip="Every practice, to browse and begin",
        ),
        Binding("i", "insights", "Insights", id="insights", tooltip="What helps, when, with whom"),
        Binding(
            "t",
            "together",
            "Together",
            show=False,  # beside Practices in the help (?) and the palette: the footer is full
            id="together",
            tooltip="Breathe live with others: host a circle or join one",
        ),
        Binding("q", "app.quit", "Quit", id="quit", tooltip="Leave coreg"),
    ]

    def compose(self) -> ComposeResult:
        from coreg_tui.content.texts import texts

        words = texts().states
        now = datetime.fromtimestamp(self.app.clock.wall())
        with VerticalScroll(id="home", can_focus=False):  # focus starts on the states
            yield Static(greeting(now.hour), classes="greeting")
            yield Static("How is your system right now?", classes="question")
            with Center(), Horizontal(id="states"):
                for state in State:
                    label = f"{words[state].name}  {state.value[0]}"
                    yield StateButton(state, label, words[state].feels)
            yield Static("", id="today")
            notice = self.app.config_notice
            if notice:
                from coreg_tui.text import literal

                yield Static(literal(notice), id="config-notice")
        yield CoregFooter()

    def on_screen_resume(self) -> None:
        self.load_today()

    def on_mount(self) -> None:
        # After the first paint: opening the journal should never delay the greeting.
        self.call_after_refresh(self.locked_or_today)
        self.call_after_refresh(self.app.painted)

    @work(thread=True, exclusive=True, group="journal")
    def locked_or_today(self) -> None:
        """A locked journal whose key is had from nowhere but the person: asked for in a
        window over Home (journal/passphrase.py); otherwise today, at once."""
        from coreg_tui.journal.passphrase import needs_asking
        from coreg_tui.paths import journal_path

        if needs_asking(journal_path()):
            self.post_message(self.Locked())
        else:
            self.app.call_from_thread(self.load_today)

    class Locked(Message):
        """The journal is locked, and only the person knows its passphrase."""

    @on(Locked)
    def ask_passphrase(self) -> None:
        from coreg_tui.tui.screens.passphrase import PassphraseScreen

        self.app.push_screen(PassphraseScreen(), lambda _: self.load_today())

    @work(thread=True, exclusive=True)
    def load_today(self) -> None:
        from coreg_tui.content.names import practice_names
        from coreg_tui.core.session import under_one_breath
        from coreg_tui.journal.store import Filter
        from coreg_tui.text import literal
        from coreg_tui.tui.keeping import read
        from coreg_tui.visual.entry_text import what_text

        now = datetime.fromtimestamp(self.app.clock.wall()).astimezone()
        start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        found = read(self.app, lambda j: list(j.entries(Filter(since=start, limit=10))))
        if found is None:
            return
        entries = [e for e in found if not under_one_breath(e)][:5]
        lines = [f"{e.at:%H:%M}  {what_text(e, practice_names())}" for e in entries]
        text = "Today\n" + "\n".join(lines) if lines else "Nothing noted yet today."
        self.post_message(self.Today(literal(text)))

    class Today(Message):
        """Today in brief, read in a worker's thread."""

        def __init__(self, text: Text) -> None:
            super().__init__()
            self.text = text

    @on(Today)
    def show_today(self, message: Today) -> None:
        self.query_one("#today", Static).update(message.text)

    @on(StateButton.Chosen)
    def chosen(self, event: StateButton.Chosen) -> None:
        self.action_checkin(event.state.value)

    def action_checkin(self, state: str | None = None) -> None:
        self.app.push_screen(screens.CheckinScreen(State(state) if state else None))

    def action_practices(self) -> None:
        self.app.push_screen(screens.PracticesScreen())

    def action_journal(self) -> None:
        self.app.push_screen(screens.JournalScreen())

    def action_breathe(self) -> None:
        from coreg_tui.tui import sessions

        sessions.breathe(self.app, ask=True)

    def action_choose_pattern(self) -> None:
        self.app.push_screen(screens.BreatheSetupScreen())

    def action_together(self) -> None:
        self.app.push_screen(screens.TogetherScreen())

    def action_insights(self) -> None:
        self.app.push_screen(screens.InsightsScreen())
