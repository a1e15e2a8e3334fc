"""Writing to the journal from a screen: called from thread workers (and at unmount),
never on the UI thread's way to the next frame.

A journal that cannot be written (a full disk, read-only media, another program
holding it) costs the person one line, never the app: the screen says so and
stays, and the same line is printed again when the companion closes, so it is
seen even if the write was the last thing the app did.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from coreg_tui.core.entries import Entry

if TYPE_CHECKING:
    from textual.app import App

T = TypeVar("T")
# A path in the line may hold [ and ]: never read as markup.
NOT_KEPT: dict = {"title": "Not kept", "severity": "error", "timeout": 20, "markup": False}


def keep(entry: Entry) -> Entry:
    """Add `entry` to the journal; returns it."""
    from coreg_tui.journal import open_journal

    with open_journal() as journal:
        journal.add(entry)
    return entry


def keep_all(entries: list[Entry]) -> list[Entry]:
    """Add `entries` in one transaction; returns them."""
    from coreg_tui.journal import open_journal

    with open_journal() as journal:
        journal.add_many(entries)
    return entries


def replace(entry: Entry) -> Entry:
    """Put `entry` in place of the one with its id; returns it."""
    from coreg_tui.journal import open_journal

    with open_journal() as journal:
        journal.replace(entry)
    return entry


def delete(entry_id: str) -> str:
    from coreg_tui.journal import open_journal

    with open_journal() as journal:
        journal.delete(entry_id)
    return entry_id


def written_or_told(app: App[object], write: Callable[[], T]) -> T | None:
    """`write()`'s result; None if the journal refused it, which the person is told."""
    from coreg_tui.journal.store import JournalError
    from coreg_tui.text import one_line

    try:
        return write()
    except JournalError as exc:
        line = one_line(str(exc))
        unkept: list[str] = getattr(app, "unkept", [])
        unkept.append(line)
        try:
            app.call_from_thread(partial(app.notify, line, **NOT_KEPT))
        except RuntimeError:  # already on the app's own thread (a screen closing)
            app.notify(line, **NOT_KEPT)
        return None
