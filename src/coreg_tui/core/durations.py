"""Durations people type (`90s`, `2m`, `1m30s`, `1.5`) and how they are shown."""

from __future__ import annotations

import math
import re

from coreg_tui.core.errors import InputError

_PART = re.compile(r"(\d+(?:\.\d+)?)(min|sec|h|m|s)?", re.IGNORECASE)
_UNIT = {"h": 3600.0, "m": 60.0, "min": 60.0, "s": 1.0, "sec": 1.0}


class DurationError(InputError):
    pass


def parse_duration(text: str, *, bare_unit: str = "m") -> float:
    """Seconds in `text`: `90s`, `2m`, `1m30s`, `1h`; a bare number is in `bare_unit`."""
    cleaned = text.strip().lower().replace(" ", "")
    if not cleaned:
        raise DurationError("the duration is empty; write e.g. 90s, 2m or 1m30s")
    total, pos = 0.0, 0
    while pos < len(cleaned):
        match = _PART.match(cleaned, pos)
        if not match or match.end() == pos:
            raise DurationError(f"'{text.strip()}' is not a duration; write e.g. 90s, 2m or 1m30s")
        number, unit = match.groups()
        if unit is None and (pos != 0 or match.end() != len(cleaned)):
            raise DurationError(f"'{text.strip()}' is not a duration; write e.g. 90s, 2m or 1m30s")
        total += float(number) * _UNIT[(unit or bare_unit).lower()]
        pos = match.end()
    if not math.isfinite(total):
        raise DurationError(f"'{text.strip()}' is too long")
    return total


def format_duration(seconds: float) -> str:
    """`45 s`, `2 min 5 s`, `1 h 4 min`: whole seconds, the way people say it."""
    whole = round(max(0.0, seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def format_clock(seconds: float) -> str:
    """`4:05` or `1:02:03` for a countdown, rounding up so it never shows 0:00 early."""
    whole = math.ceil(max(0.0, seconds) - 1e-9)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
