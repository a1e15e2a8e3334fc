"""Entries for tests, with sensible defaults."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from coreg_tui.core.entries import Entry, Kind, new_id
from coreg_tui.core.states import State

BASE = datetime(2026, 11, 20, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def entry(minutes: float = 0, **fields: Any) -> Entry:
    values: dict[str, Any] = {
        "id": new_id(),
        "kind": Kind.CHECKIN,
        "at": BASE + timedelta(minutes=minutes),
        "state": State.SYMPATHETIC,
    }
    values.update(fields)
    return Entry(**values)
