"""The circle's breath as plain lines, the same lines as `coreg breathe --plain`, each
written the moment its phase begins on the host's clock."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TextIO

from coreg_tui.core.circle import Moment, Timeline, moment
from coreg_tui.core.pacing import format_seconds

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
        if now_s is None or line is None:
            if not waiting_said:
                out.write(waiting + "\n")
                out.flush()
                waiting_said = True
            await asyncio.sleep(LOOK_S)
            continue
        now = moment(line, now_s)
        if now.what == "ended":
            return
        if now.what == "waiting":
            if not waiting_said:
                out.write(waiting + "\n")
                out.flush()
                waiting_said = True
            await asyncio.sleep(min(LOOK_S, max(0.0, now.seconds_to_start)))
            continue
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
