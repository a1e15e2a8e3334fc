"""Insights read from a journal: the store's tallies for a range of local days, then
the pure figures from core. One function, for the CLI and the companion alike."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from coreg_tui.core.insights import Insights, insights
from coreg_tui.journal.store import Journal


def read_insights(journal: Journal, first_day: date, last_day: date, today: date) -> Insights:
    since = datetime.combine(first_day, time()).astimezone()  # local midnight
    until = datetime.combine(last_day + timedelta(days=1), time()).astimezone()
    checkins, practices = journal.tallies(since, until)
    return insights(checkins, practices, first_day, last_day, today)
