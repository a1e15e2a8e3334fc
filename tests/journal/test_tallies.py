"""The store's tallies, summed by SQLite, agree with the same sums made in Python."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coreg_tui.core.entries import Entry, Kind, new_id
from coreg_tui.core.insights import tally
from coreg_tui.core.states import State
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
        practice=draw(st.sampled_from(["4-6", "box", None])) if is_practice else None,
        state_after=draw(st.none() | states) if is_practice else None,
        intensity_after=draw(intensities) if is_practice else None,
    )


@settings(max_examples=40)
@given(st.lists(entries(), max_size=40))
def test_sql_tallies_equal_python_tallies(batch: list[Entry]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Journal.open(Path(tmp) / "j.sqlite3") as journal:
        journal.add_many(batch)
        checkins, practices = journal.tallies()
    expected_checkins, expected_practices = tally(batch)

    def key(t: object) -> str:
        return repr(t)

    assert sorted(checkins, key=key) == sorted(expected_checkins, key=key)
    assert sorted(practices, key=key) == sorted(expected_practices, key=key)


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
