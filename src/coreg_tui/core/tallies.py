"""Tallies: check-ins and practice sessions counted by what they share. They are all
that insights need, and few enough to read quickly from years of entries.

Local days are the days the person lived: an entry's day and hour are read in the
UTC offset it was written in, so a check-in at 23:30 belongs to that evening,
across a change to or from summer time too. The store keeps these counts in SQL
beside every write; `tally` makes the same from entries in Python, so the two
can be checked against each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from coreg_tui.core.day_parts import PART_OF_HOUR
from coreg_tui.core.entries import Entry, Kind
from coreg_tui.core.states import State
from coreg_tui.core.window import AWAY, TOWARD, closer, direction


@dataclass(frozen=True, slots=True)
class Count:
    """Check-ins of one state that share something else: a day and part of it, an
    hour of the day, or company."""

    state: State
    checkins: int
    intensity_sum: int
    intensity_count: int  # check-ins among them that gave an intensity


@dataclass(frozen=True, slots=True)
class CheckinTallies:
    """Check-ins counted three ways. Every figure needs only one of them, so a journal
    of years stays a few thousand counts, not one for each hour and companion."""

    day_parts: list[tuple[date, int, Count]] = field(default_factory=list)  # part: PARTS_OF_DAY
    hours: list[tuple[int, Count]] = field(default_factory=list)  # local hour, 0-23
    company: list[tuple[str | None, Count]] = field(default_factory=list)  # None: alone

    def ordered(self) -> CheckinTallies:
        """The same counts in one order, to compare two ways of making them."""
        return CheckinTallies(
            sorted(self.day_parts, key=repr),
            sorted(self.hours, key=repr),
            sorted(self.company, key=repr),
        )


@dataclass(frozen=True, slots=True)
class PracticeTally:
    practice: str  # a pattern such as 4-6, or a step practice's id
    sessions: int
    measured: int  # sessions whose distance from the window is known before and after
    closer_sum: int  # the sum over those of how much closer to the window they ended
    judged: int  # sessions whose direction (toward the window, or away) can be told
    toward: int  # of those, how many ended closer to the window
    away: int  # and how many further from it
    began_elsewhere: int  # sessions that began sympathetic or dorsal and recorded an after
    reached_ventral: int  # of those, how many ended ventral


def tally(entries: Iterable[Entry]) -> tuple[CheckinTallies, list[PracticeTally]]:
    """The tallies of `entries`, in Python: what the store keeps in SQL."""
    day_parts: dict[tuple[date, int, State], list[int]] = defaultdict(_zeros)
    hours: dict[tuple[int, State], list[int]] = defaultdict(_zeros)
    company: dict[tuple[str | None, State], list[int]] = defaultdict(_zeros)
    practices: dict[str, list[int]] = defaultdict(lambda: [0] * 8)
    for e in entries:
        if e.kind is Kind.CHECKIN and e.state is not None:
            at = e.at  # in the offset it was written in: the day and hour as lived
            for sums in (
                day_parts[(at.date(), PART_OF_HOUR[at.hour], e.state)],
                hours[(at.hour, e.state)],
                company[(e.with_who or None, e.state)],
            ):
                sums[0] += 1
                if e.intensity is not None:
                    sums[1] += e.intensity
                    sums[2] += 1
        elif e.kind is Kind.PRACTICE:
            p = practices[e.practice or "practice"]
            p[0] += 1
            around = (e.state, e.intensity, e.state_after, e.intensity_after)
            if (change := closer(*around)) is not None:
                p[1] += 1
                p[2] += change
            if (way := direction(*around)) is not None:
                p[3] += 1
                p[4] += way == TOWARD
                p[5] += way == AWAY
            if e.state not in (None, State.VENTRAL) and e.state_after is not None:
                p[6] += 1
                p[7] += e.state_after is State.VENTRAL
    return (
        CheckinTallies(
            [(day, part, Count(state, *v)) for (day, part, state), v in day_parts.items()],
            [(hour, Count(state, *v)) for (hour, state), v in hours.items()],
            [(who, Count(state, *v)) for (who, state), v in company.items()],
        ),
        [PracticeTally(name, *value) for name, value in practices.items()],
    )


def _zeros() -> list[int]:
    return [0, 0, 0]
