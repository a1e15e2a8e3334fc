"""The journal: every command and screen reads and writes entries through a Journal.

- Opening it (opening.py) checks the file before anything is written, refusing in
  one line what is not coreg's (refusals.py), and brings it up to date.
- Every write is one transaction that begins with BEGIN IMMEDIATE (transaction.py),
  and keeps the tag rows and the sums beside the entries (statements.py) in it.
- Connections are closed when a command ends, so the write-ahead log is folded back
  into the file and removed; the old words of entries deleted or changed then leave
  the log, and any backup an older coreg left.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coreg_tui.core.entries import Entry, Kind
from coreg_tui.core.errors import InputError
from coreg_tui.core.states import State
from coreg_tui.journal import engine
from coreg_tui.journal import statements as sql
from coreg_tui.journal.guard import release
from coreg_tui.journal.opening import Opened, connect, scrub_backups
from coreg_tui.journal.refusals import disk_full, full_refusal, read_only_refusal, refusal
from coreg_tui.journal.rows import (
    STATES,
    day_of,
    day_span,
    entry_of,
    now_us,
    row_of,
    same_row,
    to_us,
)
from coreg_tui.journal.schema import MIGRATIONS
from coreg_tui.journal.transaction import Transaction
from coreg_tui.messages import NOTHING_IMPORTED

if TYPE_CHECKING:  # read only by stats: a check-in does not load them
    from coreg_tui.core.tallies import CheckinTallies, PracticeTally
    from coreg_tui.journal.cipher import Key

MERGE_BATCH = 5000  # entries an import holds at a time on their way in
BULK_CACHE_KIB = -65536  # 64 MiB of page cache while an import writes, then back to SQLite's 2
SORTING_CACHE_KIB = -16384  # 16 MiB while it sorts the sums and indexes at its end
CONFLICTS_KEPT = 100  # ids of entries that differ named by a merge (all are counted)


@dataclass(frozen=True)
class Merged:
    added: int
    same: int  # already in the journal, exactly so
    conflicts: list[str]  # the first ids the journal holds with other content (kept as it has them)
    differ: int  # how many of those there are in all


@dataclass(frozen=True, slots=True)
class Filter:
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    states: tuple[State, ...] = ()
    tags: tuple[str, ...] = ()  # any of them
    search: str | None = None
    kind: Kind | None = None
    limit: int | None = None
    offset: int = 0  # skip this many first (a page further down)
    newest_first: bool = True
    # (at, id) of an entry: only those that come after it in the order asked (a keyset,
    # for the next page; with newest_first=False, the entries above it).
    after: tuple[datetime, str] | None = None


class Journal:
    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        *,
        read_only: bool = False,
        checked_at: float | None = None,
        key: Key | None = None,
        guard: int | None = None,
    ) -> None:
        self.conn = conn
        self.key = key  # a locked journal's (cipher.py)
        self.guard = guard  # the hold that keeps a rewrite away while it is open
        self.path = path
        self.read_only = read_only  # opened from read-only media or a read-only file
        self.checked_at = checked_at  # when the journal was last found sound
        self.forgotten: list[str] = []  # entries deleted or changed: their old words must go
        self._search_index: bool | None = None  # whether it has the index of words (version 4)

    # --- opening and closing -------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = True,
        migrations: Mapping[int, tuple[str, ...]] = MIGRATIONS,
    ) -> Journal:
        """The journal at `path`. Without `create`, a missing file reads as an empty
        journal held in memory, and nothing is created on disk."""
        opened = connect(path, create=create, migrations=migrations)
        return cls(
            opened.conn,
            opened.path,
            read_only=opened.read_only,
            checked_at=opened.checked_at,
            key=opened.key,
            guard=opened.guard,
        )

    def close(self) -> None:
        if self.forgotten and self.path is not None:
            # Deleted or changed words leave the write-ahead log now, not only when the
            # last connection closes (another coreg may hold the journal open).
            with contextlib.suppress(*engine.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            Opened(self.conn, self.path, self.read_only, self.checked_at).close()
            if self.forgotten and self.path is not None:
                scrub_backups(self.path, self.forgotten, self.key)
        finally:
            release(self.guard)  # only now: no rewrite touches the backups meanwhile

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _writing(self) -> Transaction:
        if self.read_only and self.path is not None:
            if disk_full(self.path):
                raise full_refusal(f"the journal at {self.path}")
            raise read_only_refusal(self.path)
        return Transaction(self.conn, self.path)

    # --- writing ---------------------------------------------------------------

    def add(self, entry: Entry) -> None:
        with self._writing():
            self.conn.execute(sql.INSERT_ENTRY, row_of(entry, now_us()))
            self._keep_entry(entry.id)

    def add_many(self, entries: Iterable[Entry]) -> int:
        """Add all of them in one transaction; entries whose id is already in the
        journal (or earlier in `entries`) are left as they are. Returns how many were new."""
        return self.merge(entries).added

    def merge(self, entries: Iterable[Entry], *, twins_in: str | None = None) -> Merged:
        """Add the entries the journal does not have yet, in one transaction (see
        merge_rows)."""
        now = now_us()
        return self.merge_rows((row_of(e, now) for e in entries), twins_in=twins_in)

    def merge_rows(self, rows: Iterable[tuple[Any, ...]], *, twins_in: str | None = None) -> Merged:
        """Add the entries, as `row_of` gives them, that the journal does not have yet, in
        one transaction (an import's rows may be made in another process). One whose
        id the journal already holds is left as the journal has it, and counted as the
        same or, if any of its fields differ, as a conflict. `rows` is read a batch
        at a time (an import streams them in); an error from it, or an id given twice
        when `twins_in` names where they come from, rolls everything back.

        Memory stays the same however many entries come: a batch is held at a time, and
        an id given twice is found by the database itself, inside the transaction (an
        id added earlier in it has a rowid above `after`; one the journal held before
        that the input named already is in a temporary table)."""
        added = same = differ = 0
        conflicts: list[str] = []  # the first CONFLICTS_KEPT of them
        matching = False  # whether the temporary table of ids matched so far is made
        # Each tag row is written right beside its entry, in the same transaction, so
        # checking its reference again would only double the cost of writing tags.
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self.conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        try:
            with self._writing():
                empty = self.conn.execute(sql.ANY_ENTRY).fetchone() is None
                # Into an empty journal, building the secondary indexes once at the end
                # (a sort) is quicker than keeping them up row by row.
                rebuild = self._drop_indexes() if empty else []
                # New rows take rowids above the largest one (SQLite's rule while that is
                # below 2**63 - 1), so their tags and sums can be kept in one pass.
                after = self.conn.execute(sql.LAST_ROWID).fetchone()[0]
                position = 0
                for batch in _batches(rows, MERGE_BATCH):
                    held = {} if empty and not added else self._held_rows([row[0] for row in batch])
                    new: dict[str, tuple[Any, ...]] = {}
                    for row in batch:
                        position += 1
                        entry_id = row[0]
                        found = held.get(entry_id)
                        twin = entry_id in new or (found is not None and found[0] > after)
                        if found is not None and not twin:
                            if not matching:
                                self.conn.execute(sql.MAKE_MATCHED)
                                matching = True
                            twin = self.conn.execute(sql.MATCH, (entry_id,)).rowcount == 0
                        if twin:
                            if twins_in is not None:
                                raise InputError(
                                    f"{twins_in}: entry {position:,} has the same id as an "
                                    "earlier one "
                                    f"({entry_id[:8]}); {NOTHING_IMPORTED}"
                                )
                            continue
                        if found is None:
                            new[entry_id] = row
                        elif same_row(found[1:], row):
                            same += 1
                        else:
                            differ += 1
                            if len(conflicts) < CONFLICTS_KEPT:
                                conflicts.append(entry_id)
                    self.conn.executemany(sql.INSERT_ENTRY, new.values())
                    added += len(new)
                # What is left is sorting (the sums, the indexes): the page cache gives
                # way, so that it and SQLite's sorter never hold their most at once.
                self.conn.execute(f"PRAGMA cache_size = {SORTING_CACHE_KIB}")
                self._keep_new_entries(after)
                for statement in rebuild:
                    self.conn.execute(statement)
        finally:
            if matching:
                self.conn.execute(sql.DROP_MATCHED)
            self.conn.execute("PRAGMA cache_size = -2000")
            self.conn.execute("PRAGMA foreign_keys = ON")
        return Merged(added, same, conflicts, differ)

    def _drop_indexes(self) -> list[str]:
        """Drop the schema's own indexes (not those behind keys); returns how to remake them."""
        found = self.conn.execute(sql.SCHEMA_INDEXES).fetchall()
        for name, _ in found:
            self.conn.execute(sql.drop_index(name))
        return [statement for _, statement in found]

    def _held_rows(self, ids: list[str]) -> dict[str, tuple[Any, ...]]:
        """The rows the journal holds for any of `ids` (each with its rowid first), by id."""
        found: dict[str, tuple[Any, ...]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.conn.execute(sql.entries_with_ids(len(chunk)), chunk)
            found.update((row[1], row) for row in rows)
        return found

    def replace(self, entry: Entry) -> None:
        self.forgotten.append(entry.id)
        with self._writing():
            self._take_from_sums(entry.id)
            cur = self.conn.execute(sql.UPDATE_ENTRY, (*row_of(entry, 0)[1:-1], now_us(), entry.id))
            if cur.rowcount != 1:
                raise InputError(f"there is no entry {entry.short_id} any more")
            self.conn.execute(sql.DELETE_ENTRY_TAGS, (entry.id,))
            self._keep_entry(entry.id)

    def delete(self, entry_id: str) -> None:
        self.forgotten.append(entry_id)
        with self._writing():
            self._take_from_sums(entry_id)
            self.conn.execute(sql.DELETE_ENTRY, (entry_id,))

    def _keep_entry(self, entry_id: str) -> None:
        """Write the tag rows of an entry just written, and add it to the sums."""
        for statement in (sql.TAG_ENTRY, *sql.ADD_ENTRY_TO_SUMS):
            self.conn.execute(statement, {"id": entry_id})

    def _keep_new_entries(self, after: int) -> None:
        """Write the tag rows of the entries added after rowid `after`, and add them to
        the sums."""
        for statement in (sql.TAG_NEW_ENTRIES, *sql.ADD_NEW_ENTRIES_TO_SUMS):
            self.conn.execute(statement, {"after": after})

    def _take_from_sums(self, entry_id: str) -> None:
        """Take an entry out of the sums (before it changes or goes), forgetting any of
        its keys that no entry holds any more."""
        for statement in sql.TAKE_ENTRY_FROM_SUMS:
            self.conn.execute(statement, {"id": entry_id})

    # --- reading ---------------------------------------------------------------

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Damage is often found halfway through a read: say so as a refusal."""
        try:
            yield
        except engine.Error as exc:
            raise refusal(exc, self.path) or exc from None

    def get(self, ref: str) -> Entry:
        """The entry whose id is `ref` or starts with it."""
        key = ref.strip().lower()
        if len(key) < 4 or any(c not in "0123456789abcdef-" for c in key):
            raise InputError(f"'{ref}' is not an entry id; use at least 4 of its first characters")
        with self._reading():
            rows = self.conn.execute(sql.ENTRIES_BY_PREFIX, (key, key + "\U0010ffff")).fetchall()
        if not rows:
            raise InputError(f"there is no entry {ref}; 'coreg list' shows their ids")
        if len(rows) > 1:
            raise InputError(f"more than one entry starts with {ref}; give more of its id")
        return entry_of(rows[0])

    def _indexed(self, where: Filter) -> bool:
        """Whether a search reads the index of words: the journal has it (one opened
        read-only at an older version has none), and it finds exactly what the LIKEs
        would for these words."""
        if not where.search or not _in_index(where.search):
            return False
        if self._search_index is None:
            with self._reading():
                found = self.conn.execute(sql.HAS_SEARCH_INDEX, (sql.SEARCH_INDEX,)).fetchone()
            self._search_index = found is not None
        return self._search_index

    def entries(self, where: Filter = Filter()) -> Iterator[Entry]:
        statement, args = _select(where, indexed=self._indexed(where))
        with self._reading():
            for row in self.conn.execute(statement, args):
                yield entry_of(row)

    def tallies(
        self, first_day: date | None = None, last_day: date | None = None
    ) -> tuple[CheckinTallies, list[PracticeTally]]:
        """Check-ins and practice sessions over a range of local days (the days as the
        person lived them), read from the sums the store keeps beside the entries."""
        return self.checkin_tallies(first_day, last_day), self.practice_tallies(first_day, last_day)

    def checkin_tallies(
        self, first_day: date | None = None, last_day: date | None = None
    ) -> CheckinTallies:
        from coreg_tui.core.tallies import CheckinTallies, Count

        span = day_span(first_day, last_day)
        with self._reading():
            parts = self.conn.execute(sql.CHECKIN_PARTS, span).fetchall()
            hours = self.conn.execute(sql.CHECKIN_HOURS, span).fetchall()
            company = self.conn.execute(sql.CHECKIN_COMPANY, span).fetchall()
        return CheckinTallies(
            [(day_of(d), part, Count(STATES[s], *sums)) for d, part, s, *sums in parts],
            [(hour, Count(STATES[s], *sums)) for hour, s, *sums in hours],
            [(who or None, Count(STATES[s], *sums)) for who, s, *sums in company],
        )

    def practice_tallies(
        self, first_day: date | None = None, last_day: date | None = None
    ) -> list[PracticeTally]:
        from coreg_tui.core.tallies import PracticeTally

        with self._reading():
            rows = self.conn.execute(sql.PRACTICE_DAYS, day_span(first_day, last_day)).fetchall()
        return [PracticeTally(*row) for row in rows]

    def count(self, where: Filter = Filter()) -> int:
        whole = replace(where, limit=None, offset=0)
        statement, args = _select(whole, count=True, indexed=self._indexed(where))
        with self._reading():
            return self.conn.execute(statement, args).fetchone()[0]


def _select(where: Filter, *, count: bool = False, indexed: bool = False) -> tuple[str, list[Any]]:
    """The statement that reads (or counts) the entries `where` selects, and its values.
    With `indexed`, a search reads the index of words (Journal._indexed says when)."""
    conditions: list[str] = []
    args: list[Any] = []
    if where.since is not None:
        conditions.append(sql.SINCE)
        args.append(to_us(where.since))
    if where.until is not None:
        conditions.append(sql.UNTIL)
        args.append(to_us(where.until))
    if where.after is not None:
        at, entry_id = where.after
        conditions.append(sql.AFTER_NEWER if where.newest_first else sql.AFTER_OLDER)
        args.extend([to_us(at), to_us(at), entry_id])
    if where.states:
        conditions.append(sql.STATE_IN.format(marks=sql.marks(len(where.states))))
        args.extend(s.value for s in where.states)
    if where.kind is not None:
        conditions.append(sql.KIND_IS)
        args.append(where.kind.value)
    if where.tags:
        conditions.append(sql.TAGGED.format(marks=sql.marks(len(where.tags))))
        args.extend(where.tags)
    if where.search and indexed:
        conditions.append(sql.TEXT_FOUND)
        args.append(where.search)
    elif where.search:
        conditions.append(sql.TEXT_IN)
        args.extend([_like(where.search)] * sql.TEXT_FIELDS)
    selected = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    if count:
        return f"{sql.COUNT_SEARCHED if indexed else sql.COUNT_ENTRIES}{selected}", args
    order = sql.NEWEST_FIRST if where.newest_first else sql.OLDEST_FIRST
    statement = f"{sql.SEARCHED_ENTRIES if indexed else sql.SELECT_ENTRIES}{selected}{order}"
    if where.limit is not None or where.offset:
        statement += sql.PAGE
        args.extend([where.limit if where.limit is not None else -1, where.offset])
    return statement, args


def _in_index(search: str) -> bool:
    """Whether the index of words finds exactly what TEXT_IN finds for `search`."""
    return not any(c in search for c in sql.NOT_IN_SEARCHED_WORDS)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _batches(rows: Iterable[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    """`rows` a batch at a time. When reading them finds a problem, the rows before it
    are looked at first, so that the first problem in a file is the one named (an id
    given twice on line 2 before a line of broken JSON on line 900)."""
    batch: list[tuple[Any, ...]] = []
    try:
        for row in rows:
            batch.append(row)
            if len(batch) == size:
                yield batch
                batch = []
    except Exception:
        if batch:
            yield batch
        raise
    if batch:
        yield batch
