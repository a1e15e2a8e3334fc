"""The journal's schema, one list of statements per version, and the sums kept beside it.

A journal records its version in `PRAGMA user_version` and that it is
coreg's in `PRAGMA application_id`. Opening runs the steps from its version
to SCHEMA_VERSION in one transaction, verified before it commits (a backup copy lives until then).
Add a version by appending to MIGRATIONS; never edit a published one. Every version is
literal SQL text, so that a change to the live definitions below (SUMS, which the
store keeps the sums up to date with) cannot change a migration that has run:
tests/journal/test_schema.py checks versions 2 and 3 against what SUMS make, and
version 4 against the search in statements.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from coreg_tui.core.day_parts import PART_OF_HOUR

APPLICATION_ID = 0x636F7267  # "corg"

# kind, state and state_after are written only from enums by the store, the one
# module that writes; CHECKs on them cost about a seventh of the time of an insert.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            at_us INTEGER NOT NULL,            -- UTC, microseconds since 1970
            utc_offset_s INTEGER NOT NULL,     -- the local offset when it happened
            state TEXT,
            intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),
            body TEXT NOT NULL DEFAULT '[]',   -- JSON array of text
            with_who TEXT,
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',   -- JSON array of text
            practice TEXT,
            duration_s REAL,
            cycles INTEGER,
            state_after TEXT,
            intensity_after INTEGER CHECK (intensity_after BETWEEN 0 AND 10),
            detail TEXT NOT NULL DEFAULT '{}', -- JSON object
            created_us INTEGER NOT NULL,
            updated_us INTEGER
        ) STRICT
        """,
        "CREATE INDEX entries_by_time ON entries (at_us)",
        # Kept by the store beside every write of an entry's tags, so that a
        # filter by tag is an index lookup (a trigger doing this costs twice
        # the insert itself).
        """
        CREATE TABLE entry_tags (
            tag TEXT NOT NULL COLLATE NOCASE,
            entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            PRIMARY KEY (tag, entry_id)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX entry_tags_by_entry ON entry_tags (entry_id)",
    ),
}

# The practice sums as versions 2 and 3 both make and fill them (3 remakes them).
_CREATE_PRACTICE_DAYS = (
    "CREATE TABLE practice_days (day INTEGER NOT NULL, practice TEXT NOT NULL, "
    "sessions INTEGER NOT NULL, measured INTEGER NOT NULL, closer_sum INTEGER NOT NULL, "
    "judged INTEGER NOT NULL, toward INTEGER NOT NULL, away INTEGER NOT NULL, "
    "began_elsewhere INTEGER NOT NULL, reached_ventral INTEGER NOT NULL, "
    "PRIMARY KEY (day, practice)) STRICT, WITHOUT ROWID"
)
_FILL_PRACTICE_DAYS = """
    INSERT INTO practice_days (day, practice, sessions, measured, closer_sum, judged,
        toward, away, began_elsewhere, reached_ventral)
    SELECT
        (((((at_us) - (((at_us) % 1000000) + 1000000) % 1000000) / 1000000 + utc_offset_s))
            - ((((((at_us) - (((at_us) % 1000000) + 1000000) % 1000000) / 1000000 +
            utc_offset_s)) % 86400) + 86400) % 86400) / 86400,
        coalesce(practice, 'practice'),
        1 * count(*),
        1 * count(((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END))),
        1 * coalesce(sum(((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END))), 0),
        1 * count((CASE WHEN ((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END)) > 0
            THEN 1 WHEN ((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END)) < 0
            THEN -1 WHEN ((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END)) = 0
            THEN 0
            WHEN state_after = 'ventral' AND state IN ('sympathetic', 'dorsal') THEN 1
            WHEN state = 'ventral' AND state_after IN ('sympathetic', 'dorsal') THEN -1
            END)),
        1 * count(CASE WHEN (CASE WHEN ((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END)) > 0
            THEN 1 WHEN ((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END)) < 0
            THEN -1 WHEN ((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END)) = 0
            THEN 0
            WHEN state_after = 'ventral' AND state IN ('sympathetic', 'dorsal') THEN 1
            WHEN state = 'ventral' AND state_after IN ('sympathetic', 'dorsal') THEN -1 END)
            = 1 THEN 1 END),
        1 * count(CASE WHEN (CASE WHEN ((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END)) > 0
            THEN 1 WHEN ((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END)) < 0
            THEN -1 WHEN ((CASE WHEN state = 'ventral' THEN 0
            WHEN state IN ('sympathetic', 'dorsal') THEN intensity END) - (CASE
            WHEN state_after = 'ventral' THEN 0
            WHEN state_after IN ('sympathetic', 'dorsal') THEN intensity_after END)) = 0
            THEN 0
            WHEN state_after = 'ventral' AND state IN ('sympathetic', 'dorsal') THEN 1
            WHEN state = 'ventral' AND state_after IN ('sympathetic', 'dorsal') THEN -1 END)
            = -1 THEN 1 END),
        1 * count(CASE
            WHEN state IN ('sympathetic', 'dorsal') AND state_after IS NOT NULL THEN 1 END),
        1 * count(CASE
            WHEN state IN ('sympathetic', 'dorsal') AND state_after = 'ventral' THEN 1 END)
    FROM entries WHERE kind = 'practice' AND 1 GROUP BY 1, 2
    ON CONFLICT DO UPDATE SET
        sessions = sessions + excluded.sessions,
        measured = measured + excluded.measured,
        closer_sum = closer_sum + excluded.closer_sum,
        judged = judged + excluded.judged,
        toward = toward + excluded.toward,
        away = away + excluded.away,
        began_elsewhere = began_elsewhere + excluded.began_elsewhere,
        reached_ventral = reached_ventral + excluded.reached_ventral
    """

# Version 2: the sums the store keeps beside the entries (SUMS, below), made and filled
# from the entries already there.
MIGRATIONS[2] = (
    (
        "CREATE TABLE checkin_parts (day INTEGER NOT NULL, part INTEGER NOT NULL, "
        "state TEXT NOT NULL, checkins INTEGER NOT NULL, intensity_sum INTEGER NOT NULL, "
        "intensity_count INTEGER NOT NULL, PRIMARY KEY (day, part, state)) STRICT, "
        "WITHOUT ROWID"
    ),
    (
        "CREATE TABLE checkin_hours (hour INTEGER NOT NULL, state TEXT NOT NULL, "
        "day INTEGER NOT NULL, checkins INTEGER NOT NULL, intensity_sum INTEGER NOT NULL, "
        "intensity_count INTEGER NOT NULL, PRIMARY KEY (hour, state, day)) STRICT, "
        "WITHOUT ROWID"
    ),
    (
        "CREATE TABLE checkin_company (day INTEGER NOT NULL, state TEXT NOT NULL, "
        "with_who TEXT NOT NULL, checkins INTEGER NOT NULL, intensity_sum INTEGER NOT NULL, "
        "intensity_count INTEGER NOT NULL, PRIMARY KEY (day, state, with_who)) STRICT, "
        "WITHOUT ROWID"
    ),
    _CREATE_PRACTICE_DAYS,
    """
    INSERT INTO checkin_parts (day, part, state, checkins, intensity_sum, intensity_count)
    SELECT
        (((((at_us) - (((at_us) % 1000000) + 1000000) % 1000000) / 1000000 + utc_offset_s))
            - ((((((at_us) - (((at_us) % 1000000) + 1000000) % 1000000) / 1000000 +
            utc_offset_s)) % 86400) + 86400) % 86400) / 86400,
        CAST(substr('000000111111222222333333', ((((((at_us) - (((at_us) % 1000000) +
            1000000) % 1000000) / 1000000 + utc_offset_s) % 86400) + 86400) % 86400) / 3600
            + 1, 1) AS INTEGER),
        state,
        1 * count(*),
        1 * coalesce(sum(intensity), 0),
        1 * count(intensity)
    FROM entries WHERE kind = 'checkin' AND state IS NOT NULL AND 1 GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET
        checkins = checkins + excluded.checkins,
        intensity_sum = intensity_sum + excluded.intensity_sum,
        intensity_count = intensity_count + excluded.intensity_count
    """,
    """
    INSERT INTO checkin_hours (hour, state, day, checkins, intensity_sum, intensity_count)
    SELECT
        ((((((at_us) - (((at_us) % 1000000) + 1000000) % 1000000) / 1000000 + utc_offset_s)
            % 86400) + 86400) % 86400) / 3600,
        state,
        (((((at_us) - (((at_us) % 1000000) + 1000000) % 1000000) / 1000000 + utc_offset_s))
            - ((((((at_us) - (((at_us) % 1000000) + 1000000) % 1000000) / 1000000 +
            utc_offset_s)) % 86400) + 86400) % 86400) / 86400,
        1 * count(*),
        1 * coalesce(sum(intensity), 0),
        1 * count(intensity)
    FROM entries WHERE kind = 'checkin' AND state IS NOT NULL AND 1 GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET
        checkins = checkins + excluded.checkins,
        intensity_sum = intensity_sum + excluded.intensity_sum,
        intensity_count = intensity_count + excluded.intensity_count
    """,
    """
    INSERT INTO checkin_company (day, state, with_who, checkins, intensity_sum,
        intensity_count)
    SELECT
        (((((at_us) - (((at_us) % 1000000) + 1000000) % 1000000) / 1000000 + utc_offset_s))
            - ((((((at_us) - (((at_us) % 1000000) + 1000000) % 1000000) / 1000000 +
            utc_offset_s)) % 86400) + 86400) % 86400) / 86400,
        state,
        coalesce(with_who, ''),
        1 * count(*),
        1 * coalesce(sum(intensity), 0),
        1 * count(intensity)
    FROM entries WHERE kind = 'checkin' AND state IS NOT NULL AND 1 GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET
        checkins = checkins + excluded.checkins,
        intensity_sum = intensity_sum + excluded.intensity_sum,
        intensity_count = intensity_count + excluded.intensity_count
    """,
    _FILL_PRACTICE_DAYS,
)
# Version 3: what helped, measured against the window of tolerance (core/window.py)
# rather than as a difference of intensities across states.
MIGRATIONS[3] = (
    "DROP TABLE practice_days",
    _CREATE_PRACTICE_DAYS,
    _FILL_PRACTICE_DAYS,
)
# Version 4: the words `coreg list --search` looks in, lowered, beside each entry's time,
# so that a search reads this index (about a sixth of the table) instead of every row.
# An index, not a table of words: a cell of it goes with its row, and secure_delete
# overwrites it, so the words of an entry deleted or changed are gone from the file.
# statements.SEARCHED_WORDS is this expression (tests/journal/test_schema.py checks).
# IF NOT EXISTS: a journal whose version was set back by hand may hold it already.
MIGRATIONS[4] = (
    """
    CREATE INDEX IF NOT EXISTS entries_by_time_words ON entries (at_us, lower(substr(note, 1,
        instr(note || char(0), char(0)) - 1) || char(31) || substr(coalesce(with_who, ''),
        1, instr(coalesce(with_who, '') || char(0), char(0)) - 1) || char(31) ||
        substr(tags, 1, instr(tags || char(0), char(0)) - 1) || char(31) ||
        substr(body, 1, instr(body || char(0), char(0)) - 1) || char(31) ||
        substr(coalesce(practice, ''), 1, instr(coalesce(practice, '') || char(0),
        char(0)) - 1)))
    """,
)
SCHEMA_VERSION = max(MIGRATIONS)


# --- what the sums hold, live: the store keeps them up to date with these -------------


def _floor_div(x: str, n: int) -> str:
    """x // n in SQL, where / truncates toward zero (entries may be older than 1970)."""
    return f"(({x}) - ((({x}) % {n}) + {n}) % {n}) / {n}"


