"""An entry as a row of the entries table, and a row as an entry.

The columns in the order every statement names them; a time as microseconds since
1970 in UTC with its offset beside it (an entry comes back in the offset it was
written in, to the microsecond); lists of words and details as JSON; and a local
day, as the tables of sums hold it, as days since 1970.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from coreg_tui.core.entries import Entry, Kind
from coreg_tui.core.states import State

COLUMNS = (
    "id",
    "kind",
    "at_us",
    "utc_offset_s",
    "state",
    "intensity",
    "body",
    "with_who",
    "note",
    "tags",
    "practice",
    "duration_s",
    "cycles",
    "state_after",
    "intensity_after",
    "detail",
)
STATES = {s.value: s for s in State}
_KINDS = {k.value: k for k in Kind}
# Each member's text, looked up (quicker than an enum's .value, a Python property).
_TEXT: dict[State | Kind | None, str | None] = {m: m.value for m in (*State, *Kind)}
_TEXT[None] = None
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCHS: dict[int, datetime] = {}  # 1970-01-01 UTC, in each offset seen
_EPOCH_DAY = date(1970, 1, 1)
_DAYS_EVER = (-(2**62), 2**62)


def to_us(at: datetime) -> int:
    """A moment as microseconds since 1970, UTC."""
    return (at - _EPOCH) // timedelta(microseconds=1)


def now_us() -> int:
    return to_us(datetime.now(UTC))


def row_of(e: Entry, created_us: int) -> tuple[Any, ...]:
    """The values of COLUMNS for `e`, then `created_us`: what INSERT_ENTRY takes."""
    offset = e.at.utcoffset()
    assert offset is not None, "entry times are always aware"
    return (
        e.id,
        _TEXT[e.kind],
        to_us(e.at),
        offset.days * 86400 + offset.seconds,
        _TEXT[e.state],
        e.intensity,
        _words_json(e.body),
        e.with_who,
        e.note,
        _words_json(e.tags),
        e.practice,
        e.duration_s,
        e.cycles,
        _TEXT[e.state_after],
        e.intensity_after,
        _json(e.detail, "{}"),
        created_us,
    )


def same_row(held: tuple[Any, ...], row: tuple[Any, ...]) -> bool:
    """Whether a row of COLUMNS the journal holds is `row` (as row_of gives it) in all
    but when it was written (its details compared as data, not as text)."""
    last = len(COLUMNS) - 1
    return held[:last] == row[:last] and (
        held[last] == row[last] or _loads(held[last]) == _loads(row[last])
    )


def entry_of(row: tuple[Any, ...]) -> Entry:
    """The entry a row of COLUMNS holds."""
    (
        eid,
        kind,
        at_us,
        offset_s,
        state,
        intensity,
        body,
        with_who,
        note,
        tags,
        practice,
        duration_s,
        cycles,
        state_after,
        intensity_after,
        detail,
    ) = row
    return Entry(
        id=eid,
        kind=_KINDS[kind],
        at=_epoch_in(offset_s) + timedelta(microseconds=at_us),  # exact, in its own offset
        state=STATES[state] if state else None,
        intensity=intensity,
        body=_words(body),
        with_who=with_who,
        note=note,
        tags=_words(tags),
        practice=practice,
        duration_s=duration_s,
        cycles=cycles,
        state_after=STATES[state_after] if state_after else None,
        intensity_after=intensity_after,
        detail=_loads(detail) if detail != "{}" else {},
    )


def _epoch_in(offset_s: int) -> datetime:
    epoch = _EPOCHS.get(offset_s)
    if epoch is None:
        epoch = _EPOCHS[offset_s] = _EPOCH.astimezone(timezone(timedelta(seconds=offset_s)))
    return epoch


# json is imported only for a value that holds something: a plain check-in needs none
# of it, and its import (regular expressions compiled on the way) is a share of `log`.


def _loads(text: str) -> Any:
    import json

    return json.loads(text)


def _dumps(value: Any, *, sort_keys: bool = False) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys)


def _json(value: Any, empty: str) -> str:
    return _dumps(value, sort_keys=True) if value else empty


@lru_cache(maxsize=4096)  # tags and body cues repeat from entry to entry
def _words_json(words: tuple[str, ...]) -> str:
    return _dumps(words) if words else "[]"


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_loads(text)) if text != "[]" else ()


@lru_cache(maxsize=1 << 16)  # years of days come back many times each
def day_of(days: int) -> date:
    """The day `days` after 1 January 1970."""
    return _EPOCH_DAY + timedelta(days=days)


def day_span(first: date | None, last: date | None) -> tuple[int, int]:
    """A range of days (both ends included, either open) as days since 1970."""
    return (
        _DAYS_EVER[0] if first is None else (first - _EPOCH_DAY).days,
        _DAYS_EVER[1] if last is None else (last - _EPOCH_DAY).days,
    )
