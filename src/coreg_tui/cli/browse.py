"""`coreg list`, `show`, `edit` and `delete`: reading and tending the journal."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer

from coreg_tui.cli.options import (
    After,
    At,
    Body,
    Edit,
    Intensity,
    Note,
    Since,
    StateFilter,
    TagFilter,
    Tags,
    Until,
    WithWho,
)

if TYPE_CHECKING:
    from datetime import datetime

    from rich.text import Text

    from coreg_tui.core.entries import Entry

ID_HELP = "The entry's id, or its first characters (at least 4), as 'coreg list' shows them."


def _safe(text: str, style: str = "") -> Text:
    """Text a person wrote, shown as it is: no markup, no control characters."""
    from rich.text import Text

    from coreg_tui.text import printable

    return Text(printable(text), style=style)


def list_entries(
    since: Since = None,
    until: Until = None,
    state: StateFilter = None,
    tag: TagFilter = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-q",
            metavar="TEXT",
            show_default=False,
            help="Only entries whose words contain TEXT.",
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-l", metavar="N", help="How many, newest first (0 for all).")
    ] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array, for scripts.")] = False,
) -> None:
    """Your check-ins and practices, newest first."""
    from coreg_tui.cli.journal_access import build_filter, now, open_journal

    moment = now()
    where = build_filter(
        since=since, until=until, states=state, tags=tag, search=search, limit=limit, at=moment
    )
    with open_journal(create=False) as journal:
        if as_json:
            from coreg_tui.journal.records import to_record

            out = sys.stdout
            out.write("[")
            for i, entry in enumerate(journal.entries(where)):
                out.write((",\n" if i else "\n") + json.dumps(to_record(entry), ensure_ascii=False))
            out.write("\n]\n")
            return
        # one more than asked for says whether there are more, without counting them all
        wider = replace(where, limit=where.limit + 1) if where.limit else where
        shown = list(journal.entries(wider))
    more = bool(where.limit) and len(shown) > where.limit
    _print_table(shown[: where.limit] if where.limit else shown, more, moment)


HEADERS = ("id", "when", "what", "with", "tags", "note")
NATURAL_CAPS = (8, 20, 40, 14, 18, 60)
# which column gives way first when the window is narrow, and down to how little (0: drop it)
GIVE_WAY = ((2, 18), (5, 16), (4, 8), (3, 8), (2, 12), (4, 0), (3, 0), (5, 6), (1, 11), (5, 0))


def _print_table(entries: list[Entry], more: bool, moment: datetime) -> None:
    from coreg_tui.cli.columns import write_table
    from coreg_tui.content.names import practice_names
    from coreg_tui.text import printable
    from coreg_tui.visual.entry_text import what_text, when_text

    if not entries:
        sys.stdout.write("No entries match. 'coreg log calm' adds a check-in.\n")
        return
    rows = [
        (
            e.short_id,
            when_text(e.at, moment),
            what_text(e, practice_names()),
            printable(" ".join((e.with_who or "").split())),
            printable(", ".join(e.tags)),
            printable(" ".join(e.note.split())),
        )
        for e in entries
    ]
    hint = f"the newest {len(entries)}; --limit 0 shows all, --since narrows them" if more else ""
    write_table(HEADERS, rows, GIVE_WAY, caps=NATURAL_CAPS, hint=hint)


def show(ref: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)]) -> None:
    """One entry, in full."""
    from rich.table import Table

    from coreg_tui.cli.journal_access import open_journal
    from coreg_tui.cli.terminal import make_console
    from coreg_tui.core.durations import format_duration
    from coreg_tui.visual.entry_text import after_text, state_text

    with open_journal(create=False) as journal:
        e = journal.get(ref)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")  # a long link wraps onto the next line, never cut
    rows: list[tuple[str, Text | str | None]] = [
        ("id", e.id),
        ("kind", "check-in" if e.kind == "checkin" else "practice"),
        ("when", f"{e.at:%A %-d %B %Y, %H:%M} (UTC{e.at:%z})"),
        ("practice", _safe(e.practice) if e.practice else None),
        ("duration", format_duration(e.duration_s) if e.duration_s is not None else None),
        ("cycles", str(e.cycles) if e.cycles is not None else None),
        ("state" if e.kind == "checkin" else "before", state_text(e) or None),
        ("after", after_text(e) or None),
        ("body", _safe(", ".join(e.body)) if e.body else None),
        ("with", _safe(e.with_who) if e.with_who else None),
        ("tags", _safe(", ".join(e.tags)) if e.tags else None),
        ("note", _safe(e.note) if e.note else None),
    ]
    for key, value in rows:
        if value is not None:
            grid.add_row(key, value)
    make_console().print(grid)


def edit(
    ref: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    note: Note = None,
    edit_note: Edit = False,
    state: Annotated[
        str | None,
        typer.Option("--state", "-s", metavar="STATE", help="New state.", show_default=False),
    ] = None,
    intensity: Intensity = None,
    tag: Tags = None,
    body: Body = None,
    with_who: WithWho = None,
    at: At = None,
    after: After = None,
) -> None:
    """Change an entry: what you give replaces what was there (tags and cues as a whole)."""
    from coreg_tui.cli.journal_access import now, open_journal
    from coreg_tui.cli.note_input import note_from
    from coreg_tui.cli.terminal import say
    from coreg_tui.core.entries import Kind, clean_words
    from coreg_tui.core.errors import InputError
    from coreg_tui.core.states import check_intensity, parse_state, parse_state_with_intensity
    from coreg_tui.core.when import check_not_future, parse_when

    changes: dict[str, object] = {}
    moment = now()
    current = ""
    if edit_note and note is None:  # the editor starts from the note as it is
        with open_journal(create=False) as journal:
            current = journal.get(ref).note
    note = note_from(note, edit_note, current)
    if note is not None:
        changes["note"] = note.strip()
    if state is not None:
        changes["state"] = parse_state(state)
    if intensity is not None:
        changes["intensity"] = check_intensity(intensity)
    if tag is not None:
        changes["tags"] = clean_words(tag)
    if body is not None:
        changes["body"] = clean_words(body)
    if with_who is not None:
        changes["with_who"] = " ".join(with_who.split()) or None
    if at is not None:
        changes["at"] = check_not_future(parse_when(at, moment), moment)
    if not changes and after is None:
        raise InputError(
            "nothing to change; give --note (or --edit), --state, --intensity, --tag, --body, "
            "--with, --at or --after"
        )
    with open_journal() as journal:
        entry = journal.get(ref)
        if after is not None:
            if entry.kind is not Kind.PRACTICE:
                raise InputError("--after is for practices; a check-in has one state (--state)")
            changes["state_after"], changes["intensity_after"] = parse_state_with_intensity(
                after, "--after"
            )
        journal.replace(entry.edited(**changes))
    say(f"Changed {entry.short_id}.")


def delete(
    ref: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Delete an entry for good (its words are overwritten on disk)."""
    from coreg_tui.cli.journal_access import now, open_journal
    from coreg_tui.cli.terminal import say
    from coreg_tui.core.errors import InputError
    from coreg_tui.visual.entry_text import what_text, when_text

    with open_journal(create=False) as journal:
        entry = journal.get(ref)
        described = f"{what_text(entry)}, {when_text(entry.at, now())}"
        if not yes:
            if not sys.stdin.isatty():
                raise InputError(f"add --yes to delete {entry.short_id} without being asked")
            if not _sure(f"Delete {entry.short_id} ({described})?"):
                say("Kept.")
                return
        journal.delete(entry.id)
    say(f"Deleted {entry.short_id} ({described}).")


def _sure(question: str) -> bool:
    """Yes or no, no being the default; Ctrl-C or Ctrl-D (or a closed input) is a no."""
    sys.stdout.write(f"{question} [y/N]: ")
    sys.stdout.flush()
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        answer = ""
    if not answer.endswith("\n"):  # Ctrl-C, Ctrl-D: the line the person was on ends here
        sys.stdout.write("\n")
    return answer.strip().lower() in ("y", "yes")
