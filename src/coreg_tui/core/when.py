"""Moments people type: `today`, `yesterday 22:00`, `3d`, `2w`, `2026-11-20`, `14:30`.

`now` is always a parameter (an aware datetime in the local zone), so these
are pure functions: the same words and the same `now` give the same moment.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from coreg_tui.core.errors import InputError

_AGO = re.compile(r"(\d+)\s*(min|m|h|d|w)(?:\s*ago)?", re.IGNORECASE)
_AGO_UNITS = {"min": "minutes", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
HELP = "use today, yesterday, now, 3d, 2w, 12h, 2026-11-20, 2026-11-20T14:30 or 14:30"


EARLIEST = datetime(1900, 1, 1)  # moments outside these years are refused in one line
LATEST = datetime(3000, 1, 1)  # (the end of 2999 itself, for --until 2999-12-31)


def in_range(moment: datetime) -> bool:
    """Whether a moment is within the years coreg takes, 1900 to 2999, as its own
    clock read it (so that 1 January 1900 is taken in every time zone)."""
    return EARLIEST <= moment.replace(tzinfo=None) <= LATEST


def _local(day: date, at: time) -> datetime:
    """A wall-clock time on a day in the local zone, with that day's offset (DST-aware).
    A time the clocks skipped (inside a daylight-saving gap) is refused: stored as it
    is, it would be another moment than the one meant. A time the clocks passed twice
    is the first of the two (Python's fold=0)."""
    naive = datetime.combine(day, at)
    moment = naive.astimezone()
    if moment.replace(tzinfo=None) != naive:
        raise InputError(
            f"{naive:%H:%M on %-d %b %Y} did not happen here: the clocks went forward over "
            "it; give a time before or after the change"
        )
    return moment


def _clock(text: str) -> time | None:
    match = _CLOCK.fullmatch(text)
    if not match:
        return None
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise InputError(f"'{text}' is not a time of day")
    return time(hour, minute, second)


def parse_when(text: str, now: datetime, *, end_of_day: bool = False) -> datetime:
    """The moment `text` names. A bare day means its start, or with `end_of_day`
    the start of the next day (so `--until yesterday` includes all of yesterday).
    Moments before 1900 or from 3000 on are refused in one line."""
    try:
        moment = _parse_when(text, now, end_of_day)
        inside = in_range(moment)
    except (OverflowError, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        inside = False
    if not inside:
        raise InputError(f"'{text.strip()}' is too far off; give a moment between 1900 and 2999")
    return moment


def _parse_when(text: str, now: datetime, end_of_day: bool) -> datetime:
    raw = " ".join(text.strip().split())
    word = raw.lower()
    if not word:
        raise InputError(f"the time is empty; {HELP}")
    if word == "now":
        return now
    day_words = {"today": now.date(), "yesterday": now.date() - timedelta(days=1)}
    first, _, rest = word.partition(" ")
    if first in day_words:
        day = day_words[first]
        if rest:
            at = _clock(rest)
            if at is None:
                raise InputError(f"'{raw}': after '{first}' put a time such as 22:00")
            return _local(day, at)
        return _local(day + timedelta(days=1) if end_of_day else day, time())
    if match := _AGO.fullmatch(word):
        return now - timedelta(**{_AGO_UNITS[match[2].lower()]: int(match[1])})
    if (at := _clock(word)) is not None:
        return _local(now.date(), at)
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        raise InputError(f"'{raw}' is not a time I can read; {HELP}") from None
    if len(raw) == 10 and "T" not in raw and " " not in raw:  # a date alone
        day = parsed.date() + timedelta(days=1) if end_of_day else parsed.date()
        return _local(day, time())
    if parsed.tzinfo is None:
        return _local(parsed.date(), parsed.time())
    return parsed


def check_not_future(at: datetime, now: datetime, what: str = "--at") -> datetime:
    if at - now > timedelta(minutes=5):
        raise InputError(f"{what} is in the future ({at:%Y-%m-%d %H:%M}); it can be now or earlier")
    return at
