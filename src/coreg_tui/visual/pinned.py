"""Lines held at the top of a live picture while it runs: help right now keeps its care
lines and the person's contact on screen through the breathing and the grounding, and
the picture has the rest of the window."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from coreg_tui.visual.breath_frame import Line

ROOM = 6  # rows the picture below needs to be of use


@dataclass(frozen=True, slots=True)
class Pin:
    text: str
    style: str = ""
    keep: int = 0  # when rows run short, the lowest is left out first; the highest never


def _rows(pins: list[Pin], width: int) -> list[Line]:
    rows: list[Line] = []
    for pin in pins:
        rows += [(" " + line, pin.style) for line in textwrap.wrap(pin.text, max(10, width - 2))]
    return [*rows, ("", "")]


def pinned_rows(pins: tuple[Pin, ...], size: tuple[int, int]) -> list[Line]:
    """The pinned lines, wrapped to the width: as many as leave the picture ROOM rows,
    leaving out the least needed first. Those kept highest stay, whatever the size."""
    width, height = size
    shown = list(pins)
    top = max((p.keep for p in pins), default=0)
    while True:
        rows = _rows(shown, width)
        spare = [p for p in shown if p.keep < top]
        if height - len(rows) >= ROOM or not spare:
            return rows if shown else []
        shown.remove(min(spare, key=lambda p: p.keep))


def beneath(pins: tuple[Pin, ...], size: tuple[int, int]) -> tuple[list[Line], tuple[int, int]]:
    """The pinned rows for a window of `size`, and the size left below them for the
    picture (at least one row)."""
    top = pinned_rows(pins, size)
    return top, (size[0], max(1, size[1] - len(top)))


def care_pins(care: list[str], intro: str) -> tuple[Pin, ...]:
    """Help right now's pins: the care lines (the first, a message, gives way first; the
    person's contact and the emergency line never do), then the line that introduces
    what runs below them."""
    return (
        Pin(care[0], "", 0),
        *(Pin(text, "bold", 2) for text in care[1:]),
        Pin(intro, "italic", 1),
    )


def squeeze(body: list[Line], height: int) -> list[Line]:
    """`body` centred in `height` rows; where it is taller, blank rows go first, then the
    rows at the top (a title), so the words that matter stay whole."""
    rows = list(body)
    while len(rows) > height and ("", "") in rows:
        rows.remove(("", ""))
    rows = rows[max(0, len(rows) - height) :]
    top = max(0, (height - len(rows)) // 2)
    return [("", "")] * top + rows
