"""The full-screen companion. Imported only when `coreg` opens it."""

import contextlib
import sys


def run_tui() -> int:
    """Run the companion; anything the journal refused is said once more after it
    closes (exit 1), as the screen that said it is gone."""
    # A damaged, foreign or newer journal is said in one line before the screen opens
    # (exit 1), not found by a screen halfway through drawing. Nothing is created here,
    # and the store itself loads only after the first paint.
    from coreg_tui.journal import check_journal, passphrase

    # The companion asks for a locked journal's passphrase itself, in a window of its
    # own once Home is drawn (help now is never behind a prompt): never at the terminal.
    passphrase.ask_with(None)
    with contextlib.suppress(passphrase.LockedError):
        check_journal()
    from coreg_tui.tui.app import CoregApp

    app = CoregApp()
    app.run()
    for line in app.unkept:
        sys.stderr.write(f"coreg: {line}\n")
    if app.return_code:  # ended by a signal: 128 + its number, as a shell expects
        return app.return_code
    return 1 if app.unkept else 0
