"""The store on real SQLite files in a temporary COREG_HOME."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from coreg_tui.core.entries import Kind
from coreg_tui.core.errors import InputError
from coreg_tui.core.states import State
from coreg_tui.journal.refusals import JournalError
from coreg_tui.journal.schema import MIGRATIONS, SCHEMA_VERSION
from coreg_tui.journal.store import Filter, Journal, _select
from coreg_tui.paths import journal_path
from tests.journal.builders import entry

NEXT = SCHEMA_VERSION + 1


@pytest.fixture
def path() -> Path:
    return journal_path()


@pytest.fixture
def journal(path: Path) -> Iterator[Journal]:
    with Journal.open(path) as j:
        yield j


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_the_journal_is_private_whatever_the_umask(path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        with Journal.open(path) as j:
            j.add(entry())
            wal = path.with_name(path.name + "-wal")
            assert mode(wal) == 0o600  # SQLite gives its own files the journal's mode
    finally:
        os.umask(old)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_closing_folds_the_write_ahead_log_away(path: Path) -> None:
    with Journal.open(path) as j:
        j.add(entry())
    left = sorted(p.name for p in path.parent.iterdir())
    # no -wal, no -shm: the journal, its check stamp and its guard (guard.py)
    assert left == ["journal.sqlite3", "journal.sqlite3.checked", "journal.sqlite3.lock"]


def test_reading_a_journal_that_does_not_exist_creates_nothing(path: Path) -> None:
    with Journal.open(path, create=False) as j:
        assert list(j.entries()) == [] and j.count() == 0
    assert not path.exists() and not path.parent.exists()


def test_an_entry_comes_back_exactly(journal: Journal) -> None:
    e = entry(
        intensity=7,
        body=("tight chest", "hot"),
        with_who="Sam",
        note="a [b] note\nline 2",
        tags=("work", "late"),
    )
    journal.add(e)
    back = journal.get(e.id)
    assert back == e and back.at.isoformat() == e.at.isoformat()
    p = entry(
        kind=Kind.PRACTICE,
        practice="4-6",
        duration_s=125.5,
        cycles=12,
        state_after=State.VENTRAL,
        intensity_after=3,
        detail={"preset": "calm"},
    )
    journal.add(p)
    assert journal.get(p.id) == p


def test_ids_by_unique_prefix(journal: Journal) -> None:
    a = entry(id="aaaa1111-0000-4000-8000-000000000000")
    b = entry(id="aaaa2222-0000-4000-8000-000000000000")
    journal.add_many([a, b])
    assert journal.get("aaaa1").id == a.id
    assert journal.get("AAAA2222").id == b.id
    with pytest.raises(InputError, match="more than one entry starts with aaaa"):
        journal.get("aaaa")
    with pytest.raises(InputError, match="there is no entry bbbb"):
        journal.get("bbbb")
    with pytest.raises(InputError, match="at least 4"):
        journal.get("aa")
    with pytest.raises(InputError, match="not an entry id"):
        journal.get("zz%_")


def test_filters(journal: Journal) -> None:
    entries = [
        entry(0, state=State.VENTRAL, tags=("Morning",), note="slept well"),
        entry(60, state=State.SYMPATHETIC, tags=("work",), note="deadline 100%_sure"),
        entry(120, state=State.DORSAL, with_who="Ana", body=("heavy limbs",)),
        entry(180, kind=Kind.PRACTICE, practice="4-6", state=None, tags=("work",)),
    ]
    journal.add_many(entries)

    def ids(**kw: object) -> list[str]:
        return [e.id for e in journal.entries(Filter(**kw))]  # type: ignore[arg-type]

    by = [e.id for e in entries]
    assert ids() == by[::-1]  # newest first
    assert ids(newest_first=False) == by
    assert ids(limit=2) == [by[3], by[2]]
    assert ids(limit=2, offset=1) == [by[2], by[1]] and ids(offset=3) == [by[0]]
    assert ids(since=entries[1].at, until=entries[3].at) == [by[2], by[1]]
    assert ids(states=(State.VENTRAL, State.DORSAL)) == [by[2], by[0]]
    assert ids(tags=("morning",)) == [by[0]]  # tags match whatever their case
    assert ids(tags=("work",)) == [by[3], by[1]]
    assert ids(search="100%_") == [by[1]]  # % and _ are letters here, not wildcards
    assert ids(search="%") == [by[1]]
    assert ids(search="ana") == [by[2]] and ids(search="heavy") == [by[2]]
    assert ids(kind=Kind.PRACTICE) == [by[3]]
    assert journal.count(Filter(tags=("work",), limit=1)) == 2


# Searches and what each must find, by the index of words and by LIKE over the rows alike.
SEARCHES = {
    "café": ["accents"],  # ASCII letters match whatever their case...
    "CAFé": ["accents"],
    "CAFÉ": [],  # ...other letters only as written, as LIKE and SQLite's lower() have it
    "über": [],
    "Über": ["accents"],
    "ÜBER": ["accents"],
    "straße": ["accents"],
    "STRASSE": [],
    "after": [],  # words after a NUL in a field are not read, as LIKE reads them
    "before": ["nul"],
    "unit": ["separator"],
    "unit\x1fsep": ["separator"],  # a separator in the search is searched for as it is
    "\x1f": ["separator"],
    "anna": [],  # never across two fields (the note ends in an, with_who is Na)
    "na": ["fields"],
    "ban": ["fields"],
    "4-6": ["fields"],
    '["heavy"': ["fields"],  # tags and body cues are searched as the JSON they are kept as
    "[]": ["accents", "nul", "separator", "fields", "wildcards"],
    "%_": ["wildcards"],
    "\\": ["wildcards"],
    "ZEBRA": [],
}


def test_search_finds_what_like_finds_in_each_field(journal: Journal) -> None:
    named = {
        "accents": entry(0, note="Café Über Straße"),
        "nul": entry(1, note="before\x00after"),
        "separator": entry(2, note="unit\x1fsep"),
        "fields": entry(3, note="a ban", with_who="Na", body=("heavy",), practice="4-6"),
        "wildcards": entry(4, note="50%_ off \\ back"),
    }
    journal.add_many(named.values())
    name_of = {e.id: name for name, e in named.items()}
    assert journal._indexed(Filter(search="x"))  # a journal of this version has the index
    for search, expected in SEARCHES.items():
        where = Filter(search=search)
        found = [name_of[e.id] for e in journal.entries(where)]
        assert sorted(found) == sorted(expected), search
        journal._search_index = False  # the same search by LIKE over the rows
        assert [name_of[e.id] for e in journal.entries(where)] == found, search
        assert journal.count(where) == len(found)
        journal._search_index = True
        assert journal.count(where) == len(found), search


def test_search_keeps_the_order_and_pages_of_any_other_filter(journal: Journal) -> None:
    # Entries at the same moment come newest-written first, as without a search.
    same = [entry(10, note=f"twin {i}") for i in range(5)]
    journal.add_many([entry(0, note="twin early"), *same, entry(20, note="twin late")])
    for where in (
        Filter(search="TWIN"),
        Filter(search="twin", newest_first=False),
        Filter(search="twin", limit=3, offset=2),
        Filter(search="twin", since=same[0].at, states=(State.SYMPATHETIC,)),
    ):
        indexed = [e.id for e in journal.entries(where)]
        journal._search_index = False
        assert [e.id for e in journal.entries(where)] == indexed, where
        journal._search_index = None
    plan = " ".join(
        str(row)
        for row in journal.conn.execute(
            "EXPLAIN QUERY PLAN " + _select(Filter(search="twin", limit=3), indexed=True)[0],
            ["twin", 3, 0],
        )
    )
    assert "entries_by_time_words" in plan  # the index, not every row


def test_a_journal_without_the_index_of_words_still_searches(path: Path) -> None:
    """One opened read-only at version 3 (say, on read-only media) cannot be brought up
    to date, so has no index of words: a search reads the rows, as before."""
    three = {v: MIGRATIONS[v] for v in (1, 2, 3)}
    with Journal.open(path, migrations=three) as j:
        j.add(entry(note="Read Only"))
    with Journal.open(path, migrations=three) as j:
        assert not j._indexed(Filter(search="only"))
        assert [e.note for e in j.entries(Filter(search="ONLY"))] == ["Read Only"]


def test_edit_keeps_tags_findable(journal: Journal) -> None:
    e = entry(tags=("old",))
    journal.add(e)
    journal.replace(e.edited(tags=("new",), note="changed"))
    assert [x.id for x in journal.entries(Filter(tags=("new",)))] == [e.id]
    assert list(journal.entries(Filter(tags=("old",)))) == []
    assert journal.get(e.id).note == "changed"


def test_add_many_is_idempotent_and_all_or_nothing(journal: Journal) -> None:
    batch = [entry(i) for i in range(5)]
    assert journal.add_many(batch) == 5
    assert journal.add_many(batch) == 0
    assert journal.count() == 5
    broken = [entry(10), entry(11, intensity=99)]  # the second breaks a CHECK constraint
    with pytest.raises(sqlite3.IntegrityError):
        journal.add_many(broken)
    assert journal.count() == 5


def test_deleted_words_are_gone_from_the_file(path: Path) -> None:
    secret = "my very private sentence 7f3a"
    with Journal.open(path) as j:
        keep, gone = entry(note="an ordinary day"), entry(note=secret)
        j.add_many([keep, gone])
        j.delete(gone.id)
        assert j.count() == 1
    assert secret.encode() not in path.read_bytes()
    assert b"an ordinary day" in path.read_bytes()


# --- refusals: the file is left exactly as it was ---------------------------------------


def _snapshot(p: Path) -> tuple[bytes, float, list[str]]:
    return p.read_bytes(), p.stat().st_mtime, sorted(x.name for x in p.parent.iterdir())


def test_a_journal_from_a_newer_coreg_is_refused_untouched(path: Path) -> None:
    with Journal.open(path) as j:
        j.add(entry())
        j.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = _snapshot(path)
    with pytest.raises(JournalError, match="written by a newer coreg"):
        Journal.open(path)
    assert _snapshot(path) == before


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"# my shopping list\n" * 20, "not a coreg journal"),
        (b"SQLite format 3\x00" + b"\xff" * 200, "another program's database"),
        (b"SQLite format 3\x00", "not a coreg journal"),
    ],
)
def test_a_file_that_is_not_a_journal_is_refused_untouched(
    path: Path, content: bytes, says: str
) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    before = _snapshot(path)
    with pytest.raises(JournalError, match=says):
        Journal.open(path)
    assert _snapshot(path) == before


def test_a_damaged_journal_is_refused_untouched(path: Path) -> None:
    with Journal.open(path) as j:
        j.add_many([entry(i, note="x" * 500) for i in range(200)])
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\x13" * 8192  # scribble over pages of the table
    path.write_bytes(bytes(data))
    before = _snapshot(path)
    with pytest.raises(JournalError, match="is damaged"), Journal.open(path) as j:
        list(j.entries())
    assert _snapshot(path) == before


def test_another_programs_database_is_refused(path: Path) -> None:
    path.parent.mkdir(parents=True)
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.commit()
    other.close()
    before = _snapshot(path)
    with pytest.raises(JournalError, match="not a coreg journal"):
        Journal.open(path)
    assert _snapshot(path) == before


def test_a_migration_is_verified_and_its_backup_goes_once_it_is(path: Path) -> None:
    with Journal.open(path) as j:
        j.add(entry(note="kept across the migration"))
    later = {**MIGRATIONS, NEXT: ("ALTER TABLE entries ADD COLUMN mood_colour TEXT",)}
    with Journal.open(path, migrations=later) as j:
        assert j.conn.execute("PRAGMA user_version").fetchone()[0] == NEXT
        assert [e.note for e in j.entries()] == ["kept across the migration"]
    assert not list(path.parent.glob("*.bak"))  # it held words that may be deleted later


def test_a_migration_that_loses_an_entry_is_rolled_back(path: Path) -> None:
    with Journal.open(path) as j:
        j.add_many([entry(1, note="one"), entry(2, note="two")])
    losing = {**MIGRATIONS, NEXT: ("DELETE FROM entries WHERE note = 'two'",)}
    with pytest.raises(JournalError, match="2 entries before, 1 after"):
        Journal.open(path, migrations=losing)
    with Journal.open(path) as j:
        assert sorted(e.note for e in j.entries()) == ["one", "two"]
        assert j.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert not list(path.parent.glob("*.bak"))


def test_a_version_1_journal_gains_the_sums_of_the_entries_it_holds(path: Path) -> None:
    from coreg_tui.core.tallies import tally

    old = [
        entry(
            i * 437,
            kind=Kind.PRACTICE,
            practice="4-6",
            state=State.DORSAL,
            intensity=6,
            state_after=State.VENTRAL,
            intensity_after=3,
        )
        if i % 3 == 0
        else entry(i * 437, with_who="Sam" if i % 2 else None, intensity=i % 11)
        for i in range(60)
    ]
    with Journal.open(path) as j:
        j.add_many(old)
        for table in ("checkin_parts", "checkin_hours", "checkin_company", "practice_days"):
            j.conn.execute(f"DROP TABLE {table}")  # as version 1 left it
        j.conn.execute("PRAGMA user_version = 1")
    with Journal.open(path) as j:
        assert j.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        checkins, practices = j.tallies()
    expected_checkins, expected_practices = tally(old)
    assert checkins.ordered() == expected_checkins.ordered()
    assert practices == expected_practices


def test_a_failing_migration_leaves_the_journal_as_it_was(path: Path) -> None:
    with Journal.open(path) as j:
        j.add(entry())
    broken = {**MIGRATIONS, NEXT: ("ALTER TABLE entries ADD COLUMN a TEXT", "THIS IS NOT SQL")}
    with pytest.raises(sqlite3.OperationalError):
        Journal.open(path, migrations=broken)
    with Journal.open(path) as j:
        assert j.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = [row[1] for row in j.conn.execute("PRAGMA table_info(entries)")]
        assert "a" not in columns and j.count() == 1


def test_a_large_import_into_an_empty_journal_rebuilds_every_index(path: Path) -> None:
    BULK_REBUILD = 10_000  # noqa: N806 - as many as a big import

    def indexes(journal: Journal) -> list[tuple[str, str]]:
        return journal.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()

    with Journal.open(path.parent / "fresh.sqlite3") as fresh:
        expected = indexes(fresh)
    many = [entry(i, tags=("work",) if i % 2 else ()) for i in range(BULK_REBUILD)]
    with Journal.open(path) as journal:
        assert journal.add_many(many) == BULK_REBUILD
        assert indexes(journal) == expected
        assert journal.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert journal.count(Filter(tags=("work",))) == BULK_REBUILD // 2
        plan = " ".join(
            row[-1]
            for row in journal.conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM entries ORDER BY at_us DESC LIMIT 5"
            )
        )
        assert "entries_by_time" in plan


def test_a_version_2_journal_has_what_helped_measured_again(path: Path) -> None:
    """Version 2 kept a difference of intensities; version 3 refills the practice sums
    against the window of tolerance, from the entries themselves."""
    from coreg_tui.core.tallies import tally

    old = [
        entry(i, kind=Kind.PRACTICE, practice="4-6", state=State.SYMPATHETIC, intensity=3 + i % 5,
              state_after=State.VENTRAL if i % 2 else State.DORSAL, intensity_after=i % 7)
        for i in range(30)
    ]  # fmt: skip
    with Journal.open(path) as j:
        j.add_many(old)
        j.conn.execute("DROP TABLE practice_days")
        j.conn.execute(  # as version 2 made it
            "CREATE TABLE practice_days (day INTEGER NOT NULL, practice TEXT NOT NULL, "
            "sessions INTEGER NOT NULL, measured INTEGER NOT NULL, change_sum INTEGER NOT NULL, "
            "began_elsewhere INTEGER NOT NULL, reached_ventral INTEGER NOT NULL, "
            "PRIMARY KEY (day, practice)) STRICT, WITHOUT ROWID"
        )
        j.conn.execute("PRAGMA user_version = 2")
    with Journal.open(path) as j:
        assert (
            j.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        )  # 3 until version 4 (the index of words) came
        assert sorted(j.practice_tallies(), key=repr) == sorted(tally(old)[1], key=repr)
