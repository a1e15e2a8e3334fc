"""Help right now, one key from every screen: the same as `coreg sos`. The care lines
and the person's own contact first, then, when they are ready, slow breaths with a
long breath out and grounding one step at a time. Nothing is written unless the
person asks for it at the end."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from coreg_tui.core.entries import Entry
from coreg_tui.core.session import BreathSummary, StepsSummary
from coreg_tui.tui import screens
from coreg_tui.tui.screens.base import CoregScreen
from coreg_tui.tui.sessions import HELP_NOW
from coreg_tui.tui.widgets.footer import CoregFooter
from coreg_tui.visual.pinned import Pin, care_pins


class SosScreen(CoregScreen[None]):
    BINDINGS = [
        Binding("enter", "begin", "Begin", id="sos-begin", tooltip="Breathe, or move, with me"),
        Binding("g", "ground", "Grounding", id="sos-ground"),
        Binding("y", "keep", "Keep a note", id="sos-keep"),
        Binding("escape", "app.pop_screen", "Back", id="sos-back"),
        Binding("q", "app.pop_screen", "Back", show=False, id="sos-back-q"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.breath: BreathSummary | None = None
        self.steps: StepsSummary | None = None
        self.up = False  # after a strong dorsal check-in: gentle activation first

    def compose(self) -> ComposeResult:
        from coreg_tui.content.texts import sos_words
        from coreg_tui.offer import sos_lines
        from coreg_tui.text import literal

        with VerticalScroll(classes="care"):
            for line in sos_lines():
                yield Static(literal(line), classes="care-line")
            yield Static(sos_words().breathe, classes="question", id="next")
        yield CoregFooter()

    def on_mount(self) -> None:
        self.which_way()

    @work(thread=True, exclusive=True)
    def which_way(self) -> None:
        """Whether to lead up rather than calm: it reads the journal, so it is asked in a
        thread once the care lines are on the screen, never before them."""
        from datetime import datetime

        from coreg_tui.offer import help_leads_up

        now = datetime.fromtimestamp(self.app.clock.wall()).astimezone()
        if help_leads_up(now):
            self.post_message(self.LeadsUp())

    class LeadsUp(Message):
        """A strong dorsal check-in in the last hour: gentle activation comes first."""

    @on(LeadsUp)
    def lead_up(self) -> None:
        from coreg_tui.content.texts import sos_words

        self.up = True
        self.query_one("#next", Static).update(sos_words().rise)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep":
            return bool(self.sessions())
        return True

    def sessions(self) -> list[Entry]:
        from coreg_tui.core.session import sessions_to_keep

        return sessions_to_keep(self.breath, self.steps)

    @work(exclusive=True, group=HELP_NOW)
    async def action_begin(self) -> None:
        """As `coreg sos` guides: breathe, then ground if the breath finished; after a
        strong dorsal check-in, gentle activation instead. Then ask."""
        from coreg_tui.content.texts import sos_words
        from coreg_tui.offer import help_breath, help_practice

        words = sos_words()
        if self.up:
            rising = help_practice(words.rising)
            self.steps = await self.app.push_screen_wait(
                screens.PracticeScreen(rising, pins=self.pins(words.rise))
            )
        else:
            plan, _ = help_breath()
            self.breath = await self.app.push_screen_wait(
                screens.BreatheScreen(plan, pins=self.pins(words.breathe))
            )
            if self.breath is not None and self.breath.finished:
                await self.grounding()
        self.ended()

    @work(exclusive=True, group=HELP_NOW)
    async def action_ground(self) -> None:
        await self.grounding()
        self.ended()

    async def grounding(self) -> None:
        from coreg_tui.content.texts import sos_words
        from coreg_tui.offer import help_practice

        words = sos_words()
        self.query_one("#next", Static).update(words.ground)
        grounding = help_practice(words.grounding)
        self.steps = await self.app.push_screen_wait(
            screens.PracticeScreen(grounding, pins=self.pins(words.ground))
        )

    @staticmethod
    def pins(intro: str) -> tuple[Pin, ...]:
        """The care lines, held above what runs below them, as in `coreg sos`."""
        from coreg_tui.offer import sos_lines
        from coreg_tui.text import printable

        return care_pins([printable(line) for line in sos_lines()], intro)

    def ended(self) -> None:
        from coreg_tui.content.texts import sos_words

        words = sos_words()
        ask = f"\n\n{words.keep} y keeps it; escape leaves it unwritten." if self.sessions() else ""
        self.query_one("#next", Static).update(words.end + ask)
        self.refresh_bindings()

    @work(thread=True, exclusive=True, group="keep")
    def action_keep(self) -> None:
        from coreg_tui.tui.keeping import written

        sessions = self.sessions()
        if sessions and written(self.app, lambda journal: journal.add_many(sessions)):
            self.post_message(self.Kept())

    class Kept(Message):
        """What help now ran is in the journal, as the person asked."""

    @on(Kept)
    def leave_kept(self) -> None:
        from coreg_tui.messages import KEPT

        self.app.pop_screen()
        self.app.notify(KEPT, timeout=4)
