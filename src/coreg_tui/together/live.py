"""A circle's live picture in the terminal (`coreg together` without --plain): the same
frame as the companion's (visual/circle_frame.py), painted by the CLI's painter in the
alternate screen, with who is breathing and what happened held above the orb. Keys
are not echoed over it: what the leader types is shown in the picture instead."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from coreg_tui.core.circle import Timeline, moment
from coreg_tui.visual.pinned import Pin

LOOK_S = 1 / 20  # how often it looks at the clock; it paints only on change
NEWS = 3  # the last lines told, kept on screen


class LivePicture:
    """What the picture holds besides the orb; `tell` is where a circle's lines go while
    the picture is up (a line printed would scroll it away)."""

    def __init__(self, no_color: bool, still: bool) -> None:
        from coreg_tui.cli.terminal import make_console

        self.console = make_console(no_color=no_color)
        self.still = still
        self.news: list[str] = []
        self.typed: str | None = None

    def tell(self, line: str) -> None:
        self.news = [*self.news[-(NEWS - 1) :], line]

    def typing(self, typed: str) -> None:
        self.typed = typed

    async def run(
        self,
        timeline: Callable[[], Timeline | None],
        host_time: Callable[[], float | None],
        pins: Callable[[], tuple[Pin, ...]],
        *,
        hint: Callable[[], str],
        waiting: str,
        title: str = "a circle",
    ) -> None:
        """Paint until the circle ends (or the task is cancelled: Ctrl-C, a signal)."""
        from coreg_tui.cli.live_terminal import live_window
        from coreg_tui.cli.screen import Painter
        from coreg_tui.cli.terminal import ascii_only
        from coreg_tui.clock import circle_clock
        from coreg_tui.content import breathing
        from coreg_tui.visual.breath_frame import Notes, layout
        from coreg_tui.visual.circle_frame import circle_frame
        from coreg_tui.visual.pinned import beneath

        content, console = breathing(), self.console
        painter, only_ascii = Painter(console), ascii_only(console)
        last: object = None
        with live_window(painter, circle_clock()):
            while True:
                line, now = timeline(), host_time()
                if line is not None and now is not None and moment(line, now).what == "ended":
                    return
                caution = content.caution_for(line.pattern(), None) if line else None
                window = (console.size.width, console.size.height)
                top, size = beneath(pins(), window)
                frame = circle_frame(
                    line,
                    now,
                    size,
                    Notes(content.stop_note, caution),
                    hint=hint(),
                    waiting=waiting,
                    title=title,
                    ascii_only=only_ascii,
                    still=self.still,
                )
                if (top, frame) != last or painter.fresh:
                    painter.paint([*top, *layout(frame)][: window[1]], window)
                    last = (top, frame)
                await asyncio.sleep(LOOK_S)
