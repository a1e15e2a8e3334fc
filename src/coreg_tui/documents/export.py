"""Writing entries out: JSON and JSON Lines (lossless), Markdown (to read), CSV (for spreadsheets).

Every writer takes an iterator and a text stream and writes as it goes, so
memory stays flat whatever the size of the journal.

Markdown: whatever a person wrote (notes, tags, names, cues) comes out as
the literal text it is. Characters that could start a structure are
backslash-escaped (CommonMark lets any ASCII punctuation be escaped), line
starts that could open a heading, list, quote, fence or break are
neutralised, and control characters become visible placeholders. A note can
never add a heading, a link, raw HTML or a table to the document.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import TextIO

from coreg_tui.core.durations import format_duration
from coreg_tui.core.entries import Entry, Kind
from coreg_tui.journal.records import FIELDS, FORMAT_NAME, FORMAT_VERSION, to_record
from coreg_tui.text import control_table, printable
from coreg_tui.visual.entry_text import change_text, state_text, title_of

# --- JSON --------------------------------------------------------------------------


def write_json(entries: Iterable[Entry], out: TextIO, exported_at: datetime) -> int:
    out.write(
        "{"
        f'"format": "{FORMAT_NAME}", "version": {FORMAT_VERSION}, '
        f'"exported_at": {json.dumps(exported_at.isoformat())}, "entries": ['
    )
    count = 0
    for entry in entries:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(to_record(entry), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def write_json_lines(entries: Iterable[Entry], out: TextIO) -> int:
    """JSON Lines: one entry a line, each exactly as in write_json; `coreg import` reads
    it back from a .jsonl file. Nothing but entries, so files can be joined or split."""
    count = 0
    chunk: list[str] = []
    for entry in entries:
        chunk.append(json.dumps(to_record(entry), ensure_ascii=False))
        chunk.append("\n")
        count += 1
        if len(chunk) >= 2000:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk))
    return count


# --- CSV ---------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """A spreadsheet reads a cell that starts with = + - @ (or a tab or CR) as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return printable(defuse("; ".join(value)))
    if isinstance(value, dict):
        return defuse(json.dumps(value, ensure_ascii=False, sort_keys=True)) if value else ""
    if isinstance(value, str):
        return printable(defuse(value)).replace("\n", " \u23ce ")
    return str(value)


def write_csv(entries: Iterable[Entry], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    count = 0
    for entry in entries:
        record = to_record(entry)
        writer.writerow([_csv_cell(record[name]) for name in FIELDS])
        count += 1
    return count


# --- Markdown ------------------------------------------------------------------------

# One pass does both jobs: characters that could start Markdown structure get a
# backslash, control characters become visible placeholders.
_MD_TABLE = {**control_table(), **{ord(ch): "\\" + ch for ch in "\\`*_[]<>&|~!"}}
_LINE_STARTS = "#+-=>"
_ORDERED = re.compile(r"(\d{1,9})([.)])")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


@lru_cache(maxsize=4096)  # tags, names and cues repeat from entry to entry
def md_inline(text: str) -> str:
    """One line of literal text, safe anywhere in a Markdown line."""
    return " ".join(text.translate(_MD_TABLE).split())


def _md_line(line: str) -> str:
    stripped = line.lstrip(" \t")
    lead = "".join("&#9;" if ch == "\t" else "&#32;" for ch in line[: len(line) - len(stripped)])
    body = stripped.translate(_MD_TABLE)
    if body[:1] in _LINE_STARTS:
        body = "\\" + body
    elif body[:1].isdigit() and (match := _ORDERED.match(body)):
        body = f"{match[1]}\\{match[2]}{body[match.end() :]}"
    return lead + body


def md_block(text: str, indent: str) -> Iterator[str]:
    """The lines of a note, literal, indented to sit inside a list item."""
    if "\n" not in text and "\r" not in text:  # most notes are one line
        yield f"{indent}{_md_line(text)}"
        return
    # Only the line breaks Markdown knows: str.splitlines() would also break at \x1c-\x1e,
    # \x85 and U+2028, which are shown as visible placeholders instead.
    for line in _LINE_BREAKS.split(text):
        yield f"{indent}{_md_line(line)}" if line.strip() else ""


def _summary(entry: Entry) -> list[str]:
    from coreg_tui.content.names import practice_names

    parts: list[str] = []
    if entry.kind is Kind.CHECKIN:
        parts.append(f"check-in: **{state_text(entry)}**")
    else:
        what = f"practice: {md_inline(title_of(entry, practice_names()))}"
        if entry.duration_s is not None:
            what += f", {format_duration(entry.duration_s)}"
        if entry.cycles is not None:
            what += f", {entry.cycles} cycle{'s' if entry.cycles != 1 else ''}"
        parts.append(what)
        if change := change_text(entry):
            parts.append(change)
    if entry.with_who:
        parts.append(f"with {md_inline(entry.with_who)}")
    if entry.body:
        parts.append("body: " + ", ".join(md_inline(b) for b in entry.body))
    if entry.tags:
        parts.append("tags: " + ", ".join(md_inline(t) for t in entry.tags))
    return parts


def _day_heading(day: date) -> str:
    return f"## {day:%A %-d %B %Y}"


def write_markdown(
    entries: Iterable[Entry],
    out: TextIO,
    exported_at: datetime,
    *,
    front_matter: bool = False,
    title: str = "coreg journal",
) -> int:
    if front_matter:
        out.write(
            "---\n"
            f"title: {json.dumps(title)}\n"
            f"exported: {exported_at.isoformat()}\n"
            "tags: [coreg, journal]\n"
            "---\n\n"
        )
    out.write(f"# {md_inline(title)}\n")
    day: date | None = None
    count = 0
    chunk: list[str] = []  # written every few hundred entries: memory stays flat, calls few
    for entry in entries:
        at = entry.at
        if at.date() != day:
            day = at.date()
            chunk.append(f"\n{_day_heading(day)}\n\n")
        chunk.append(f"- {at.hour:02d}:{at.minute:02d} \u00b7 " + " \u00b7 ".join(_summary(entry)))
        chunk.append("\n")
        if entry.note.strip() or printable(entry.note).strip():  # U+0085 alone is "blank"
            chunk.append("\n" + "\n".join(md_block(entry.note, "  ")) + "\n\n")
        count += 1
        if len(chunk) >= 1500:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk))
    if count == 0:
        out.write("\nNo entries.\n")
    return count
