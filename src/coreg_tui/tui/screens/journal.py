"""Journal: entries newest first, filtered as you type, deleted only after a yes.

Rows are fetched a page at a time in a thread worker (the store streams them), so a
journal of any size opens at once; more load as the cursor nears the end."""

from __future__ import annotations

from datetime import datetime

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Input, Static

from coreg_tui.core.entries import Entry

PAGE = 200


class ConfirmDelete(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Delete", id="yes"),
        Binding("n,escape", "answer(False)", "Keep", id="no"),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        from coreg_tui.text import printable

        yield Static(
            f"Delete {printable(self.what)}?\nIts words are overwritten on disk.\n\n"
            "y delete \u00b7 n keep",
            id="help",
        )

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class JournalScreen(Screen[None]):
    AUTO_FOCUS = "DataTable"  # the entries first; / moves to the search
    BINDINGS = [
        Binding("slash", "search", "Search", id="search"),
        Binding("delete,x", "delete", "Delete", id="delete"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.exhausted = False
        # Each reload starts a new generation; pages that arrive from an older search are
        # dropped (a thread worker cannot be stopped halfway through its query).
        self.generation = 0

    def compose(self) -> ComposeResult:
        yield Input(placeholder="search your words (/)", id="search")
        yield DataTable(id="entries", cursor_type="row", zebra_stripes=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("when", "what", "with", "tags", "note")
        self.reload()

    def reload(self) -> None:
        self.generation += 1
        self.entries, self.exhausted = [], False
        self.query_one(DataTable).clear()
        self.load(self.query_one(Input).value, 0, self.generation)

    @work(thread=True)
    def load(self, search: str, start: int, generation: int) -> None:
        from coreg_tui.journal import open_journal
        from coreg_tui.journal.store import Filter

        with open_journal(create=False) as journal:
            page = list(journal.entries(Filter(search=search or None, limit=start + PAGE)))[start:]
        self.app.call_from_thread(self.add, page, generation)

    def add(self, page: list[Entry], generation: int) -> None:
        if generation != self.generation:
            return
        from coreg_tui.text import printable
        from coreg_tui.visual.entry_text import what_text, when_text

        now = datetime.fromtimestamp(self.app.clock.wall()).astimezone()  # type: ignore[attr-defined]
        table = self.query_one(DataTable)
        for entry in page:
            note = " ".join(entry.note.split())
            table.add_row(
                when_text(entry.at, now),
                what_text(entry),
                printable(entry.with_who or ""),
                printable(", ".join(entry.tags)),
                printable(note[:60]),
                key=entry.id,
            )
        self.entries.extend(page)
        self.exhausted = len(page) < PAGE

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if not self.exhausted and event.cursor_row >= len(self.entries) - 20:
            self.exhausted = True  # one page at a time; add() says if there is more
            self.load(self.query_one(Input).value, len(self.entries), self.generation)

    def on_input_changed(self, _: Input.Changed) -> None:
        self.reload()

    def action_search(self) -> None:
        self.query_one(Input).focus()

    def action_back(self) -> None:
        if self.query_one(Input).has_focus:
            self.query_one(DataTable).focus()
        else:
            self.app.pop_screen()

    def action_delete(self) -> None:
        from coreg_tui.visual.entry_text import what_text, when_text

        table = self.query_one(DataTable)
        if not self.entries or table.cursor_row >= len(self.entries):
            return
        entry = self.entries[table.cursor_row]
        now = datetime.fromtimestamp(self.app.clock.wall()).astimezone()  # type: ignore[attr-defined]
        what = f"{what_text(entry)}, {when_text(entry.at, now)}"

        def answered(yes: bool | None) -> None:
            if yes:
                self.remove_entry(entry.id)

        self.app.push_screen(ConfirmDelete(what), answered)

    @work(thread=True)
    def remove_entry(self, entry_id: str) -> None:
        from coreg_tui.journal import open_journal

        with open_journal() as journal:
            journal.delete(entry_id)
        self.app.call_from_thread(self.reload)
