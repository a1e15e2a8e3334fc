"""The `coreg` command. Textual is never imported here: the one-liners stay instant."""

import sys


def main() -> None:
    from coreg_tui.cli.terminal import companion_can_open

    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show a character gets a ? for it, never a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")

    if len(sys.argv) == 1 and companion_can_open():
        # The companion itself: no arguments to parse, so no need to load the CLI library.
        from coreg_tui.cli.errors import guarded
        from coreg_tui.tui import run_tui

        guarded(run_tui)
    from coreg_tui.cli.app import run

    run()
