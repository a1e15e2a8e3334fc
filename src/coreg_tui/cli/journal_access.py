"""How every command reaches the journal and reads the options they share."""

from __future__ import annotations

from datetime import datetime

from coreg_tui.core.states import parse_state
from coreg_tui.core.when import parse_when
from coreg_tui.journal import open_journal
from coreg_tui.journal.store import Filter

__all__ = ["build_filter", "now", "open_journal"]


MOST_ENTRIES = 10**9


def now() -> datetime:
    """The one clock read of a command: local, aware."""
    import os

    from coreg_tui.core.errors import InputError

    try:
        return datetime.now().astimezone()
    except (ValueError, OverflowError):
        zone = os.environ.get("TZ", "")
        raise InputError(
            f"the time zone TZ={zone!r} cannot be used (its offset is a day or more); "
            "set TZ to a place, such as Europe/Berlin, or unset it"
        ) from None


def build_filter(
    *,
    since: str | None = None,
    until: str | None = None,
    states: list[str] | None = None,
    tags: list[str] | None = None,
    search: str | None = None,
    limit: int | None = None,
    newest_first: bool = True,
    at: datetime,
) -> Filter:
    from coreg_tui.core.errors import InputError

    if limit is not None and not 0 <= limit <= MOST_ENTRIES:
        raise InputError(
            f"--limit is {limit}; use a number of entries up to {MOST_ENTRIES:,}, or 0 for all"
        )
    start = parse_when(since, at) if since else None
    end = parse_when(until, at, end_of_day=True) if until else None
    if start is not None and end is not None and end <= start:
        raise InputError("--until is not after --since; nothing could match")
    return Filter(
        since=start,
        until=end,
        states=tuple(dict.fromkeys(parse_state(s) for s in states or ())),
        tags=tuple(t.strip() for t in tags or () if t.strip()),
        search=search or None,
        limit=limit or None,
        newest_first=newest_first,
    )
