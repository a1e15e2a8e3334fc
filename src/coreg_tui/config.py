"""The person's config.toml (see `coreg config path`), read with tomllib and checked.

Every key is known and typed. A mistake never stands between a person and help:
what cannot be read falls back to its default, every other key is still used
(even when the file is not valid TOML, each line that reads on its own is kept),
and each problem is one line naming the file, the line and the key. A missing
file means the defaults. `coreg config check` lists every problem at once.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Config:
    default_pattern: str = "calm"  # a preset or a pattern, for `coreg breathe`
    bell: bool = False  # ring the terminal bell at each phase
    color: bool = True  # colour where the terminal has it (NO_COLOR also turns it off)
    reduced_motion: bool = False  # the breathing picture changes in steps, with words
    care_contact: str | None = None  # a person or number to show with the care message
    hide_practices: tuple[str, ...] = field(default=())  # practice ids not to offer
    holds_max_intensity: int = 6  # no breath holds offered above this intensity
    theme: str = "auto"  # the companion's colours: dark, light, or auto (from the terminal)
    ask_before: bool = True  # the companion asks where you are before a practice from Home


THEMES = ("auto", "dark", "light")
KEYS = tuple(f.name for f in fields(Config))
_ALLOWED = {
    "default_pattern": "a preset name or a pattern such as 4-6",
    "bell": "true or false",
    "color": "true or false",
    "reduced_motion": "true or false",
    "care_contact": "text in quotes",
    "hide_practices": "a list of practice ids in quotes",
    "holds_max_intensity": "a whole number from 0 to 10",
    "theme": "auto, dark or light",
    "ask_before": "true or false",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the config, said in one line: file, line, key, what is allowed."""

    path: Path
    line: int | None
    key: str | None
    what: str

    def __str__(self) -> str:
        where = str(self.path) + (f", line {self.line}" if self.line else "")
        return f"{where}: " + (f"'{self.key}' {self.what}" if self.key else self.what)


def _value_problem(key: str, value: Any) -> str | None:
    """What is wrong with `value` for `key`, or None when it is good."""
    kinds = {
        bool: ("bell", "color", "reduced_motion", "ask_before"),
        str: ("care_contact", "theme"),
    }
    if key in kinds[bool]:
        ok = isinstance(value, bool)
    elif key in kinds[str]:
        ok = isinstance(value, str) and (key != "theme" or value in THEMES)
    elif key == "hide_practices":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif key == "holds_max_intensity":
        ok = type(value) is int and 0 <= value <= 10
    elif not isinstance(value, str):
        ok = False
    else:
        return _pattern_problem(value)
    return None if ok else f"should be {_ALLOWED[key]}, not {_shown(value)}"


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "\u2026"


def _pattern_problem(value: str) -> str | None:
    from coreg_tui.content.files import ContentError
    from coreg_tui.core.errors import InputError

    try:
        from coreg_tui.content import breathing
        from coreg_tui.core.pacing import resolve

        resolve(value, breathing().presets)
    except ContentError:
        return None  # the presets themselves are damaged: that is their file's problem
    except InputError as exc:
        return f"is not a pattern coreg can breathe ({exc})"
    return None


def _line_of(text: str, key: str) -> int | None:
    name = rf'(?:{re.escape(key)}|"{re.escape(key)}")'
    found = re.search(rf"^[ \t]*(?:{name}[ \t]*=|\[+[ \t]*{name}[ \t]*\])", text, re.M)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _line_by_line(text: str) -> dict[str, Any]:
    """What can still be read from a file that is not valid TOML: each `key = value` line
    that is valid on its own (a typo on one line keeps the care contact on another)."""
    data: dict[str, Any] = {}
    for line in text.splitlines():
        if line.lstrip().startswith("["):
            break  # a table begins: top-level keys end here
        try:
            data.update(tomllib.loads(line))
        except tomllib.TOMLDecodeError:
            continue
    return data


