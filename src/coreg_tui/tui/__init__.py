"""The full-screen companion. Imported only when `coreg` opens it."""

import sys


def run_tui() -> int:
    """Run the companion; anything the journal refused is said once more after it
    closes (exit 1), as the screen that said it is gone."""
    from coreg_tui.tui.app import CoregApp

    app = CoregApp()
    app.run()
    for line in app.unkept:
        sys.stderr.write(f"coreg: {line}\n")
    return 1 if app.unkept else 0
