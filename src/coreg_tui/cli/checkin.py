"""`coreg log`'s work, on plain values: the one copy of its rules.

Two ways lead here: the Typer command (cli/log.py), which parses, helps and refuses,
and the entry point's direct path (cli/direct.py), which hands over a command line it
could read whole without loading the CLI library. Neither checks a value; this does.
Nothing here imports Typer, Rich or Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from coreg_tui.core.states import State

# How the direct path hands each of log's options (cli/command_tree.py names them and
# says which take a value) to check_in: the keyword it fills, and whether it may be
# given more than once. tests/cli/test_log_paths.py holds this against the Typer command.
KEYWORDS: dict[str, str] = {
    "--intensity": "intensity",
    "--note": "note",
    "--edit": "edit",
    "--tag": "tag",
    "--body": "body",
    "--with": "with_who",
    "--at": "at",
}
REPEATABLE = frozenset({"--tag", "--body"})
NUMBERS = frozenset({"--intensity"})


def check_in(
    state: str,
    *,
    intensity: int | None = None,
    note: str | None = None,
    edit: bool = False,
    tag: list[str] | None = None,
    body: list[str] | None = None,
    with_who: str | None = None,
    at: str | None = None,
) -> None:
    """Note how your nervous system is right now: a check-in in one line."""
    from coreg_tui.cli.journal_access import now, open_journal
    from coreg_tui.cli.note_input import note_from
    from coreg_tui.cli.terminal import say
    from coreg_tui.core.entries import checkin, clean_words
    from coreg_tui.core.states import check_intensity, needs_care, parse_state
    from coreg_tui.visual.entry_text import state_text, when_text

    moment = now()
    parsed = parse_state(state)  # a mistake is said before any editor opens
    note = note_from(note, edit)
    entry = checkin(
        _when(at, moment) if at else moment,
        parsed,
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


def _when(at: str, moment: datetime) -> datetime:
    """The moment `--at` names (read only when it is given)."""
    from coreg_tui.core.when import check_not_future, parse_when

    return check_not_future(parse_when(at, moment), moment)


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
