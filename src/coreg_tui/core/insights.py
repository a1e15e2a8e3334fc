"""What the journal gives back: how a person's states are spread over days, hours and
company, and what has helped them. Pure functions over tallies (core/tallies.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from coreg_tui.core.day_parts import PART_OF_HOUR, PARTS_OF_DAY
from coreg_tui.core.states import State
from coreg_tui.core.tallies import CheckinTallies, Count, PracticeTally

SHRINK = 2  # sessions of "no change" added to each practice's mean before ranking


# --- what is computed ------------------------------------------------------------------


_STATES = tuple(State)  # iterating the enum itself is slow, and years make many spreads


def _counts() -> dict[State, int]:
    return dict.fromkeys(_STATES, 0)


def whole_percents(counts: dict[State, int]) -> dict[State, int]:
    """Shares in whole percent that add up to 100 (the largest remainders round up), so
    that a row of shares never reads 99% or 101%. All zero where there is nothing."""
    total = sum(counts.values())
    if not total:
        return dict.fromkeys(counts, 0)
    exact = {k: v * 100 / total for k, v in counts.items()}
    shown = {k: int(x) for k, x in exact.items()}
    short = 100 - sum(shown.values())
    for k in sorted(exact, key=lambda k: exact[k] - shown[k], reverse=True)[:short]:
        shown[k] += 1
    return shown


@dataclass(slots=True)
class Spread:
    """Check-ins by state, and the mean intensity of those that gave one."""

    counts: dict[State, int] = field(default_factory=_counts)
    intensity_sum: int = 0
    intensity_count: int = 0
    by_state_sum: dict[State, int] = field(default_factory=_counts)
    by_state_count: dict[State, int] = field(default_factory=_counts)

    def add(self, t: Count) -> None:
        self.counts[t.state] += t.checkins
        self.intensity_sum += t.intensity_sum
        self.intensity_count += t.intensity_count
        self.by_state_sum[t.state] += t.intensity_sum
        self.by_state_count[t.state] += t.intensity_count

    def merge(self, other: Spread) -> None:
        for state in _STATES:
            self.counts[state] += other.counts[state]
            self.by_state_sum[state] += other.by_state_sum[state]
            self.by_state_count[state] += other.by_state_count[state]
        self.intensity_sum += other.intensity_sum
        self.intensity_count += other.intensity_count

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def percent(self, state: State) -> int:
        """The state's share in whole percent, so that the three shown add up to 100."""
        return whole_percents(self.counts)[state]

    @property
    def mean_intensity(self) -> float | None:
        return self.intensity_sum / self.intensity_count if self.intensity_count else None

    def mean_for(self, state: State) -> float | None:
        n = self.by_state_count[state]
        return self.by_state_sum[state] / n if n else None

    def share(self, state: State) -> float:
        return self.counts[state] / self.total if self.total else 0.0

    @property
    def mean_distance(self) -> float | None:
        """How far from the window these check-ins sat on average (core/window.py):
        ventral ones count as 0 with or without an intensity; the others only where an
        intensity was given."""
        told = (
            self.counts[State.VENTRAL]
            + self.by_state_count[State.SYMPATHETIC]
            + self.by_state_count[State.DORSAL]
        )
        outside = self.by_state_sum[State.SYMPATHETIC] + self.by_state_sum[State.DORSAL]
        return outside / told if told else None

    @property
    def leaning(self) -> State | None:
        """The state seen most, if any was seen (ties go to the calmer one)."""
        if not self.total:
            return None
        return max(State, key=lambda s: self.counts[s])


@dataclass(frozen=True, slots=True)
class Helper:
    """What one practice did, measured against the window of tolerance (core/window.py)."""

    practice: str
    sessions: int
    measured: int  # sessions whose distance from the window is known before and after
    mean_closer: float | None  # how much closer to the window, on average; above 0 is better
    judged: int  # sessions whose direction can be told
    toward: int  # of those, ended calmer or in the window
    away: int  # ended further from it
    began_elsewhere: int
    reached_ventral: int

    @property
    def score(self) -> float:
        """The mean move toward the window, drawn toward 0 by SHRINK sessions of no
        change: one lucky session cannot outrank many steady ones. Higher is better."""
        if self.mean_closer is None:
            return 0.0
        return self.mean_closer * self.measured / (self.measured + SHRINK)


