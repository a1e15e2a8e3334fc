"""`coreg sos`: help right now, for the hardest moment, with nothing to remember.

The care lines come first (in a pipe too), then a few slow breaths with a long
breath out, then grounding one step at a time. Ctrl-C ends it calmly at any
moment. Nothing is written to the journal unless the person says so at the end.
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
    from coreg_tui.core.session import BreathSummary, StepsSummary


@dataclass(frozen=True)
class Guide:
    """What the steps of sos are run with: the real terminal, or a test's clock."""

    breathe: Callable[[], BreathSummary]
    ground: Callable[[], StepsSummary]
    ask: Callable[[str], str] | None  # None where no one can answer (not a terminal)
    out: TextIO
    width: int | None = None  # a terminal's: lines wrap between words; a pipe's lines stay whole


def guide(g: Guide) -> list[Entry]:
    """Walk through sos; returns the entries to keep (none unless the person said yes)."""
    from coreg_tui.content.texts import texts
    from coreg_tui.core.session import sessions_to_keep
    from coreg_tui.offer import sos_lines

    words = texts().sos

    def line(text: str = "") -> None:
        if g.width:
            text = "\n".join(textwrap.wrap(text, g.width - 1)) if text else text
        g.out.write(text + "\n")
        g.out.flush()

    breath: BreathSummary | None = None
    steps: StepsSummary | None = None
    try:
        for text in sos_lines():
            line(text)
        line()
        line(f"{words.breathe} Ctrl-C stops at any time.")
        breath = g.breathe()
        if breath.finished:
            line()
            line(words.ground)
            steps = g.ground()
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


def run_sos(*, plain: bool, no_color: bool) -> None:
    """`coreg sos` in this terminal. It loads no CLI library: `coreg sos` reaches it
    straight from the entry point, and the typer command only for its help."""
    from coreg_tui.cli.terminal import is_terminal, say

    plain = plain or not is_terminal(sys.stdout)

    # The practices are loaded only once the care lines are out.
    def breathe() -> BreathSummary:
        from coreg_tui.cli.breathe import run_breathing
        from coreg_tui.content import breathing
        from coreg_tui.content.texts import texts
        from coreg_tui.core.session import plan_session

        words = texts().sos
        presets = breathing().presets
        plan = plan_session(words.pattern, presets, default=words.pattern, cycles=words.cycles)
        return run_breathing(plan, plain=plain, bell=False, no_color=no_color)

    def ground() -> StepsSummary:
        from coreg_tui.cli.steps_run import run_steps
        from coreg_tui.content.texts import texts
        from coreg_tui.offer import offered_library

        grounding = offered_library(offered_only=False).get(texts().sos.grounding)
        assert grounding is not None, "tests/test_content.py checks sos's practice is there"
        return run_steps(grounding, plain=plain, no_color=no_color)

    person_here = sys.stdin.isatty() and is_terminal(sys.stdout)
    kept = guide(
        Guide(
            breathe=breathe,
            ground=ground,
            ask=input if person_here else None,
            out=sys.stdout,
            width=shutil.get_terminal_size().columns if is_terminal(sys.stdout) else None,
        )
    )
    if kept:
        from coreg_tui.cli.journal_access import open_journal

        with open_journal() as journal:
            journal.add_many(kept)
        say("Kept in your journal.")
