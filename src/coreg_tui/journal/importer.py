"""Reading entries in: coreg's own JSON export, a plain JSON array from another tool, or
JSON Lines (one entry a line, what `coreg export -f jsonl` writes). A file's name says
which; standard input's first line does.

The file is read as a stream, an entry at a time, so memory stays bounded
however large (or endless) the input is: a megabyte of text read ahead, one
entry of up to ITEM_LIMIT, and a batch of entries on its way into the journal.
The store adds them all in one transaction, matching entries by id, so
importing the same file twice adds nothing, and anything wrong anywhere in the
file (even in its last line) means nothing at all was imported.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from coreg_tui.core.entries import Entry
from coreg_tui.core.errors import InputError
from coreg_tui.journal.records import FORMAT_NAME, FORMAT_VERSION, from_record
from coreg_tui.messages import NOTHING_IMPORTED

CHUNK = 1 << 20  # characters read at a time
ITEM_LIMIT = 16 << 20  # the largest single entry (or header value) read whole
_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abcdefABCDEF]")


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """An import builds hundreds of thousands of dicts, entries and rows, and none of
    them refer to each other in a cycle: reference counting frees them all. The
    cyclic collector would re-scan the growing heap again and again meanwhile (it
    more than doubled the time of a 100,000-entry import), so it waits until the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class TextSource(Protocol):
    """What the readers read from: a text file, standard input, or `Replayed`."""

    def read(self, size: int = -1, /) -> str: ...

    def readline(self, size: int = -1, /) -> str: ...


class Replayed:
    """Lines already read from `rest`, read again, then the rest of it."""

    def __init__(self, lines: list[str], rest: TextSource) -> None:
        self.lines, self.rest = lines, rest

    def read(self, size: int = -1, /) -> str:
        if self.lines:
            head, self.lines = "".join(self.lines), []
            return head
        return self.rest.read(size)

    def readline(self, size: int = -1, /) -> str:
        return self.lines.pop(0) if self.lines else self.rest.readline(size)


def read_unnamed(source: TextSource, name: str) -> Iterator[Entry]:
    """Entries from text whose name says nothing of its form (standard input): JSON Lines
    when its first line that is not blank holds one entry on its own, else JSON (coreg's
    export, or an array). The lines looked at are read again by the reader chosen, so
    every line keeps its number."""
    lines: list[str] = []
    while True:
        try:
            line = source.readline(ITEM_LIMIT + 1)
        except UnicodeDecodeError:
            raise InputError(f"{name} is not UTF-8 text; {NOTHING_IMPORTED}") from None
        lines.append(line)
        if line.strip(" \t\r\n") or not line:
            break
    replayed = Replayed(lines, source)
    yield from (read_lines if _one_entry(line) else read_entries)(replayed, name)


def _one_entry(line: str) -> bool:
    """Whether `line` is a JSON object on its own that is not coreg's whole export."""
    if not line.lstrip().startswith("{") or len(line) > ITEM_LIMIT:
        return False
    try:
        found = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return type(found) is dict and "entries" not in found and "format" not in found


class _Stream:
    """JSON text read a chunk at a time, with the few steps a journal's shape needs."""

    def __init__(self, source: TextSource, name: str) -> None:
        self.source, self.name = source, name
        self.buf, self.pos, self.eof = "", 0, False
        self.lines_before = 0  # line breaks in text already let go of

    def _more(self) -> bool:
        if self.eof:
            return False
        try:
            chunk = self.source.read(CHUNK)
        except UnicodeDecodeError:
            raise InputError(f"{self.name} is not UTF-8 text; {NOTHING_IMPORTED}") from None
        if not chunk:
            self.eof = True
            return False
        self.lines_before += self.buf.count("\n", 0, self.pos)
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf) or not self._more():
                return self.buf[self.pos : self.pos + 1]

    def expect(self, chars: str, what: str) -> str:
        found = self.peek()
        if not found or found not in chars:
            self.fail(f"expected {what}")
        self.pos += 1
        return found

    def value(self) -> Any:
        """The next whole JSON value (an entry, a key, a header field)."""
        self.peek()
        while True:
            try:
                found, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if len(self.buf) - self.pos > ITEM_LIMIT:
                    self.fail(f"an entry larger than {ITEM_LIMIT >> 20} MiB")
                if self._more():
                    continue
                self.fail(exc.msg, exc.pos)
            except RecursionError:
                raise InputError(f"{self.name} is nested too deeply to be a journal") from None
            except ValueError:  # a number of more than 4,300 digits
                self.fail("a number too long to read")
            if end < len(self.buf) or self.eof or not self._more():  # never a number cut short
                if self.buf.find("\\u", self.pos, end) >= 0 and _ESCAPED_SURROGATE.search(
                    self.buf, self.pos, end
                ):
                    _refuse_surrogates(found, self.name)
                self.pos = end
                return found

    def fail(self, message: str, at: int | None = None) -> None:
        at = self.pos if at is None else at
        line = self.lines_before + self.buf.count("\n", 0, at) + 1
        column = at - self.buf.rfind("\n", 0, at)
        raise InputError(f"{self.name} is not valid JSON (line {line}, column {column}: {message})")


