"""Journal entries: check-ins and practice sessions, as plain values.

Only the store speaks SQL; the exports and the import speak dictionaries
(`to_record` / `from_record`); everything else speaks `Entry`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from coreg_tui.core.states import State


class Kind(StrEnum):
    CHECKIN = "checkin"
    PRACTICE = "practice"


# Not frozen: a frozen dataclass builds itself through object.__setattr__, field by
# field, which tripled the cost of reading or importing 100,000 entries. Treat an
# Entry as a value all the same: change one with `edited()`, which makes a new one.
@dataclass(slots=True)
class Entry:
    id: str
    kind: Kind
    at: datetime  # aware, in the offset the person was in when it happened
    state: State | None = None  # a check-in's state; a practice's state before
    intensity: int | None = None  # 0-10; a practice's intensity before
    body: tuple[str, ...] = ()
    with_who: str | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    practice: str | None = None  # what was practised: a pattern such as 4-6, or a practice id
    duration_s: float | None = None
    cycles: int | None = None
    state_after: State | None = None
    intensity_after: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def short_id(self) -> str:
        return self.id[:8]

    def edited(self, **changes: Any) -> Entry:
        return replace(self, **changes)


def new_id() -> str:
    """Random (UUID 4), so the first 8 characters people type are unique in practice.
    Made as uuid.uuid4() makes it, without importing uuid (which imports platform and
    compiles its regular expressions: a share of `coreg log`'s time)."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def checkin(
    at: datetime,
    state: State,
    *,
    intensity: int | None = None,
    body: tuple[str, ...] = (),
    with_who: str | None = None,
    note: str = "",
    tags: tuple[str, ...] = (),
    entry_id: str | None = None,
) -> Entry:
    return Entry(
        id=entry_id or new_id(),
        kind=Kind.CHECKIN,
        at=at,
        state=state,
        intensity=intensity,
        body=body,
        with_who=with_who,
        note=note,
        tags=tags,
    )


def clean_words(words: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Tags and body cues: trimmed, empty ones dropped, repeats removed, order kept."""
    kept: list[str] = []
    seen: set[str] = set()
    for word in words or ():
        w = " ".join(word.split())
        if w and (low := w.lower()) not in seen:
            seen.add(low)
            kept.append(w)
    return tuple(kept)


def search_terms(text: str) -> tuple[str | None, tuple[str, ...]]:
    """What a search box holds: words to find, and `#tag`s to keep to (any of them).
    `coffee #work` finds "coffee" in entries tagged work."""
    words, tags = [], []
    for part in text.split():
        if part.startswith("#") and len(part) > 1:
            tags.append(part[1:])
        else:
            words.append(part)
    return " ".join(words) or None, clean_words(tags)
