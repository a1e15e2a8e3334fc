"""Loads and validates the data in content/: what coreg says and offers.

The built-in content ships inside the wheel (coreg_tui/_content); a source
checkout reads ./content directly. Every problem names the file, the field
and what was expected, so someone who edits a file without knowing Python
can fix it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from coreg_tui.core.errors import InputError
from coreg_tui.core.pacing import Pattern, PatternError, Preset, parse_pattern


class ContentError(InputError):
    """A content file that cannot be used, said in one line."""


def builtin_content_dir() -> Path:
    here = Path(__file__).resolve().parent
    shipped = here / "_content"  # inside an installed wheel
    if shipped.is_dir():
        return shipped
    return here.parent.parent / "content"  # src/coreg_tui -> the checkout


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ContentError(f"{path}: the file is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path}: not valid TOML ({exc})") from None


def _text(path: Path, where: str, entry: dict[str, Any], key: str, *, required: bool) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise ContentError(f"{path}: {where}: '{key}' is missing (expected text)")
        return None
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{path}: {where}: '{key}' should be non-empty text, not {value!r}")
    return value.strip()


_PRESET_KEYS = {"name", "pattern", "description", "caution", "aliases"}
_NOTE_KEYS = {"holds", "stop"}


@dataclass(frozen=True, slots=True)
class Breathing:
    """The breathing presets and the short notes shown beside them."""

    presets: tuple[Preset, ...]
    hold_caution: str  # shown with any pattern that holds the breath
    stop_note: str  # shown during every session

    def caution_for(self, pattern: Pattern, preset: Preset | None) -> str | None:
        if preset is not None and preset.caution:
            return preset.caution
        return self.hold_caution if pattern.has_holds else None


def _notes(path: Path, data: dict[str, Any]) -> dict[str, str]:
    notes = data.get("notes")
    if not isinstance(notes, dict):
        raise ContentError(f"{path}: the [notes] table is missing (expected {sorted(_NOTE_KEYS)})")
    extra = set(notes) - _NOTE_KEYS
    if extra:
        raise ContentError(f"{path}: [notes]: unknown field(s) {sorted(extra)}")
    return {key: _text(path, "[notes]", notes, key, required=True) or "" for key in _NOTE_KEYS}


def _preset(path: Path, i: int, entry: Any, seen: set[str]) -> Preset:
    where = f"preset {i}"
    if not isinstance(entry, dict):
        raise ContentError(f"{path}: {where}: expected a [[preset]] table")
    extra = set(entry) - _PRESET_KEYS
    if extra:
        raise ContentError(
            f"{path}: {where}: unknown field(s) {sorted(extra)}; expected {sorted(_PRESET_KEYS)}"
        )
    name = (_text(path, where, entry, "name", required=True) or "").lower()
    where = f"preset '{name}'"
    try:
        pattern = parse_pattern(_text(path, where, entry, "pattern", required=True) or "")
    except PatternError as exc:
        raise ContentError(f"{path}: {where}: 'pattern': {exc}") from None
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ContentError(f"{path}: {where}: 'aliases' should be a list of text")
    names = [name, *(a.strip().lower() for a in aliases)]
    for n in names:
        if n in seen:
            raise ContentError(f"{path}: {where}: the name '{n}' is used twice")
        seen.add(n)
    return Preset(
        name=name,
        pattern=pattern,
        description=_text(path, where, entry, "description", required=True) or "",
        caution=_text(path, where, entry, "caution", required=False),
        aliases=tuple(names[1:]),
    )


def load_breathing(path: Path) -> Breathing:
    data = _read_toml(path)
    unknown = set(data) - {"preset", "notes"}
    if unknown:
        raise ContentError(
            f"{path}: unknown table(s) {sorted(unknown)}; expected [notes], [[preset]]"
        )
    notes = _notes(path, data)
    entries = data.get("preset")
    if not isinstance(entries, list) or not entries:
        raise ContentError(f"{path}: expected one or more [[preset]] tables")
    seen: set[str] = set()
    presets = tuple(_preset(path, i, entry, seen) for i, entry in enumerate(entries, start=1))
    if DEFAULT_PRESET not in {p.name for p in presets}:
        raise ContentError(f"{path}: the default preset '{DEFAULT_PRESET}' is missing")
    return Breathing(presets, hold_caution=notes["holds"], stop_note=notes["stop"])


DEFAULT_PRESET = "calm"


@cache
def breathing() -> Breathing:
    """The built-in breathing presets and notes."""
    return load_breathing(builtin_content_dir() / "presets.toml")
