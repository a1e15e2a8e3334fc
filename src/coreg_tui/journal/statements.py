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

# Ids an import found already in the journal, each once: a second is an id given twice.
# A temporary table (not kept in the journal), made only when an import meets one.
MAKE_MATCHED = "CREATE TEMP TABLE IF NOT EXISTS import_matched (id TEXT PRIMARY KEY) WITHOUT ROWID"
MATCH = "INSERT OR IGNORE INTO temp.import_matched (id) VALUES (?)"
DROP_MATCHED = "DROP TABLE IF EXISTS temp.import_matched"


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
# TEXT_IN again, read from the index of version 4 (schema.py) instead of the rows: the
# same five fields, each cut at its first NUL (where LIKE stops reading), joined by a
# unit separator (U+001F) and lowered as LIKE folds case (ASCII letters only). A search
# without a separator or a NUL in it is found in the joined text exactly when LIKE
# finds it in one of the fields; a search with one goes to TEXT_IN.
SEARCH_INDEX = "entries_by_time_words"
SEARCHED_WORDS = (
    "lower(substr(note, 1, instr(note || char(0), char(0)) - 1) || char(31) || "
    "substr(coalesce(with_who, ''), 1, instr(coalesce(with_who, '') || char(0), char(0)) - 1)"
    " || char(31) || substr(tags, 1, instr(tags || char(0), char(0)) - 1) || char(31) || "
    "substr(body, 1, instr(body || char(0), char(0)) - 1) || char(31) || "
    "substr(coalesce(practice, ''), 1, instr(coalesce(practice, '') || char(0), char(0)) - 1))"
)
NOT_IN_SEARCHED_WORDS = ("\x1f", "\x00")  # a search holding one of these takes TEXT_IN
TEXT_FOUND = f"instr({SEARCHED_WORDS}, lower(?))"
# The planner would scan entries_by_time (it gives the order with no sort) and read every
# row; the index of the words holds all a search reads, about a sixth of the bytes.
SEARCHED_ENTRIES = f"{SELECT_ENTRIES} INDEXED BY {SEARCH_INDEX}"
COUNT_SEARCHED = f"{COUNT_ENTRIES} INDEXED BY {SEARCH_INDEX}"
HAS_SEARCH_INDEX = "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"


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
# In the table's own order: an import's ids come in no order, and a row put into the
# middle of the table each time took four times as long as sorting them first.
TAG_NEW_ENTRIES = """
    INSERT OR IGNORE INTO entry_tags (tag, entry_id)
    SELECT json_each.value, entries.id FROM entries, json_each(entries.tags)
    WHERE entries.tags != '[]' AND entries.rowid > :after
    ORDER BY json_each.value COLLATE NOCASE, entries.id
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
