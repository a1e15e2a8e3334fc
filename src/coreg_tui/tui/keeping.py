"""Writing to the journal from a screen: called from thread workers (and at unmount),
never on the UI thread's way to the next frame.

A journal that cannot be written (a full disk, read-only media, another program
holding it) costs the person one line, never the app: the screen says so and
stays, and the same line is printed again when the companion closes, so it is
seen even if the write was the last thing the app did.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from coreg_tui.core.entries import Entry
from coreg_tui.messages import NOT_KEPT, NOT_READ

if TYPE_CHECKING:
    from coreg_tui.journal.store import Journal
    from coreg_tui.tui.app import CoregApp

T = TypeVar("T")


def _tell(app: CoregApp, exc: Exception, title: str) -> None:
    from coreg_tui.text import one_line

    line = one_line(str(exc))
    if line not in app.unkept:  # said again as the app closes, even if it is closing now
        app.unkept.append(line)
    app.post_message(app.Refused(line, title))


def written(app: CoregApp, change: Callable[[Journal], object]) -> bool:
    """Make `change` to the journal; False if the journal refused it, which the person
    is told (and told again as the app closes). A locked journal whose passphrase is
    not known yet asks for it first, and the change waits for the answer."""
    from coreg_tui.journal import open_journal
    from coreg_tui.journal.passphrase import LockedError
    from coreg_tui.journal.refusals import JournalError

    while True:
        try:
            with open_journal() as journal:
                change(journal)
        except LockedError as exc:
            if unlocked_by_person(app):
                continue
            _tell(app, exc, NOT_KEPT)
            return False
        except JournalError as exc:
            _tell(app, exc, NOT_KEPT)
            return False
        return True


def unlocked_by_person(app: CoregApp) -> bool:
    """Ask for the journal's passphrase in the companion's own window, from a worker's
    thread, and wait for the answer: whether it opened the journal."""
    import threading

    answered = threading.Event()
    opened: list[bool] = []

    def ask() -> None:
        from coreg_tui.tui.screens.passphrase import PassphraseScreen

        def done(result: bool | None) -> None:
            opened.append(bool(result))
            answered.set()

        app.push_screen(PassphraseScreen(), done)

    app.call_from_thread(ask)
    while not answered.wait(0.5):
        if not app.is_running:  # the companion closed while it asked
            return False
    return bool(opened and opened[0])


def read(app: CoregApp, look: Callable[[Journal], T]) -> T | None:
    """What `look` finds in the journal; None if the journal cannot be read as it is
    (damage found halfway through a session, say), which the person is told."""
    from coreg_tui.journal import open_journal
    from coreg_tui.journal.passphrase import LockedError
    from coreg_tui.journal.refusals import JournalError

    try:
        with open_journal(create=False) as journal:
            return look(journal)
    except LockedError:
        return None  # not said: the passphrase window says it, once, on Home
    except JournalError as exc:
        _tell(app, exc, NOT_READ)
        return None


def kept(app: CoregApp, entry: Entry | None) -> Entry | None:
    """`entry`, once added to the journal; None if there was none or it was refused."""
    if entry is None or not written(app, lambda journal: journal.add(entry)):
        return None
    return entry
