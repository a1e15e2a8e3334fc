"""A live circle's picture: the shared orb, drawn from the circle's timeline at the
host's clock (visual/circle_frame.py), with who is here held above it."""

from __future__ import annotations

from collections.abc import Callable

from coreg_tui.core.circle import Timeline
from coreg_tui.tui.widgets.pacer import LivePicture
from coreg_tui.visual.breath_frame import Frame, Notes
from coreg_tui.visual.circle_frame import circle_frame


class CirclePicture(LivePicture):
    def __init__(
        self,
        timeline: Callable[[], Timeline | None],
        host_time: Callable[[], float | None],
        hint: Callable[[], str],
        *,
        waiting: str,
        title: str = "a circle",
        still: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(Notes("", None), still=still, id=id)
        self.timeline, self.host_time, self.hint = timeline, host_time, hint
        self.waiting, self.title = waiting, title

    def _notes(self, timeline: Timeline | None) -> Notes:
        from coreg_tui.content import breathing

        content = breathing()
        pattern = timeline.pattern() if timeline is not None else None
        caution = content.caution_for(pattern, None) if pattern is not None else None
        return Notes(content.stop_note, caution)

    def picture(self, size: tuple[int, int]) -> Frame:
        timeline = self.timeline()
        return circle_frame(
            timeline,
            self.host_time(),
            size,
            self._notes(timeline),
            hint=self.hint(),
            waiting=self.waiting,
            title=self.title,
            still=self.still,
        )
