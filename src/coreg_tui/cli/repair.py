"""`coreg check` and `coreg recover`: a journal's health, and a way out of damage."""

from __future__ import annotations

import sys
from typing import Annotated

import typer


def check() -> int:
    """Read the whole journal and say whether it is sound (exit 1 if it is damaged)."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.journal.recovery import examine
    from coreg_tui.paths import journal_path

    path = journal_path()
    if not path.exists() and not path.is_symlink():
        say(f"There is no journal yet at {path}; the first check-in makes it.")
        return 0
    found = examine(path)
    count = (
        ""
        if found.entries is None
        else f"{found.entries:,} entr{'y' if found.entries == 1 else 'ies'}, "
    )
    if not found.problems:
        say(f"The journal at {path} is sound: {count}every page read and every index agrees.")
        return 0
    say(f"The journal at {path} is damaged. SQLite found:")
    for problem in found.problems[:10]:
        say(f"  {problem}")
    if len(found.problems) > 10:
        say(f"  and {len(found.problems) - 10:,} more")
    say(
        "Nothing was changed. 'coreg recover FILE' copies every entry that can still be "
        "read into a new journal at FILE, leaving this one as it is."
    )
    return 1


def recover(
    output: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="Where to make the new journal: a file name that is not taken yet.",
        ),
    ],
) -> int:
    """Copy every entry that can still be read from a damaged journal into a new one."""
    from coreg_tui.cli.output import Target, user_path
    from coreg_tui.cli.terminal import say
    from coreg_tui.journal.recovery import recover_into
    from coreg_tui.paths import journal_path
    from coreg_tui.text import printable

    path = journal_path()
    if not path.exists():
        say(f"There is no journal at {printable(str(path))} to recover from.")
        return 1
    target = user_path(output).absolute()
    place = Target(target)  # a new name, and none of coreg's own (its log, its config)
    try:
        place.check(force=False, new=True)
    finally:
        place.close()
    added, found = recover_into(path, target)
    # The names as a person typed them, control characters shown, never sent to the terminal.
    new, damaged = printable(str(target)), printable(str(path))
    say(f"Copied {added:,} entr{'y' if added == 1 else 'ies'} into a new journal at {new}.")
    if found.lost or found.unreadable_stretches:
        lost = f"{found.lost:,} entr{'y' if found.lost == 1 else 'ies'}" if found.lost else ""
        stretches = (
            f"{found.unreadable_stretches:,} damaged stretch"
            f"{'es' if found.unreadable_stretches != 1 else ''} of the file"
            if found.unreadable_stretches
            else ""
        )
        say(f"Could not read {' and '.join(w for w in (lost, stretches) if w)}.")
    say(f"The damaged journal at {damaged} was left as it is.")
    say(f"To use the new one: move the damaged one aside, then move {new} to {damaged}.")
    from coreg_tui.journal.opening import check_header
    from coreg_tui.journal.schema import MIGRATIONS

    if check_header(path, max(MIGRATIONS)):
        say(
            f"coreg: note: the new journal at {new} is not encrypted, though the damaged one "
            "is locked: anyone who can read the file can read it. Lock it (coreg lock) "
            "once it is in place.",
            sys.stderr,
        )
    return 0
