"""The store's tallies, summed by SQLite, agree with the same sums made in Python."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coreg_tui.core.entries import Entry, Kind, new_id
from coreg_tui.core.states import State
from coreg_tui.core.tallies import tally
from coreg_tui.journal.insights import read_insights
from coreg_tui.journal.store import Journal

states = st.sampled_from(list(State))
intensities = st.none() | st.integers(0, 10)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    offset = timezone(timedelta(minutes=15 * draw(st.integers(-48, 56))))
    moment = datetime(2026, 3, 20, tzinfo=UTC) + timedelta(
        minutes=draw(st.integers(0, 60 * 24 * 30))
    )
    is_practice = draw(st.booleans())
    return Entry(
        id=new_id(),
        kind=Kind.PRACTICE if is_practice else Kind.CHECKIN,
        at=moment.astimezone(offset),
        state=draw(st.none() | states) if is_practice else draw(states),
        intensity=draw(intensities),
        with_who=draw(st.sampled_from([None, "Ana", "Sam"])),
        tags=tuple(draw(st.lists(st.sampled_from(["work", "home", "late"]), unique=True))),
        practice=draw(st.sampled_from(["4-6", "box", None])) if is_practice else None,
        state_after=draw(st.none() | states) if is_practice else None,
        intensity_after=draw(intensities) if is_practice else None,
    )


def same(journal: Journal, entries: list[Entry]) -> None:
    checkins, practices = journal.tallies()
    expected_checkins, expected_practices = tally(entries)
    assert checkins.ordered() == expected_checkins.ordered()
    assert sorted(practices, key=repr) == sorted(expected_practices, key=repr)


@settings(max_examples=40)
@given(st.lists(entries(), max_size=40))
def test_sql_tallies_equal_python_tallies(batch: list[Entry]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Journal.open(Path(tmp) / "j.sqlite3") as journal:
        journal.add_many(batch)
        same(journal, batch)


@settings(max_examples=30)
@given(st.lists(entries(), min_size=1, max_size=12), st.data())
def test_the_sums_follow_every_write(batch: list[Entry], data: st.DataObject) -> None:
    """One by one, in bulk, changed and deleted: the sums and tag rows the store keeps
    always match the entries it holds, and forget what is gone."""
    with tempfile.TemporaryDirectory() as tmp, Journal.open(Path(tmp) / "j.sqlite3") as journal:
        half = len(batch) // 2
        for e in batch[:half]:
            journal.add(e)
        journal.add_many(batch[half:] + batch[:1])  # one already there: left as it is
        held = {e.id: e for e in batch}
        for _ in range(data.draw(st.integers(0, 6))):
            target = data.draw(st.sampled_from(sorted(held)))
            if data.draw(st.booleans()):
                journal.delete(target)
                del held[target]
                if not held:
                    break
            else:
                changed = replace(data.draw(entries()), id=target)
                journal.replace(changed)
                held[target] = changed
        same(journal, list(held.values()))
        tag_rows = set(journal.conn.execute("SELECT tag, entry_id FROM entry_tags"))
        assert tag_rows == {(tag, e.id) for e in held.values() for tag in e.tags}
        if not held:
            for table in ("checkin_parts", "checkin_hours", "checkin_company", "practice_days"):
                assert journal.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_entries_older_than_1970_fall_on_their_own_day_and_hour(tmp_path: Path) -> None:
    west = timezone(timedelta(hours=-5))
    old = [
        Entry(
            id=new_id(),
            kind=Kind.CHECKIN,
            at=datetime(1969, 12, 31, 23, 59, 30, 500, tzinfo=UTC),
            state=State.DORSAL,
        ),
        Entry(
            id=new_id(),
            kind=Kind.CHECKIN,
            at=datetime(1960, 3, 1, 0, 0, tzinfo=west),
            state=State.VENTRAL,
        ),
    ]
    with Journal.open(tmp_path / "j.sqlite3") as journal:
        journal.add_many(old)
        same(journal, old)


def test_a_range_of_local_days_keeps_the_evening_of_its_last_day(tmp_path: Path) -> None:
    here = datetime(2026, 11, 20, 12).astimezone().tzinfo
    late = datetime(2026, 11, 20, 23, 30, tzinfo=here)
    next_morning = datetime(2026, 11, 21, 0, 30, tzinfo=here)
    with Journal.open(tmp_path / "j.sqlite3") as journal:
        journal.add_many(
            [
                Entry(id=new_id(), kind=Kind.CHECKIN, at=late, state=State.DORSAL),
                Entry(id=new_id(), kind=Kind.CHECKIN, at=next_morning, state=State.VENTRAL),
            ]
        )
        ins = read_insights(journal, date(2026, 11, 14), date(2026, 11, 20), date(2026, 11, 21))
    assert list(ins.days) == [date(2026, 11, 20)] and ins.overall.counts[State.DORSAL] == 1
