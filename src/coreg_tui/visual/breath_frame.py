"""What the live breathing display shows: plain values, then the window's rows.

`breath_frame` decides what is on screen from the pacer's state; frames are
equal when the picture would be the same, so the runner redraws only when
something a person can see has changed (the orb's size in half-pixel steps,
the countdown's second, the window's size).
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from coreg_tui.core.durations import format_clock
from coreg_tui.core.pacing import PhaseState, fullness
from coreg_tui.core.session import SessionPlan
from coreg_tui.visual.orb import bar_line, orb_lines, quantise

Line = tuple[str, str]  # a row's text, and a Rich style definition ("" for none)

PHASE_WORDS = {
    "inhale": "breathe in",
    "top_up": "a little more in",
    "hold_in": "hold",
    "exhale": "breathe out",
    "hold_out": "hold",
}
# The CLI's colours, soft for a dark terminal (7.7, 6.4 and 7.8 to 1 on black-ish
# #1d2125; about 2:1 on white). The companion draws each in its theme's colour for the
# same phase instead (tui/themes.py), dark enough on the light theme's page.
PHASE_STYLES = {"inhale": "#7fbfb7", "hold": "#a99bd0", "exhale": "#93bf91"}
MAX_RADIUS = 18.0  # pixels: 36 columns by 18 rows at the fullest, in a large window
TEXT_ROWS = 6  # title, gap, gap, phase, status, hint
SIZES = 16  # the orb's sizes between empty and full lungs
BAR_BELOW = 14  # rows under which the orb is a bar: a small window keeps its words
ROOMY = 20  # rows from which the stop note (not a caution, which always shows) has room


@dataclass(frozen=True, slots=True)
class Notes:
    stop: str
    caution: str | None


@dataclass(frozen=True, slots=True)
class Frame:
    width: int
    height: int
    title: str
    phase: str  # inhale, hold, exhale (for colour); "" while waiting
    word: str
    status: str
    hint: str
    note: str | None
    orb: tuple[str, ...]


def note_lines(note: str, width: int) -> list[str]:
    """A note wrapped to the window: it is never cut."""
    return textwrap.wrap(note, width=max(10, min(76, width - 2)))


def _orb(fraction: float, width: int, height: int, ascii_only: bool) -> tuple[str, ...]:
    """The orb, as big as the room allows (so bigger in a bigger window), or a bar where
    there is no room for a round one."""
    # Seven tenths of the rows the words leave: room around the orb, and a window twice
    # as tall gets an orb about twice as tall, up to MAX_RADIUS.
    rows = min(int((height - TEXT_ROWS) * 0.7), int(MAX_RADIUS))
    biggest = min(float(rows), (width - 2) / 2, MAX_RADIUS)
    if biggest < 3 or height < BAR_BELOW:
        return (bar_line(max(0.08, fraction), max(1, width - 4), ascii_only),)
    smallest = max(1.5, biggest * 0.3)
    # At most SIZES distinct sizes a breath, however big the orb: a bigger window draws
    # a bigger orb, not more frames.
    step = max(0.5, (biggest - smallest) / SIZES)
    radius = quantise(smallest + round((biggest - smallest) * fraction / step) * step)
    return orb_lines(radius, width, rows, ascii_only)


def _still(state: PhaseState) -> float:
    """Reduced motion: full after breathing in, small after breathing out, no animation."""
    return 1.0 if state.role in ("inhale", "top_up", "hold_in") else 0.0


def _status(plan: SessionPlan, state: PhaseState, t: float) -> str:
    parts = [f"cycle {state.cycle + 1}" + (f" of {plan.cycles}" if plan.cycles else "")]
    if plan.end_s is not None:
        parts.append(f"{format_clock(plan.end_s - t)} left")
    else:
        parts.append(format_clock(t))
    if plan.start is not None and t < plan.glide_ends_s:
        parts.append(f"gliding {plan.start} \u2192 {plan.target}, now {state.pattern}")
    return " \u00b7 ".join(parts)


def breath_frame(
    plan: SessionPlan,
    state: PhaseState,
    t: float,
    size: tuple[int, int],
    notes: Notes,
    ascii_only: bool,
    still: bool = False,
    hint: str = "ctrl-c to finish",
) -> Frame:
    word, note, orb = phase_parts(state, t, size, notes, ascii_only, still)
    return Frame(
        width=size[0],
        height=size[1],
        title=plan.label,
        phase=state.phase.value,
        word=word,
        status=_status(plan, state, t),
        hint=hint,
        note=note,
        orb=orb,
    )


def phase_parts(
    state: PhaseState,
    t: float,
    size: tuple[int, int],
    notes: Notes,
    ascii_only: bool,
    still: bool,
) -> tuple[str, str | None, tuple[str, ...]]:
    """What any breathing picture shows of a phase, `t` seconds into its pacer: the word
    and countdown, the note there is room for, and the orb."""
    width, height = size
    countdown = math.ceil(state.end_s - t - 1e-9)
    # A hold's caution always shows, whatever the size: the orb gives way to it. The stop
    # note shows where there is room.
    note = notes.caution if state.pattern.has_holds else notes.stop
    if note and not (state.pattern.has_holds or height >= ROOMY):
        note = None
    reserved = len(note_lines(note, width)) + 1 if note else 0
    fraction = _still(state) if still else fullness(state)
    orb = _orb(fraction, width, height - reserved, ascii_only)
    return f"{PHASE_WORDS[state.role]}  {countdown}", note, orb


def waiting_frame(
    plan: SessionPlan,
    wait_s: float,
    size: tuple[int, int],
    notes: Notes,
    hint: str = "ctrl-c to finish",
) -> Frame:
    width, height = size
    period = plan.pacer.sync_anchor()[1]
    return Frame(
        width=width,
        height=height,
        title=plan.label,
        phase="",
        word=f"starting in {math.ceil(wait_s - 1e-9)}",
        status=f"in step with the clock: a new cycle every {period:g} s",
        hint=hint,
        note=notes.caution or notes.stop,
        orb=(),
    )


def centred(text: str, width: int) -> str:
    """`text` centred in `width` cells, shortened with an ellipsis if it does not fit."""
    if len(text) > width:
        return text[: max(0, width - 1)] + "\u2026" if width > 0 else ""
    return " " * ((width - len(text)) // 2) + text


def layout(frame: Frame) -> list[Line]:
    """The window's rows, top to bottom, each a text and a style."""
    colour = PHASE_STYLES.get(frame.phase, "")
    width = frame.width
    body: list[Line] = [
        (centred(frame.title, width), "dim"),
        ("", ""),
        *(
            (line[:width], colour) if len(frame.orb) > 1 else (centred(line, width), colour)
            for line in frame.orb
        ),
        ("", ""),
        (centred(frame.word, width), f"bold {colour}".strip()),
        (centred(frame.status, width), "dim"),
        (centred(frame.hint, width), "dim"),
    ]
    if frame.note:  # room was kept for it
        note = note_lines(frame.note, width)
        body += [("", ""), *((centred(line, width), "dim italic") for line in note)]
    from coreg_tui.visual.pinned import squeeze

    return squeeze(body, frame.height)
