"""Entries in words, the same in the CLI and the TUI. Plain strings; callers make them safe."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from coreg_tui.core.entries import Entry, Kind


def when_text(at: datetime, now: datetime) -> str:
    """`14:30` today, `Mon 23 Nov 14:30` this year, `23 Nov 2025 14:30` before."""
    if at.date() == now.date():
        return f"today {at:%H:%M}"
    if at.year == now.year:
        return f"{at:%a %-d %b %H:%M}"
    return f"{at:%-d %b %Y %H:%M}"


def state_text(entry: Entry) -> str:
    if entry.state is None:
        return ""
    return entry.state.value + (f" {entry.intensity}/10" if entry.intensity is not None else "")


def after_text(entry: Entry) -> str:
    if entry.state_after is None:
        return ""
    suffix = f" {entry.intensity_after}/10" if entry.intensity_after is not None else ""
    return entry.state_after.value + suffix


def change_text(entry: Entry) -> str:
    """A practice's before and after in words: `sympathetic 6/10 -> ventral 3/10`, or
    `sympathetic 6/10 before` where the after was skipped; "" when neither was noted."""
    before, after = state_text(entry), after_text(entry)
    if before and after:
        return f"{before} \u2192 {after}"
    if before:
        return f"{before} before"
    return f"{after} after" if after else ""


def title_of(entry: Entry, names: Mapping[str, str]) -> str:
    """The title of the practice an entry records (a breathing practice begun by its id
    keeps that id beside its pattern)."""
    key = entry.detail.get("practice_id") if isinstance(entry.detail, dict) else None
    from coreg_tui.core.practices import practice_title  # not for a check-in's one line

    return practice_title(key if key in names else entry.practice, names)


def what_text(entry: Entry, names: Mapping[str, str] | None = None) -> str:
    """`sympathetic 6/10`, or `Longer breath out, 5 min: sympathetic 6/10 -> ventral 3/10`
    with the practices' `names` (from content.names); without them, the id or pattern as
    kept: `practice 4-6, 5 min: ...`."""
    if entry.kind is Kind.CHECKIN:
        return state_text(entry)
    text = f"practice {entry.practice or ''}".rstrip() if names is None else title_of(entry, names)
    if entry.duration_s is not None:
        from coreg_tui.core.durations import format_duration

        text += f", {format_duration(entry.duration_s)}"
    change = change_text(entry)
    return f"{text}: {change}" if change else text
