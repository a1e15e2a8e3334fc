"""What a step practice shows: the step's words and a gentle timer. Plain rows of text
and style, drawn by the CLI's painter or by a Textual widget alike."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coreg_tui.core.durations import format_clock
from coreg_tui.text import printable
from coreg_tui.visual.breath_frame import PHASE_STYLES, Line, centred
from coreg_tui.visual.orb import bar_line
from coreg_tui.visual.pinned import Pin, beneath, squeeze

if TYPE_CHECKING:
    from coreg_tui.core.practices import Practice


def step_lines(
    title: str,
    index: int,
    total: int,
    text: str,
    remaining: float,
    seconds: float,
    size: tuple[int, int],
    *,
    ascii_only: bool = False,
    hint: str = "enter: next step \u00b7 ctrl-c: finish",
    every_step: Sequence[str] = (),
) -> list[Line]:
    """The rows for one step. With `every_step` (all the practice's step texts) the words
    take as many rows as the longest step needs, so the title and timer hold still from
    one step to the next."""
    width, height = size
    left = max(0.0, min(1.0, remaining / seconds))
    wrap = min(60, max(10, width - 4))
    words = textwrap.wrap(printable(text), width=wrap)
    tallest = max((len(textwrap.wrap(printable(t), width=wrap)) for t in every_step), default=0)
    words += [""] * (tallest - len(words))
    bar_width = max(4, min(40, width - 10))
    body: list[Line] = [
        (centred(printable(title), width), "dim"),
        ("", ""),
        (centred(f"step {index + 1} of {total}", width), "dim"),
        ("", ""),
        *((centred(line, width), "bold") if line else ("", "") for line in words),
        ("", ""),
        (
            centred(bar_line(left, bar_width, ascii_only) + f"  {format_clock(remaining)}", width),
            PHASE_STYLES["inhale"],  # the companion draws it in its theme's inhale colour
        ),
        ("", ""),
        (centred(hint, width), "dim"),
    ]
    return squeeze(body, height)


def practice_rows(
    practice: Practice,
    index: int,
    remaining: float,
    size: tuple[int, int],
    *,
    pins: tuple[Pin, ...] = (),
    ascii_only: bool = False,
    hint: str = "enter: next step \u00b7 ctrl-c: finish",
) -> list[Line]:
    """A step practice's window at step `index`, below any `pins`: the same in the CLI
    and the companion."""
    top, room = beneath(pins, size)
    step = practice.steps[index]
    rows = step_lines(
        practice.title,
        index,
        len(practice.steps),
        step.text,
        remaining,
        step.seconds,
        room,
        ascii_only=ascii_only,
        hint=hint,
        every_step=[s.text for s in practice.steps],
    )
    return [*top, *rows][: size[1]]
