"""A guided step practice: one step at a time, each with a gentle timer. A step moves on
when its time is up, or with Enter; escape ends the practice and keeps it."""

from __future__ import annotations

from datetime import UTC, datetime

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from coreg_tui.core.entries import Entry
from coreg_tui.core.practices import Practice
from coreg_tui.core.session import Around, StepsSummary
from coreg_tui.tui.widgets.footer import CoregFooter
from coreg_tui.tui.widgets.rows import Rows
from coreg_tui.visual.pinned import Pin
from coreg_tui.visual.step_frame import practice_rows

LOOK_S = 1 / 10


class NoteGate(ModalScreen[bool]):
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

        yield Static(literal(f"{self.note}\n\nEnter to begin, escape to leave."), id="help")

    def action_begin(self) -> None:
        self.dismiss(True)

    def action_leave(self) -> None:
        self.dismiss(False)


def start(app: object, practice: Practice, before: Around = None) -> None:
    """Open a practice: breathing ones on the pacer, the rest step by step, after the
    opt-in note where there is one."""
    from textual.app import App

    assert isinstance(app, App)

    def go(ready: bool | None = True) -> None:
        if not ready:
            return
        if practice.is_breathing:
            from coreg_tui.content import breathing
            from coreg_tui.core.session import plan_practice
            from coreg_tui.tui.screens.breathe import BreatheScreen

            plan = plan_practice(practice, breathing().presets)
            app.push_screen(BreatheScreen(plan, practice_id=practice.id, before=before))
        else:
            app.push_screen(PracticeScreen(practice, before))

    if practice.note:
        app.push_screen(NoteGate(practice.note), go)
    else:
        go()


class PracticeScreen(Screen[StepsSummary | None]):
    BINDINGS = [
        Binding("enter", "next", "Next step", id="next"),
        Binding("escape", "finish", "Finish", id="finish"),
        # As in `coreg practice`: Ctrl-C (and q) end the practice and keep it.
        Binding("ctrl+c", "finish", "Finish", show=False, priority=True, id="finish-ctrl-c"),
        Binding("q", "finish", "Finish", show=False, id="finish-q"),
    ]

    def __init__(
        self,
        practice: Practice,
        before: Around = None,
        *,
        keeps: bool = True,
        pins: tuple[Pin, ...] = (),
    ) -> None:
        super().__init__()
        self.keeps = keeps  # False: the summary is handed back, and nothing is written
        self.pins = pins  # lines held above the steps (help now's care lines)
        self.practice = practice
        self.before = before  # the check-in it follows, if it does
        self.index = 0
        self.done_steps = 0
        self.ended = False

    def compose(self) -> ComposeResult:
        yield Rows(id="pacer")
        yield CoregFooter()

    def on_mount(self) -> None:
        clock = self.app.clock  # type: ignore[attr-defined]
        self.begin, self.begin_wall = clock.monotonic(), clock.wall()
        self.step_began = self.begin
        self.set_interval(LOOK_S, self.look)
        self.look()

    def look(self) -> None:
        if self.ended:
            return
        step = self.practice.steps[self.index]
        remaining = step.seconds - (self.app.clock.monotonic() - self.step_began)  # type: ignore[attr-defined]
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
        self.done_steps = self.index + 1
        if self.index + 1 >= len(self.practice.steps):
            self.finish(finished=True)
            return
        self.index += 1
        self.step_began = self.app.clock.monotonic()  # type: ignore[attr-defined]
        self.look()

    def action_finish(self) -> None:
        self.finish(finished=False)

    def summary(self, *, finished: bool) -> StepsSummary:
        return StepsSummary(
            self.practice.id,
            datetime.fromtimestamp(self.begin_wall, UTC),
            self.app.clock.monotonic() - self.begin,  # type: ignore[attr-defined]
            self.done_steps,
            len(self.practice.steps),
            finished,
        )

    def finish(self, *, finished: bool) -> None:
        if self.ended:
            return
        self.ended = True
        if self.keeps:
            self.keep(self.summary(finished=finished))
        else:
            self.dismiss(self.summary(finished=finished))

    def on_unmount(self) -> None:
        """The app closed mid-practice: keep what was done."""
        self.end_and_keep()

    def end_and_keep(self) -> None:
        """End the practice where it is and keep what was done, once."""
        if not self.ended and self.keeps:
            self.ended = True
            write(self.app, self.summary(finished=False), self.before)

    @work(thread=True)
    def keep(self, summary: StepsSummary) -> None:
        entry = write(self.app, summary, self.before)
        self.app.call_from_thread(self.after, summary.sentence(), entry)

    def after(self, sentence: str, entry: Entry | None) -> None:
        if entry is None:
            self.app.pop_screen()
            return
        from coreg_tui.tui.screens.where_now import WhereNowScreen

        self.app.switch_screen(WhereNowScreen(entry, sentence + " Kept in your journal."))


def write(app: App[object], summary: StepsSummary, before: Around) -> Entry | None:
    """The practice's entry, kept in the journal; None if it ended before it began
    (or the journal refused it)."""
    from coreg_tui.core.session import steps_entry
    from coreg_tui.tui.keeping import kept

    return kept(app, steps_entry(summary, before=before) if summary.began else None)
