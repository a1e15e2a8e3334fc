"""`coreg practices`, `coreg suggest` and `coreg content check`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coreg_tui.cli.options import After, Before, NoColor, NoLog, Plain, StateFilter, WithWho
from coreg_tui.core.durations import format_duration

if TYPE_CHECKING:
    from coreg_tui.content.practices import Library
    from coreg_tui.core.practices import Practice


def practice_record(p: Practice) -> dict[str, Any]:
    return {
        "id": p.id,
        "title": p.title,
        "kind": p.kind.value,
        "direction": p.direction.value,
        "summary": p.summary,
        "states": [s.value for s in p.states],
        "intensity": list(p.intensity),
        "duration_s": p.duration_s,
        "pattern": str(p.pattern) if p.pattern else None,
        "preset": p.preset,
        "steps": [{"text": s.text, "seconds": s.seconds} for s in p.steps],
        "together": p.together,
        "note": p.note,
        "source": p.source,
    }


def loaded_library(*, offered_only: bool = True) -> Library:
    """The practices, with a one-line warning for each of a person's own files that was
    skipped."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.offer import offered_library
    from coreg_tui.text import printable

    found = offered_library(offered_only=offered_only)
    for problem in found.problems:
        say(f"coreg: skipped: {printable(problem)}", sys.stderr)
    return found


def practices(
    state: StateFilter = None,
    as_json: Annotated[bool, typer.Option("--json", help="As JSON, for scripts.")] = False,
) -> None:
    """The practices coreg offers, yours included."""
    from coreg_tui.cli.columns import write_table
    from coreg_tui.core.states import parse_state
    from coreg_tui.text import printable

    wanted = {parse_state(s) for s in state or ()}
    chosen = [p for p in loaded_library().practices if not wanted or wanted & set(p.states)]
    if as_json:
        sys.stdout.write(
            json.dumps([practice_record(p) for p in chosen], indent=2, ensure_ascii=False) + "\n"
        )
        return
    headers = ("id", "title", "for", "time", "what it is")
    rows = [
        (
            printable(p.id),
            printable(p.title) + (" (for two)" if p.together else ""),
            ", ".join(s.value for s in p.states) + f" {p.intensity[0]}-{p.intensity[1]}",
            format_duration(p.duration_s),
            printable(p.summary),
        )
        for p in chosen
    ]
    write_table(headers, rows, ((4, 30), (2, 14), (4, 0), (1, 24), (2, 0), (1, 10)))


