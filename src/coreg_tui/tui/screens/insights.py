"""Insights: the same figures as `coreg stats`, as pictures. The last four weeks
first; `r` steps through a week, four weeks, three months and a year."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from coreg_tui.core.insights import Insights
from coreg_tui.core.states import State
from coreg_tui.tui.widgets.footer import CoregFooter

RANGES = (
    (28, "the last 4 weeks"),
    (7, "the last week"),
    (90, "the last 3 months"),
    (365, "the last year"),
)
STYLES = {State.VENTRAL: "#9ebf9f", State.SYMPATHETIC: "#d2a86f", State.DORSAL: "#8aa8c2"}


class InsightsScreen(Screen[None]):
    BINDINGS = [
        Binding(
            "r", "next_range", "Range", id="range", tooltip="A week, 4 weeks, 3 months, a year"
        ),
        Binding("escape", "app.pop_screen", "Back", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.range_index = 0
        self.found: Insights | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="insights"):
            yield Static("Reading your journal\u2026", id="insights-text")
        yield CoregFooter()

    def on_mount(self) -> None:
        self.load(self.range_index)

    def action_next_range(self) -> None:
        self.range_index = (self.range_index + 1) % len(RANGES)
        self.load(self.range_index)

    @work(thread=True, exclusive=True)
    def load(self, index: int) -> None:
        from coreg_tui.journal import open_journal
        from coreg_tui.journal.insights import read_insights

        today = datetime.fromtimestamp(self.app.clock.wall()).date()  # type: ignore[attr-defined]
        first = today - timedelta(days=RANGES[index][0] - 1)
        with open_journal(create=False) as journal:
            found = read_insights(journal, first, today, today)
        self.app.call_from_thread(self.show, found, index)

    def show(self, found: Insights, index: int) -> None:
        if index != self.range_index:
            return  # an older request, overtaken by `r`
        self.found = found
        self.query_one("#insights-text", Static).update(
            picture(found, RANGES[index][1], self.size.width or 80)
        )

    def on_resize(self) -> None:
        if self.found is not None:
            self.show(self.found, self.range_index)


def picture(ins: Insights, name: str, width: int) -> Text:
    from coreg_tui.core.insights import summary
    from coreg_tui.visual.insight_pictures import MARKS, heatmap, intensity_marks

    out = Text()
    out.append(
        f"{name.capitalize()}: {ins.first_day:%-d %b} to {ins.last_day:%-d %b %Y}\n", style="bold"
    )
    for line in summary(ins):
        out.append(f"{line}\n")
    if ins.overall.total:
        out.append("\nStates by time of day\n", style="bold")
        labels, rows, ruler = heatmap(ins, width - 4)
        gap = " " if rows and len(rows[0]) * 2 <= width - 15 else ""
        for label, cells in zip(labels, rows, strict=True):
            out.append(f"{label:<10} ")
            for mark, state in cells:
                out.append(mark + gap, style=STYLES[state] if state else "dim")
            out.append("\n")
        out.append(f"{'':<10} {ruler}\n", style="dim")
        out.append(f"{'intensity':<10} {gap.join(intensity_marks(ins, width - 4))}\n")
        out.append("           ")
        for state in State:
            out.append(MARKS[state], style=STYLES[state])
            out.append(f" {state.value}  ")
        out.append("\n")
        out.append(_company(ins))
    out.append(_helped(ins))
    return out


def _company(ins: Insights) -> Text:
    from coreg_tui.text import printable

    out = Text()
    if not ins.together.total:
        return out
    out.append("\nAlone and together\n", style="bold")
    rows = [("alone", ins.alone), ("with someone", ins.together)]
    rows += [(f"  {printable(name)[:14]}", s) for name, s in list(ins.people.items())[:6]]
    for label, spread in rows:
        out.append(f"{label:<16} {spread.total:>4}  ")
        for state in State:
            out.append(
                f"{spread.share(state):>4.0%} {state.value[0].upper()}  ", style=STYLES[state]
            )
        out.append("\n")
    return out


def _helped(ins: Insights) -> Text:
    from coreg_tui.text import printable

    out = Text()
    if not ins.helpers:
        return out
    out.append("\nWhat helped  (sessions, with a before and after, mean change)\n", style="bold")
    for h in ins.helpers[:6]:
        change = "   -" if h.mean_change is None else f"{h.mean_change:+.1f}"
        out.append(f"{printable(h.practice)[:16]:<16} {h.sessions:>4}  {h.measured:>4}  {change}\n")
    return out
