"""Insights on hand-built journals whose answers are known."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from coreg_tui.core.entries import Entry, Kind, checkin, new_id
from coreg_tui.core.insights import helped_line, insights, summary
from coreg_tui.core.states import State
from coreg_tui.core.tallies import CheckinTallies, PracticeTally, tally

SUMMER, WINTER = timezone(timedelta(hours=2)), timezone(timedelta(hours=1))
V, S, D = State.VENTRAL, State.SYMPATHETIC, State.DORSAL


def at(day: int, hour: int, minute: int = 0, tz: timezone = WINTER) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=tz)


def practice(
    when: datetime,
    name: str,
    before: tuple[State, int | None] | None,
    after: tuple[State, int | None] | None,
) -> Entry:
    return Entry(
        id=new_id(),
        kind=Kind.PRACTICE,
        at=when,
        practice=name,
        duration_s=120.0,
        state=before[0] if before else None,
        intensity=before[1] if before else None,
        state_after=after[0] if after else None,
        intensity_after=after[1] if after else None,
    )


def figures(entries: list[Entry], first: date, last: date, today: date | None = None):  # type: ignore[no-untyped-def]
    checkins, practices = tally(entries)
    return insights(checkins, practices, first, last, today or last)


def test_an_empty_journal_says_so_gently() -> None:
    ins = figures([], date(2026, 11, 1), date(2026, 11, 28))
    assert ins.overall.total == 0 and ins.overall.mean_intensity is None
    assert ins.days_in_range == 28 and ins.helpers == [] and ins.streak_now == 0
    assert summary(ins) == ["No check-ins in this range yet."]


def test_one_check_in() -> None:
    ins = figures([checkin(at(3, 9), S, intensity=6)], date(2026, 11, 1), date(2026, 11, 7))
    assert ins.overall.counts == {V: 0, S: 1, D: 0}
    assert ins.overall.mean_for(S) == 6.0 and ins.overall.mean_for(V) is None
    assert list(ins.days) == [date(2026, 11, 3)] and list(ins.weeks) == [date(2026, 11, 2)]
    assert ins.hours[9].total == 1 and ins.part_of_day("morning").total == 1
    assert summary(ins)[:2] == [
        "1 check-in on 1 of 7 days.",
        "Most often sympathetic (100% of check-ins).",
    ]


def test_means_leave_out_check_ins_without_an_intensity() -> None:
    entries = [
        checkin(at(3, 9), S, intensity=8),
        checkin(at(3, 10), S),
        checkin(at(3, 11), S, intensity=4),
    ]
    ins = figures(entries, date(2026, 11, 3), date(2026, 11, 3))
    assert ins.overall.counts[S] == 3 and ins.overall.mean_for(S) == 6.0


def test_local_days_follow_the_offset_each_entry_was_written_in() -> None:
    late_summer = datetime(2026, 10, 24, 23, 30, tzinfo=SUMMER)  # 21:30 UTC
    after_change = datetime(2026, 10, 26, 0, 30, tzinfo=WINTER)  # 23:30 UTC the day before
    ins = figures(
        [checkin(late_summer, D, intensity=5), checkin(after_change, V, intensity=2)],
        date(2026, 10, 20),
        date(2026, 10, 31),
    )
    assert list(ins.days) == [date(2026, 10, 24), date(2026, 10, 26)]
    assert ins.hours[23].counts[D] == 1 and ins.hours[0].counts[V] == 1


def test_time_of_day_and_company() -> None:
    entries = [
        *(checkin(at(d, 8), S, intensity=6) for d in (2, 3, 4)),  # mornings: sympathetic
        *(checkin(at(d, 20), V, intensity=2, with_who="Ana") for d in (2, 3, 4)),
        checkin(at(5, 20), V, with_who=" Ana "),
        checkin(at(5, 21), D, intensity=7, with_who="Sam"),
    ]
    ins = figures(entries, date(2026, 11, 2), date(2026, 11, 8))
    assert ins.part_of_day("morning").leaning is S and ins.part_of_day("evening").leaning is V
    assert ins.alone.counts == {V: 0, S: 3, D: 0} and ins.together.counts == {V: 4, S: 0, D: 1}
    assert list(ins.people) == ["Ana", "Sam"] and ins.people["Ana"].total == 4
    assert ins.grid[date(2026, 11, 2)]["morning"].counts[S] == 1
    assert set(ins.grid[date(2026, 11, 5)]) == {"evening"}
    said = summary(ins)
    assert "Less settled in the morning." in said
    assert "More often ventral with someone (80% against 0%)." in said


def test_what_helped_is_ranked_so_one_lucky_session_does_not_top_it() -> None:
    entries = [
        practice(at(1, 9), "lucky", (S, 9), (V, 3)),  # -6 once
        *(practice(at(d, 9), "4-6", (S, 7), (V, 3)) for d in (2, 3, 4, 5, 6, 7)),  # -4, six times
        practice(at(8, 9), "4-6", (D, 6), (D, 6)),
        practice(at(8, 10), "grounding", None, None),  # no before or after: counted, not measured
    ]
    ins = figures(entries, date(2026, 11, 1), date(2026, 11, 8))
    # By hand: lucky S9 to V is 9 closer, once; 4-6 S7 to V is 7 closer six times and
    # D6 to D6 is 0, so 42 / 7 = 6.0. Drawn toward 0 by two sessions of no change,
    # 4-6 scores 6.0 * 7 / 9 = 4.7 and lucky 9 * 1 / 3 = 3.0.
    first, second, third = ins.helpers
    assert (first.practice, first.sessions, first.measured) == ("4-6", 7, 7)
    assert first.mean_closer == 6.0 and (first.judged, first.toward, first.away) == (7, 6, 0)
    assert second.practice == "lucky" and second.mean_closer == 9.0
    assert (third.practice, third.measured, third.mean_closer) == ("grounding", 0, None)
    assert ins.practice_sessions == 9
    assert helped_line(first) == (
        "Of the last 7 times, 6 ended calmer or in your window; closer to it by 6.0 on average."
    )
    assert helped_line(second) is None  # one session says too little


def test_streaks_count_days_in_a_row_up_to_today_or_yesterday() -> None:
    days = [1, 2, 3, 6, 7, 8, 9, 11, 12]
    entries = [checkin(at(d, 12), V) for d in days]
    ins = figures(entries, date(2026, 11, 1), date(2026, 11, 13), today=date(2026, 11, 13))
    assert (ins.streak_now, ins.streak_longest) == (2, 4)  # 11-12, today not noted yet
    later = figures(entries, date(2026, 11, 1), date(2026, 11, 15), today=date(2026, 11, 15))
    assert later.streak_now == 0


def test_practice_tallies_add_up_whatever_their_order() -> None:
    tallies = [
        PracticeTally("4-6", 3, 2, 5, 3, 2, 0, 2, 1),
        PracticeTally("box", 1, 1, 0, 1, 0, 0, 0, 0),
    ]
    day = date(2026, 11, 1)
    ins = insights(CheckinTallies(), tallies, day, day, day)
    assert [h.practice for h in ins.helpers] == ["4-6", "box"]
    assert ins.helpers[0].mean_closer == 2.5
