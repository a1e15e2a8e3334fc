"""A locked journal's passphrase, asked in the companion when it first needs the journal
(after Home is drawn, so that help now is never behind it: ctrl+s works here too).
Never shown as it is typed. Three wrong tries end the asking with a calm message, and
how the entries can be had again without it; escape goes on without the journal."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from coreg_tui.tui.screens.base import CoregModal
from coreg_tui.tui.widgets.calm_input import CalmInput
from coreg_tui.tui.widgets.footer import CoregFooter

TRIES = 3
ASK = "Your journal is locked. Its passphrase opens it for this session:"
AFTER_THREE = (
    "It did not open after three tries, and nothing was changed. Take a breath: help now "
    "(ctrl+s) and breathing work without the journal. Nobody can open a locked journal "
    "without its passphrase, coreg included. If it is lost, the entries can come back "
    "only from a copy: an export (coreg import FILE), or a backup of the file from "
    "before it was locked."
)


class PassphraseScreen(CoregModal[bool]):
    BINDINGS = [Binding("escape", "dismiss(False)", "Not now", id="not-now")]

    def __init__(self) -> None:
        super().__init__()
        self.tries = 0

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="passphrase"):
            yield Static(ASK, id="ask")
            yield CalmInput(
                password=True, placeholder="the passphrase, then enter", id="secret", compact=True
            )
            yield Static("", id="said")
        yield CoregFooter()

    def on_mount(self) -> None:
        self.query_one("#secret", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        said = event.value
        event.input.value = ""
        if said:
            self.query_one("#said", Static).update("opening\u2026")
            self.open_with(said)

    @work(thread=True, exclusive=True)
    def open_with(self, said: str) -> None:
        from coreg_tui.journal import passphrase
        from coreg_tui.journal.refusals import JournalError
        from coreg_tui.paths import journal_path

        try:
            opened = passphrase.try_passphrase(journal_path(), said)
        except JournalError as exc:
            self.post_message(self.Tried(False, str(exc)))
            return
        self.post_message(self.Tried(opened, ""))

    class Tried(Message):
        def __init__(self, opened: bool, problem: str) -> None:
            super().__init__()
            self.opened, self.problem = opened, problem

    @on(Tried)
    def tried(self, message: Tried) -> None:
        from coreg_tui.text import literal

        if message.opened:
            self.dismiss(True)
            return
        self.tries += 1
        said = self.query_one("#said", Static)
        if message.problem:
            said.update(literal(message.problem))
        elif self.tries >= TRIES:
            self.query_one("#secret", Input).display = False
            self.query_one("#ask", Static).display = False
            said.update(AFTER_THREE + "\n\nescape goes on without the journal.")
        else:
            said.update(f"That does not open it; nothing was changed. ({self.tries} of {TRIES})")
