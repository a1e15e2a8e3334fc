"""A live circle's breathing picture: the same frame as the pacer's (visual/breath_frame),
drawn from the circle's timeline at a moment of the host's clock, so that everyone's
orb grows and shrinks at the same moment. Pure: the moment is a parameter."""

from __future__ import annotations

import math

from coreg_tui.core import circle
from coreg_tui.core.circle import Timeline
from coreg_tui.core.durations import format_clock
from coreg_tui.core.pacing import Glide
from coreg_tui.visual.breath_frame import Frame, Notes, phase_parts
from coreg_tui.visual.pinned import Pin


def circle_frame(
    timeline: Timeline | None,
    host_s: float | None,
    size: tuple[int, int],
    notes: Notes,
    *,
    hint: str,
    waiting: str = "waiting for the host to begin",
    title: str = "a circle",
    ascii_only: bool = False,
    still: bool = False,
) -> Frame:
    """The picture at `host_s` (None until the host's clock is known)."""
    width, height = size
    title = str(timeline.pattern()) if timeline is not None else title

    def words(word: str, status: str = "", note: str | None = None) -> Frame:
        return Frame(width, height, title, "", word, status, hint, note, ())

    if timeline is None or host_s is None:
        return words(waiting)
    now = circle.moment(timeline, host_s)
    if now.what == "ended":
        return words("the circle has ended")
    if now.what == "waiting":
        return words(f"starting in {math.ceil(now.seconds_to_start - 1e-9)}", "", notes.stop)
    breathed = format_clock(circle.breathing_s(timeline, host_s))
    if now.what == "paused":
        return words("paused", f"{breathed} breathed together")
    piece = timeline.piece_at(host_s)
    assert piece is not None and now.phase is not None
    state, within = now.phase, host_s - piece.begins
    word, note, orb = phase_parts(state, within, size, notes, ascii_only, still)
    status = f"cycle {circle.cycles_done(timeline, host_s) + 1} \u00b7 {breathed}"
    if isinstance(piece.pacer, Glide) and within < piece.pacer.ramp_s:
        status += f" \u00b7 gliding to {piece.pacer.target}, now {state.pattern}"
    return Frame(width, height, title, state.phase.value, word, status, hint, note, orb)


def circle_pins(
    *,
    share: str | None,
    begun: bool,
    presence: str,
    news: list[str],
    copy_hint: str,
    trouble: str | None = None,
    typed: str | None = None,
) -> tuple[Pin, ...]:
    """The lines held above a circle's orb: the command to share (foremost while the
    circle waits to begin), who is breathing, the last things that happened, and what
    the leader is typing. Trouble (the circle could not be joined) stands alone."""
    if trouble:
        return (Pin(trouble, "bold", 3),)
    pins: list[Pin] = []
    if share is not None:
        pins.append(Pin(f"Others join with: {share}", "bold", 0 if begun else 3))
        if not begun:
            pins.append(
                Pin(
                    f"The code is the circle's key: share it only with them ({copy_hint}).",
                    "dim",
                    1,
                )
            )
    if presence:
        pins.append(Pin(presence, "", 2))
    pins += [Pin(line, "dim italic", 1) for line in news]
    if typed is not None:
        pins.append(Pin(f"> {typed}\u2581", "bold", 3))
    return tuple(pins)
