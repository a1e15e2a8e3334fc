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

    from coreg_tui.journal.store import Journal

# A path in the line may hold [ and ]: never read as markup.
NOT_KEPT: dict = {"title": "Not kept", "severity": "error", "timeout": 20, "markup": False}
NOT_READ: dict = {**NOT_KEPT, "title": "Could not read the journal"}
T = TypeVar("T")


def _tell(app: App[object], exc: Exception, how: dict) -> None:
    from coreg_tui.text import one_line

    line = one_line(str(exc))
    unkept: list[str] = getattr(app, "unkept", [])
    if line not in unkept:
        unkept.append(line)
    try:
        app.call_from_thread(partial(app.notify, line, **how))
    except RuntimeError:  # already on the app's own thread (a screen closing)
        app.notify(line, **how)


def written(app: App[object], change: Callable[[Journal], object]) -> bool:
    """Make `change` to the journal; False if the journal refused it, which the person
    is told (and told again as the app closes)."""
    from coreg_tui.journal import open_journal
    from coreg_tui.journal.refusals import JournalError

    try:
        with open_journal() as journal:
            change(journal)
    except JournalError as exc:
        _tell(app, exc, NOT_KEPT)
        return False
    return True


def read(app: App[object], look: Callable[[Journal], T]) -> T | None:
    """What `look` finds in the journal; None if the journal cannot be read as it is
    (damage found halfway through a session, say), which the person is told."""
    from coreg_tui.journal import open_journal
    from coreg_tui.journal.refusals import JournalError

    try:
        with open_journal(create=False) as journal:
            return look(journal)
    except JournalError as exc:
        _tell(app, exc, NOT_READ)
        return None


def kept(app: App[object], entry: Entry | None) -> Entry | None:
    """`entry`, once added to the journal; None if there was none or it was refused."""
    if entry is None or not written(app, lambda journal: journal.add(entry)):
        return None
    return entry
