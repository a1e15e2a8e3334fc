"""Entries as plain dictionaries: what JSON export writes and import reads back.

`to_record` keeps every field exactly; `from_record` checks everything a
file from anywhere might hold and says, in one line, which entry and which
field is wrong.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from datetime import datetime
from typing import Any

from coreg_tui.core.entries import Entry, Kind, clean_words
from coreg_tui.core.errors import InputError
from coreg_tui.core.states import State, parse_state
from coreg_tui.core.when import EARLIEST, LATEST, in_range

# What a JSON export says it is, and the newest version of it this coreg reads.
FORMAT_NAME = "coreg-journal"
FORMAT_VERSION = 1

FIELDS = (
    "id",
    "kind",
    "at",
    "state",
    "intensity",
    "body",
    "with",
    "note",
    "tags",
    "practice",
    "duration_s",
    "cycles",
    "state_after",
    "intensity_after",
    "detail",
)
# Entries from other tools that carry no id get one made from their content,
# so that importing the same file twice still adds nothing.
_STATES = {s.value: s for s in State}
_IMPORT_NAMESPACE = uuid.UUID("5c0e8f3a-6d1b-4b8e-9f57-c0e6e9a1d2b4")


def to_record(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind.value,
        "at": e.at.isoformat(),
        "state": e.state.value if e.state else None,
        "intensity": e.intensity,
        "body": list(e.body),
        "with": e.with_who,
        "note": e.note,
        "tags": list(e.tags),
        "practice": e.practice,
        "duration_s": e.duration_s,
        "cycles": e.cycles,
        "state_after": e.state_after.value if e.state_after else None,
        "intensity_after": e.intensity_after,
        "detail": e.detail,
    }


class _Reader:
    def __init__(self, record: dict[str, Any], where: str) -> None:
        self.record, self.where = record, where

    def fail(self, key: str, expected: str) -> InputError:
        got = json.dumps(self.record.get(key), ensure_ascii=False)
        if len(got) > 40:
            got = got[:39] + "\u2026"
        return InputError(f"{self.where}: '{key}' should be {expected}, not {got}")

    def text(self, key: str, *, optional: bool = True) -> str | None:
        value = self.record.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(key, "text")
        return value

    def words(self, key: str) -> tuple[str, ...]:
        value = self.record.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "a list of text")
        return clean_words(value)

    def state(self, key: str, *, required: bool = False) -> State | None:
        value = self.record.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise self.fail(key, "ventral, sympathetic or dorsal")
        exact = _STATES.get(value)
        if exact is not None:
            return exact
        try:
            return parse_state(value)
        except InputError:
            raise self.fail(
                key, "ventral, sympathetic or dorsal (or a word such as calm)"
            ) from None

    def whole(self, key: str, low: int, high: int | None = None) -> int | None:
        value = self.record.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or value < low
            or (high is not None and value > high)
        ):
            span = f"{low} to {high}" if high is not None else f"{low} or more"
            raise self.fail(key, f"a whole number from {span}")
        return value

    def seconds(self, key: str) -> float | None:
        value = self.record.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not (math.isfinite(value) and 0 <= value <= LONGEST_S)
        ):
            raise self.fail(key, f"a number of seconds from 0 to {LONGEST_S:,}")
        return float(value)


_FIELD_SET = frozenset(FIELDS)
LONGEST_S = 7 * 86400  # a practice session of a week is already beyond any real one
MOST_CYCLES = 100_000


def _plain_json(value: object) -> bool:
    """Whether `value` writes back out as strict JSON (no NaN, no Infinity)."""
    import json

    try:
        json.dumps(value, allow_nan=False)
    except ValueError:
        return False
    return True


_CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _id(r: _Reader) -> str | None:
    given = r.text("id")
    if given is None or _CANONICAL_ID.fullmatch(given):
        return given
    try:
        return str(uuid.UUID(given))
    except ValueError:
        raise r.fail("id", "a UUID such as 0b8f7a52-4c1e-4d0a-9d55-2f1e0c9a7b31") from None


_KINDS = {k.value: k for k in Kind}


def _words(r: _Reader, key: str) -> tuple[str, ...]:
    value = r.record.get(key)
    if type(value) is list:
        if not value:
            return ()
        try:
            return clean_words(value)
        except AttributeError:  # not all of it is text: the reader says so
            pass
    return r.words(key)


_FIRST_YEAR, _LAST_YEAR = EARLIEST.year, LATEST.year


def _at(r: _Reader) -> datetime:
    text = r.record.get("at")
    if type(text) is not str:
        text = r.text("at", optional=False)
    try:
        at = datetime.fromisoformat(text or "")
        at = at if at.tzinfo is not None else at.astimezone()  # no offset: local time
        if not (_FIRST_YEAR <= at.year < _LAST_YEAR or in_range(at)):  # the year says, mostly
            raise ValueError
    except (ValueError, OverflowError):
        raise r.fail(
            "at", "a time in ISO 8601 between 1900 and 2999, such as 2026-11-23T14:30:00+01:00"
        ) from None
    return at


_Practice = tuple[State | None, int | None, int | None, float | None]


def _practice_fields(r: _Reader) -> _Practice:
    """state_after, intensity_after, cycles and duration_s."""
    get = r.record.get
    state_after = get("state_after")
    if state_after is not None:
        state_after = _STATES.get(state_after) if type(state_after) is str else None
        if state_after is None:
            state_after = r.state("state_after")
    intensity_after = get("intensity_after")
    if intensity_after is not None and not (
        type(intensity_after) is int and 0 <= intensity_after <= 10
    ):
        intensity_after = r.whole("intensity_after", 0, 10)
    cycles = get("cycles")
    if cycles is not None and not (type(cycles) is int and 0 <= cycles <= MOST_CYCLES):
        cycles = r.whole("cycles", 0, MOST_CYCLES)
    duration = get("duration_s")
    if duration is not None:
        duration = (
            float(duration)
            if type(duration) in (int, float) and 0 <= duration <= LONGEST_S
            else r.seconds("duration_s")
        )
    return state_after, intensity_after, cycles, duration


def from_record(record: Any, where: str) -> Entry:
    """An Entry from a dictionary in coreg's JSON form or a simpler one from another tool:
    at least `at` and `state`; `id` and `kind` may be left out.

    The common shapes are checked inline; anything unusual goes through the
    reader, which either accepts it or says what is wrong.
    """
    if type(record) is not dict:
        raise InputError(f"{where}: expected an object with at least 'at' and 'state'")
    if not record.keys() <= _FIELD_SET:
        unknown = sorted(set(record) - _FIELD_SET)
        raise InputError(f"{where}: unknown field(s) {unknown}; expected {list(FIELDS)}")
    r = _Reader(record, where)
    get = record.get
    at = _at(r)
    kind = _KINDS.get(get("kind") or "checkin")  # type: ignore[arg-type]
    if kind is None:
        raise r.fail("kind", "checkin or practice")
    # Each field: the usual shape is taken as it is; anything else goes to the reader.
    state = get("state")
    state = _STATES.get(state) if type(state) is str else None
    if state is None:
        state = r.state("state", required=kind is Kind.CHECKIN)
    intensity = get("intensity")
    if intensity is not None and not (type(intensity) is int and 0 <= intensity <= 10):
        intensity = r.whole("intensity", 0, 10)
    state_after, intensity_after, cycles, duration = _practice_fields(r)
    body = _words(r, "body")
    tags = _words(r, "tags")
    with_who = get("with")
    if with_who is not None:
        if type(with_who) is not str:
            with_who = r.text("with")
        with_who = with_who.strip() or None  # type: ignore[union-attr]
    note = get("note")
    if note is None:
        note = ""
    elif type(note) is not str:
        note = r.text("note")
    practice = get("practice")
    if practice is not None and type(practice) is not str:
        practice = r.text("practice")
    detail = get("detail")
    if detail is None:
        detail = {}
    if type(detail) is not dict:
        raise r.fail("detail", "an object")
    if detail and not _plain_json(detail):
        raise r.fail("detail", "an object of plain JSON (no NaN or Infinity)")
    entry = Entry(
        id="",
        kind=kind,
        at=at,
        state=state,
        intensity=intensity,
        body=body,
        with_who=with_who,
        note=note,
        tags=tags,
        practice=practice,
        duration_s=duration,
        cycles=cycles,
        state_after=state_after,
        intensity_after=intensity_after,
        detail=detail,
    )
    given = _id(r)
    if given is None:
        content = json.dumps(to_record(entry), sort_keys=True, ensure_ascii=False)
        given = str(uuid.uuid5(_IMPORT_NAMESPACE, content))
    entry.id = given
    return entry
