"""Insights: the same figures as `coreg stats`, as pictures. The last four weeks
first; `r` steps through a week, four weeks, three months and a year."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, get_current_worker

from coreg_tui.core.insights import Insights
from coreg_tui.core.states import State
from coreg_tui.tui.screens.base import CoregScreen
from coreg_tui.tui.widgets.footer import CoregFooter

RANGES = (
    (28, "the last 4 weeks"),
    (7, "the last week"),
    (90, "the last 3 months"),
    (365, "the last year"),
)
Styles = dict[State, str]  # each state's colour, from the theme (tui/themes.py)


class InsightsScreen(CoregScreen[None]):
    BINDINGS = [
        Binding(
            "r", "next_range", "Range", id="range", tooltip="A week, 4 weeks, 3 months, a year"
        ),
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("q", "app.pop_screen", "Back", show=False, id="back-q"),
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
        # A theme chosen in the palette redraws the pictures in its colours.
        self.watch(self.app, "theme", lambda _: self.on_resize(), init=False)

    def on_screen_resume(self) -> None:
        """Back from a screen that may have kept entries (help now, a practice): read the
        journal again, so the figures include them."""
        if self.found is not None:
            self.load(self.range_index)

    def action_next_range(self) -> None:
        self.range_index = (self.range_index + 1) % len(RANGES)
        self.load(self.range_index)

    class Found(Message):
        """What the journal says for a range, read in a worker's thread."""

        def __init__(self, found: Insights, index: int, worker: Worker[None]) -> None:
            super().__init__()
            self.found, self.index, self.worker = found, index, worker

    @work(thread=True, exclusive=True, group="read")
    def load(self, index: int) -> None:
        """A range's insights; `r` again cancels a range still being read."""
        from coreg_tui.journal.insights import read_insights
        from coreg_tui.tui.keeping import read

        today = datetime.fromtimestamp(self.app.clock.wall()).date()
        first = today - timedelta(days=RANGES[index][0] - 1)
        found = read(self.app, lambda journal: read_insights(journal, first, today, today))
        worker = get_current_worker()
        if found is not None and not worker.is_cancelled:
            self.post_message(self.Found(found, index, worker))

    @on(Found)
    def found_range(self, message: Found) -> None:
        if not message.worker.is_cancelled:  # cancelled on this thread: never a race
            self.show(message.found, message.index)

    def show(self, found: Insights, index: int) -> None:
        self.found = found
        from coreg_tui.tui.themes import as_drawn, state_styles

        self.query_one("#insights-text", Static).update(
            picture(
                found,
                RANGES[index][1],
                self.size.width or 80,
                state_styles(self.app),
                str(as_drawn(self.app, "dim")),
            )
        )

    def on_resize(self) -> None:
        if self.found is not None:
            self.show(self.found, self.range_index)


def picture(ins: Insights, name: str, width: int, styles: Styles, quiet: str) -> Text:
    """The figures as pictures, states in `styles`, rulers and empty cells in `quiet`."""
    from coreg_tui.content.names import practice_names
    from coreg_tui.core.insights import span_text, summary
    from coreg_tui.visual.insight_pictures import MARKS, heatmap, intensity_marks

    out = Text()
    out.append(f"{name.capitalize()}: {span_text(ins)}\n", style="bold")
    for line in summary(ins, practice_names()):
        out.append(f"{line}\n")
    if not ins.overall.total and not ins.practice_sessions:
        out.append(
            "\nr looks at a longer range. To add to your journal, check in from Home (c), "
            "or breathe (b): what you note shows here.\n",
            style="italic",
        )
    if ins.overall.total:
        out.append("\nStates by time of day\n", style="bold")
        labels, rows, ruler = heatmap(ins, width - 4)
        gap = " " if rows and len(rows[0]) * 2 <= width - 15 else ""
        for label, cells in zip(labels, rows, strict=True):
            out.append(f"{label:<10} ")
            for mark, state in cells:
                out.append(mark + gap, style=styles[state] if state else quiet)
            out.append("\n")
        out.append(f"{'':<10} {ruler}\n", style=quiet)
        out.append(f"{'intensity':<10} {gap.join(intensity_marks(ins, width - 4))}\n")
        out.append("           ")
        for state in State:
            out.append(MARKS[state], style=styles[state])
            out.append(f" {state.value}  ")
        out.append("\n")
        out.append(_company(ins, styles, width))
    out.append(_helped(ins))
    return out


COMPANY_MIX_WIDTH = 62  # the columns with the V / S / D mix; narrower, the mix is left out


def _company(ins: Insights, styles: Styles, width: int) -> Text:
    from coreg_tui.text import label_lines, printable

    out = Text()
    if not ins.together.total:
        return out
    from coreg_tui.core.insights import company_cells

    out.append("\nAlone and together  (check-ins, in the window, mean distance)\n", style="bold")
    rows = [("alone", ins.alone), ("with someone", ins.together)]
    rows += [(f"  {printable(name)}", s) for name, s in list(ins.people.items())[:6]]
    for name, spread in rows:
        above, label = label_lines(name, 16)
        out.append("".join(f"{line}\n" for line in above))
        total, inside, distance = company_cells(spread)
        if distance is None:  # fewer than three: too few to say
            out.append(f"{label:<16} {total:>4}  {inside}\n")
            continue
        out.append(f"{label:<16} {total:>4}  {inside:>4}  {distance:>4}  ")
        if width < COMPANY_MIX_WIDTH:  # the share in the window says what matters most
            out.append("\n")
            continue
        for state in State:
            out.append(
                f"{spread.percent(state):>3}% {state.value[0].upper()}  ", style=styles[state]
            )
        out.append("\n")
    return out


def _helped(ins: Insights) -> Text:
    from coreg_tui.content.names import practice_names
    from coreg_tui.core.practices import practice_title
    from coreg_tui.text import label_lines, printable

    out = Text()
    if not ins.helpers:
        return out
    from coreg_tui.core.insights import helped_cells

    out.append(
        "\nWhat helped  (sessions, ended calmer or in the window, closer on average)\n",
        style="bold",
    )
    for h in ins.helpers[:6]:
        sessions, ended, closer = helped_cells(h)
        above, name = label_lines(printable(practice_title(h.practice, practice_names())), 16)
        out.append("".join(f"{line}\n" for line in above))
        out.append(f"{name:<16} {sessions:>4}  {ended:>8}  {closer:>5}\n")
    return out
