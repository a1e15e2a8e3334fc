"""Text in terminal cells, for the tables both faces draw: widths that count wide
characters (CJK, most emoji) as two, and cells cut with an ellipsis rather than mid-word
without a sign. Plain strings; nothing here draws."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def cell_width(text: str) -> int:
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


CUT, ASCII_CUT = "\u2026", "..."


def fit(text: str, width: int, cut: str = CUT) -> str:
    """`text` cut to `width` cells (ending in `cut` when cut) and padded to it."""
    cells = cell_width(text)
    if cells <= width:
        return text + " " * (width - cells)
    cut = cut[:width]
    room = width - len(cut)
    kept, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > room:
            break
        kept.append(ch)
        used += w
    return "".join(kept) + cut + " " * (room - used)


def natural_widths(
    headers: Sequence[str], rows: Sequence[Sequence[str]], caps: Sequence[int] | None = None
) -> list[int]:
    """Each column's widest cell (at most its cap); 0 for a column no row fills."""
    widths = []
    for i, header in enumerate(headers):
        cells = [cell_width(row[i]) for row in rows if row[i]]
        widest = max(cell_width(header), *cells) if cells else 0
        widths.append(min(widest, caps[i]) if caps else widest)
    return widths
