"""The `coreg` command. Textual is never imported here: the one-liners stay instant."""

import os
import sys


def main() -> None:
    if "_COREG_COMPLETE" in os.environ:
        # A shell asking what TAB offers (see `coreg completion`): answered before
        # anything else loads, the CLI library included (benchmarks/completion.py).
        from coreg_tui.cli.candidates import answer_from_environment

        sys.exit(answer_from_environment())
    import codecs

    from coreg_tui.cli.streams import steady_streams

    steady_streams()  # before any file is opened
    from coreg_tui.cli.terminal import companion_can_open
    from coreg_tui.text import ASCII_ERRORS, ascii_stand_ins

    codecs.register_error(ASCII_ERRORS, ascii_stand_ins)
    for stream in (sys.stdout, sys.stderr):
        # An output that cannot show a character gets a stand-in for it, never a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=ASCII_ERRORS)

    if len(sys.argv) == 1 and companion_can_open():
        # The companion itself: no arguments to parse, so no need to load the CLI library.
        import gc

        gc.disable()  # until Home has painted (CoregApp.painted)
        from coreg_tui.cli.errors import guarded
        from coreg_tui.tui import run_tui

        guarded(run_tui)
    args = sys.argv[1:]
    if args[:1] == ["sos"] and set(args[1:]) <= SOS_FLAGS:
        # Help right now, for the hardest moment: no CLI library to load before it speaks.
        from coreg_tui.cli.errors import guarded
        from coreg_tui.cli.sos import run_sos

        guarded(lambda: run_sos(plain="--plain" in args, no_color="--no-color" in args))
    if args[:1] == ["log"]:
        # A check-in costs less than loading the CLI library: a plain command line is read
        # here and goes to the same function as the Typer command; the rest goes to Typer.
        from coreg_tui.cli.direct import TYPER_ONLY, log_values

        if TYPER_ONLY not in os.environ and (values := log_values(args[1:])) is not None:
            from coreg_tui.cli.checkin import check_in
            from coreg_tui.cli.errors import guarded

            guarded(lambda: check_in(**values))  # type: ignore[arg-type]
    from coreg_tui.cli.app import run

    run()


SOS_FLAGS = {"--plain", "--no-color"}
