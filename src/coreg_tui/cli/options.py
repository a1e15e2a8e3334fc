"""Options several commands share, each defined once: the same name, letter and words
wherever it appears. Typer reads these Annotated aliases like any annotation."""

from __future__ import annotations

from typing import Annotated

import typer

WHEN_WORDS = "today, yesterday, 3d, 2w, 12h, 2026-11-20 or 2026-11-20T14:30"


def _opt(*names: str, metavar: str | None = None, help: str) -> typer.models.OptionInfo:
    return typer.Option(*names, metavar=metavar, help=help, show_default=False)


# filters: list, export
Since = Annotated[str | None, _opt("--since", metavar="WHEN", help=f"From: {WHEN_WORDS}.")]
Until = Annotated[
    str | None, _opt("--until", metavar="WHEN", help="Up to (a day includes all of it).")
]
StateFilter = Annotated[
    list[str] | None,
    _opt("--state", "-s", metavar="STATE", help="Only this state (repeat for more)."),
]
TagFilter = Annotated[
    list[str] | None,
    _opt("--tag", "-t", metavar="TAG", help="Only entries with this tag (repeat: any of them)."),
]

# what a check-in holds: log, edit
Intensity = Annotated[
    int | None, _opt("--intensity", "-i", metavar="N", help="How strong, 0 to 10.")
]
Note = Annotated[
    str | None,
    _opt(
        "--note",
        "-n",
        metavar="TEXT",
        help="A few words, if you like; '-' reads them from standard input, out of sight "
        "of other users of the machine.",
    ),
]
Edit = Annotated[
    bool, _opt("--edit", "-e", help="Write the note in your editor ($VISUAL or $EDITOR).")
]
Tags = Annotated[
    list[str] | None, _opt("--tag", "-t", metavar="TAG", help="A tag (repeat for more).")
]
Body = Annotated[
    list[str] | None,
    _opt(
        "--body", "-b", metavar="CUE", help="What your body says: 'tight chest' (repeat for more)."
    ),
]
WithWho = Annotated[
    str | None, _opt("--with", "-w", metavar="WHO", help="Who you are with (leave out if alone).")
]
At = Annotated[
    str | None,
    _opt(
        "--at",
        metavar="WHEN",
        help="When it was, if not now: 14:30, 'yesterday 22:00', 2h, 2026-11-20T09:15.",
    ),
]

# around a practice: breathe, edit
Before = Annotated[
    str | None,
    _opt("--before", metavar="STATE[:N]", help="How you are before you begin: anxious:6."),
]
After = Annotated[
    str | None, _opt("--after", metavar="STATE[:N]", help="How you are afterwards: calm:3.")
]

# how a practice session runs: breathe, practice
Plain = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="One line per phase or step as it begins ('inhale 4s'), for "
        "screen readers and scripts. Automatic when output is not a terminal.",
    ),
]
# how long a breathing session runs: breathe, together host
Cycles = Annotated[int | None, _opt("--cycles", "-c", metavar="N", help="Stop after N cycles.")]
Minutes = Annotated[
    float | None,
    _opt(
        "--minutes",
        "-m",
        metavar="M",
        help="Stop after M minutes; the breath in progress is finished. "
        "Default: until you press Ctrl-C.",
    ),
]
NoLog = Annotated[bool, typer.Option("--no-log", help="Do not keep this session in the journal.")]
NoColor = Annotated[bool, typer.Option("--no-color", help="No colour; NO_COLOR is honoured too.")]
Output = Annotated[
    str,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Where to write ('-' for standard output)."
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]
