"""The journal: a private SQLite file, its schema, and what reads entries into it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coreg_tui.journal.store import Journal


def open_journal(*, create: bool = True) -> Journal:
    """The person's journal, where `coreg paths` says it is. Without `create`, a missing
    one reads as empty and nothing is made on disk."""
    from coreg_tui.journal.store import Journal
    from coreg_tui.paths import journal_path

    return Journal.open(journal_path(), create=create)


def check_journal() -> None:
    """Refuse, as open_journal(create=False) would, a journal that cannot be read, loading
    only the code that opens one (the companion checks before its first paint)."""
    from coreg_tui.journal.opening import check_readable
    from coreg_tui.journal.schema import MIGRATIONS
    from coreg_tui.paths import journal_path

    check_readable(journal_path(), MIGRATIONS)
