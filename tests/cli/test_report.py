"""`coreg report`: a Markdown report whose structure no note can change."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.cli.runner import call

Cap = pytest.CaptureFixture[str]
md = MarkdownIt("commonmark").enable(["table"])
HOSTILE = [
    "# I am not a heading",
    "---",
    "```\nfenced",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "| a | b |\n|---|---|",
    "1. not a list",
]


def log(capsys: Cap, *args: str) -> None:
    code, _, err = call(capsys, "log", *args)
    assert code == 0, err


def test_the_report_of_a_week_is_commonmark_that_notes_cannot_break(capsys: Cap) -> None:
    for i, note in enumerate(HOSTILE):
        log(
            capsys,
            "anxious" if i % 2 else "calm",
            "-i",
            str(i + 1),
            "--note",
            note,
            "--at",
            f"{i + 1}h",
            "--with",
            "Ana | <b>",
        )
    log(capsys, "numb", "--at", "20d")  # outside the week
    code, out, err = call(capsys, "report")
    assert (code, err) == (0, "")
    tokens = md.parse(out)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0].startswith("coreg report: ")
    expected = ["In short", "States", "Day by time of day", "Alone and together", "Notes"]
    assert headings[1:] == expected
    assert not any(t.type in ("html_block", "html_inline", "hr", "link_open") for t in tokens)
    fences = [t for t in tokens if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid", "text"]
    assert '"ventral" : 4' in fences[0].content and '"sympathetic" : 3' in fences[0].content
    assert "dorsal" not in fences[0].content.split("title")[1]  # the old one is out of range
    assert sum(t.type == "table_open" for t in tokens) == 2  # the grid and with whom
    text = "\n".join(
        "".join(c.content for c in t.children or () if c.type == "text")
        for t in tokens
        if t.type == "inline"
    )
    for note in HOSTILE:  # each note is there, word for word
        assert note.splitlines()[0] in text
    assert "Ana | <b>" in text
    assert "7 check-ins on 1 of 7 days." in out or "7 check-ins on 2 of 7 days." in out


def test_a_month_goes_to_a_private_file_and_is_never_overwritten_unasked(
    capsys: Cap, tmp_path: Path
) -> None:
    log(capsys, "calm", "--at", "20d", "--note", "a good walk")
    target = tmp_path / "november.md"
    code, out, err = call(capsys, "report", "--month", "-o", str(target))
    assert (code, out) == (0, "") and "Wrote the report" in err
    assert "a good walk" in target.read_text() and target.stat().st_mode & 0o077 == 0
    code, _, err = call(capsys, "report", "--month", "-o", str(target))
    assert code == 2 and "already exists; add --force" in err


def test_an_empty_range_still_reports_calmly(capsys: Cap) -> None:
    code, out, _ = call(capsys, "report", "--since", "2026-01-01", "--until", "2026-01-07")
    assert code == 0 and "No check-ins in this range yet." in out
    assert "## States" not in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--week", "--month"], "give one of --week, --month or --since"),
        (["--since", "later"], "'later' is not a time I can read"),
    ],
)
def test_conflicting_ranges_are_one_line(capsys: Cap, args: list[str], says: str) -> None:
    code, out, err = call(capsys, "report", *args)
    assert (code, out) == (2, "") and says in err and err.count("\n") == 1
