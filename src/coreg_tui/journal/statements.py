"""The statements the store runs on the entries and what it keeps beside them, by name.

An entry's values go in and come out in the order of rows.COLUMNS. A filter of
`coreg list` (and of the companion's journal) is assembled from the pieces under
"Filters", each a condition on one field, joined by AND.
"""

from __future__ import annotations

from coreg_tui.journal.schema import SUMS

# rows.COLUMNS, as SQL (tests/journal/test_statements.py keeps the two alike).
ENTRY_COLUMNS = (
    "id, kind, at_us, utc_offset_s, state, intensity, body, with_who, note, tags, practice, "
    "duration_s, cycles, state_after, intensity_after, detail"
)

# --- Entries ---------------------------------------------------------------------------

INSERT_ENTRY = f"""
    INSERT INTO entries ({ENTRY_COLUMNS}, created_us)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
# Every column but the id, then updated_us, then the id.
UPDATE_ENTRY = """
    UPDATE entries
    SET kind = ?, at_us = ?, utc_offset_s = ?, state = ?, intensity = ?, body = ?,
        with_who = ?, note = ?, tags = ?, practice = ?, duration_s = ?, cycles = ?,
        state_after = ?, intensity_after = ?, detail = ?, updated_us = ?
    WHERE id = ?
"""
DELETE_ENTRY = "DELETE FROM entries WHERE id = ?"
# The journal's own connection deletes an entry's tag rows with it (ON DELETE CASCADE);
# a backup left by an older coreg is opened without foreign keys, and needs this too.
DELETE_ENTRY_TAGS = "DELETE FROM entry_tags WHERE entry_id = ?"
# From the first id at or after a prefix to the last that starts with it: two at most.
ENTRIES_BY_PREFIX = f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id >= ? AND id < ? LIMIT 2"
COUNT_ENTRIES = "SELECT count(*) FROM entries"
ANY_ENTRY = "SELECT 1 FROM entries LIMIT 1"
# An import finds the entries it added as the rows after this one.
LAST_ROWID = "SELECT coalesce(max(rowid), 0) FROM entries"
# The schema's own indexes, not those behind keys: an import into an empty journal
# drops them and makes them again at the end, from the statements found here.
SCHEMA_INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"


def marks(count: int) -> str:
    """`count` positional marks, for a list of values: ?, ?, ?"""
    return ", ".join("?" for _ in range(count))


def drop_index(name: str) -> str:
    return f'DROP INDEX "{name}"'


def entries_with_ids(count: int) -> str:
    """The rows (rowid first) of the entries whose id is one of `count` values."""
    return f"SELECT rowid, {ENTRY_COLUMNS} FROM entries WHERE id IN ({marks(count)})"


# --- Filters -----------------------------------------------------------------------------

SELECT_ENTRIES = f"SELECT {ENTRY_COLUMNS} FROM entries"
NEWEST_FIRST = " ORDER BY at_us DESC, rowid DESC"
OLDEST_FIRST = " ORDER BY at_us ASC, rowid ASC"
PAGE = " LIMIT ? OFFSET ?"  # a limit of -1 is none
# Keysets: the entries after one (its at_us twice, then its id) in either order. Unlike an
# offset, a keyset does not shift when an entry is added or deleted above it; the first
# term lets the time index find where to start.
AFTER_NEWER = "at_us <= ? AND (at_us < ? OR rowid < (SELECT rowid FROM entries WHERE id = ?))"
AFTER_OLDER = "at_us >= ? AND (at_us > ? OR rowid > (SELECT rowid FROM entries WHERE id = ?))"
SINCE = "at_us >= ?"
UNTIL = "at_us < ?"
KIND_IS = "kind = ?"
STATE_IN = "state IN ({marks})"
TAGGED = "id IN (SELECT entry_id FROM entry_tags WHERE tag IN ({marks}))"  # any of them
# The same LIKE pattern for each field; \ escapes % and _ in it.
TEXT_IN = (
    "(note LIKE ? ESCAPE '\\' OR with_who LIKE ? ESCAPE '\\' "
    "OR tags LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\' OR practice LIKE ? ESCAPE '\\')"
)
TEXT_FIELDS = TEXT_IN.count("?")


# --- Tags and sums, kept beside the entries ------------------------------------------------
# Written in the same transaction as the entries they come from, for one entry (:id) or
# for those an import added (rowid above :after). Tag rows come from the tags column
# itself, so they cannot differ from it; the sums are made from SUMS in schema.py.

_ONE = "entries.id = :id"  # which entries a statement of sums below counts
_NEW = "entries.rowid > :after"
TAG_ENTRY = """
    INSERT OR IGNORE INTO entry_tags (tag, entry_id)
    SELECT json_each.value, entries.id FROM entries, json_each(entries.tags)
    WHERE entries.tags != '[]' AND entries.id = :id
"""
TAG_NEW_ENTRIES = """
    INSERT OR IGNORE INTO entry_tags (tag, entry_id)
    SELECT json_each.value, entries.id FROM entries, json_each(entries.tags)
    WHERE entries.tags != '[]' AND entries.rowid > :after
"""
ADD_ENTRY_TO_SUMS = tuple(s.add(_ONE) for s in SUMS)
ADD_NEW_ENTRIES_TO_SUMS = tuple(s.add(_NEW) for s in SUMS)
# Before an entry changes or goes: its counts come out, and any of its keys that no
# entry counts any more are forgotten.
TAKE_ENTRY_FROM_SUMS = (*(s.add(_ONE, sign=-1) for s in SUMS), *(s.prune(_ONE) for s in SUMS))

# --- Sums over a range of local days (days since 1970, both ends included) -------------

CHECKIN_PARTS = """
    SELECT day, part, state, checkins, intensity_sum, intensity_count FROM checkin_parts
    WHERE day BETWEEN ? AND ?
"""
CHECKIN_HOURS = """
    SELECT hour, state, sum(checkins), sum(intensity_sum), sum(intensity_count)
    FROM checkin_hours WHERE day BETWEEN ? AND ? GROUP BY 1, 2
"""
CHECKIN_COMPANY = """
    SELECT with_who, state, sum(checkins), sum(intensity_sum), sum(intensity_count)
    FROM checkin_company WHERE day BETWEEN ? AND ? GROUP BY 1, 2
"""
PRACTICE_DAYS = """
    SELECT practice, sum(sessions), sum(measured), sum(closer_sum), sum(judged), sum(toward),
           sum(away), sum(began_elsewhere), sum(reached_ventral)
    FROM practice_days WHERE day BETWEEN ? AND ? GROUP BY 1
"""
