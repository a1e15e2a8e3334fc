"""What a person takes away from a circle: how long they breathed, how many breaths,
with whom; the CLI keeps it in their own journal and nowhere else."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from coreg_tui.core import circle
from coreg_tui.core.circle import Timeline


@dataclass(frozen=True, slots=True)
class Outcome:
    started_at: datetime | None  # when the first breath began (None: it never did)
    breathing_s: float
    cycles: int
    others: tuple[str, ...]  # everyone else who was in the circle, in the order they came
    finished: bool  # the circle ended (not left early)
    label: str = ""  # the pattern the circle breathed toward at the end


class Company:
    """Everyone else who was in the circle, in the order they came, each name once (at
    most MOST: a name is kept for the journal, not every name ever tried)."""

    MOST = 200

    def __init__(self) -> None:
        self.names: list[str] = []
        self._known: set[str] = set()

    def saw(self, names: list[str]) -> None:
        for name in names:
            if name not in self._known and len(self.names) < self.MOST:
                self._known.add(name)
                self.names.append(name)


def with_whom(others: tuple[str, ...], shown: int = 12) -> str | None:
    """The journal's `with` for a circle: the names, the first few of a crowd."""
    if not others:
        return None
    more = len(others) - shown
    return ", ".join(others[:shown]) + (f" and {more} more" if more > 0 else "")


def outcome_of(
    timeline: Timeline | None, host_now: float, others: list[str], *, finished: bool
) -> Outcome:
    if timeline is None or not 0 < host_now - timeline.begins < 7 * 86400:
        return Outcome(None, 0.0, 0, tuple(others), finished)  # (a week: no real circle)
    started = datetime.fromtimestamp(time.time() - (host_now - timeline.begins), UTC)
    return Outcome(
        started,
        circle.breathing_s(timeline, host_now),
        circle.cycles_done(timeline, host_now),
        tuple(others),
        finished,
        str(timeline.pattern()),
    )