# When an entry was lived: its UTC time read in the offset it was written in, so a
# check-in at 23:30 belongs to that evening, wherever and whenever it was noted.
_LOCAL_S = f"({_floor_div('at_us', 1_000_000)} + utc_offset_s)"
LOCAL_DAY = _floor_div(_LOCAL_S, 86_400)  # days since 1970-01-01
LOCAL_HOUR = f"((({_LOCAL_S} % 86400) + 86400) % 86400) / 3600"
# An index into PARTS_OF_DAY, looked up by hour in PART_OF_HOUR as a string of 24 digits.
_PART_DIGITS = "".join(str(part) for part in PART_OF_HOUR)
LOCAL_PART = f"CAST(substr('{_PART_DIGITS}', {LOCAL_HOUR} + 1, 1) AS INTEGER)"


@dataclass(frozen=True)
class Sums:
    """A table of sums over entries, kept by the store beside every write, so that
    insights over years of entries read thousands of rows, not millions."""

    table: str
    keys: tuple[tuple[str, str], ...]  # column, expression over an entry
    values: tuple[tuple[str, str], ...]  # column, aggregate over the entries of one key
    where: str  # which entries count

    def create(self) -> str:
        keys = ", ".join(f"{c} {_TYPES.get(c, 'INTEGER')} NOT NULL" for c, _ in self.keys)
        values = ", ".join(f"{c} INTEGER NOT NULL" for c, _ in self.values)
        primary = ", ".join(c for c, _ in self.keys)
        return (
            f"CREATE TABLE {self.table} ({keys}, {values}, PRIMARY KEY ({primary})) "
            "STRICT, WITHOUT ROWID"
        )

    def add(self, which: str, sign: int = 1) -> str:
        """Add (sign 1) or take away (sign -1) the entries `which` selects."""
        columns = ", ".join(c for c, _ in (*self.keys, *self.values))
        keys = ", ".join(e for _, e in self.keys)
        values = ", ".join(f"{sign} * {e}" for _, e in self.values)
        groups = ", ".join(str(i + 1) for i in range(len(self.keys)))
        update = ", ".join(f"{c} = {c} + excluded.{c}" for c, _ in self.values)
        return (
            f"INSERT INTO {self.table} ({columns}) SELECT {keys}, {values} FROM entries "
            f"WHERE {self.where} AND {which} GROUP BY {groups} "
            f"ON CONFLICT DO UPDATE SET {update}"
        )

    def prune(self, which: str) -> str:
        """Forget the keys of the entries `which` selects that no entry counts any more
        (after those entries were taken away): only their rows are looked at."""
        columns = ", ".join(c for c, _ in self.keys)
        keys = ", ".join(e for _, e in self.keys)
        return (
            f"DELETE FROM {self.table} WHERE {self.values[0][0]} = 0 AND ({columns}) IN "
            f"(SELECT {keys} FROM entries WHERE {self.where} AND {which})"
        )


