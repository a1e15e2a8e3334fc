"""Insights as small pictures of text, for the companion's Insights screen.

Each state has a shape as well as a colour, so the pictures read the same with
colour turned off: ventral a round dot, sympathetic an upward triangle, dorsal a
downward one.
"""

from __future__ import annotations

from datetime import date, timedelta

from coreg_tui.core.insights import PARTS_OF_DAY, Insights, Spread
from coreg_tui.core.states import State
from coreg_tui.visual.state_marks import MARKS

EMPTY = "\u00b7"
SPARKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
Cell = tuple[str, State | None]  # a mark and the state that colours it


def share_bar(share: float, width: int, *, ascii_only: bool = False, empty: str = " ") -> str:
    """A share 0-1 as a bar `width` cells wide: eighth blocks, or # where only ASCII goes."""
    share = max(0.0, min(1.0, share))
    if ascii_only:
        filled = round(share * width)
        return "#" * filled + empty * (width - filled)
    full, part = divmod(round(share * width * 8), 8)
    drawn = "\u2588" * full + (chr(0x2590 - part) if part else "")
    return drawn + empty * (width - len(drawn))


def sparkline(values: list[float | None], high: float = 10.0) -> str:
    """One character per value, 0 to `high`; a gap where there is none."""
    return "".join(" " if v is None else SPARKS[min(7, int(v / high * 8))] for v in values)


def _mark(spread: Spread | None) -> Cell:
    if spread is None or not spread.total:
        return EMPTY, None
    state = spread.leaning
    assert state is not None
    return MARKS[state], state


def columns(ins: Insights, width: int) -> tuple[list[date], int]:
    """The first day of each column, and how many days a column holds: one day per
    column while the range fits, else whole weeks."""
    days = ins.days_in_range
    step = 1 if days * 2 <= width else 7
    start = ins.first_day if step == 1 else ins.first_day - timedelta(ins.first_day.weekday())
    firsts = []
    day = start
    while day <= ins.last_day:
        firsts.append(day)
        day += timedelta(days=step)
    return firsts, step


def _merged(ins: Insights, first: date, step: int, part: str | None) -> Spread:
    merged = Spread()
    for offset in range(step):
        day = first + timedelta(days=offset)
        source = ins.days.get(day) if part is None else ins.grid.get(day, {}).get(part)
        if source is not None:
            merged.merge(source)
    return merged


def heatmap(ins: Insights, width: int) -> tuple[list[str], list[list[Cell]], str]:
    """Rows of (label, cells): parts of the day down, days (or weeks) across, each
    cell the state seen most then; and the line of dates under it."""
    firsts, step = columns(ins, width - 11)
    labels = [name for name, *_ in PARTS_OF_DAY]
    rows = [[_mark(_merged(ins, first, step, part)) for first in firsts] for part in labels]
    unit = "day" if step == 1 else "week"
    ruler = f"{firsts[0]:%-d %b}" if firsts else ""
    if len(firsts) > 1:
        ruler += f" \u2026 {firsts[-1]:%-d %b}, one column a {unit}"
    return labels, rows, ruler


def intensity_marks(ins: Insights, width: int) -> str:
    """The mean intensity of each column of the heatmap, as a sparkline."""
    firsts, step = columns(ins, width - 11)
    return sparkline([_merged(ins, first, step, None).mean_intensity for first in firsts])
