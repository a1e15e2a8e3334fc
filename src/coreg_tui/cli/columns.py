"""A plain table for the terminal: columns fitted to the window, cells cut with an ellipsis.

`coreg list` must answer in well under a second on a journal of a million
entries; importing Rich to draw its table costs more than the query, so the
list draws its own. Cell widths count wide characters (CJK, most emoji) as two.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def cell_width(text: str) -> int:
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells (with an ellipsis when cut) and padded to it."""
    cells = cell_width(text)
    if cells <= width:
        return text + " " * (width - cells)
    kept, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > width - 1:
            break
        kept.append(ch)
        used += w
    return "".join(kept) + "\u2026" + " " * (width - used - 1)


def fit_widths(natural: list[int], total: int, order: Sequence[tuple[int, int]]) -> list[int]:
    """Shrink columns to fit `total` cells (two-space gaps between them). `order` says
    which column gives way first and down to how narrow; 0 drops it."""
    widths = list(natural)
    spare = total - sum(widths) - 2 * (sum(1 for w in widths if w) - 1)
    for i, least in order:
        if spare >= 0:
            break
        if least == 0 and widths[i]:
            spare += widths[i] + 2
            widths[i] = 0
            continue
        give = min(-spare, max(0, widths[i] - least))
        widths[i] -= give
        spare += give
    return widths


def table_lines(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    *,
    styled: bool,
    dim_columns: frozenset[int] = frozenset(),
) -> list[str]:
    shown = [i for i, w in enumerate(widths) if w]

    def line(cells: Sequence[str], header: bool = False) -> str:
        parts = []
        for i in shown:
            cell = fit(cells[i], widths[i])
            if styled and (header or i in dim_columns):
                cell = f"{BOLD if header else DIM}{cell}{RESET}"
            parts.append(cell)
        return "  ".join(parts).rstrip()

    return [line(headers, header=True), *(line(row) for row in rows)]
