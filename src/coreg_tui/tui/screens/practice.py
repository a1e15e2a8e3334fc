"""A guided step practice: one step at a time, each with a gentle timer (timing.py's
TimedSteps, as in `coreg practice`). A step moves on when its time is up, or with Enter;
escape ends the practice, and whoever began it keeps it (tui/sessions.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from coreg_tui.core.entries import Entry
from coreg_tui.core.practices import Practice
from coreg_tui.core.session import Around, StepsSummary
from coreg_tui.tui import screens
from coreg_tui.tui.screens.base import CoregModal, SessionScreen
from coreg_tui.tui.widgets.footer import CoregFooter
from coreg_tui.tui.widgets.rows import Rows
from coreg_tui.visual.pinned import Pin
from coreg_tui.visual.step_frame import practice_rows

LOOK_S = 1 / 10


class NoteGate(CoregModal[bool]):
    """Practices with a note (those for two) begin only when the person says so."""

    BINDINGS = [
        Binding("enter", "begin", "Begin", id="begin"),
        Binding("escape", "leave", "Leave", id="leave"),
        Binding("q", "leave", "Leave", show=False, id="leave-q"),
    ]

    def __init__(self, note: str) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        from coreg_tui.text import literal

        yield Static(literal(f"{self.note}\n\nEnter to begin, escape to leave."), classes="dialog")
        yield CoregFooter()

    def action_begin(self) -> None:
        self.dismiss(True)

    def action_leave(self) -> None:
        self.dismiss(False)


def session_for(practice: Practice, before: Around = None) -> SessionScreen:
    """A practice's screen: breathing ones on the pacer, the rest step by step."""
    if practice.is_breathing:
        from coreg_tui.content import breathing
        from coreg_tui.core.session import plan_practice

        plan = plan_practice(practice, breathing().presets)
        return screens.BreatheScreen(plan, practice_id=practice.id, before=before)
    return PracticeScreen(practice, before)


class PracticeScreen(SessionScreen[StepsSummary]):
    BINDINGS = [
        Binding("enter", "next", "Next step", id="next"),
        Binding("escape", "finish", "Finish", id="finish"),
        # As in `coreg practice`: Ctrl-C (and q) end the practice and keep it.
        Binding("ctrl+c", "finish", "Finish", show=False, priority=True, id="finish-ctrl-c"),
        Binding("q", "finish", "Finish", show=False, id="finish-q"),
    ]

    def __init__(
        self, practice: Practice, before: Around = None, *, pins: tuple[Pin, ...] = ()
    ) -> None:
        super().__init__()
        self.pins = pins  # lines held above the steps (help now's care lines)
        self.practice = practice
        self.before = before  # the check-in it follows, if it does

    def compose(self) -> ComposeResult:
        yield Rows(id="pacer")
        yield CoregFooter()

    def on_mount(self) -> None:
        from coreg_tui.timing import TimedSteps

        self.timer = TimedSteps(self.practice, self.app.clock)
        self.set_interval(LOOK_S, self.look)
        self.look()

    @property
    def index(self) -> int:
        """The step under way (from 0)."""
        return self.timer.index

    def look(self) -> None:
        if self.ended:
            return
        remaining = self.timer.remaining()
        if remaining <= 0:
            self.action_next()
            return
        rows = practice_rows(
            self.practice,
            self.index,
            remaining,
            (self.size.width or 80, (self.size.height or 24) - 1),
            pins=self.pins,
            hint="enter: next step \u00b7 escape: finish",
        )
        self.query_one(Rows).show(rows)

    def action_next(self) -> None:
        if self.timer.next():
            self.look()
        else:
            self.end()

    def action_finish(self) -> None:
        self.end()

    def summary(self) -> StepsSummary:
        return self.timer.summary()

    def entry(self, summary: StepsSummary) -> Entry | None:
        """The practice's entry: none if it ended before it began."""
        from coreg_tui.core.session import steps_entry

        return steps_entry(summary, before=self.before) if summary.began else None
