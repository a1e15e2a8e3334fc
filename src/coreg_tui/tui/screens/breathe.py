"""Breathe: the pacer, full screen. Space pauses; escape ends it and keeps it."""

from __future__ import annotations

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from coreg_tui.core.entries import Entry
from coreg_tui.core.session import Around, BreathSummary, SessionPlan
from coreg_tui.tui.widgets.footer import CoregFooter
from coreg_tui.tui.widgets.pacer import Pacer
from coreg_tui.visual.pinned import Pin


class BreatheScreen(Screen[BreathSummary | None]):
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
        keeps: bool = True,
        pins: tuple[Pin, ...] = (),
    ) -> None:
        super().__init__()
        self.keeps = keeps  # False: the summary is handed back, and nothing is written
        self.pins = pins  # lines held above the pacer (help now's care lines)
        self.plan = plan
        self.practice_id = practice_id
        self.before = before  # the check-in it follows, if it does
        self.ended = False

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
        self.session = TimedSession(plan, self.app.clock)  # type: ignore[attr-defined]
        notes = Notes(content.stop_note, content.caution_for(plan.target, plan.preset))
        still = self.app.still  # type: ignore[attr-defined]
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

    def on_pacer_done(self, _: Pacer.Done) -> None:
        self.action_finish()

    def summary(self) -> BreathSummary:
        end = self.session.plan.end_s
        return self.session.summary(finished=end is not None and self.session.elapsed() >= end)

    def action_finish(self) -> None:
        if self.ended:
            return
        self.ended = True
        if self.keeps:
            self.keep(self.summary())
        else:
            self.dismiss(self.summary())

    def on_unmount(self) -> None:
        """The app closed mid-session (ctrl+q, the terminal went away): keep it anyway."""
        self.end_and_keep()

    def end_and_keep(self) -> None:
        """End the session where it is and keep what was done, once."""
        if not self.ended and self.keeps:
            self.ended = True
            write(self.app, self.summary(), self.practice_id, self.before)

    @work(thread=True)
    def keep(self, summary: BreathSummary) -> None:
        entry = write(self.app, summary, self.practice_id, self.before)
        self.app.call_from_thread(self.done, summary.sentence(), entry)

    def done(self, sentence: str, entry: Entry | None) -> None:
        if entry is None:  # ended before the first breath: nothing to ask about
            self.app.pop_screen()
            self.app.notify(sentence, timeout=3)
            return
        from coreg_tui.tui.screens.where_now import WhereNowScreen

        self.app.switch_screen(WhereNowScreen(entry, sentence + " Kept in your journal."))


def write(
    app: App[object], summary: BreathSummary, practice_id: str | None, before: Around
) -> Entry | None:
    """The session's entry, kept in the journal; None if it ended before the first breath
    (or the journal refused it)."""
    from coreg_tui.core.session import breath_entry
    from coreg_tui.tui.keeping import kept

    entry = breath_entry(summary, before=before, practice_id=practice_id)
    return kept(app, entry if summary.kept() else None)