def read_config(path: Path) -> tuple[Config, list[Problem]]:
    """The config at `path` with the defaults for whatever is wrong, and what is wrong."""
    from coreg_tui.files import OddFileError, read_regular

    try:
        raw = read_regular(path)
    except FileNotFoundError:
        return Config(), []
    except IsADirectoryError:
        return Config(), [Problem(path, None, None, "is a folder, not a file")]
    except OddFileError as exc:
        return Config(), [Problem(path, None, None, str(exc).removeprefix(f"{path} "))]
    except OSError as exc:
        return Config(), [Problem(path, None, None, f"cannot be read ({exc.strerror})")]
    problems: list[Problem] = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return Config(), [Problem(path, line, None, "is not UTF-8 text; nothing in it was used")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        line = int(found.group(1)) if found else len(text.splitlines()) or 1
        problems.append(
            Problem(
                path,
                line,
                None,
                f"not valid TOML ({reason.rstrip('.').lower()}); "
                "the lines that read on their own were used",
            )
        )
        data = _line_by_line(text)
    except RecursionError:
        return Config(), [Problem(path, None, None, "is nested too deeply; nothing was used")]
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            problems.append(
                Problem(
                    path, _line_of(text, key), key, f"is not a setting (they are {', '.join(KEYS)})"
                )
            )
            continue
        wrong = _value_problem(key, value)
        if wrong:
            problems.append(
                Problem(path, _line_of(text, key), key, wrong + "; the default is used")
            )
            continue
        values[key] = tuple(value) if key == "hide_practices" else value
    return Config(**values), problems


_said = False  # the problems are said once a process


@cache
def _read() -> tuple[Config, list[Problem]]:
    from coreg_tui.paths import config_path

    return read_config(config_path())


def config() -> Config:
    """The person's settings, never refused: the defaults stand in for what cannot be read."""
    return _read()[0]


def config_problems() -> list[Problem]:
    return _read()[1]


def cache_clear() -> None:
    """Read the file again next time, and say its problems again (tests; a setting
    changed from the companion)."""
    global _said
    _read.cache_clear()
    _said = False


def problem_line() -> str | None:
    """The config's problems in one calm line: where to look, and how to learn more."""
    problems = config_problems()
    if not problems:
        return None
    places = []
    for p in problems:
        place = " ".join(filter(None, [f"line {p.line}" if p.line else "", p.key and f"'{p.key}'"]))
        places.append(place or "the whole file")
    return (
        f"part of {problems[0].path} could not be used ({', '.join(places)}); "
        "the defaults stand in there. 'coreg config check' says what is wrong."
    )


def mark_told() -> None:
    """The problems have been said in full (`coreg config check`): no one-line notice."""
    global _said
    _said = True


def tell_once(write: Callable[[str], object]) -> None:
    """Say the config's problems (one line, handed to `write`), once in this process."""
    global _said
    if _said:
        return
    _said = True
    line = problem_line()
    if line:
        write(line)


def save_setting(key: str, value: str) -> str | None:
    """Keep one text setting in config.toml, leaving every other line as it was: the
    key's line is replaced, or added at the end. Returns a line saying why it could not
    be kept (the setting still holds for this session), or None."""
    import os
    import tempfile

    from coreg_tui.paths import config_path

    path = config_path()
    line = f'{key} = "{value}"'
    from coreg_tui.files import private_folder, read_regular

    try:
        text = read_regular(path).decode("utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        return f"{path} could not be read, so '{key}' was not kept there ({exc})"
    found = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=.*$", text, re.M)
    if found:
        text = text[: found.start()] + line + text[found.end() :]
    else:
        text += ("" if not text or text.endswith("\n") else "\n") + line + "\n"
    try:
        private_folder(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".part")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        return f"'{key}' could not be kept in {path} ({exc.strerror})"
    cache_clear()
    return None
