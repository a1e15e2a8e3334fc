"""`coreg log`: a check-in in one line. This is the Typer command, for help and for
every command line the entry point does not read itself (cli/direct.py); its work is
cli/checkin.py's, on plain values, whichever way it came."""

from __future__ import annotations

from typing import Annotated

import typer

from coreg_tui.cli.options import At, Body, Edit, Intensity, Note, Tags, WithWho
from coreg_tui.core.states import aliases_help

STATE_HELP = (
    "How your system is: ventral, sympathetic or dorsal, or an everyday word for one. "
    f"{aliases_help()}."
)


def log(
    state: Annotated[str, typer.Argument(metavar="STATE", help=STATE_HELP, show_default=False)],
    intensity: Intensity = None,
    note: Note = None,
    edit: Edit = False,
    tag: Tags = None,
    body: Body = None,
    with_who: WithWho = None,
    at: At = None,
) -> None:
    """Note how your nervous system is right now: a check-in in one line."""
    from coreg_tui.cli.checkin import check_in

    check_in(
        state,
        intensity=intensity,
        note=note,
        edit=edit,
        tag=tag,
        body=body,
        with_who=with_who,
        at=at,
    )
