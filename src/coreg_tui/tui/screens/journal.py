"""Journal: entries newest first, filtered as you type, deleted only after a yes.

Rows are fetched a page at a time in a thread worker (the store streams them), so a
journal of any size opens at once; more load as the cursor nears the end."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Input, Static
from textual.worker import Worker, get_current_worker

from coreg_tui.core.entries import Entry
from coreg_tui.tui.screens.base import CoregModal, CoregScreen
from coreg_tui.tui.state_keys import FILTER_BINDINGS
from coreg_tui.tui.widgets.calm_input import CalmInput
from coreg_tui.tui.widgets.footer import CoregFooter

PAGE = 200
HEADERS = ("when", "what", "with", "tags", "note")


class ConfirmDelete(CoregModal[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Delete", id="yes"),
        Binding("n,escape,q", "answer(False)", "Keep", id="no"),
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
            classes="dialog",
        )

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class EntryScreen(CoregModal[str | None]):
    """One entry in full; its note can be changed. Enter keeps the change, escape leaves it."""

    BINDINGS = [
        Binding("escape", "leave", "Leave as it was", id="leave"),
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        from coreg_tui.content.names import practice_names
        from coreg_tui.text import literal, printable
        from coreg_tui.visual.entry_text import what_text

        e = self.entry
        lines = [f"{e.at:%A %-d %B %Y, %H:%M}", what_text(e, practice_names())]
        if e.body:
            lines.append("body: " + ", ".join(e.body))
        if e.with_who:
            lines.append(f"with {e.with_who}")
        if e.tags:
            lines.append("tags: " + ", ".join(e.tags))
        with Vertical(classes="dialog"):
            yield Static(literal("\n".join(lines)))
            if e.note:  # the whole note, wrapped, above the field that changes it
                yield Static(literal(e.note), classes="entry-note")
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


class JournalScreen(CoregScreen[None]):
    AUTO_FOCUS = "DataTable"  # the entries first; / moves to the search
    BINDINGS = [
        Binding("slash", "search", "Search", id="search"),
        *FILTER_BINDINGS,
        Binding("delete,x", "delete", "Delete", id="delete"),
        Binding("escape", "back", "Back", id="back"),
        Binding("q", "back", "Back", show=False, id="back-q"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.exhausted = False
        self.only_state = ""  # show only this state ("" for all)
        self.return_to: str | None = None  # the entry the cursor goes back to after a reload
        self.shown_width = 0

    def compose(self) -> ComposeResult:
        yield CalmInput(placeholder="/ search your words; #tag keeps to a tag", id="search")
        yield Static("", id="journal-status")
        yield EntryTable(id="entries", cursor_type="row", zebra_stripes=False)
        yield CoregFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.watch(table, "scroll_y", self.scrolled, init=False)  # the wheel moves no cursor
        self.reload()

    def reload(self) -> None:
        self.entries, self.exhausted = [], False
        self.query_one(DataTable).clear(columns=True)
        self.load(self.query_one(Input).value, 0)

    def on_resize(self) -> None:
        if self.entries and self.size.width != self.shown_width:
            self.redraw()

    def redraw(self) -> None:
        """Every loaded row again, with columns fitted to the window's width."""
        entries = self.entries
        at = self.query_one(DataTable).cursor_row
        self.query_one(DataTable).clear(columns=True)
        self.entries = []
        self.add(entries)
        self.query_one(DataTable).move_cursor(row=at)

    def columns(self, rows: Sequence[tuple[str, ...]]) -> list[tuple[str, int]]:
        """The columns and their widths for the window. Each takes what its rows need
        (up to a cap) where there is room; where there is not, the words a person wrote
        (the note) keep at least two fifths of the room: columns empty for every row shown
        are left out, what narrows a little, with and tags give way, then what narrows."""
        from coreg_tui.visual.cells import natural_widths

        width = max(30, (self.size.width or 80) - 4)
        caps = (17, 60, 16, 20)  # when, what, with, tags; the note has the rest
        natural = natural_widths(HEADERS[:4], [r[:4] for r in rows], caps)
        shown = [
            (name, n or len(name))  # when and what stay, even with no rows yet
            for i, (name, n) in enumerate(zip(HEADERS[:4], natural, strict=True))
            if n or i < 2
        ]
        least = max(12, width * 2 // 5)  # the note's share when room is short

        def note_room() -> int:
            return width - sum(w for _, w in shown) - 2 * len(shown)

        def narrow_what(to: int) -> None:
            name, w = shown[1]
            shown[1] = (name, max(to, w - max(0, least - note_room())))

        narrow_what(36)  # what narrows a little first,
        while note_room() < least and len(shown) > 2:  # then with and tags give way,
            shown.pop()
        narrow_what(12)  # then what narrows further
        return [*shown, ("note", max(8, note_room()))]

    class Page(Message):
        """A page of entries, read in a worker's thread."""

        def __init__(self, entries: list[Entry], worker: Worker[None]) -> None:
            super().__init__()
            self.entries, self.worker = entries, worker

    @work(thread=True, exclusive=True, group="pages")
    def load(self, search: str, start: int) -> None:
        """A page of what the search finds. A newer search cancels an older one: its
        page, if the query was already under way, is never shown."""
        from coreg_tui.core.entries import search_terms
        from coreg_tui.core.states import State
        from coreg_tui.journal.store import Filter
        from coreg_tui.tui.keeping import read

        words, tags = search_terms(search)
        states = (State(self.only_state),) if self.only_state else ()
        where = Filter(search=words, tags=tags, states=states, limit=PAGE, offset=start)
        page = read(self.app, lambda journal: list(journal.entries(where)))
        worker = get_current_worker()
        if page is not None and not worker.is_cancelled:
            self.post_message(self.Page(page, worker))

    @on(Page)
    def add_page(self, message: Page) -> None:
        if not message.worker.is_cancelled:  # cancelled on this thread: never a race
            self.add(message.entries)

    def add(self, page: list[Entry]) -> None:
        from coreg_tui.content.names import practice_names
        from coreg_tui.text import literal
        from coreg_tui.visual.cells import fit
        from coreg_tui.visual.entry_text import what_text, when_text

        names = practice_names()
        now = datetime.fromtimestamp(self.app.clock.wall()).astimezone()
        table = self.query_one(DataTable)
        rows = [
            (
                when_text(entry.at, now),
                what_text(entry, names),
                " ".join((entry.with_who or "").split()),
                ", ".join(entry.tags),
                " ".join(entry.note.split()),
            )
            for entry in page
        ]
        if not table.columns:  # the first page decides the columns
            self.shown_width = self.size.width
            for name, width in self.columns(rows):
                table.add_column(name, width=width, key=name)
        # Cut where they go on, with an ellipsis: the entry, opened with enter, shows all.
        widths = {str(c.key.value): c.width for c in table.columns.values()}
        for entry, row in zip(page, rows, strict=True):
            cells = dict(zip(HEADERS, row, strict=True))
            shown = (literal(fit(cells[k], w).rstrip()) for k, w in widths.items())
            table.add_row(*shown, key=entry.id)
        self.entries.extend(page)
        self.exhausted = len(page) < PAGE
        self.tell_status()
        if self.return_to is not None:
            found = next((i for i, e in enumerate(self.entries) if e.id == self.return_to), None)
            if found is not None:
                table.move_cursor(row=found)
                self.return_to = None

    def tell_status(self) -> None:
        """What the table shows, when it is not simply everything: a filter, a search
        that found nothing, an empty journal; and what to do next."""
        from coreg_tui.text import literal

        search = self.query_one(Input).value.strip()
        parts = []
        if self.only_state:
            parts.append(f"Only {self.only_state} (a shows all).")
        if not self.entries:
            if search or self.only_state:
                parts.append("Nothing matches" + (f" '{search}'." if search else "."))
            else:
                parts.append("Nothing in your journal yet. Escape goes back; c on Home checks in.")
        status = self.query_one("#journal-status", Static)
        status.update(literal(" ".join(parts)))
        status.display = bool(parts)

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
            self.load(self.query_one(Input).value, len(self.entries))

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
                self.return_to = entry.id  # the highlight stays on the entry just changed
                self.change(entry.edited(note=note))

        self.app.push_screen(EntryScreen(entry), edited)

    class Changed(Message):
        """An entry was changed or deleted in the journal: read it again."""

    @on(Changed)
    def changed(self) -> None:
        self.reload()

    @work(thread=True)
    def change(self, entry: Entry) -> None:
        from coreg_tui.tui.keeping import written

        if written(self.app, lambda journal: journal.replace(entry)):
            self.post_message(self.Changed())

    def action_search(self) -> None:
        self.query_one(Input).focus()

    def action_back(self) -> None:
        if self.query_one(Input).has_focus:
            self.query_one(DataTable).focus()
        else:
            self.app.pop_screen()

    def action_delete(self) -> None:
        from coreg_tui.content.names import practice_names
        from coreg_tui.visual.entry_text import what_text, when_text

        table = self.query_one(DataTable)
        if not self.entries or table.cursor_row >= len(self.entries):
            return
        entry = self.entries[table.cursor_row]
        now = datetime.fromtimestamp(self.app.clock.wall()).astimezone()
        what = f"{what_text(entry, practice_names())}, {when_text(entry.at, now)}"

        def answered(yes: bool | None) -> None:
            if yes:
                self.remove_entry(entry.id)

        self.app.push_screen(ConfirmDelete(what), answered)

    @work(thread=True)
    def remove_entry(self, entry_id: str) -> None:
        from coreg_tui.tui.keeping import written

        if written(self.app, lambda journal: journal.delete(entry_id)):
            self.post_message(self.Changed())
