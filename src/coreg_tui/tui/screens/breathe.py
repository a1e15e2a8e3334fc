"""Breathe: the pacer, full screen. Space pauses; escape ends it, and whoever began it
keeps it (tui/sessions.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from coreg_tui.core.entries import Entry
from coreg_tui.core.session import Around, BreathSummary, SessionPlan
from coreg_tui.tui.screens.base import SessionScreen
from coreg_tui.tui.widgets.footer import CoregFooter
from coreg_tui.tui.widgets.pacer import Pacer
from coreg_tui.visual.pinned import Pin


class BreatheScreen(SessionScreen[BreathSummary]):
    BINDINGS = [
        Binding("space", "pause", "Pause", id="pause", tooltip="Pause the pacer"),
        Binding("space", "resume", "Resume", id="resume", tooltip="Go on from where it paused"),
        Binding("escape", "finish", "Finish", id="finish", tooltip="End and keep the session"),
        # As in `coreg breathe`: Ctrl-C (and q) end the session and keep it, as escape does.
        Binding("ctrl+c", "finish", "Finish", show=False, priority=True, id="finish-ctrl-c"),
        Binding("q", "finish", "Finish", show=False, id="finish-q"),
    ]

    def __init__(
        self,
        plan: SessionPlan | None = None,
        practice_id: str | None = None,
        before: Around = None,
        *,
        pins: tuple[Pin, ...] = (),
    ) -> None:
        super().__init__()
        self.pins = pins  # lines held above the pacer (help now's care lines)
        self.plan = plan
        self.practice_id = practice_id
        self.before = before  # the check-in it follows, if it does

    def compose(self) -> ComposeResult:
        from coreg_tui.config import config
        from coreg_tui.content import DEFAULT_PRESET, breathing
        from coreg_tui.core.session import plan_session
        from coreg_tui.timing import TimedSession
        from coreg_tui.visual.breath_frame import Notes

        content, settings = breathing(), config()
        plan = self.plan or plan_session(
            None, content.presets, default=settings.default_pattern or DEFAULT_PRESET
        )
        self.session = TimedSession(plan, self.app.clock)
        notes = Notes(content.stop_note, content.caution_for(plan.target, plan.preset))
        still = self.app.still
        yield Pacer(self.session, notes, still=still, pins=self.pins, id="pacer")
        yield CoregFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Space pauses, or resumes while paused; the footer shows the one that applies."""
        if action in ("pause", "resume"):
            return self.session.paused == (action == "resume")
        return True

    def action_pause(self) -> None:
        # The pacer says it is paused; no toast, which would cover the caution below it.
        self.session.toggle_pause()
        self.refresh_bindings()

    def action_resume(self) -> None:
        self.action_pause()

    def on_live_picture_done(self, _: Pacer.Done) -> None:
        self.end()

    def action_finish(self) -> None:
        self.end()

    def summary(self) -> BreathSummary:
        end = self.session.plan.end_s
        return self.session.summary(finished=end is not None and self.session.elapsed() >= end)

    def entry(self, summary: BreathSummary) -> Entry | None:
        """The session's entry: none if it ended before the first breath."""
        from coreg_tui.core.session import breath_entry

        if not summary.kept():
            return None
        return breath_entry(summary, before=self.before, practice_id=self.practice_id)
