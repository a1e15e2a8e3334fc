"""Which way help right now leads. For a shut-down system the direction is up: after a
strong dorsal check-in, help starts with gentle activation rather than a calming breath."""

from __future__ import annotations

from datetime import datetime, timedelta

from coreg_tui.core.entries import Entry, Kind
from coreg_tui.core.states import State

STRONG = 7  # a dorsal check-in at this intensity or more leads help upward
RECENT = timedelta(hours=1)  # how long a check-in still speaks for now


def leads_up(latest_checkin: Entry | None, now: datetime) -> bool:
    """True when the latest check-in is dorsal at STRONG or more, within the last hour."""
    e = latest_checkin
    if e is None or e.kind is not Kind.CHECKIN or e.state is not State.DORSAL:
        return False
    return e.intensity is not None and e.intensity >= STRONG and now - RECENT <= e.at <= now
