"""Journal: entries newest first, filtered as you type, deleted only after a yes.

Rows are fetched a page at a time in a thread worker (the store streams them), so a
journal of any size opens at once; more load as the cursor nears the end."""

from __future__ import annotations

from datetime import datetime

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static

from coreg_tui.core.entries import Entry
from coreg_tui.tui.widgets.calm_input import CalmInput
from coreg_tui.tui.widgets.footer import CoregFooter

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
        from coreg_tui.text import literal

        yield Static(
            literal(
                f"Delete {self.what}?\nIts words are overwritten on disk.\n\ny delete \u00b7 n keep"
            ),
            id="help",
        )

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class EntryScreen(ModalScreen[str | None]):
    """One entry in full; its note can be changed. Enter keeps the change, escape leaves it."""

    BINDINGS = [
        Binding("escape", "leave", "Leave as it was", id="leave"),
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        from coreg_tui.text import literal, printable
        from coreg_tui.visual.entry_text import what_text

        e = self.entry
        lines = [f"{e.at:%A %-d %B %Y, %H:%M}", what_text(e)]
        if e.body:
            lines.append("body: " + ", ".join(e.body))
        if e.with_who:
            lines.append(f"with {e.with_who}")
        if e.tags:
            lines.append("tags: " + ", ".join(e.tags))
        with Vertical(id="help"):
            yield Static(literal("\n".join(lines)))
            # The field shows control characters as their pictures too; a note left as
            # shown is left as it is, and an edited one keeps the pictures.
            yield CalmInput(value=printable(e.note), placeholder="a note", id="note")
            yield Static("enter keeps the note \u00b7 escape leaves it as it was")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from coreg_tui.text import printable

        unchanged = event.value == printable(self.entry.note)
        self.dismiss(self.entry.note if unchanged else event.value.strip())

    def action_leave(self) -> None:
        self.dismiss(None)


class EntryTable(DataTable[str]):
    """The entries: home and end go to the first and last row, as in a list."""

    BINDINGS = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]


class JournalScreen(Screen[None]):
    AUTO_FOCUS = "DataTable"  # the entries first; / moves to the search
    BINDINGS = [
        Binding("slash", "search", "Search", id="search"),
        Binding("v", "only('ventral')", "Ventral", id="only-ventral"),
        Binding("s", "only('sympathetic')", "Sympathetic", id="only-sympathetic"),
        Binding("d", "only('dorsal')", "Dorsal", id="only-dorsal"),
        Binding("a", "only('')", "All", id="only-all"),
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
        self.only_state = ""  # show only this state ("" for all)

    def compose(self) -> ComposeResult:
        yield CalmInput(placeholder="/ search your words; #tag keeps to a tag", id="search")
        yield EntryTable(id="entries", cursor_type="row", zebra_stripes=False)
        yield CoregFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("when", "what", "with", "tags", "note")
        self.watch(table, "scroll_y", self.scrolled, init=False)  # the wheel moves no cursor
        self.reload()

    def reload(self) -> None:
        self.generation += 1
        self.entries, self.exhausted = [], False
        self.query_one(DataTable).clear()
        self.load(self.query_one(Input).value, 0, self.generation)

    @work(thread=True)
    def load(self, search: str, start: int, generation: int) -> None:
        from coreg_tui.core.entries import search_terms
        from coreg_tui.core.states import State
        from coreg_tui.journal import open_journal
        from coreg_tui.journal.store import Filter

        words, tags = search_terms(search)
        states = (State(self.only_state),) if self.only_state else ()
        where = Filter(search=words, tags=tags, states=states, limit=PAGE, offset=start)
        with open_journal(create=False) as journal:
            page = list(journal.entries(where))
        self.app.call_from_thread(self.add, page, generation)

    def add(self, page: list[Entry], generation: int) -> None:
        if generation != self.generation:
            return
        from coreg_tui.text import literal
        from coreg_tui.visual.entry_text import what_text, when_text

        now = datetime.fromtimestamp(self.app.clock.wall()).astimezone()  # type: ignore[attr-defined]
        table = self.query_one(DataTable)
        for entry in page:
            note = " ".join(entry.note.split())
            table.add_row(
                when_text(entry.at, now),
                literal(what_text(entry)),
                literal(entry.with_who or ""),
                literal(", ".join(entry.tags)),
                literal(note[:60]),
                key=entry.id,
            )
        self.entries.extend(page)
        self.exhausted = len(page) < PAGE

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.entries) - 20:
            self.more()

    def scrolled(self, y: float) -> None:
        if self.query_one(DataTable).max_scroll_y - y < 20:
            self.more()

    def more(self) -> None:
        """The next page, when the person nears the end of what is loaded."""
        if not self.exhausted:
            self.exhausted = True  # one page at a time; add() says if there is more
            self.load(self.query_one(Input).value, len(self.entries), self.generation)

    def on_input_changed(self, _: Input.Changed) -> None:
        self.reload()

    def action_only(self, state: str) -> None:
        self.only_state = state
        self.reload()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.cursor_row >= len(self.entries):
            return
        entry = self.entries[event.cursor_row]

        def edited(note: str | None) -> None:
            if note is not None and note != entry.note:
                self.change(entry.edited(note=note))

        self.app.push_screen(EntryScreen(entry), edited)

    @work(thread=True)
    def change(self, entry: Entry) -> None:
        from coreg_tui.tui.keeping import written

        if written(self.app, lambda journal: journal.replace(entry)):
            self.app.call_from_thread(self.reload)

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
        from coreg_tui.tui.keeping import written

        if written(self.app, lambda journal: journal.delete(entry_id)):
            self.app.call_from_thread(self.reload)
