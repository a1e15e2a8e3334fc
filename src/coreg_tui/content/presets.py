"""The breathing presets and the notes shown beside them (content/presets.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from coreg_tui.content.files import ContentError, builtin_content_dir, read_toml, text_field
from coreg_tui.core.pacing import Pattern, PatternError, Preset, parse_pattern

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
    return {key: text_field(path, "[notes]", notes, key, required=True) or "" for key in _NOTE_KEYS}


def _preset(path: Path, i: int, entry: Any, seen: set[str]) -> Preset:
    where = f"preset {i}"
    if not isinstance(entry, dict):
        raise ContentError(f"{path}: {where}: expected a [[preset]] table")
    extra = set(entry) - _PRESET_KEYS
    if extra:
        raise ContentError(
            f"{path}: {where}: unknown field(s) {sorted(extra)}; expected {sorted(_PRESET_KEYS)}"
        )
    name = (text_field(path, where, entry, "name", required=True) or "").lower()
    where = f"preset '{name}'"
    try:
        pattern = parse_pattern(text_field(path, where, entry, "pattern", required=True) or "")
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
        description=text_field(path, where, entry, "description", required=True) or "",
        caution=text_field(path, where, entry, "caution", required=False),
        aliases=tuple(names[1:]),
    )


def load_breathing(path: Path) -> Breathing:
    data = read_toml(path)
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