@dataclass(frozen=True, slots=True)
class Insights:
    first_day: date
    last_day: date
    overall: Spread
    days: dict[date, Spread]  # only days with check-ins
    grid: dict[date, dict[str, Spread]]  # each day with check-ins, by part of day
    weeks: dict[date, Spread]  # by the Monday that starts each week
    hours: list[Spread]  # 24, by local hour
    alone: Spread
    together: Spread
    people: dict[str, Spread]
    helpers: list[Helper]  # best first
    practice_sessions: int
    streak_now: int  # days in a row with a check-in, up to today (or yesterday)
    streak_longest: int

    @property
    def days_in_range(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def part_of_day(self, name: str) -> Spread:
        spread = Spread()
        for hour, part in enumerate(PART_OF_HOUR):
            if PARTS_OF_DAY[part][0] == name:
                spread.merge(self.hours[hour])
        return spread


def _streaks(days: Iterable[date], today: date) -> tuple[int, int]:
    ordered = sorted(set(days))
    longest = run = 0
    previous: date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    now = 0
    if ordered and today - ordered[-1] <= timedelta(days=1):  # today may not be noted yet
        now = 1
        for a, b in zip(reversed(ordered[:-1]), reversed(ordered), strict=False):
            if b - a != timedelta(days=1):
                break
            now += 1
    return now, longest


def insights(
    checkins: CheckinTallies,
    practices: Iterable[PracticeTally],
    first_day: date,
    last_day: date,
    today: date,
) -> Insights:
    overall, alone, together = Spread(), Spread(), Spread()
    days: dict[date, Spread] = defaultdict(Spread)
    weeks: dict[date, Spread] = defaultdict(Spread)
    hours = [Spread() for _ in range(24)]
    people: dict[str, Spread] = defaultdict(Spread)
    grid: dict[date, dict[str, Spread]] = defaultdict(lambda: defaultdict(Spread))
    for day, part, t in checkins.day_parts:
        grid[day][PARTS_OF_DAY[part][0]].add(t)
    # Each sum from the one below it: years of days stay quick.
    for day, parts in grid.items():
        for cell in parts.values():
            days[day].merge(cell)
    for day, spread in days.items():
        weeks[day - timedelta(days=day.weekday())].merge(spread)
    for spread in weeks.values():
        overall.merge(spread)
    for hour, t in checkins.hours:
        hours[hour].add(t)
    for who, t in checkins.company:
        (together if who else alone).add(t)
        if who:
            people[" ".join(who.split())].add(t)
    helpers = [
        Helper(
            p.practice,
            p.sessions,
            p.measured,
            p.closer_sum / p.measured if p.measured else None,
            p.judged,
            p.toward,
            p.away,
            p.began_elsewhere,
            p.reached_ventral,
        )
        for p in practices
    ]
    helpers.sort(key=lambda h: (-h.score, -h.toward, -h.sessions, h.practice))
    now, longest = _streaks(days, today)
    return Insights(
        first_day=first_day,
        last_day=last_day,
        overall=overall,
        days=dict(sorted(days.items())),
        grid={day: dict(parts) for day, parts in sorted(grid.items())},
        weeks=dict(sorted(weeks.items())),
        hours=hours,
        alone=alone,
        together=together,
        people=dict(sorted(people.items(), key=lambda kv: (-kv[1].total, kv[0].lower()))),
        helpers=helpers,
        practice_sessions=sum(p.sessions for p in practices),
        streak_now=now,
        streak_longest=longest,
    )


def closer_words(mean: float) -> str:
    """A mean move against the window in words a person reads without a legend."""
    if abs(mean) < 0.5:
        return "about as far from your window as before, on average"
    way = "closer to" if mean > 0 else "further from"
    return f"{way} your window by {abs(mean):.1f} on average"


def ended_words(helper: Helper) -> str:
    """`7 of 9 sessions ended calmer or in the window`."""
    noun = "session" if helper.judged == 1 else "sessions"
    return f"{helper.toward} of {helper.judged} {noun} ended calmer or in the window"


HELPED_NOTE = (
    "The window is where you are settled enough to feel and think: ventral is inside "
    "it, and sympathetic or dorsal at intensity n is n above or below it. Closer is the "
    "distance before less the distance after, so sympathetic 6 to ventral is 6 closer, "
    "and sympathetic 6 to dorsal 6 is no closer. Ranked so that one session counts for "
    "less than many."
)


COMPANY_LEAST = 3  # fewer check-ins than this with someone: too few to say anything


def company_cells(spread: Spread) -> tuple[str, str, str | None]:
    """Check-ins, the share in the window, and the mean distance from it: the columns
    of "alone and together" in every face; too few check-ins say so instead."""
    if spread.total < COMPANY_LEAST:
        return str(spread.total), "too few to say", None  # no figures: say so instead
    distance = spread.mean_distance
    shown = "-" if distance is None else f"{distance:.1f}"
    return str(spread.total), f"{spread.percent(State.VENTRAL)}%", shown


def helped_cells(helper: Helper) -> tuple[str, str, str]:
    """Sessions, how many ended calmer or in the window (of those that can be told), and
    how much closer on average (of those with both distances): the columns every face
    shows, the same way."""
    ended = f"{helper.toward} of {helper.judged}" if helper.judged else "-"
    mean = helper.mean_closer
    closer = "-" if mean is None else "0.0" if abs(mean) < 0.05 else f"{mean:+.1f}"
    return str(helper.sessions), ended, closer


def helped_line(helper: Helper) -> str | None:
    """A gentle line about one practice, when there is enough history to say it:
    `Of the last 7 times, 6 ended calmer or in your window; closer to it by 2.3 on
    average.`"""
    if helper.judged < 3:
        return None
    counted = f"Of the last {helper.judged} times, {helper.toward} ended calmer or in your window"
    if helper.measured >= 3 and helper.mean_closer is not None:
        by = closer_words(helper.mean_closer).replace("your window", "it")
        return f"{counted}; {by}."
    return counted + "."


def span_text(ins: Insights) -> str:
    """The range in words, both years named: `1 Dec 2025 to 30 Nov 2026`."""
    return f"{ins.first_day:%-d %b %Y} to {ins.last_day:%-d %b %Y}"


def summary(ins: Insights, names: Mapping[str, str] | None = None) -> list[str]:
    """A few plain sentences about the range: what was seen, never a judgement. Practices
    are named by their titles where `names` has them."""
    o = ins.overall
    sessions = ins.practice_sessions
    practised = f"{sessions} practice session{'s' if sessions != 1 else ''}"
    if not o.total:
        if not sessions:
            return ["No check-ins in this range yet."]
        return [f"No check-ins in this range; {practised}.", *_helped_most(ins, names or {})]
    noted = (
        f"{o.total} check-in{'s' if o.total != 1 else ''} on {len(ins.days)} of "
        f"{ins.days_in_range} days"
    )
    lines = [noted + (f", and {practised}." if sessions else ".")]
    leaning = o.leaning
    if leaning is not None:
        lines.append(f"Most often {leaning.value} ({o.share(leaning):.0%} of check-ins).")
    leaning_parts = [
        (name, spread.leaning)
        for name, *_ in PARTS_OF_DAY
        if (spread := ins.part_of_day(name)).total >= 3
    ]
    stirred = [name for name, state in leaning_parts if state is not State.VENTRAL]
    if stirred and len(leaning_parts) > 1:
        lines.append(
            "Less settled in the " + " and the ".join(stirred) + "."
            if len(stirred) < len(leaning_parts)
            else "No time of day stood out as more settled."
        )
    if ins.together.total >= 3 and ins.alone.total >= 3:
        a, t = ins.alone.share(State.VENTRAL), ins.together.share(State.VENTRAL)
        if abs(a - t) >= 0.1:
            more = "with someone" if t > a else "on your own"
            lines.append(f"More often ventral {more} ({max(a, t):.0%} against {min(a, t):.0%}).")
    return lines + _helped_most(ins, names or {})


def _helped_most(ins: Insights, names: Mapping[str, str]) -> list[str]:
    from coreg_tui.core.practices import practice_title

    best = next((h for h in ins.helpers if h.measured >= 2 and (h.mean_closer or 0) > 0), None)
    if best is None or best.mean_closer is None:
        return []
    return [
        f"{practice_title(best.practice, names)} helped most: "
        f"{closer_words(best.mean_closer)}; {ended_words(best)}."
    ]


# The shape of `coreg stats --json`. 2: what_helped measured against the window of
# tolerance (mean_toward_window; mean_change, a difference of intensities, is gone).
STATS_SCHEMA = 2
RANGE_DAYS = 28  # what "lately" means when no range is given: the last four weeks


def _spread_dict(s: Spread) -> dict[str, object]:
    return {
        "checkins": s.total,
        "in_window_share": _round(s.share(State.VENTRAL)) if s.total else None,
        "mean_distance_from_window": _round(s.mean_distance),
        "mean_intensity": _round(s.mean_intensity),
        "states": {
            state.value: {"count": s.counts[state], "mean_intensity": _round(s.mean_for(state))}
            for state in State
        },
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def as_dict(ins: Insights) -> dict[str, object]:
    """Every figure, for `coreg stats --json` (fields listed in docs/guide.md)."""
    return {
        "schema": STATS_SCHEMA,
        "first_day": ins.first_day.isoformat(),
        "last_day": ins.last_day.isoformat(),
        "days_in_range": ins.days_in_range,
        "days_with_checkins": len(ins.days),
        "overall": _spread_dict(ins.overall),
        "days": {day.isoformat(): _spread_dict(s) for day, s in ins.days.items()},
        "weeks": {day.isoformat(): _spread_dict(s) for day, s in ins.weeks.items()},
        "hours": [_spread_dict(s)["states"] for s in ins.hours],
        "parts_of_day": {name: _spread_dict(ins.part_of_day(name)) for name, *_ in PARTS_OF_DAY},
        "alone": _spread_dict(ins.alone),
        "with_someone": _spread_dict(ins.together),
        "people": {name: _spread_dict(s) for name, s in ins.people.items()},
        "practice_sessions": ins.practice_sessions,
        "what_helped": [
            {
                "practice": h.practice,
                "sessions": h.sessions,
                "measured": h.measured,
                "mean_toward_window": _round(h.mean_closer),
                "judged": h.judged,
                "ended_toward_window": h.toward,
                "ended_away_from_window": h.away,
                "began_elsewhere": h.began_elsewhere,
                "reached_ventral": h.reached_ventral,
            }
            for h in ins.helpers
        ],
        "streak": {"now": ins.streak_now, "longest": ins.streak_longest},
        "summary": summary(ins),
    }
