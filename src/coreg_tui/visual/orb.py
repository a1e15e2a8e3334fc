"""A breathing orb drawn with half-block characters.

A terminal cell is about twice as tall as it is wide, so splitting each cell
into a top and a bottom half gives square "pixels": a circle of radius R
pixels is 2R cells wide and R cells tall. Radii are rounded to half a pixel,
so a breath has a few dozen distinct frames and a display redraws only when
the picture really changes.
"""

from __future__ import annotations

from functools import lru_cache

_UNICODE = {(True, True): "\u2588", (True, False): "\u2580", (False, True): "\u2584"}


def quantise(radius: float) -> float:
    return round(radius * 2) / 2


@lru_cache(maxsize=256)
def orb_lines(radius: float, width: int, rows: int, ascii_only: bool = False) -> tuple[str, ...]:
    """`rows` lines of `width` characters with a filled circle in the middle."""
    cx, cy = width / 2, rows  # centre, in pixels (a row is two pixels tall)
    r2 = radius * radius
    lines = []
    for row in range(rows):
        chars = []
        for col in range(width):
            dx2 = (col + 0.5 - cx) ** 2
            if ascii_only:
                inside = dx2 + (2 * row + 1 - cy) ** 2 <= r2
                chars.append("o" if inside else " ")
                continue
            top = dx2 + (2 * row + 0.5 - cy) ** 2 <= r2
            bottom = dx2 + (2 * row + 1.5 - cy) ** 2 <= r2
            chars.append(_UNICODE.get((top, bottom), " "))
        lines.append("".join(chars))
    return tuple(lines)


def bar_line(fraction: float, width: int, ascii_only: bool = False) -> str:
    """A one-line stand-in for the orb in a very small window (the caller centres it)."""
    cells = max(1, round(fraction * width))
    return ("=" if ascii_only else "\u2501") * cells
