"""The person's config.toml (see `coreg config path`), read with tomllib and checked.

Every key is known and typed. A mistake never stands between a person and help:
what cannot be read falls back to its default, every other key is still used
(even when the file is not valid TOML, each line that reads on its own is kept),
and each problem is one line naming the file, the line and the key, in the shape
coreg_tui.schema gives every file. A missing file means the defaults. `coreg config
check` lists every problem at once.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from coreg_tui.schema import Check, Problem, Table


class Config(NamedTuple):
    default_pattern: str = "calm"  # a preset or a pattern, for `coreg breathe`
    bell: bool = False  # ring the terminal bell at each phase
    color: bool = True  # colour where the terminal has it (NO_COLOR also turns it off)
    reduced_motion: bool = False  # the breathing picture changes in steps, with words
    care_contact: str | None = None  # a person or number to show with the care message
    hide_practices: tuple[str, ...] = ()  # practice ids not to offer
    holds_max_intensity: int = 6  # no breath holds offered above this intensity
    theme: str = "auto"  # the companion's colours: dark, light, or auto (from the terminal)
    ask_before: bool = True  # the companion asks where you are before a practice from Home
    lock_timeout: float = 15  # minutes a locked journal's key is remembered; 0: never
    passphrase_command: str | None = None  # a command that prints the passphrase (scripts)


THEMES = ("auto", "dark", "light")
KEYS = Config._fields


def _breathable(text: str) -> str:
    """`text`, if coreg can breathe it (else its PatternError says why). Presets that
    cannot be read are their own file's problem, not the config's."""
    from coreg_tui.content import breathing
    from coreg_tui.content.files import ContentError
    from coreg_tui.core.pacing import resolve

    try:
        presets = breathing().presets
    except ContentError:
        return text
    resolve(text, presets)
    return text


# How each key is read: its value, or None (the default stands in) with the problem noted.
_READ: dict[str, Callable[[Table, str], Any]] = {
    "default_pattern": lambda t, key: t.parsed(
        key, _breathable, "a preset name or a pattern such as 4-6"
    ),
    "bell": Table.flag,
    "color": Table.flag,
    "reduced_motion": Table.flag,
    "care_contact": lambda t, key: t.text(key, blank=True),
    "hide_practices": lambda t, key: t.texts(key, some=False, of="practice ids in quotes"),
    "holds_max_intensity": lambda t, key: t.whole(key, 0, 10),
    "theme": lambda t, key: t.choice(key, THEMES),
    "ask_before": Table.flag,
    "lock_timeout": lambda t, key: t.number(key, 0, 24 * 60),
    "passphrase_command": lambda t, key: t.text(key),
}


def _line_by_line(text: str) -> dict[str, Any]:
    """What can still be read from a file that is not valid TOML: each `key = value` line
    that is valid on its own (a typo on one line keeps the care contact on another)."""
    data: dict[str, Any] = {}
    for line in text.splitlines():
        if line.lstrip().startswith("["):
            break  # a table begins: top-level keys end here
        try:
            data.update(tomllib.loads(line))
        except (tomllib.TOMLDecodeError, RecursionError):
            continue
    return data


def read_config(path: Path) -> tuple[Config, list[Problem]]:
    """The config at `path` with the defaults for whatever is wrong, and what is wrong,
    in the order of the file's lines."""
    check = Check(path, lines=True)
    table = check.table(check.load(missing_ok=True, salvage=_line_by_line))
    table.unknown(KEYS)
    values = {key: read(table, key) for key, read in _READ.items() if table.has(key)}
    problems = sorted(check.problems, key=lambda p: p.line or 0)
    return Config(**{key: v for key, v in values.items() if v is not None}), problems


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
