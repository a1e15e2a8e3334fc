"""What a person takes away from a circle: how long they breathed, how many breaths,
with whom; the CLI keeps it in their own journal and nowhere else."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from coreg_tui.core import circle
from coreg_tui.core.circle import Timeline

if TYPE_CHECKING:
    from coreg_tui.core.entries import Entry
    from coreg_tui.core.session import Around


@dataclass(frozen=True, slots=True)
class Outcome:
    started_at: datetime | None  # when the first breath began (None: it never did)
    breathing_s: float
    cycles: int
    others: tuple[str, ...]  # everyone else who was in the circle, in the order they came
    finished: bool  # the circle ended (not left early)
    label: str = ""  # the pattern the circle breathed toward at the end

    def kept(self) -> bool:
        """Whether there is a session to keep: at least one second of breathing."""
        return self.started_at is not None and self.breathing_s >= 1.0

    def sentence(self) -> str:
        from coreg_tui.core.durations import format_duration

        if not self.kept():
            return "Ended before the first breath."
        noun = "breath" if self.cycles == 1 else "breaths"
        return f"{self.cycles} {noun} in {format_duration(self.breathing_s)} in the circle."

    def entry(self, before: Around = None, after: Around = None) -> Entry | None:
        """The circle as the person's own journal keeps it: a practice, with whom (None
        when it ended before the first breath)."""
        from coreg_tui.core.session import practice_entry

        if not self.kept() or self.started_at is None:
            return None
        return practice_entry(
            self.label,
            self.started_at,
            self.breathing_s,
            cycles=self.cycles,
            before=before,
            after=after,
            detail={"circle": True, "finished": self.finished},
            with_who=with_whom(self.others),
        )


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
