"""`coreg breathe` and `coreg patterns`."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from coreg_tui.cli.options import After, Before, Cycles, Minutes, NoColor, NoLog, Plain

if TYPE_CHECKING:
    from coreg_tui.core.entries import Entry
    from coreg_tui.core.session import Around, SessionPlan

PATTERN_HELP = (
    "A preset (see 'coreg patterns') or a pattern in seconds: 4-6 (in-out), "
    "4-7-8 (in-hold-out), 4-4-4-4 (in-hold-out-hold), 2+1-6 (two inhales). Default: calm, 4-6."
)


def breathe(
    pattern: Annotated[
        str | None, typer.Argument(metavar="[PATTERN]", help=PATTERN_HELP, show_default=False)
    ] = None,
    cycles: Cycles = None,
    minutes: Minutes = None,
    glide_from: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="PATTERN",
            show_default=False,
            help="Start at this pattern (your breath as it is now) and glide to PATTERN.",
        ),
    ] = None,
    ramp: Annotated[
        str | None,
        typer.Option(
            "--ramp",
            metavar="DURATION",
            show_default=False,
            help="How long the glide takes: 90s, 2m, 1m30s (a bare number is minutes). "
            "Default: 2m.",
        ),
    ] = None,
    sync: Annotated[
        bool,
        typer.Option(
            "--sync",
            help="Begin each cycle on the clock's multiples of its length, so people on "
            "clock-synced machines breathe in step with no network.",
        ),
    ] = False,
    plain: Plain = False,
    bell: Annotated[
        bool, typer.Option("--bell", help="Ring the terminal bell at each phase.")
    ] = False,
    no_color: NoColor = False,
    before: Before = None,
    after: After = None,
    no_log: NoLog = False,
) -> None:
    """Breathe with a pacer: it grows as you breathe in and shrinks as you breathe out."""
    from coreg_tui.config import config
    from coreg_tui.content import DEFAULT_PRESET, breathing
    from coreg_tui.core.session import plan_session

    around = read_around(before, after)
    plan = plan_session(
        pattern,
        breathing().presets,
        default=config().default_pattern or DEFAULT_PRESET,
        cycles=cycles,
        minutes=minutes,
        glide_from=glide_from,
        ramp=ramp,
        sync=sync,
    )
    breathe_plan(plan, plain=plain, bell=bell, no_color=no_color, keep=not no_log, **around)


def read_around(before: str | None, after: str | None) -> dict[str, Around]:
    """--before and --after, read before anything starts so a mistake costs nothing."""
    from coreg_tui.core.states import parse_state_with_intensity

    return {
        "before": parse_state_with_intensity(before, "--before") if before else None,
        "after": parse_state_with_intensity(after, "--after") if after else None,
    }


def breathe_plan(
    plan: SessionPlan,
    *,
    plain: bool,
    bell: bool,
    no_color: bool,
    keep: bool,
    before: Around = None,
    after: Around = None,
    practice_id: str | None = None,
) -> None:
    """Run a planned breathing session in this terminal, then sum it up and keep it."""
    from coreg_tui.cli.terminal import is_terminal
    from coreg_tui.core.session import breath_entry

    plain = plain or not is_terminal(sys.stdout)
    from coreg_tui.cli.breathe_run import run_breathing

    summary = run_breathing(plan, plain=plain, bell=bell, no_color=no_color)
    entry = breath_entry(summary, before=before, after=after, practice_id=practice_id)
    # --before or --after says the person wants this one kept, however short it was
    kept = keep and summary.kept(asked=before is not None or after is not None)
    line = "Under one breath." if kept and summary.short else summary.sentence()
    finish_session(line, entry if kept else None, plain=plain)


def finish_session(line: str, entry: Entry | None, *, plain: bool) -> None:
    """Where every practice session from the CLI ends, run to its end or stopped: one
    line to sum it up, and the journal entry (None with --no-log, or when nothing ran)."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.messages import kept_as

    line = ("done: " if plain else "") + line
    if entry is None:
        say(line)
        return
    from coreg_tui.cli.journal_access import open_journal

    try:
        with open_journal() as journal:
            journal.add(entry)
    except BaseException:
        say(line)  # the practice happened, whatever became of the journal
        raise
    say(f"{line}\nkept: {entry.short_id}" if plain else f"{line} {kept_as(entry.short_id)}")


def patterns(
    as_json: Annotated[bool, typer.Option("--json", help="Print the presets as JSON.")] = False,
) -> None:
    """List the breathing presets with their timings."""
    from coreg_tui.content import breathing

    content = breathing()
    if as_json:
        rows = [
            {
                "name": p.name,
                "pattern": str(p.pattern),
                "aliases": list(p.aliases),
                "seconds_per_cycle": round(p.pattern.period, 3),
                "breaths_per_minute": round(p.pattern.breaths_per_minute, 2),
                "description": p.description,
                "caution": content.caution_for(p.pattern, p),
            }
            for p in content.presets
        ]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    from coreg_tui.cli.terminal import make_console

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("preset", no_wrap=True)
    table.add_column("pattern", no_wrap=True)
    table.add_column("per min", justify="right", no_wrap=True)
    table.add_column("")
    marked = False
    for p in content.presets:
        about = Text(p.description)
        if p.aliases:
            about.append(f"\nalso: {', '.join(p.aliases)}", style="dim")
        holds = content.caution_for(p.pattern, p) is not None
        marked = marked or holds
        table.add_row(
            p.name + (" *" if holds else ""),
            str(p.pattern),
            f"{p.pattern.breaths_per_minute:.1f}",
            about,
        )
    console = make_console()
    console.print(table)
    if marked:
        console.print(Text(f"\n* {content.hold_caution}", style="dim"))
    console.print(
        Text(
            f"\nAny pattern works too: coreg breathe 4-6, 5-7, 4-2-6. {content.stop_note}",
            style="dim",
        )
    )
