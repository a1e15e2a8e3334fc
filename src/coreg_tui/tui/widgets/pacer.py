"""The breathing picture: the same frame as the CLI's, drawn by Textual in the theme's
colours (each phase in the theme's breath-inhale, breath-hold or breath-exhale; see Rows).

It asks the pure pacer where the breath is from the clock it is given, and
refreshes only when the frame would change (the orb's size in half-cell
steps, the countdown's second), so a calm screen costs little.
"""

from __future__ import annotations

from textual.message import Message

from coreg_tui.core.pacing import phase_at
from coreg_tui.timing import TimedSession
from coreg_tui.tui.widgets.rows import Rows
from coreg_tui.visual.breath_frame import (
    Frame,
    Line,
    Notes,
    breath_frame,
    layout,
    waiting_frame,
)
from coreg_tui.visual.pinned import Pin, beneath

LOOK_S = 1 / 20  # how often it looks at the clock; it redraws only on change


class LivePicture(Rows):
    """A picture drawn from the clock: it looks LOOK_S apart and redraws only when what a
    person would see has changed (the frame, or the lines held above it)."""

    def __init__(
        self, notes: Notes, *, still: bool = False, pins: tuple[Pin, ...] = (), id: str | None
    ) -> None:
        super().__init__(id=id)
        self.notes, self.still = notes, still
        self.pins = pins  # lines held above the picture (help now's care lines)
        self.top: list[Line] = []
        self.frame: Frame | None = None
        self.finished = False

    def on_mount(self) -> None:
        self.set_interval(LOOK_S, self.look)
        self.look()

    def picture(self, size: tuple[int, int]) -> Frame:
        """The frame now, in the room the held lines leave."""
        raise NotImplementedError

    def over(self) -> bool:
        """Whether the session reached its end."""
        return False

    def current(self) -> Frame:
        self.top, size = beneath(self.pins, (self.size.width or 80, self.size.height or 20))
        return self.picture(size)

    def look(self) -> None:
        if self.finished:
            return
        if self.over():
            self.finished = True
            self.post_message(self.Done())
            return
        top = self.top
        frame = self.current()
        if frame != self.frame or top != self.top:  # cheaper than laying the frame out
            self.frame = frame
            self.show([*self.top, *layout(frame)])

    class Done(Message):
        """The session reached its planned end."""


class Pacer(LivePicture):
    def __init__(
        self,
        session: TimedSession,
        notes: Notes,
        *,
        still: bool = False,
        pins: tuple[Pin, ...] = (),
        id: str | None = None,
    ) -> None:
        super().__init__(notes, still=still, pins=pins, id=id)
        self.session = session

    def picture(self, size: tuple[int, int]) -> Frame:
        plan = self.session.plan
        t = self.session.elapsed()
        hint = (
            "paused: space goes on" if self.session.paused else "space pause \u00b7 escape finish"
        )
        if t < 0:
            return waiting_frame(plan, -t, size, self.notes, hint="escape to finish")
        state = phase_at(plan.pacer, t)
        return breath_frame(plan, state, t, size, self.notes, False, still=self.still, hint=hint)

    def over(self) -> bool:
        end = self.session.plan.end_s
        return end is not None and self.session.elapsed() >= end
