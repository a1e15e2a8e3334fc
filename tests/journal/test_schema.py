"""The published migrations are literal text; the live definitions of the sums (SUMS)
are the oracle they are checked against, statement by statement and in effect."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path

from coreg_tui.core.entries import Entry, Kind
from coreg_tui.core.states import State
from coreg_tui.journal.schema import MIGRATIONS, SUMS
from coreg_tui.journal.store import Journal
from tests.journal.builders import entry

_PRACTICE_DAYS = next(s for s in SUMS if s.table == "practice_days")
# Versions 2 and 3 as the live definitions make them.
GENERATED = {
    2: (*(s.create() for s in SUMS), *(s.add("1") for s in SUMS)),
    3: ("DROP TABLE practice_days", _PRACTICE_DAYS.create(), _PRACTICE_DAYS.add("1")),
}
Row = tuple[object, ...]


def _words(sql: str) -> str:
    return " ".join(sql.split())


def test_versions_2_and_3_are_the_statements_the_sums_make() -> None:
    for version, generated in GENERATED.items():
        published = MIGRATIONS[version]
        assert len(published) == len(generated), version
        for literal, made in zip(published, generated, strict=True):
            assert _words(literal) == made, (version, made[:60])
            if made.startswith("CREATE"):  # sqlite_master keeps it as written: the very text
                assert literal == made, (version, made[:60])


def _sample() -> list[Entry]:
    """Check-ins and practices in offsets either side of UTC (some before 1970), at every
    hour (some on the hour), in every state and none, with and without intensities,
    company and a practice."""
    states = [None, *State]
    found: list[Entry] = []
    for i in range(240):
        zone = timezone(timedelta(minutes=(-600, -210, 0, 330, 765)[i % 5]))
        at = datetime(1969 if i % 40 == 0 else 2026, 3, 29, tzinfo=zone) + timedelta(
            hours=i * 7 % 24 + 24 * (i // 24), minutes=0 if i % 3 == 0 else i * 17 % 60
        )
        if i % 2:
            found.append(
                entry(
                    at=at,
                    state=states[i % 4] or State.VENTRAL,
                    intensity=None if i % 7 == 0 else i % 11,
                    with_who=(None, "Ana", "Sam")[i % 3],
                )
            )
        else:
            found.append(
                entry(
                    at=at,
                    kind=Kind.PRACTICE,
                    state=states[i % 4],
                    intensity=None if i % 9 == 0 else i % 11,
                    practice=("4-6", "box", None)[i % 3],
                    state_after=states[(i // 4) % 4],
                    intensity_after=None if i % 5 == 0 else (i * 3) % 11,
                )
            )
    return found


def _migrated(source: Path, migrations: Mapping[int, tuple[str, ...]]) -> tuple[list[Row], ...]:
    """The entries of `source` in a new version-1 journal brought up to version 3 by
    `migrations`: its schema, then the rows of every table of sums."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for statement in MIGRATIONS[1]:
            conn.execute(statement)
        conn.execute("ATTACH DATABASE ? AS source", (str(source),))
        conn.execute("INSERT INTO main.entries SELECT * FROM source.entries")
        conn.execute("DETACH DATABASE source")
        for version in (2, 3):
            for statement in migrations[version]:
                conn.execute(statement)
        return _schema_and_sums(conn)
    finally:
        conn.close()


def _schema_and_sums(conn: sqlite3.Connection) -> tuple[list[Row], ...]:
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    return (
        conn.execute(schema).fetchall(),
        *(conn.execute(f"SELECT * FROM {s.table} ORDER BY 1, 2, 3").fetchall() for s in SUMS),
    )


def test_the_literal_migrations_make_the_schema_and_sums_the_definitions_make(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_many(_sample())
        kept = _schema_and_sums(journal.conn)  # the sums the store kept entry by entry
    literal = _migrated(path, MIGRATIONS)
    assert all(literal[1:])  # every table of sums holds rows
    assert literal == _migrated(path, {**MIGRATIONS, **GENERATED})
    assert literal[1:] == kept[1:]


def test_version_4_indexes_the_words_a_search_reads() -> None:
    """The index of version 4 holds the very expression a search asks for (SQLite uses an
    index on an expression only for a query that spells the same expression)."""
    from coreg_tui.journal import statements as sql

    (literal,) = MIGRATIONS[4]
    made = f"CREATE INDEX IF NOT EXISTS {sql.SEARCH_INDEX} ON entries (at_us, {sql.SEARCHED_WORDS})"
    assert _words(literal) == _words(made)
