"""A live circle in the companion: the shared orb, who is breathing, and, for the one who
hosts, the code to share and the leader's keys. The network runs in a worker of the
app's own (together/), so that leaving says goodbye to the circle after the screen has
gone. Escape leaves at any moment and never asks why; help now stays one key away."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding

from coreg_tui.core.session import Around
from coreg_tui.tui.screens.base import CoregModal, SessionScreen
from coreg_tui.tui.state_keys import STATE_BINDINGS, StateChoice
from coreg_tui.tui.widgets.footer import CoregFooter

if TYPE_CHECKING:
    from coreg_tui.core.circle import Timeline
    from coreg_tui.core.pacing import Pattern
    from coreg_tui.together.code import JoinCode
    from coreg_tui.together.host import Circle
    from coreg_tui.together.hosting import Hosting
    from coreg_tui.together.joiner import Joined
    from coreg_tui.together.outcome import Outcome
    from coreg_tui.visual.pinned import Pin

LOOK_S = 0.25  # how often the screen looks at who is here and whether the circle ended


@dataclass(frozen=True)
class Joining:
    code: JoinCode
    name: str | None
    share: bool  # the state before and after, shown to the circle as a shape


@dataclass(frozen=True)
class Leading:
    pattern: Pattern
    hosting: Hosting


class CircleScreen(StateChoice, SessionScreen["Outcome"]):
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("enter", "begin", "Begin", id="begin", tooltip="Begin the breathing for all"),
        Binding("a", "attune", "Attune", id="attune", tooltip="Begin at one person's rhythm"),
        Binding("space", "pause", "Pause", id="pause", tooltip="Pause everyone"),
        Binding("space", "go_on", "Go on", id="go-on", tooltip="Everyone breathes on"),
        Binding("space", "tap", "Tap", id="tap", tooltip="As a breath in or out begins"),
        Binding("m", "move", "Pattern", id="move", tooltip="Glide everyone to another"),
        Binding("e", "end_circle", "End", id="end", tooltip="End the circle as this breath ends"),
        Binding(
            "y", "copy", "Copy code", show=False, id="copy", tooltip="The join command, to paste"
        ),
        *STATE_BINDINGS,
        Binding("escape", "leave", "Leave", id="leave", tooltip="Leave at once; kept"),
        Binding("ctrl+c", "leave", "Leave", show=False, priority=True, id="leave-ctrl-c"),
        Binding("q", "leave", "Leave", show=False, id="leave-q"),
    ]

    def __init__(self, role: Joining | Leading, before: Around = None) -> None:
        super().__init__()
        from coreg_tui.clock import circle_clock
        from coreg_tui.together.outcome import Company

        self.role, self.before = role, before
        self.clock = circle_clock().monotonic
        self.leaving = asyncio.Event()
        self.seen = Company()
        self.news: list[str] = []  # the last lines told (who came, who left, what changed)
        self.trouble: str | None = None  # why the circle could not be joined or hosted
        self.circle: Circle | None = None  # hosting: the circle, once open
        self.code: JoinCode | None = None
        self.joined: Joined | None = None
        self.over = False  # the circle ended while this person was in it
        self.over_at = 0.0
        self.after: Around = None
        self.state = None
        self.intensity = None

    @property
    def leads(self) -> bool:
        return isinstance(self.role, Leading)

    def compose(self) -> ComposeResult:
        from coreg_tui.tui.widgets.circle_picture import CirclePicture

        role = self.role
        waiting = "waiting to begin" if self.leads else "waiting for the host to begin"
        yield CirclePicture(
            self.timeline,
            self.host_time,
            self.hint,
            waiting=waiting,
            title=str(role.pattern) if isinstance(role, Leading) else "a circle",
            still=self.app.still,
            id="pacer",
        )
        yield CoregFooter()

    def on_mount(self) -> None:
        work = self._lead() if isinstance(self.role, Leading) else self._join(self.role)
        self.app.run_worker(work, group="circle", name="circle")
        self.set_interval(LOOK_S, self.look)
        self.look()

    # --- the circle, as this person sees it --------------------------------------------

    def timeline(self) -> Timeline | None:
        if self.circle is not None:
            return self.circle.timeline
        return self.joined.timeline if self.joined is not None else None

    def host_time(self) -> float | None:
        if self.circle is not None:
            return self.clock()
        return self.joined.host_time() if self.joined is not None else None

    def names(self) -> list[str]:
        if self.circle is not None:
            return self.circle.names()
        return self.joined.names_present() if self.joined is not None else []

    def begun(self) -> bool:
        return self.timeline() is not None

    def has_ended(self) -> bool:
        from coreg_tui.core.circle import moment

        line, now = self.timeline(), self.host_time()
        return line is not None and now is not None and moment(line, now).what == "ended"

    def asks_after(self) -> bool:
        """The circle ended for someone who shares their state: where are they now?"""
        return self.over and isinstance(self.role, Joining) and self.role.share

    def hint(self) -> str:
        if self.trouble:
            return "escape goes back"
        if self.asks_after():
            return "where are you now? v, s or d tells the circle; escape leaves"
        if self.over:
            return "a moment for goodbyes; escape leaves"
        if self.leads and not self.begun():
            return "enter begins for everyone"
        return "escape leaves at any moment"

    def tell(self, line: str) -> None:
        self.news = [*self.news[-1:], line]

    def cannot(self, line: str) -> None:
        self.trouble = line
        self.refresh_bindings()

    def pins(self) -> tuple[Pin, ...]:
        from coreg_tui.together.code import WHOLE_LINE
        from coreg_tui.together.pacing_lines import presence_line
        from coreg_tui.visual.circle_frame import circle_pins

        if self.circle is not None:
            presence = presence_line(self.circle.presence())
        else:
            presence = presence_line(self.joined.presence()) if self.joined else ""
        if self.joined is not None and not self.joined.connected and not self.begun():
            presence = "finding the circle\u2026"
        code = f"{WHOLE_LINE}{self.code}" if self.code is not None and not self.over else None
        return circle_pins(
            share=code,
            begun=self.begun(),
            presence=presence,
            news=self.news,
            copy_hint="y copies it",
            trouble=self.trouble,
        )

    def look(self) -> None:
        from coreg_tui.together.host import LINGER_S
        from coreg_tui.tui.widgets.circle_picture import CirclePicture

        self.seen.saw(self.names())
        if not self.over and self.has_ended():
            self.over, self.over_at = True, self.clock()
        if self.over and not self.asks_after():
            # The host stays a moment for everyone's goodbye (and state after, where
            # shared); whoever joined goes at once, unless they are asked where they are.
            circle = self.circle
            if circle is None or not circle.people or self.clock() > self.over_at + LINGER_S:
                self.end()
                return
        self.query_one(CirclePicture).pins = self.pins()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        circle = self.circle
        begun, live = self.begun(), not self.over and not self.trouble
        if action in ("begin", "attune"):
            return (
                circle is not None
                and not begun
                and live
                and (action == "begin" or bool(circle.people))
            )
        if action in ("pause", "go_on"):
            if circle is None or not begun or not live:
                return False
            paused = circle.timeline is not None and circle.timeline.pieces[-1].paused
            return paused == (action == "go_on")
        if action in ("move", "copy"):
            return circle is not None and live
        if action == "end_circle":
            return circle is not None and begun and live
        if action == "tap":
            return self.joined is not None and self.joined.taps is not None and live
        if action in ("state", "intensity"):
            return self.asks_after()
        return True

    # --- the keys --------------------------------------------------------------------

    def action_begin(self) -> None:
        if self.circle is not None:
            self.circle.begin()
            self.refresh_bindings()

    def action_attune(self) -> None:
        circle = self.circle
        if circle is None:
            return
        names = circle.names()
        if len(names) == 1:
            self.tell(circle.attune(None))
            return

        def chosen(name: str | None) -> None:
            if name and self.circle is not None:
                self.tell(self.circle.attune(name))

        ask = f"Whose breath shall the circle meet first? ({', '.join(names)})"
        self.app.push_screen(AskScreen(ask, "a name"), chosen)

    def _by_the_leader(self, act: Callable[[Circle], object], told: str) -> None:
        """One of the leader's keys: done to the circle, told, and the footer's keys anew."""
        if self.circle is not None:
            act(self.circle)
            self.tell(told)
            self.refresh_bindings()

    def action_pause(self) -> None:
        self._by_the_leader(lambda c: c.pause(), "paused for everyone (space goes on)")

    def action_go_on(self) -> None:
        self._by_the_leader(lambda c: c.go_on(), "breathing on, together")

    def action_end_circle(self) -> None:
        self._by_the_leader(lambda c: c.end(), "ending as this breath ends")

    def action_move(self) -> None:
        def chosen(said: str | None) -> None:
            from coreg_tui.core.errors import InputError
            from coreg_tui.together.hosting import move_everyone

            if not said or self.circle is None:
                return
            try:
                self.tell(move_everyone(self.circle, said))
            except InputError as exc:
                self.tell(str(exc))

        self.app.push_screen(AskScreen("Which pattern now?", "a preset or e.g. 5-5"), chosen)

    def action_copy(self) -> None:
        from coreg_tui.together.code import WHOLE_LINE

        if self.code is not None:
            self.app.copy_to_clipboard(f"{WHOLE_LINE}{self.code}")
            self.notify("The join command is copied, where your terminal allows it.", timeout=4)

    def action_tap(self) -> None:
        from coreg_tui.together.joining import tap

        if self.joined is not None:
            tap(self.joined)
            self.refresh_bindings()

    def show(self) -> None:
        """A state chosen after the circle (StateChoice): told to the circle, then kept."""
        if self.state is not None:
            self.after = (self.state, self.intensity)
            self.end()

    def action_leave(self) -> None:
        self.end()

    # --- the session -----------------------------------------------------------------

    def end(self) -> None:
        self.leaving.set()
        super().end()

    def cut_short(self) -> Outcome | None:
        self.leaving.set()
        return super().cut_short()

    def summary(self) -> Outcome:
        from coreg_tui.together.outcome import outcome_of

        if self.joined is not None:
            return self.joined.outcome(self.seen.names, finished=self.over)
        return outcome_of(self.timeline(), self.clock(), self.seen.names, finished=self.over)

    def entry(self, summary: Outcome) -> Entry | None:
        return summary.entry(self.before, self.after)

    # --- the network, in the app's worker ---------------------------------------------------

    async def _lead(self) -> None:
        from coreg_tui.core.errors import InputError
        from coreg_tui.together.hosting import open_circle

        assert isinstance(self.role, Leading)
        try:
            async with open_circle(
                self.role.pattern, self.role.hosting, self.clock, self.tell, self.tell
            ) as (circle, code):
                self.circle, self.code = circle, code
                await self.leaving.wait()
        except InputError as exc:
            self.cannot(f"could not open a circle: {exc}")

    async def _join(self, role: Joining) -> None:
        from coreg_tui.together.joiner import Joined
        from coreg_tui.together.joining import goodbye, staying, trouble

        joined = Joined(self.clock, self.tell, tap_key="space")
        self.joined = joined
        before = self.before[0].value if role.share and self.before else None
        async with staying(
            role.code, joined, name=role.name, share=role.share, before=before
        ) as stay:
            while not self.leaving.is_set():
                problem = trouble(stay)
                if problem is not None:
                    self.cannot(problem)
                    return
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.leaving.wait(), LOOK_S)
            after = self.after[0].value if role.share and self.after else None
            await goodbye(joined, after, stay)


if TYPE_CHECKING:
    from coreg_tui.core.entries import Entry


class AskScreen(CoregModal[str | None]):
    """One line asked over the circle (a pattern, a name): enter answers, escape does not."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Back", id="back")]

    def __init__(self, question: str, placeholder: str) -> None:
        super().__init__()
        self.question, self.placeholder = question, placeholder

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll
        from textual.widgets import Static

        from coreg_tui.text import literal
        from coreg_tui.tui.widgets.calm_input import CalmInput

        with VerticalScroll(classes="dialog"):
            yield Static(literal(self.question))
            yield CalmInput(placeholder=self.placeholder, id="answer", compact=True)
        yield CoregFooter()

    def on_mount(self) -> None:
        self.query_one("#answer").focus()

    def on_input_submitted(self, event: object) -> None:
        from textual.widgets import Input

        self.dismiss(self.query_one("#answer", Input).value.strip() or None)
