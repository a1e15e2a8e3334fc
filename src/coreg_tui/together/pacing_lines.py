"""What a circle prints: its breath as plain lines, the same lines as `coreg breathe
--plain`, each written the moment its phase begins on the host's clock; and the lines
about the people in it."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from typing import TextIO

from coreg_tui.core.circle import Moment, Timeline, moment
from coreg_tui.core.pacing import format_seconds


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def shared_line(name: str | None, before: str | None, after: str | None) -> str:
    """A person's shared state, as shapes: `Sam: ▲ → ●`."""
    from coreg_tui.core.states import State
    from coreg_tui.visual.state_marks import MARKS

    marks = [MARKS[State(s)] for s in (before, after) if s is not None]
    arrow = " \u2192 "
    return f"{name or 'someone'}: {arrow.join(marks)}"


def presence_line(people: list[tuple[str, str | None, str | None]]) -> str:
    """Who is breathing, each with a shared state where they share one: `3 breathing:
    you · Sam ▲ → ● · someone`."""
    if not people:
        return ""
    shown = [shared_line(name, b, a) if (b or a) else name for name, b, a in people]
    return f"{len(people)} breathing: " + " \u00b7 ".join(shown)


LOOK_S = 0.25  # the longest wait before looking again for a change of timeline
_SUFFIX = {"top_up": ", a little more"}


def phase_line(now: Moment) -> str:
    phase = now.phase
    assert phase is not None
    return f"{phase.phase} {format_seconds(phase.seconds)}s{_SUFFIX.get(phase.role, '')}\n"


async def breathe_lines(
    timeline: Callable[[], Timeline | None],
    host_time: Callable[[], float | None],
    out: TextIO,
    waiting: str = "waiting for the host to begin",
) -> None:
    """Write each phase as it begins until the circle ends; `host_time` is None until the
    clock's offset is known."""
    said: tuple[object, ...] | None = None
    waiting_said = False
    while True:
        now_s = host_time()
        line = timeline()
        now = moment(line, now_s) if now_s is not None and line is not None else None
        if now is not None and now.what == "ended":
            return
        if now is None or now.what == "waiting":
            if not waiting_said:
                out.write(waiting + "\n")
                out.flush()
                waiting_said = True
            wait = LOOK_S if now is None else min(LOOK_S, max(0.0, now.seconds_to_start))
            await asyncio.sleep(wait)
            continue
        assert now_s is not None and line is not None
        if now.what == "paused":
            if said != ("paused",):
                out.write("paused\n")
                out.flush()
                said = ("paused",)
            await asyncio.sleep(LOOK_S)
            continue
        phase = now.phase
        assert phase is not None
        piece = line.piece_at(now_s)
        key = (piece.begins if piece else None, phase.cycle, phase.index)
        if key != said:
            out.write(phase_line(now))
            out.flush()
            said = key
        assert piece is not None
        next_at = piece.begins + phase.end_s
        if line.ends is not None:
            next_at = min(next_at, line.ends)
        await asyncio.sleep(max(0.0, min(LOOK_S, next_at - now_s)))
