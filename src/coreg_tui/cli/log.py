"""`coreg log`: a check-in in one line."""

from __future__ import annotations

from typing import Annotated

import typer

from coreg_tui.cli.options import At, Body, Edit, Intensity, Note, Tags, WithWho
from coreg_tui.core.states import State, aliases_help

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
    from coreg_tui.cli.journal_access import now, open_journal
    from coreg_tui.cli.note_input import note_from
    from coreg_tui.cli.terminal import say
    from coreg_tui.core.entries import checkin, clean_words
    from coreg_tui.core.states import check_intensity, parse_state
    from coreg_tui.core.suggest import needs_care
    from coreg_tui.core.when import check_not_future, parse_when
    from coreg_tui.visual.entry_text import state_text, when_text

    moment = now()
    parse_state(state)  # a mistake is said before any editor opens
    note = note_from(note, edit)
    entry = checkin(
        check_not_future(parse_when(at, moment), moment) if at else moment,
        parse_state(state),
        intensity=check_intensity(intensity),
        body=clean_words(body),
        with_who=" ".join(with_who.split()) or None if with_who else None,
        note=(note or "").strip(),
        tags=clean_words(tag),
    )
    with open_journal() as journal:
        journal.add(entry)
    say(f"Noted: {state_text(entry)}, {when_text(entry.at, moment)} ({entry.short_id}).")
    if needs_care(entry.state, entry.intensity):  # type: ignore[arg-type]
        _care(entry.state, entry.intensity, bool(entry.with_who))  # type: ignore[arg-type]


def _care(state: State, intensity: int | None, with_someone: bool) -> None:
    """At the highest distress: a few calm lines, where help is, and one thing to try."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.offer import care_lines, ranked
    from coreg_tui.text import printable

    say("")
    for line in care_lines():
        say(line)
    first = ranked(state, intensity, with_someone).first
    if first is not None:
        say(f"\nOne thing to try: {printable(first.title)} ({printable(first.summary)})")
        say(f"  coreg practice {first.id}")
