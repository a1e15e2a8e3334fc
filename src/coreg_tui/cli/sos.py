"""`coreg sos`: help right now, for the hardest moment, with nothing to remember.

The care lines come first (in a pipe too), and in a terminal they stay on screen
for the whole session, above the breathing and the grounding. Then a few slow
breaths with a long breath out, then grounding one step at a time; after a strong
dorsal check-in in the last hour, gentle activation instead (the direction for a
shut-down system is up). Ctrl-C ends it calmly at any moment. Nothing is written
to the journal unless the person says so at the end. Nothing it reads (the config,
the content, the journal) can stop it: what cannot be read falls back to built-in
words and defaults.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from coreg_tui.core.entries import Entry
    from coreg_tui.core.practices import Practice
    from coreg_tui.core.session import BreathSummary, StepsSummary
    from coreg_tui.visual.pinned import Pin

Pins = tuple["Pin", ...]


@dataclass(frozen=True)
class Guide:
    """What the steps of sos are run with: the real terminal, or a test's clock."""

    breathe: Callable[[Pins], BreathSummary]  # slow breaths, below the pinned lines
    practise: Callable[[Practice, Pins], StepsSummary]  # a step practice, likewise
    ask: Callable[[str], str] | None  # None where no one can answer (not a terminal)
    out: TextIO
    width: int | None = None  # a terminal's: lines wrap between words; a pipe's lines stay whole
    leads_up: Callable[[], bool] = lambda: False  # gentle activation first? (asked after
    # the care lines: it reads the journal, and nothing may delay them)
    notices: Callable[[], object] = lambda: None  # said after the care lines (config problems)


def guide(g: Guide) -> list[Entry]:
    """Walk through sos; returns the entries to keep (none unless the person said yes)."""
    from coreg_tui.content.texts import sos_words
    from coreg_tui.core.session import sessions_to_keep
    from coreg_tui.offer import help_practice, sos_lines
    from coreg_tui.visual.pinned import care_pins

    def line(text: str = "") -> None:
        if g.width:
            text = "\n".join(textwrap.wrap(text, g.width - 1)) if text else text
        g.out.write(text + "\n")
        g.out.flush()

    care = sos_lines()
    for text in care:
        line(text)
    g.notices()
    words = sos_words()

    breath: BreathSummary | None = None
    steps: StepsSummary | None = None
    try:
        line()
        if g.leads_up():
            line(words.rise)
            steps = g.practise(help_practice(words.rising), care_pins(care, words.rise))
        else:
            line(f"{words.breathe} Ctrl-C stops at any time.")
            breath = g.breathe(care_pins(care, words.breathe))
            if breath.finished:
                line()
                line(words.ground)
                grounding = help_practice(words.grounding)
                steps = g.practise(grounding, care_pins(care, words.ground))
    except KeyboardInterrupt:
        pass  # Ctrl-C between the steps ends it just as calmly
    line()
    line(words.end)
    sessions = sessions_to_keep(breath, steps)
    if not sessions or g.ask is None:
        return []
    try:
        answer = g.ask(f"{words.keep} [y/N] ")
    except (KeyboardInterrupt, EOFError):
        line()
        return []
    return sessions if answer.strip().lower() in ("y", "yes") else []


def _never_ask() -> None:
    """Help never waits on a passphrase: what help now reads of a locked journal (whether
    help leads up) is read only where the key is remembered, else left unread."""
    from coreg_tui.journal import passphrase

    passphrase.ask_with(None)


def _passphrase_or_nothing(prompt: str) -> str | None:
    from coreg_tui.journal.passphrase import at_terminal

    said = at_terminal(
        "Your journal is locked: its passphrase keeps this (Enter alone writes nothing): "
    )
    return said or None


def run_sos(*, plain: bool, no_color: bool) -> None:
    """`coreg sos` in this terminal. It loads no CLI library: `coreg sos` reaches it
    straight from the entry point, and the typer command only for its help."""
    from datetime import datetime

    from coreg_tui.cli.errors import tell_config
    from coreg_tui.cli.terminal import is_terminal, say

    plain = plain or not is_terminal(sys.stdout)
    _never_ask()

    # The practices are loaded only once the care lines are out.
    def breathe(pins: Pins) -> BreathSummary:
        from coreg_tui.cli.breathe_run import run_breathing
        from coreg_tui.offer import help_breath

        plan, notes = help_breath()
        return run_breathing(
            plan, plain=plain, bell=False, no_color=no_color, pins=pins, notes=notes
        )

    def practise(practice: Practice, pins: Pins) -> StepsSummary:
        from coreg_tui.cli.steps_run import run_steps

        return run_steps(practice, plain=plain, no_color=no_color, pins=pins)

    def leads_up() -> bool:
        from coreg_tui.offer import help_leads_up

        return help_leads_up(datetime.now().astimezone())

    columns = shutil.get_terminal_size().columns
    person_here = is_terminal(sys.stdin) and is_terminal(sys.stdout)
    kept = guide(
        Guide(
            breathe=breathe,
            practise=practise,
            ask=input if person_here else None,
            out=sys.stdout,
            width=columns if is_terminal(sys.stdout) else None,
            leads_up=leads_up,
            notices=lambda: tell_config(columns if is_terminal(sys.stderr) else None),
        )
    )
    if kept:
        from coreg_tui.cli.journal_access import open_journal
        from coreg_tui.journal import passphrase
        from coreg_tui.messages import KEPT

        # Only now, and only because the person asked to keep it: a locked journal's
        # passphrase, where it is not remembered. Enter alone writes nothing.
        passphrase.ask_with(_passphrase_or_nothing)
        try:
            with open_journal() as journal:
                journal.add_many(kept)
        except passphrase.LockedError:
            say("Nothing was written.")
            return
        say(KEPT)
