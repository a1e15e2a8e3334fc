"""A plain table for the terminal: columns fitted to the window, cells cut with an ellipsis.

`coreg list` must answer in well under a second on a journal of a million
entries; importing Rich to draw its table costs more than the query, so the
list draws its own. Cell widths count wide characters (CJK, most emoji) as two.
"""

from __future__ import annotations

from collections.abc import Sequence

from coreg_tui.visual.cells import ASCII_CUT, CUT, fit, natural_widths

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def as_ascii(text: str) -> str:
    """`text` as an ASCII-only output will show it, so its width can be counted first."""
    from coreg_tui.text import ASCII_ERRORS

    return text.encode("ascii", ASCII_ERRORS).decode("ascii")


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
    ascii_only: bool = False,
    dim_columns: frozenset[int] = frozenset(),
) -> list[str]:
    """The header and rows, each cell fitted to its column; `rows` already as shown
    (through `as_ascii` for an ASCII-only output, so the widths hold)."""
    shown = [i for i, w in enumerate(widths) if w]
    cut = ASCII_CUT if ascii_only else CUT

    def line(cells: Sequence[str], header: bool = False) -> str:
        parts = []
        for i in shown:
            cell = fit(cells[i], widths[i], cut)
            if styled and (header or i in dim_columns):
                cell = f"{BOLD if header else DIM}{cell}{RESET}"
            parts.append(cell)
        return "  ".join(parts).rstrip()

    return [line(headers, header=True), *(line(row) for row in rows)]


def write_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    give_way: Sequence[tuple[int, int]],
    *,
    caps: Sequence[int] | None = None,
    hint: str = "",
) -> None:
    """The table on stdout, fitted to the window: styled only on a terminal, in ASCII
    stand-ins for an output that cannot show more, with a dim `hint` line under it."""
    import shutil
    import sys

    from coreg_tui.cli.terminal import is_terminal, output_is_ascii

    styled = is_terminal(sys.stdout)
    ascii_only = output_is_ascii(sys.stdout)
    if ascii_only:
        rows = [[as_ascii(cell) for cell in row] for row in rows]
    widths = fit_widths(
        natural_widths(headers, rows, caps),
        shutil.get_terminal_size((100, 24)).columns,
        give_way,
    )
    lines = table_lines(
        headers, rows, widths, styled=styled, ascii_only=ascii_only, dim_columns=frozenset({0})
    )
    if hint:
        lines.append(f"{DIM}{hint}{RESET}" if styled else hint)
    sys.stdout.write("\n".join(lines) + "\n")