def _refuse_surrogates(value: Any, name: str) -> None:
    """Half of a character escaped on its own (\\ud800) is not text and cannot be kept."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            f"{name} holds half of a character (a lone \\uD800-\\uDFFF escape), which is "
            f"not text; {NOTHING_IMPORTED}"
        ) from None


def read_entries(source: TextSource, name: str) -> Iterator[Entry]:
    """The entries in `source`, one at a time, checked as they come: coreg's export
    (`{"format": "coreg-journal", ..., "entries": [...]}`) or a bare array of entries."""
    stream = _Stream(source, name)
    first = stream.expect("{[", "a JSON array of entries or coreg's JSON export")
    if first == "[":
        yield from _items(stream)
    else:
        header: dict[str, Any] = {}
        seen_entries = False
        if stream.peek() != "}":
            while True:
                key = stream.value()
                if not isinstance(key, str):
                    stream.fail("a name in quotes")
                stream.expect(":", "':'")
                if key == "entries" and stream.peek() == "[":
                    stream.expect("[", "'['")
                    _check_header(header, name, final=False)
                    yield from _items(stream)
                    seen_entries = True
                else:
                    header[key] = stream.value()
                if stream.expect(",}", "',' or '}'") == "}":
                    break
        else:
            stream.expect("}", "'}'")
        _check_header(header, name, final=True, seen_entries=seen_entries)
    if stream.peek():
        stream.fail("the end of the file after the journal")


def reader_for(file: str) -> Callable[[TextSource, str], Iterator[Entry]]:
    """How to read `file`: by its name (.jsonl or .ndjson: JSON Lines; else JSON), or,
    for standard input ('-'), by its first line."""
    if file == "-":
        return read_unnamed
    return read_lines if file.lower().endswith((".jsonl", ".ndjson")) else read_entries


def read_lines(source: TextSource, name: str) -> Iterator[Entry]:
    """The entries in JSON Lines text, one object a line (blank lines are let be), checked
    as they come; a line that is wrong is named by its number. A line longer than
    ITEM_LIMIT is refused without being held whole."""
    number = 0
    while True:
        try:
            line = source.readline(ITEM_LIMIT + 1)
        except UnicodeDecodeError:
            raise InputError(f"{name} is not UTF-8 text; {NOTHING_IMPORTED}") from None
        if not line:
            return
        number += 1
        if len(line) > ITEM_LIMIT:
            raise InputError(
                f"{name}: line {number:,} is an entry larger than {ITEM_LIMIT >> 20} MiB; "
                f"{NOTHING_IMPORTED}"
            )
        if not line.strip(" \t\r\n"):
            continue
        where = f"{name}: line {number:,}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where} is not valid JSON (column {exc.colno}: {exc.msg})") from None
        except RecursionError:
            raise InputError(f"{where} is nested too deeply to be an entry") from None
        except ValueError:  # a number of more than 4,300 digits
            raise InputError(f"{where} is not valid JSON (a number too long to read)") from None
        if _ESCAPED_SURROGATE.search(line):
            _refuse_surrogates(record, where)
        yield from_record(record, where)


def _check_header(
    header: dict[str, Any], name: str, *, final: bool, seen_entries: bool = False
) -> None:
    """coreg's export says what it is; a newer format is refused (at once if it says so
    before its entries, else at the end, when nothing has been kept yet)."""
    fmt, version = header.get("format"), header.get("version")
    if (final or "format" in header) and (fmt != FORMAT_NAME or (final and not seen_entries)):
        raise InputError(
            f"{name}: expected coreg's JSON export or a JSON array of entries "
            "(objects with at least 'at' and 'state')"
        )
    if (final or "version" in header) and (type(version) is not int or version > FORMAT_VERSION):
        raise InputError(
            f"{name} was written by a newer coreg (format version {version}); update coreg"
        )


def _items(stream: _Stream) -> Iterator[Entry]:
    if stream.peek() == "]":
        stream.pos += 1
        return
    number = 0
    while True:
        number += 1
        yield from_record(stream.value(), f"{stream.name}: entry {number}")
        if stream.expect(",]", "',' or ']'") == "]":
            return


def parse_entries(text: str, source: str) -> list[Entry]:
    """Every entry in `text` (see read_entries), with two holding one id refused."""
    entries = list(read_entries(io.StringIO(text), source))
    first: dict[str, int] = {}
    for i, e in enumerate(entries, start=1):
        earlier = first.setdefault(e.id, i)
        if earlier != i:
            raise InputError(
                f"{source}: entries {earlier} and {i} have the same id ({e.short_id}); "
                f"{NOTHING_IMPORTED}"
            )
    return entries
