"""Journal: entries newest first, filtered as you type, deleted only after a yes.

Rows are fetched a page at a time in a thread worker (the store streams them), so a
journal of any size opens at once; more load as the cursor nears the end. The table
holds a window of a few pages: pages far above or below are dropped, and read again
(from the entry at the window's edge, a keyset that no new entry shifts) on the way
back, so memory and the time a page takes stay the same however far one goes."""

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
WINDOW = 5 * PAGE  # rows the table holds at most
NEAR = 20  # rows from an edge of the window at which the next page is read
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
        yield CoregFooter()  # this window's own keys, and help now, over the journal's

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
        yield CoregFooter()

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

    def action_scroll_top(self) -> None:
        screen = self.screen
        if isinstance(screen, JournalScreen) and screen.dropped_above:
            screen.to_top()  # the first rows were dropped: read them again
        else:
            super().action_scroll_top()

    def keep_rows(self, keys: Sequence[str]) -> None:
        """Hold only these rows, in this order (each already in the table). What
        remove_row and sort do, done once for many rows: remove_row renumbers every
        row for each row it removes."""
        from textual._two_way_dict import TwoWayDict
        from textual.widgets.data_table import CellKey, RowKey

        kept = set(keys)
        for key in [k for k in self.rows if k.value not in kept]:
            for column_key in self._data[key]:
                self._updated_cells.discard(CellKey(key, column_key))
            self._new_rows.discard(key)
            del self.rows[key]
            del self._data[key]
        self._row_locations = TwoWayDict({RowKey(k): i for i, k in enumerate(keys)})
        self._clear_caches()
        self._require_update_dimensions = True
        self._update_count += 1
        self.cursor_coordinate = self.cursor_coordinate
        self.hover_coordinate = self.hover_coordinate
        self.check_idle()
        self.refresh(layout=True)


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
        self.entries: list[Entry] = []  # the window: the rows the table holds, in order
        self.exhausted = False  # nothing below the window
        self.dropped_above = False  # rows above the window were dropped
        self.loading = False  # a page is on its way (one at a time)
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
        self.entries, self.exhausted, self.dropped_above = [], False, False
        self.query_one(DataTable).clear(columns=True)
        self.loading = True
        self.load(self.query_one(Input).value, None, "below")

    def to_top(self) -> None:
        """The first rows again, in place of the window (home, when they were dropped)."""
        self.loading = True
        self.load(self.query_one(Input).value, None, "top")

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
        """A page of entries, read in a worker's thread, and where it goes: below the
        window, above it, or in its place (the first page)."""

        def __init__(self, entries: list[Entry], worker: Worker[None], where: str) -> None:
            super().__init__()
            self.entries, self.worker, self.where = entries, worker, where

    @work(thread=True, exclusive=True, group="pages")
    def load(self, search: str, edge: Entry | None, where: str) -> None:
        """A page of what the search finds, after the entry at the window's edge (above
        it, for "above"). A newer search cancels an older one: its page, if the query
        was already under way, is never shown."""
        from coreg_tui.core.entries import search_terms
        from coreg_tui.core.states import State
        from coreg_tui.journal.store import Filter
        from coreg_tui.tui.keeping import read

        words, tags = search_terms(search)
        states = (State(self.only_state),) if self.only_state else ()
        after = (edge.at, edge.id) if edge is not None else None
        up = where == "above"
        kept = Filter(
            search=words, tags=tags, states=states, limit=PAGE, after=after, newest_first=not up
        )
        page = read(self.app, lambda journal: list(journal.entries(kept)))
        worker = get_current_worker()
        if page is not None and not worker.is_cancelled:
            if up:
                page.reverse()  # read upwards, shown newest first
            self.post_message(self.Page(page, worker, where))

    @on(Page)
    def add_page(self, message: Page) -> None:
        if message.worker.is_cancelled:  # cancelled on this thread: never a race
            return
        self.loading = False
        page = message.entries
        if message.where == "above":
            self.dropped_above = len(page) == PAGE
            self.add_above(page)
            self.go_back_to()
            return
        if message.where == "top":
            self.entries, self.dropped_above = [], False  # before the scroll goes to 0
            self.query_one(DataTable).clear()
        self.add(page)
        self.exhausted = len(page) < PAGE
        if len(self.entries) > WINDOW:
            self.drop_above(len(self.entries) - WINDOW)
        self.go_back_to()

    def drop_above(self, count: int) -> None:
        """Drop the first rows; what the person sees stays where it was."""
        table = self.query_one(EntryTable)
        row, y = table.cursor_row, table.scroll_y
        self.entries = self.entries[count:]
        table.keep_rows([e.id for e in self.entries])
        self.dropped_above = True
        self.shift(row - count, y - count)

    def add_above(self, page: list[Entry]) -> None:
        """Rows above the window; as many at the bottom go, if it is full."""
        table = self.query_one(EntryTable)
        row, y = table.cursor_row, table.scroll_y
        self.add_rows(page)  # added below, then moved to the top
        self.entries = page + self.entries
        if len(self.entries) > WINDOW:
            self.entries, self.exhausted = self.entries[:WINDOW], False
        table.keep_rows([e.id for e in self.entries])
        self.shift(row + len(page), y + len(page))

    def shift(self, row: int, y: float) -> None:
        """The cursor and the scroll, on the same entries after rows went or came above
        them (a row is one line). A cursor whose row was dropped goes to the top row
        on the screen."""
        table = self.query_one(DataTable)
        table.scroll_to(y=max(0.0, y), animate=False, immediate=True)
        if not 0 <= row < len(self.entries):
            row = min(max(0, int(y)), len(self.entries) - 1)
        table.move_cursor(row=row, scroll=False)

    def add(self, page: list[Entry]) -> None:
        """A page below the rows the window holds."""
        self.add_rows(page)
        self.entries.extend(page)
        self.tell_status()

    def add_rows(self, page: list[Entry]) -> None:
        """The page's rows at the table's foot (the first page decides the columns)."""
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

    def go_back_to(self) -> None:
        """The cursor on the entry it was on before a reload, once its row is shown."""
        if self.return_to is not None:
            found = next((i for i, e in enumerate(self.entries) if e.id == self.return_to), None)
            if found is not None:
                self.query_one(DataTable).move_cursor(row=found)
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
        if event.cursor_row >= len(self.entries) - NEAR:
            self.more()
        elif event.cursor_row < NEAR:
            self.less()

    def scrolled(self, y: float) -> None:
        if self.query_one(DataTable).max_scroll_y - y < NEAR:
            self.more()
        elif y < NEAR:
            self.less()

    def more(self) -> None:
        """The next page, when the person nears the end of what is loaded."""
        if not self.exhausted and not self.loading and self.entries:
            self.loading = True  # one page at a time
            self.load(self.query_one(Input).value, self.entries[-1], "below")

    def less(self) -> None:
        """The page above the window, when the person nears its top and it was dropped."""
        if self.dropped_above and not self.loading and self.entries:
            self.loading = True
            self.load(self.query_one(Input).value, self.entries[0], "above")

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
