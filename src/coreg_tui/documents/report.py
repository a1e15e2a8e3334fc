"""A report of a range in Markdown: to read, or to bring to a therapist.

The range and a few sentences; the states as a Mermaid pie (GitHub and Obsidian
draw it) with a plain-text bar chart beside it for any viewer; a grid of days by
time of day; what helped; with whom; and the notes of the period, escaped as the
export escapes them, so nothing a note says can change the document.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TextIO

from coreg_tui.content.names import practice_names
from coreg_tui.core.entries import Entry
from coreg_tui.core.insights import PARTS_OF_DAY, Insights, Spread, summary
from coreg_tui.core.practices import practice_title
from coreg_tui.core.states import State
from coreg_tui.documents.export import md_block, md_inline
from coreg_tui.visual.entry_text import what_text
from coreg_tui.visual.insight_pictures import share_bar

LETTERS = {State.VENTRAL: "V", State.SYMPATHETIC: "S", State.DORSAL: "D"}


def _mean(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _cell(spread: Spread) -> str:
    """A grid cell: the states seen, most seen first, with counts (`S2 V1`)."""
    seen = sorted((s for s in State if spread.counts[s]), key=lambda s: -spread.counts[s])
    return " ".join(f"{LETTERS[s]}{spread.counts[s]}" for s in seen) or "\u00b7"


def _table(headers: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _states(ins: Insights) -> list[str]:
    o = ins.overall
    pie = ["```mermaid", "pie showData title Check-ins by state"]
    pie += [f'    "{s.value}" : {o.counts[s]}' for s in State if o.counts[s]]
    pie.append("```")
    bars = ["```text"]
    for s in State:
        drawn = share_bar(o.share(s), 20, ascii_only=True, empty=".")
        bars.append(
            f"{s.value:<12} {drawn} {o.percent(s):>3}%  "
            f"{o.counts[s]:>4} check-in{'s' if o.counts[s] != 1 else ''}, "
            f"mean intensity {_mean(o.mean_for(s))}"
        )
    bars.append("```")
    return ["## States", "", *pie, "", *bars]


def _grid(ins: Insights) -> list[str]:
    parts = [name for name, *_ in PARTS_OF_DAY]
    rows = [
        [f"{day:%a %-d %b}", *(_cell(cells.get(p, Spread())) for p in parts)]
        for day, cells in ins.grid.items()
    ]
    if not rows:
        return []
    key = "V ventral, S sympathetic, D dorsal; the number is how many check-ins."
    return ["## Day by time of day", "", *_table(["day", *parts], rows), "", key]


def _helped(ins: Insights) -> list[str]:
    if not ins.helpers:
        return []
    from coreg_tui.core.insights import HELPED_NOTE, helped_cells

    rows = [
        [md_inline(practice_title(h.practice, practice_names())), *helped_cells(h)]
        for h in ins.helpers
    ]
    headers = ["practice", "sessions", "ended calmer or in the window", "closer, on average"]
    return ["## What helped", "", *_table(headers, rows), "", HELPED_NOTE]


def _company(ins: Insights) -> list[str]:
    if not ins.together.total:
        return []

    from coreg_tui.core.insights import company_cells

    def row(name: str, s: Spread) -> list[str]:
        total, inside, distance = company_cells(s)
        if distance is None:
            return [name, total, inside, "", "", "", ""]
        return [name, total, inside, distance, *(f"{s.percent(st)}%" for st in State)]

    rows = [row("alone", ins.alone), row("with someone", ins.together)]
    rows += [row(md_inline(name), s) for name, s in ins.people.items()]
    headers = ["", "check-ins", "in the window", "mean distance", *(s.value for s in State)]
    note = (
        "In the window: the share of check-ins that were ventral. Mean distance: how far "
        "from the window they sat, 0 inside it; with fewer than three check-ins, too few "
        "to say."
    )
    return ["## Alone and together", "", *_table(headers, rows), "", note]


def _notes(with_notes: list[Entry]) -> list[str]:
    if not with_notes:
        return []
    lines = ["## Notes", ""]
    for e in with_notes:
        lines.append(f"- {e.at:%a %-d %b %H:%M} \u00b7 {md_inline(what_text(e, practice_names()))}")
        lines += ["", *md_block(e.note, "  "), ""]
    return lines


def write_report(
    ins: Insights, entries: Iterable[Entry], out: TextIO, written_at: datetime
) -> None:
    """The report of `ins`; `entries` are the range's entries, oldest first (for their notes)."""
    with_notes = [e for e in entries if e.note.strip()]
    title = f"{ins.first_day:%-d %B %Y} to {ins.last_day:%-d %B %Y}"
    sections = [
        [f"# coreg report: {title}"],
        [
            f"{ins.days_in_range} days, "
            f"{ins.first_day:%A %-d %B %Y} to {ins.last_day:%A %-d %B %Y}. "
            f"Written {written_at:%-d %B %Y at %H:%M}."
        ],
        ["## In short", "", *(f"- {md_inline(line)}" for line in summary(ins, practice_names()))],
    ]
    if ins.overall.total:
        sections += [_states(ins), _grid(ins)]
    sections += [_helped(ins), _company(ins), _notes(with_notes)]
    text = "\n".join(line for section in sections if section for line in [*section, ""])
    out.write(text.rstrip() + "\n")
