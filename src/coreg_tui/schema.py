"""What a TOML file may hold, read with small typed readers that say every problem alike.

The config and every content file are read the same way: `Check(path).load()` reads
the file, `check.table(data)` wraps its top table, and the table's readers (text,
texts, whole, number, flag, choice, choices, parsed, table, tables, unknown) each hand
back the value, or note one problem and hand back None. So a file is read to its end
and every problem in it is said at once, each in one line of one shape:

    {file}[, line N][: {section}]: '{key}': expected {what is allowed}[, not {value}]
    {file}[, line N][: {section}]: '{key}' is missing (expected {what is allowed})
    {file}[, line N][: {section}]: '{key}' is not {a setting}; expected one of: {keys}

A check made with `lines=True` (the config) names the line of each key; content files
name the key alone. What a problem means is the caller's: the config uses its default,
content refuses the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from coreg_tui.core.errors import reason_of
from coreg_tui.files import OddFileError, read_regular

T = TypeVar("T")
TEXT = "some text in quotes"


class Problem(NamedTuple):
    """One thing wrong in a file, in one line: where, the key, and what is allowed."""

    path: Path
    says: str  # from the key on: "'theme': expected auto, dark or light, not 'pink'"
    key: str | None = None
    section: str | None = None  # "[sos]", "step 2", "preset 'calm'"
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}" + (f", line {self.line}" if self.line else "")
        return ": ".join(filter(None, [where, self.section, self.says]))


def listed(options: Sequence[str]) -> str:
    """'auto, dark or light'."""
    return " or ".join(filter(None, [", ".join(options[:-1]), options[-1]]))


def either(options: Sequence[str]) -> str:
    """A choice in words: 'auto, dark or light'; a longer one 'one of a, b, c or d'."""
    return ("one of " if len(options) > 3 else "") + listed(options)


def shown(value: Any) -> str:
    """A value as it was written, cut short: what a person looks for in their file."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "\u2026"


def line_of(text: str, key: str) -> int | None:
    """The first line of `text` that sets `key` (or opens a table of that name)."""
    name = rf'(?:{re.escape(key)}|"{re.escape(key)}")'
    found = re.search(rf"^[ \t]*(?:{name}[ \t]*=|\[+[ \t]*{name}[ \t]*\])", text, re.M)
    return text.count("\n", 0, found.start()) + 1 if found else None


class Check:
    """Every problem found in one file."""

    def __init__(self, path: Path, *, lines: bool = False) -> None:
        self.path, self.lines = path, lines
        self.text = ""  # the file's text, once it has been read as UTF-8
        self.problems: list[Problem] = []

    def note(
        self, says: str, key: str | None = None, section: str | None = None, line: int | None = None
    ) -> None:
        if line is None and self.lines and key is not None:
            line = line_of(self.text, key)
        self.problems.append(Problem(self.path, says, key, section, line))

    def load(
        self, *, missing_ok: bool = False, salvage: Callable[[str], dict[str, Any]] | None = None
    ) -> dict[str, Any] | None:
        """The file's TOML, or None with the reason noted: missing (nothing to say, and an
        empty table, if `missing_ok`), an odd or unreadable file (never waited on), not
        UTF-8, not TOML, or nested too deeply. With `lines`, the place is a line. Text
        that is not TOML is handed to `salvage`, if given, for what reads line by line."""
        try:
            raw = read_regular(self.path)
        except FileNotFoundError:
            if missing_ok:
                return {}
            self.note("the file is missing")
            return None
        except OddFileError as exc:
            self.note(str(exc).removeprefix(f"{self.path} "))
            return None
        except OSError as exc:
            self.note(f"cannot be read ({reason_of(exc)})")
            return None
        try:
            self.text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            self._at(line, "not UTF-8 text", f"byte {exc.start + 1}")
            return None
        try:
            return tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
            line = int(found.group(1)) if found else len(self.text.splitlines()) or 1
            reason = reason_of(exc)
            if self.lines:
                reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", reason)
            if salvage is None:
                self._at(line, f"not valid TOML ({reason})")
                return None
            self._at(line, f"not valid TOML ({reason}); the lines that read on their own were used")
            return salvage(self.text)
        except RecursionError:
            self.note("nested too deeply to read")
        return None

    def _at(self, line: int, says: str, position: str = "") -> None:
        """A problem in the file's text: at its line, or else (content) at `position`."""
        if self.lines:
            self.note(says, line=line)
        else:
            self.note(f"{says} ({position})" if position else says)

    def table(self, data: Any, section: str | None = None) -> Table:
        return Table(self, data, section)