def suggest(
    state: Annotated[
        str,
        typer.Argument(
            metavar="STATE",
            help="How your system is: calm, anxious, numb, or ventral, sympathetic, dorsal.",
        ),
    ],
    intensity: Annotated[
        int | None,
        typer.Option(
            "--intensity", "-i", metavar="N", help="How strong, 0 to 10.", show_default=False
        ),
    ] = None,
    with_who: WithWho = None,
    why: Annotated[
        bool, typer.Option("--why", help="Say why each practice is where it is.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="As JSON, for scripts.")] = False,
) -> None:
    """The practices that fit how you are, best first."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.core.states import check_intensity, parse_state
    from coreg_tui.offer import care_lines, ranked
    from coreg_tui.text import printable

    found = parse_state(state)
    level = check_intensity(intensity)
    result = ranked(found, level, bool(with_who), loaded_library().practices)
    if as_json:
        sys.stdout.write(
            json.dumps(
                {
                    "state": found.value,
                    "intensity": level,
                    "care": result.care,
                    "care_lines": care_lines() if result.care else [],
                    "practices": [
                        {**practice_record(p), "why": reason}
                        for p, reason in zip(result.practices, result.reasons, strict=True)
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
        return
    if result.care:  # the calmest answer: a few lines, and one practice
        for line in care_lines():
            say(line)
        say("")
    shown = result.practices[:1] if result.care else result.practices[:5]
    if not shown:
        say("Nothing in the library fits that exactly; 'coreg practices' lists them all.")
        return
    for p, reason in zip(shown, result.reasons, strict=False):
        say(f"{printable(p.title)} ({format_duration(p.duration_s)}): {printable(p.summary)}")
        if p.together and p.note:  # for two: opt-in, said before anyone starts
            say(f"  {printable(p.note)}")
        say(f"  coreg practice {p.id}")
        if why:
            say(f"  why: {reason}")


content_app = typer.Typer(
    name="content",
    help="Tools for people who write practices.",
    rich_markup_mode=None,
    no_args_is_help=True,
)


@content_app.command("check")
def check(
    folder: Annotated[
        Path | None,
        typer.Argument(
            metavar="[DIR]",
            show_default=False,
            help="A folder of practice files (default: your own, see 'coreg paths').",
        ),
    ] = None,
) -> None:
    """Check every practice file in a folder and report every problem at once."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.content import breathing
    from coreg_tui.content.practices import read_folder
    from coreg_tui.core.errors import InputError
    from coreg_tui.paths import content_dir
    from coreg_tui.text import printable

    target = folder or content_dir()
    if not target.is_dir():
        raise InputError(f"{target} is not a folder")
    found, problems = read_folder(target, breathing().presets, "check")
    for problem in problems:
        say(printable(problem))
    files = len(list(target.glob("*.toml")))

    def count(n: int, word: str) -> str:
        return f"{n} {word}{'s' if n != 1 else ''}"

    say(
        f"{count(files, 'file')}, {count(len(found), 'good practice')}, "
        f"{count(len(problems), 'problem')}."
    )
    if problems:
        raise typer.Exit(1)


def _ready_to_begin() -> bool:
    """Practices with a note (those for two) begin only when the person says so."""
    from coreg_tui.cli.terminal import say

    try:
        input("Enter to begin, Ctrl-C to leave. ")
    except (KeyboardInterrupt, EOFError):
        say("\nLeft before beginning. That is fine too.")
        return False
    return True


def practice(
    practice_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The practice, as 'coreg practices' lists it.", show_default=False
        ),
    ],
    plain: Plain = False,
    minutes: Annotated[
        float | None,
        typer.Option(
            "--minutes",
            "-m",
            metavar="M",
            show_default=False,
            help="Breathing practices: how long (default: the practice's own length).",
        ),
    ] = None,
    before: Before = None,
    after: After = None,
    no_log: NoLog = False,
    no_color: NoColor = False,
) -> None:
    """Do a practice: breathing with the pacer, or one gentle step at a time (Enter moves on,
    Ctrl-C ends it)."""
    import difflib

    from coreg_tui.cli.breathe import breathe_plan, finish_session, read_around
    from coreg_tui.cli.terminal import is_terminal, say
    from coreg_tui.content import breathing
    from coreg_tui.core.errors import InputError
    from coreg_tui.core.session import plan_practice, steps_entry
    from coreg_tui.text import printable

    around = read_around(before, after)
    found = loaded_library(offered_only=False)
    chosen = found.get(practice_id.strip().lower())
    if chosen is None:
        close = difflib.get_close_matches(practice_id.lower(), [p.id for p in found.practices], 1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise InputError(
            f"there is no practice '{practice_id}'{hint}; 'coreg practices' lists them"
        )
    plain = plain or not is_terminal(sys.stdout)
    if chosen.note:
        say(f"note: {printable(chosen.note)}", sys.stderr if plain else sys.stdout)
        if not plain and sys.stdin.isatty() and not _ready_to_begin():
            return
    if chosen.is_breathing:
        plan = plan_practice(chosen, breathing().presets, minutes)
        breathe_plan(
            plan,
            plain=plain,
            bell=False,
            no_color=no_color,
            keep=not no_log,
            practice_id=chosen.id,
            **around,
        )
        return
    if minutes is not None:
        raise InputError("--minutes is for breathing practices; a step practice keeps its steps")
    from coreg_tui.cli.steps_run import run_steps

    summary = run_steps(chosen, plain=plain, no_color=no_color)
    entry = steps_entry(summary, **around)
    finish_session(summary.sentence(), entry if not no_log and summary.began else None, plain=plain)


def sos(plain: Plain = False, no_color: NoColor = False) -> None:
    """Help right now: a few calm lines and where to find help, slow breathing, then
    grounding one step at a time. Ctrl-C ends it whenever you like."""
    from coreg_tui.cli.sos import run_sos

    run_sos(plain=plain, no_color=no_color)
