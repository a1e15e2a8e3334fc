"""Entries in words, the same in the CLI and the TUI. Plain strings; callers make them safe."""

from __future__ import annotations

from datetime import datetime

from coreg_tui.core.durations import format_duration
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


def what_text(entry: Entry) -> str:
    """`sympathetic 6/10`, or `practice 4-6, 5 min: sympathetic 6/10 -> ventral 3/10`."""
    if entry.kind is Kind.CHECKIN:
        return state_text(entry)
    text = f"practice {entry.practice or ''}".rstrip()
    if entry.duration_s is not None:
        text += f", {format_duration(entry.duration_s)}"
    if entry.state or entry.state_after:
        text += f": {state_text(entry) or '?'} \u2192 {after_text(entry) or '?'}"
    return text
