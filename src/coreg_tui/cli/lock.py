"""`coreg lock`, `coreg lock --change` and `coreg unlock`: the journal encrypted with a
passphrase, or plain again (journal/locking.py does the rewriting)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from coreg_tui.journal.cipher import Key

NO_RECOVERY = (
    "A locked journal opens only with its passphrase: there is no way to recover it "
    "without one, not for coreg and not for anyone else. Keep the passphrase where you "
    "keep other important ones (a password manager)."
)


def lock(
    change: Annotated[
        bool, typer.Option("--change", help="Change the passphrase of a locked journal.")
    ] = False,
) -> None:
    """Encrypt the journal with a passphrase (asked twice, never shown)."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.config import config
    from coreg_tui.core.errors import InputError
    from coreg_tui.journal import cipher, passphrase
    from coreg_tui.journal.locking import rewrite

    path, locked = _journal()
    if locked and not change:
        passphrase.forget(path)
        say(
            "The journal is locked. The remembered passphrase is forgotten now; the next "
            "use asks for it. (coreg lock --change changes it.)"
        )
        return
    if change and not locked:
        raise InputError("the journal is not locked; coreg lock locks it")
    old = _opening_key(path) if change else None
    if not change:
        sys.stderr.write(NO_RECOVERY + "\n")
        sys.stderr.flush()
    new = cipher.new_key(passphrase.new_passphrase(passphrase.asker(), change=change))
    count = rewrite(path, old, new)
    passphrase.forget(path)
    passphrase.opened_with(path, new, known=False)
    minutes = config().lock_timeout
    kept = f"remembered for {minutes:g} minutes at a time" if minutes > 0 else "never remembered"
    done = "Passphrase changed" if change else "Locked"
    entries = "1 entry" if count == 1 else f"{count:,} entries"
    say(f"{done}: {entries}, encrypted. The passphrase is {kept} (lock_timeout).")


def unlock() -> None:
    """Turn a locked journal back into a plain one (its passphrase is asked for)."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.core.errors import InputError
    from coreg_tui.journal import passphrase
    from coreg_tui.journal.locking import rewrite

    path, locked = _journal()
    if not locked:
        raise InputError("the journal is not locked")
    count = rewrite(path, _opening_key(path), None)
    passphrase.forget(path)
    entries = "1 entry" if count == 1 else f"{count:,} entries"
    say(f"Unlocked: {entries}, in a plain journal again (protected by file modes only).")


def _journal() -> tuple[Path, bool]:
    """The journal's path (made, if there is none yet, so that it can be locked from the
    start) and whether it is locked."""
    from coreg_tui.journal import open_journal
    from coreg_tui.journal.guard import hold, release, tidy
    from coreg_tui.journal.opening import check_header
    from coreg_tui.journal.schema import MIGRATIONS
    from coreg_tui.paths import journal_path

    path = journal_path()
    if not path.exists():
        open_journal().close()
    held = hold(path)  # what a stopped lock left beside it goes first, even unopened
    try:
        tidy(path)
    finally:
        release(held)
    if not check_header(path, max(MIGRATIONS)):
        open_journal().close()  # a plain journal is checked and brought up to date first
        return path, False
    return path, True


def _opening_key(path: Path) -> Key:
    """The key that opens the locked journal now (asked for; a wrong one is exit 1)."""
    from coreg_tui.journal import open_journal

    with open_journal() as journal:
        assert journal.key is not None
        return journal.key
