"""Insights read from a journal: the store's tallies for a range of local days, then
the pure figures from core. One function, for the CLI and the companion alike."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from coreg_tui.core.insights import Insights, insights
from coreg_tui.core.tallies import CheckinTallies
from coreg_tui.journal.store import Journal


def day_span(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """From local midnight at the start of `first_day` to the one after `last_day`."""
    since = datetime.combine(first_day, time()).astimezone()
    return since, datetime.combine(last_day + timedelta(days=1), time()).astimezone()


def read_insights(journal: Journal, first_day: date, last_day: date, today: date) -> Insights:
    checkins, practices = journal.tallies(first_day, last_day)
    return insights(checkins, practices, first_day, last_day, today)


HISTORY_DAYS = 90  # how far back the line after a practice looks


def history_line(journal: Journal, practice: str, today: date) -> str | None:
    """A gentle line about how `practice` has gone lately, when there is enough to say."""
    from coreg_tui.core.insights import helped_line

    first = today - timedelta(days=HISTORY_DAYS - 1)
    practices = journal.practice_tallies(first, today)  # no check-ins needed
    found = insights(CheckinTallies(), practices, first, today, today)
    helper = next((h for h in found.helpers if h.practice == practice), None)
    return helped_line(helper) if helper is not None else None