_TYPES = {"state": "TEXT", "with_who": "TEXT", "practice": "TEXT"}


def _distance(state: str, intensity: str) -> str:
    """core/window.distance in SQL: 0 in the window, the intensity outside it."""
    return (
        f"CASE WHEN {state} = 'ventral' THEN 0 "
        f"WHEN {state} IN ('sympathetic', 'dorsal') THEN {intensity} END"
    )


# core/window.closer and core/window.direction, for a practice entry's before and after
_CLOSER = f"(({_distance('state', 'intensity')}) - ({_distance('state_after', 'intensity_after')}))"
_DIRECTION = (
    f"(CASE WHEN {_CLOSER} > 0 THEN 1 WHEN {_CLOSER} < 0 THEN -1 WHEN {_CLOSER} = 0 THEN 0 "
    "WHEN state_after = 'ventral' AND state IN ('sympathetic', 'dorsal') THEN 1 "
    "WHEN state = 'ventral' AND state_after IN ('sympathetic', 'dorsal') THEN -1 END)"
)
_CHECKIN_VALUES = (
    ("checkins", "count(*)"),
    ("intensity_sum", "coalesce(sum(intensity), 0)"),
    ("intensity_count", "count(intensity)"),
)
_CHECKIN = "kind = 'checkin' AND state IS NOT NULL"
SUMS = (
    Sums(
        "checkin_parts",
        (("day", LOCAL_DAY), ("part", LOCAL_PART), ("state", "state")),
        _CHECKIN_VALUES,
        _CHECKIN,
    ),
    # Hour first: summing each hour over a range of days reads the table in order.
    Sums(
        "checkin_hours",
        (("hour", LOCAL_HOUR), ("state", "state"), ("day", LOCAL_DAY)),
        _CHECKIN_VALUES,
        _CHECKIN,
    ),
    Sums(
        "checkin_company",
        (("day", LOCAL_DAY), ("state", "state"), ("with_who", "coalesce(with_who, '')")),
        _CHECKIN_VALUES,
        _CHECKIN,
    ),
    Sums(
        "practice_days",
        (("day", LOCAL_DAY), ("practice", "coalesce(practice, 'practice')")),
        (
            ("sessions", "count(*)"),
            ("measured", f"count({_CLOSER})"),
            ("closer_sum", f"coalesce(sum({_CLOSER}), 0)"),
            ("judged", f"count({_DIRECTION})"),
            ("toward", f"count(CASE WHEN {_DIRECTION} = 1 THEN 1 END)"),
            ("away", f"count(CASE WHEN {_DIRECTION} = -1 THEN 1 END)"),
            (
                "began_elsewhere",
                "count(CASE WHEN state IN ('sympathetic', 'dorsal') "
                "AND state_after IS NOT NULL THEN 1 END)",
            ),
            (
                "reached_ventral",
                "count(CASE WHEN state IN ('sympathetic', 'dorsal') "
                "AND state_after = 'ventral' THEN 1 END)",
            ),
        ),
        "kind = 'practice'",
    ),
)
