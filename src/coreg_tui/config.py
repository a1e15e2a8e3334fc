"""The person's config.toml (see `coreg paths`), read with tomllib and checked.

Every key is known and typed; an unknown key or a wrong value is reported in
one line that names the file and the key, never ignored. A missing file means
the defaults.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

from coreg_tui.core.errors import InputError


class ConfigError(InputError):
    pass


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


_TYPES: dict[str, type] = {
    "default_pattern": str,
    "bell": bool,
    "color": bool,
    "reduced_motion": bool,
    "care_contact": str,
    "hide_practices": list,
    "holds_max_intensity": int,
    "theme": str,
}
THEMES = ("auto", "dark", "light")
_WORDS = {str: "text", bool: "true or false", int: "a whole number", list: "a list of practice ids"}


def parse_config(data: dict[str, Any], where: str) -> Config:
    known = [f.name for f in fields(Config)]
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {', '.join(unknown)}; the keys are {', '.join(known)}"
        )
    values: dict[str, Any] = {}
    for key, value in data.items():
        kind = _TYPES[key]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if kind is list:
            ok = ok and all(isinstance(v, str) for v in value)
        if not ok:
            raise ConfigError(f"{where}: '{key}' should be {_WORDS[kind]}, not {value!r}")
        values[key] = tuple(value) if kind is list else value
    if not 0 <= values.get("holds_max_intensity", 6) <= 10:
        raise ConfigError(f"{where}: 'holds_max_intensity' should be 0 to 10")
    if values.get("theme", "auto") not in THEMES:
        raise ConfigError(f"{where}: 'theme' should be {', '.join(THEMES)}")
    if "default_pattern" in values:
        from coreg_tui.content import breathing
        from coreg_tui.core.pacing import resolve

        try:
            resolve(values["default_pattern"], breathing().presets)
        except InputError as exc:
            raise ConfigError(f"{where}: 'default_pattern': {exc}") from None
    return Config(**values)


def load_config(path: Path) -> Config:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    return parse_config(data, str(path))


@cache
def config() -> Config:
    from coreg_tui.paths import config_path

    return load_config(config_path())