class Table:
    """One table of a file, read key by key. A reader hands back the value when it is
    good; otherwise it notes what is wrong and hands back None. The keys of a table that
    is missing (said once, by its parent) are not said again."""

    def __init__(
        self, check: Check, data: Any, section: str | None, *, name: str = "", absent: bool = False
    ) -> None:
        self.check, self.section, self.name = check, section, name
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        self.absent = absent

    def has(self, key: str) -> bool:
        return key in self.data

    def note(self, says: str, key: str | None = None) -> None:
        """A problem in this table: with a key, `says` begins with it."""
        if not self.absent:
            self.check.note(says, key, self.section)

    def expected(self, key: str, what: str) -> None:
        """'key': expected {what}, not {the value} (the value, when there is one)."""
        value = f", not {shown(self.data[key])}" if key in self.data else ""
        self.note(f"'{key}': expected {what}{value}", key)

    def missing(self, key: str, what: str) -> None:
        self.note(f"'{key}' is missing (expected {what})", key)

    def wrong(self, key: str, reason: str) -> None:
        """'key': {reason}, for a reason that names the value and what is allowed itself."""
        self.note(f"'{key}': {reason}", key)

    def read(self, key: str, what: str, good: Callable[[Any], bool], required: bool) -> Any:
        """The value at `key` if `good` says so; else what is wrong is noted and None."""
        if key not in self.data:
            if required:
                self.missing(key, what)
            return None
        value = self.data[key]
        if good(value):
            return value
        self.expected(key, what)
        return None

    def text(self, key: str, *, required: bool = True, blank: bool = False) -> str | None:
        """Text, without the spaces around it; empty text only when `blank` allows it."""
        what = "text in quotes" if blank else TEXT

        def good(v: Any) -> bool:
            return _is_text(v) or (blank and isinstance(v, str))

        value = self.read(key, what, good, required)
        return None if value is None else value.strip()

    def texts(
        self,
        key: str,
        *,
        required: bool = True,
        some: bool = True,
        of: str = "pieces of text in quotes",
    ) -> tuple[str, ...] | None:
        """A list of text (`some`: one or more), each without the spaces around it."""
        what = f"a list of {'one or more ' if some else ''}{of}"

        def good(v: Any) -> bool:
            return isinstance(v, list) and (bool(v) or not some) and all(map(_is_text, v))

        value = self.read(key, what, good, required)
        return None if value is None else tuple(v.strip() for v in value)

    def whole(self, key: str, low: int, high: int, *, required: bool = True) -> int | None:
        what = f"a whole number from {low} to {high}"
        return self.read(key, what, lambda v: type(v) is int and low <= v <= high, required)

    def number(self, key: str, low: float, high: float, *, required: bool = True) -> float | None:
        what = f"a number from {low:g} to {high:g}"

        def good(v: Any) -> bool:
            return type(v) in (int, float) and low <= v <= high

        value = self.read(key, what, good, required)
        return None if value is None else float(value)

    def flag(self, key: str, *, required: bool = True) -> bool | None:
        return self.read(key, "true or false", lambda v: isinstance(v, bool), required)

    def choice(self, key: str, options: Sequence[str], *, required: bool = True) -> str | None:
        """One of `options` (lower-case), whatever case it was written in."""
        value = self.read(key, either(options), lambda v: _folded(v) in options, required)
        return None if value is None else _folded(value)

    def choices(
        self, key: str, options: Sequence[str], *, required: bool = True
    ) -> tuple[str, ...] | None:
        """A list of one or more of `options`, each once, in the order written."""
        what = f"a list of one or more of {listed(options)}"

        def good(v: Any) -> bool:
            return isinstance(v, list) and bool(v) and all(_folded(o) in options for o in v)

        value = self.read(key, what, good, required)
        return None if value is None else tuple(dict.fromkeys(map(_folded, value)))

    def parsed(
        self,
        key: str,
        parse: Callable[[str], T],
        what: str = TEXT,
        *,
        required: bool = True,
        its_words: bool = True,
    ) -> T | None:
        """Text that `parse` reads. A ValueError it raises is the problem, in its own
        words (which name the value and what is allowed) unless `its_words` is False;
        anything else, or text it cannot read then, expects `what`."""
        text = self.read(key, what, _is_text, required)
        if text is None:
            return None
        try:
            return parse(text.strip())
        except ValueError as exc:
            if its_words:
                self.wrong(key, str(exc))
            else:
                self.expected(key, what)
            return None

    def table(self, key: str, *, required: bool = True) -> Table:
        """The table at `key`; a missing or wrong one reads as empty, said once here."""
        name = f"{self.name}.{key}" if self.name else key
        value = self.data.get(key)
        if isinstance(value, dict):
            return Table(self.check, value, f"[{name}]", name=name)
        if value is not None:
            self.expected(key, f"a [{name}] table")
        elif required and not self.absent:  # its full name says where: no section
            self.check.note(f"the [{name}] table is missing")
        return Table(self.check, {}, f"[{name}]", name=name, absent=True)

    def tables(self, key: str, *, required: bool = True) -> list[Table]:
        """The [[key]] tables, each read as its own section: `key 1`, `key 2` ..."""

        def good(v: Any) -> bool:
            return isinstance(v, list) and bool(v) and all(isinstance(t, dict) for t in v)

        found = self.read(key, f"one or more [[{key}]] tables", good, required) or []
        return [Table(self.check, t, f"{key} {i}") for i, t in enumerate(found, start=1)]

    def unknown(
        self, allowed: Iterable[str], *, thing: str = "a setting", grouped: bool = False
    ) -> None:
        """Each key that is not in `allowed`, said on its own as not {thing}; `grouped`
        says them together as unknown fields (the presets' wording)."""
        allowed = list(allowed)
        extra = [key for key in self.data if key not in allowed]
        expected = f"expected one of: {', '.join(allowed)}"
        if grouped and extra:
            self.note(f"unknown field(s) {sorted(extra)}; {expected}")
            return
        for key in extra:
            self.note(f"'{key}' is not {thing}; {expected}", key)


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _folded(value: Any) -> str | None:
    return value.strip().lower() if isinstance(value, str) else None
