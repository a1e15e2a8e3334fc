"""Exports: markdown that no note can break, formula-safe CSV, lossless JSON."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from coreg_tui.core.entries import Kind
from coreg_tui.core.states import State
from coreg_tui.documents.export import write_csv, write_json, write_markdown
from coreg_tui.journal.importer import parse_entries
from coreg_tui.text import printable
from tests.journal.builders import entry

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
HOSTILE = [
    "# a heading?",
    "---",
    "```\ncode fence\n```",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<javascript:alert(1)>",
    "| a | b |\n| --- | --- |\n| 1 | 2 |",
    "- a list\n- of things",
    "1. first\n2) second",
    "> a quote",
    "    indented code",
    "***bold italic*** and _under_ and ~~strike~~",
    "title\n=====",
    "[ref]: https://example.org",
    "![image](https://example.org/x.png)",
    "a &amp; b &#42; \\* back\\slash",
    "line with two trailing spaces  \nnext",
    "\x1b]52;c;aGk=\x07 clipboard \x1b[2J clear \u202e reversed",
    "first paragraph\n\nsecond paragraph\n\n\n# third",
]
md = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def render(entries: list) -> str:
    out = io.StringIO()
    write_markdown(entries, out, NOW)
    return out.getvalue()


def note_paragraphs(tokens: list) -> list[list]:
    """The inline children of every paragraph after the first in each list item: the notes."""
    found, depth, seen_first = [], 0, False
    for i, tok in enumerate(tokens):
        if tok.type == "list_item_open":
            depth, seen_first = depth + 1, False
        elif tok.type == "list_item_close":
            depth -= 1
        elif tok.type == "paragraph_open" and depth:
            if seen_first:
                found.append(tokens[i + 1].children)
            seen_first = True
    return found


def structure(tokens: list) -> list[str]:
    return [t.type for t in tokens if t.type not in ("inline", "paragraph_open", "paragraph_close")]


def assert_literal(note: str) -> None:
    e = entry(note=note, with_who="<b>Sam</b> [x](y)", tags=("#tag", "*star*"), body=("`tick`",))
    text = render([e])
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    tokens = md.parse(text)
    # the document's structure is ours alone: a title, a day, one item in one list
    assert structure(tokens) == [
        "heading_open",
        "heading_close",
        "heading_open",
        "heading_close",
        "bullet_list_open",
        "list_item_open",
        "list_item_close",
        "bullet_list_close",
    ]
    summary = tokens[tokens.index(next(t for t in tokens if t.type == "list_item_open")) + 2]
    assert [c.type for c in summary.children if c.type not in ("text", "softbreak")] == [
        "strong_open",
        "strong_close",
    ]  # only the state is bold
    assert "<b>Sam</b> [x](y)" in summary.content.replace("\\", "")
    paragraphs = note_paragraphs(tokens)
    assert {c.type for para in paragraphs for c in para} <= {"text", "softbreak", "hardbreak"}
    shown = " ".join(
        " ".join(
            "".join(c.content if c.type == "text" else " " for c in para) for para in paragraphs
        ).split()
    )
    lines = re.split(r"\r\n|\r|\n", note)  # the line breaks Markdown knows
    wanted = " ".join(" ".join(printable(line).split()) for line in lines).split()
    assert shown.split() == wanted


def test_hostile_notes_come_out_as_literal_text() -> None:
    for note in HOSTILE:
        assert_literal(note)


MARKDOWN_CHARS = st.sampled_from(list("#*_-+=>`~|[]()<>!&\\:;.1234 abXY\n\t\"'/"))
PIECE_TEXTS = [
    "<b>", "</div>", "<!-- ", " -->", "<script>alert(1)</script>", "&amp;", "&#x41;",
    "```", "~~~", "    code", "| a | b |\n|---|---|", "---", "***", "1. ", "- [ ] ",
    "[x]: https://example.org", "![i](https://example.org/i.png)", "<https://x.org>",
    "\x1b]52;c;aGk=\x07", "\x1b[2J", "\u202e", "\u2066", "\x9b", "\x7f", "\x00",
    "\U0001f493", "\u0301", "\u5fc3", "\r\n", "\r",
]  # fmt: skip
PIECES = st.sampled_from(PIECE_TEXTS)
NOTES = st.lists(
    st.one_of(
        st.text(MARKDOWN_CHARS, max_size=8),
        PIECES,
        st.text(st.characters(exclude_categories=("Cs",)), max_size=4),  # any character
    ),
    max_size=12,
).map("".join)


@given(NOTES)
def test_no_note_can_change_the_documents_structure(note: str) -> None:
    """Markdown syntax, HTML, control characters and any other unicode in a note: its
    text survives, and it never becomes structure."""
    assert_literal(note)


def test_markdown_groups_by_local_day_oldest_first() -> None:
    plus9 = timezone(timedelta(hours=9))
    entries = [
        entry(at=datetime(2026, 11, 20, 23, 30, tzinfo=plus9), state=State.DORSAL, intensity=4),
        entry(
            at=datetime(2026, 11, 21, 8, 0, tzinfo=plus9),
            kind=Kind.PRACTICE,
            practice="4-6",
            duration_s=300,
            cycles=30,
            state=State.SYMPATHETIC,
            intensity=7,
            state_after=State.VENTRAL,
            intensity_after=3,
        ),
    ]
    text = render(entries)
    assert text.index("## Friday 20 November 2026") < text.index("## Saturday 21 November 2026")
    assert "- 23:30 · check-in: **dorsal 4/10**" in text
    # a person reads the practice's title: 4-6 is the built-in "Longer breath out"
    assert (
        "- 08:00 · practice: Longer breath out, 5 min, 30 cycles · sympathetic 7/10 → ventral 3/10"
        in text
    )


def test_front_matter_for_note_apps() -> None:
    out = io.StringIO()
    write_markdown([entry()], out, NOW, front_matter=True)
    assert out.getvalue().startswith('---\ntitle: "coreg journal"\nexported: 2026-11-23T12:00')


def test_csv_defuses_spreadsheet_formulas() -> None:
    out = io.StringIO()
    write_csv(
        [
            entry(note='=HYPERLINK("http://x")', with_who="+1", tags=("@me", "-x")),
            entry(note="\tcmd", with_who="\rx"),
        ],
        out,
    )
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["note"].startswith("'=") and rows[0]["with"] == "'+1"
    assert rows[0]["tags"] == "'@me; -x"
    assert rows[1]["note"] == "'\tcmd" and rows[1]["with"] == "'\u240dx"  # CR shown, never sent


words = st.lists(
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs")), min_size=1, max_size=8
    ),
    max_size=3,
    unique_by=str.lower,
)
entries_strategy = st.builds(
    entry,
    minutes=st.floats(-1e6, 1e6, allow_nan=False),
    kind=st.sampled_from(Kind),
    state=st.sampled_from(State),
    intensity=st.none() | st.integers(0, 10),
    note=st.text(max_size=50),
    tags=words.map(tuple),
    body=words.map(tuple),
    with_who=st.none()
    | st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs")), min_size=1, max_size=10
    ),
    duration_s=st.none() | st.floats(0, 1e5, allow_nan=False),
    cycles=st.none() | st.integers(0, 10_000),
    state_after=st.none() | st.sampled_from(State),
    detail=st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=2),
)


@given(
    st.lists(entries_strategy, max_size=5),
    st.sampled_from([UTC, timezone(timedelta(hours=-3, minutes=-30))]),
)
def test_json_export_and_import_round_trip_exactly(entries: list, zone: timezone) -> None:
    entries = [e.edited(at=e.at.astimezone(zone)) for e in entries]
    out = io.StringIO()
    write_json(entries, out, NOW)
    back = parse_entries(out.getvalue(), "export.json")
    assert back == entries
    assert [e.at.isoformat() for e in back] == [e.at.isoformat() for e in entries]
