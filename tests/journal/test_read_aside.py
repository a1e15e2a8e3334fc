"""An import is read in a forked child while the parent writes (journal/read_aside.py):
the rows come in the file's order, the first problem in the file is the one named, and
the child never outlives the import, however it ends."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coreg_tui.core.entries import Entry
from coreg_tui.core.errors import InputError
from coreg_tui.journal import read_aside
from coreg_tui.journal.importer import read_lines
from coreg_tui.journal.read_aside import ROWS_SENT, rows_of, rows_read_aside
from coreg_tui.journal.records import to_record
from coreg_tui.journal.store import Journal
from coreg_tui.paths import journal_path
from tests.journal.builders import entry

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def lines_of(count: int) -> str:
    return "".join(json.dumps(to_record(entry(i, note=f"n{i}"))) + "\n" for i in range(count))


def children() -> set[int]:
    me = os.getpid()
    return {int(pid) for pid in Path(f"/proc/{me}/task/{me}/children").read_text().split()}


def made_here(text: str) -> list[tuple[Any, ...]]:
    return list(rows_of(read_lines, _Text(text), "x.jsonl", 7))


class _Text:
    """Text read a line at a time, as a file is."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines(keepends=True)

    def read(self, size: int = -1, /) -> str:
        text, self.lines = "".join(self.lines), []
        return text

    def readline(self, size: int = -1, /) -> str:
        return self.lines.pop(0) if self.lines else ""


def test_the_rows_come_in_the_files_order_as_one_process_makes_them() -> None:
    text = lines_of(ROWS_SENT * 2 + 37)  # several messages down the pipe, the last short
    with rows_read_aside(read_lines, _Text(text), "x.jsonl", 7) as rows:
        aside = list(rows)
    assert aside == made_here(text)
    assert len(aside) == ROWS_SENT * 2 + 37 and {row[-1] for row in aside} == {7}


def test_a_problem_comes_after_every_row_before_it() -> None:
    text = lines_of(ROWS_SENT + 3) + "{not json\n"
    got: list[tuple[Any, ...]] = []
    with (
        rows_read_aside(read_lines, _Text(text), "x.jsonl", 0) as rows,
        pytest.raises(InputError, match=rf"^x\.jsonl: line {ROWS_SENT + 4:,} is not valid JSON"),
    ):
        got.extend(rows)
    assert len(got) == ROWS_SENT + 3


def test_the_first_problem_in_the_file_is_named_even_when_the_parent_finds_it() -> None:
    """An id given twice is found by the parent (in the journal); a line that is not JSON
    much further on, by the child, sooner. The one named is the first in the file."""
    first = to_record(entry(0))
    text = json.dumps(first) + "\n" + json.dumps(first | {"note": "again"}) + "\n"
    text += lines_of(ROWS_SENT * 3) + "[1, 2\n"
    with Journal.open(journal_path()) as journal:
        with (
            rows_read_aside(read_lines, _Text(text), "x.jsonl", 0) as rows,
            pytest.raises(InputError, match="entry 2 has the same id as an earlier one"),
        ):
            journal.merge_rows(rows, twins_in="x.jsonl")
        assert journal.count() == 0


def test_a_child_that_dies_part_of_the_way_means_nothing_is_imported() -> None:
    def read_then_die(source: Any, name: str) -> Iterator[Entry]:
        for number, found in enumerate(read_lines(source, name)):
            if number == ROWS_SENT + 5:
                os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
            yield found

    with Journal.open(journal_path()) as journal:
        with (
            rows_read_aside(read_then_die, _Text(lines_of(ROWS_SENT * 3)), "x.jsonl", 0) as rows,
            pytest.raises(InputError, match=r"^reading x\.jsonl stopped part of the way; nothing"),
        ):
            journal.merge_rows(rows, twins_in="x.jsonl")
        assert journal.count() == 0


def test_any_other_error_reaches_the_parent_as_itself() -> None:
    def read_then_fail(source: Any, name: str) -> Iterator[Entry]:
        yield from list(read_lines(source, name))[:3]
        raise OSError(5, "Input/output error")

    with (
        rows_read_aside(read_then_fail, _Text(lines_of(4)), "x.jsonl", 0) as rows,
        pytest.raises(OSError, match="Input/output error") as raised,
    ):
        list(rows)
    assert raised.value.errno == 5


class _Endless:
    """A source that never ends (standard input from a program that runs on)."""

    line = json.dumps({"at": "2026-11-20T09:00:00+01:00", "state": "calm"}) + "\n"

    def readline(self, size: int = -1, /) -> str:
        return self.line

    def read(self, size: int = -1, /) -> str:
        return self.line


@linux_only
def test_stopping_early_ends_the_child_and_leaves_none_behind() -> None:
    before = children()
    with rows_read_aside(read_lines, _Endless(), "-", 0) as rows:
        taken = [next(rows) for _ in range(10)]
        assert len(children() - before) == 1
    assert children() == before
    assert len(taken) == 10


@linux_only
def test_a_whole_reading_is_waited_for_not_ended() -> None:
    before = children()
    with rows_read_aside(read_lines, _Text(lines_of(3)), "x.jsonl", 0) as rows:
        assert len(list(rows)) == 3
    assert children() == before


def test_without_fork_the_rows_are_made_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(read_aside.os, "fork")
    text = lines_of(5)
    pid = os.getpid()

    def read_here(source: Any, name: str) -> Iterator[Entry]:
        assert os.getpid() == pid
        yield from read_lines(source, name)

    with rows_read_aside(read_here, _Text(text), "x.jsonl", 7) as rows:
        assert list(rows) == made_here(text)


def test_a_message_cut_off_in_the_middle_is_one_line_not_a_traceback() -> None:
    """The child killed while it writes (the out-of-memory killer): half a message."""
    import pickle

    whole = pickle.dumps([("x",) * 17] * 300, pickle.HIGHEST_PROTOCOL)
    inward, outward = os.pipe()
    with open(outward, "wb") as out:
        out.write(whole[: len(whole) // 2])
    with (
        open(inward, "rb") as pipe,
        pytest.raises(InputError, match=r"^reading x\.json stopped part of the way"),
    ):
        list(read_aside._Received(pipe, "x.json"))
