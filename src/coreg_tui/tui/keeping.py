"""Keeping an entry from a screen: called from thread workers (and at unmount), never
on the UI thread's way to the next frame."""

from __future__ import annotations

from coreg_tui.core.entries import Entry


def keep(entry: Entry) -> Entry:
    """Add `entry` to the journal; returns it."""
    from coreg_tui.journal import open_journal

    with open_journal() as journal:
        journal.add(entry)
    return entry
