"""`coreg stats` and `coreg report`: how a stretch of days has been, in tables and
small bars for the terminal, or in a Markdown report to keep or share."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from coreg_tui.cli.options import Force, Output, Since, Until

if TYPE_CHECKING:
    from coreg_tui.core.insights import Insights, Spread
    from coreg_tui.journal.store import Journal

LETTERS = {"ventral": "V", "sympathetic": "S", "dorsal": "D"}


def stats(
    since: Since = None,
    until: Until = None,
    everything: Annotated[
        bool, typer.Option("--all", help="The whole journal (the default is the last 4 weeks).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Every figure as JSON.")] = False,
) -> None:
    """How your states spread over days, hours and company, and what helped.

    The last 4 weeks unless you say otherwise. Days are the days you lived: an
    entry belongs to the local day it was written on.
    """
    from coreg_tui.cli.journal_access import now, open_journal
    from coreg_tui.core.errors import InputError
    from coreg_tui.core.insights import RANGE_DAYS, as_dict
    from coreg_tui.journal.insights import read_insights

    if everything and since:
        raise InputError("--all and --since ask for different ranges; give one of them")

    moment = now()
    with open_journal(create=False) as journal:
        first, last = _range(
            since, until, moment, default_days=RANGE_DAYS, journal=journal if everything else None
        )
        found = read_insights(journal, first, last, moment.date())
    if as_json:
        sys.stdout.write(json.dumps(as_dict(found), indent=2, ensure_ascii=False) + "\n")
        return
    sys.stdout.write("\n".join(stats_lines(found)) + "\n")


def _range(
    since: str | None,
    until: str | None,
    moment: datetime,
    *,
    default_days: int,
    journal: Journal | None = None,
) -> tuple[date, date]:
    """The first and last local day asked for: `default_days` up to today unless
    --since or --until say otherwise; with `journal`, from its first entry."""
    from coreg_tui.core.errors import InputError
    from coreg_tui.core.when import parse_when
    from coreg_tui.journal.store import Filter

    today = moment.date()
    last = today
    if until:  # the last day the range includes
        last = (parse_when(until, moment, end_of_day=True) - timedelta(microseconds=1)).date()
    if since:
        first = parse_when(since, moment).date()
    elif journal is not None:
        oldest = next(journal.entries(Filter(limit=1, newest_first=False)), None)
        first = oldest.at.date() if oldest else today
    else:
        first = last - timedelta(days=default_days - 1)
    if last < first:
        if not until:
            raise InputError(f"--since {first:%-d %b %Y} is after today; nothing could match")
        raise InputError("--until is before --since; nothing could match")
    return first, last


def report(
    week: Annotated[bool, typer.Option("--week", help="The last 7 days (the default).")] = False,
    month: Annotated[bool, typer.Option("--month", help="The last 30 days.")] = False,
    since: Since = None,
    until: Until = None,
    output: Output = "-",
    force: Force = False,
) -> None:
    """A Markdown report of a week, a month or any range: to keep, or to bring to a
    therapist. It holds your notes from the period; keep it as private as the journal."""
    from coreg_tui.cli.journal_access import now, open_journal
    from coreg_tui.cli.output import private_output
    from coreg_tui.cli.terminal import say
    from coreg_tui.core.errors import InputError
    from coreg_tui.documents.report import write_report
    from coreg_tui.journal.insights import day_span, read_insights
    from coreg_tui.journal.store import Filter

    if week + month + bool(since) > 1:
        raise InputError("give one of --week, --month or --since")
    moment = now()
    first, last = _range(since, until, moment, default_days=30 if month else 7)
    with open_journal(create=False) as journal, private_output(output, force) as out:
        found = read_insights(journal, first, last, moment.date())
        start, end = day_span(first, last)
        span = Filter(since=start, until=end, newest_first=False)
        write_report(found, journal.entries(span), out, moment)
    if output != "-":
        say(f"Wrote the report of {first:%-d %b} to {last:%-d %b %Y} to {output}.", sys.stderr)


def bar(share: float, width: int = 12) -> str:
    from coreg_tui.cli.terminal import output_is_ascii
    from coreg_tui.visual.insight_pictures import share_bar

    return share_bar(share, width, ascii_only=output_is_ascii(sys.stdout))


def _mean(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _mix(s: Spread) -> str:
    from coreg_tui.core.states import State

    if not s.total:
        return "-"
    return "  ".join(f"{LETTERS[st.value]} {s.percent(st):>3}%" for st in State)


def stats_lines(ins: Insights) -> list[str]:
    from coreg_tui.content.names import practice_names
    from coreg_tui.core.insights import span_text, summary

    span = span_text(ins)
    days = ins.days_in_range
    lines = [f"{span} ({days} day{'s' if days != 1 else ''})", *summary(ins, practice_names())]
    if ins.overall.total:
        lines += _state_lines(ins) + _time_lines(ins) + _company_lines(ins)
    lines += _helper_lines(ins)
    if ins.streak_now > 1:
        lines += ["", f"You have checked in {ins.streak_now} days in a row."]
    elif ins.streak_longest > 1:
        lines += ["", f"The longest run of days with a check-in: {ins.streak_longest}."]
    return lines


def _state_lines(ins: Insights) -> list[str]:
    from coreg_tui.core.states import State

    o = ins.overall
    lines = ["", "state        check-ins  share               mean intensity"]
    for state in State:
        share = o.share(state)
        lines.append(
            f"{state.value:<12} {o.counts[state]:>9}  {bar(share)} {o.percent(state):>3}%  "
            f"{_mean(o.mean_for(state)):>6}"
        )
    return lines


def _time_lines(ins: Insights) -> list[str]:
    from coreg_tui.core.insights import PARTS_OF_DAY

    lines = ["", "time of day            check-ins  V / S / D"]
    for name, low, high in PARTS_OF_DAY:
        part = ins.part_of_day(name)
        lines.append(f"{name:<10} {low:02d}-{high:02d}:00  {part.total:>9}  {_mix(part)}")
    if len(ins.weeks) > 1:
        lines += ["", "week of        check-ins  V / S / D            mean intensity"]
        for monday, week in ins.weeks.items():
            lines.append(
                f"{f'{monday:%a %-d %b}':<12}   {week.total:>9}  {_mix(week):<20} "
                f"{_mean(week.mean_intensity):>6}"
            )
    return lines


def _company_lines(ins: Insights) -> list[str]:
    from coreg_tui.core.insights import company_cells
    from coreg_tui.text import label_lines, printable

    if not ins.together.total:
        return []

    def row(label: str, spread: Spread, width: int = 18) -> str:
        total, inside, distance = company_cells(spread)
        if distance is None:
            return f"{label:<{width}} {total:>9}  {inside}"
        return f"{label:<{width}} {total:>9}  {inside:>9}  {distance:>8}  {_mix(spread)}"

    lines = ["", "company            check-ins  in window  distance  V / S / D"]
    lines += [row("alone", ins.alone), row("with someone", ins.together)]
    for name, spread in list(ins.people.items())[:8]:
        above, label = label_lines(printable(name), 16)
        lines += [f"  {line}" for line in above]
        lines.append("  " + row(label, spread, 16))
    return lines


def _helper_lines(ins: Insights) -> list[str]:
    from coreg_tui.content.names import practice_names
    from coreg_tui.core.practices import practice_title
    from coreg_tui.text import label_lines, printable

    if not ins.helpers:
        return []
    from coreg_tui.core.insights import helped_cells

    lines = ["", "what helped         sessions  calmer or in window  closer on average"]
    for h in ins.helpers[:8]:
        sessions, ended, closer = helped_cells(h)
        above, name = label_lines(printable(practice_title(h.practice, practice_names())), 18)
        lines += above
        lines.append(f"{name:<18} {sessions:>9}  {ended:>19}  {closer:>17}")
    lines.append("(closer: how much nearer your window of tolerance a session ended)")
    return lines
