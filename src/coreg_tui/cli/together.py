"""`coreg together host` and `coreg together join`: breathing in a live circle.

The network (websockets, cryptography, asyncio) is imported only when one of these
runs; no other command loads it (tests/test_import_hygiene.py).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coreg_tui.cli.options import After, Before, Cycles, Minutes, NoLog, Plain

if TYPE_CHECKING:
    from coreg_tui.together.live import LivePicture
    from coreg_tui.together.outcome import Outcome

together_app = typer.Typer(
    help="Breathe together, live, from anywhere: one person hosts, others join with a code.",
    no_args_is_help=True,
    add_completion=False,
)


@together_app.command("host")
def host(
    pattern: Annotated[
        str | None,
        typer.Argument(
            metavar="[PATTERN]", help="A preset or a pattern, as for breathe.", show_default=False
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", metavar="NAME", help="How the circle sees you.", show_default=False),
    ] = None,
    lan: Annotated[
        bool,
        typer.Option(
            "--lan", help="Listen on this machine's network addresses, not only on loopback."
        ),
    ] = False,
    port: Annotated[
        int,
        typer.Option(
            "--port",
            metavar="N",
            help="The port to listen on (default: any free one).",
            show_default=False,
        ),
    ] = 0,
    cycles: Cycles = None,
    minutes: Minutes = None,
    start_in: Annotated[
        str | None,
        typer.Option(
            "--start-in",
            metavar="DURATION",
            help="Begin by itself after this long (30s, 2m); otherwise Enter begins.",
            show_default=False,
        ),
    ] = None,
    most: Annotated[
        int,
        typer.Option(
            "--max", metavar="N", help="At most N people join (default 50).", show_default=False
        ),
    ] = 50,
    plain: Plain = False,
    before: Before = None,
    after: After = None,
    no_log: NoLog = False,
) -> None:
    """Host a circle: prints the command others run to join, then leads the breathing."""
    from coreg_tui.cli.breathe import read_around
    from coreg_tui.core.durations import parse_duration
    from coreg_tui.core.errors import InputError
    from coreg_tui.together.patterns import pattern_of

    chosen, _ = pattern_of(pattern)
    if not 0 <= port <= 65535:
        raise InputError(f"--port should be 0 to 65535, not {port}")
    if cycles is not None and cycles < 1:
        raise InputError(f"--cycles should be 1 or more, not {cycles}")
    if minutes is not None and not 0 < minutes <= 24 * 60:
        raise InputError(f"--minutes should be more than 0 and at most a day, not {minutes}")
    if not 1 <= most <= 1000:
        raise InputError(f"--max should be 1 to 1000, not {most}")
    wait = parse_duration(start_in, bare_unit="s") if start_in is not None else None
    around = read_around(before, after)
    from coreg_tui.together.hosting import Hosting, run_host

    live = _live_picture(plain)
    result = run_host(
        chosen, Hosting(_clean_name(name), lan, port, cycles, minutes, wait, most), live
    )
    _keep(result, around, keep=not no_log, plain=live is None)


@together_app.command("join")
def join(
    code: Annotated[
        str,
        typer.Argument(
            metavar="CODE",
            help="The code the host's coreg printed; '-' reads it from standard input, out "
            "of sight of other users of the machine (a command's arguments are not).",
        ),
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="NAME",
            help="How the circle sees you (else: someone).",
            show_default=False,
        ),
    ] = None,
    share_state: Annotated[
        bool,
        typer.Option(
            "--share-state",
            help="Show the circle your state before and after (--before, --after) as a "
            "shape; never notes or tags.",
        ),
    ] = False,
    plain: Plain = False,
    before: Before = None,
    after: After = None,
    no_log: NoLog = False,
) -> None:
    """Join a circle with the code its host gave you, and breathe in step with everyone."""
    from coreg_tui.cli.breathe import read_around
    from coreg_tui.together.code import parse_code

    joining = parse_code(_code_from_stdin() if code == "-" else code)
    around = read_around(before, after)
    from coreg_tui.together.joining import run_joiner

    def shared(when: str) -> str | None:
        return around[when][0].value if share_state and around[when] else None

    live = _live_picture(plain)
    result = run_joiner(
        joining,
        name=_clean_name(name),
        share=share_state,
        before=shared("before"),
        after=shared("after"),
        live=live,
    )
    _keep(result, around, keep=not no_log, plain=live is None)


def _live_picture(plain: bool) -> LivePicture | None:
    """The circle's live picture, where a person watches a terminal and did not ask for
    plain lines (--plain, or output to a pipe or a file)."""
    import os

    from coreg_tui.cli.terminal import is_terminal
    from coreg_tui.config import config

    if plain or not is_terminal(sys.stdout):
        return None
    from coreg_tui.together.live import LivePicture

    settings = config()
    still = settings.reduced_motion or os.environ.get("TEXTUAL_ANIMATIONS") == "none"
    return LivePicture(no_color=not settings.color, still=still)


def _code_from_stdin() -> str:
    """The code, pasted (at a terminal, after a prompt) or piped: its first line."""
    if sys.stdin is None:
        return ""
    if sys.stdin.isatty():
        sys.stderr.write("the circle's code: ")
        sys.stderr.flush()
    try:
        return sys.stdin.readline(512)
    except (OSError, UnicodeDecodeError):
        return ""


def _clean_name(name: str | None) -> str | None:
    from coreg_tui.together.wire import name_of

    return name_of(name) if name is not None else None


def _keep(result: Outcome, around: dict[str, Any], *, keep: bool, plain: bool) -> None:
    """The circle, summed up in a line and kept in the person's own journal."""
    from coreg_tui.cli.breathe import finish_session

    entry = result.entry(around["before"], around["after"])
    finish_session(result.sentence(), entry if keep else None, plain=plain)
    sys.stdout.flush()
