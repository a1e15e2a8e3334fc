"""The breathing presets and the notes shown beside them (content/presets.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coreg_tui.content.files import builtin_content_dir, read_table, refuse
from coreg_tui.core.pacing import Pattern, Preset, parse_pattern
from coreg_tui.schema import Table

PRESET_KEYS = ("name", "pattern", "description", "caution", "aliases")
NOTE_KEYS = ("holds", "stop")
PATTERN = 'a pattern such as "4-6"'


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


def _preset(entry: Table, seen: set[str]) -> Preset | None:
    """One [[preset]] table, named by its name once that is known; None if it is wrong."""
    name = entry.text("name")
    if name is not None:
        name = name.lower()
        entry.section = f"preset '{name}'"
    entry.unknown(PRESET_KEYS, grouped=True)
    pattern = entry.parsed("pattern", parse_pattern, PATTERN)
    description = entry.text("description")
    caution = entry.text("caution", required=False)
    aliases = entry.texts("aliases", required=False, some=False) or ()
    names = [n for n in (name, *(a.lower() for a in aliases)) if n]
    for n in names:
        if n in seen:
            entry.note(f"the name '{n}' is used twice")
        seen.add(n)
    if name is None or pattern is None or description is None:
        return None
    return Preset(name, pattern, description, caution, aliases=tuple(names[1:]))


def load_breathing(path: Path) -> Breathing:
    top = read_table(path)
    top.unknown(("notes", "preset"), grouped=True)
    notes = top.table("notes")
    notes.unknown(NOTE_KEYS, grouped=True)
    holds, stop = notes.text("holds"), notes.text("stop")
    seen: set[str] = set()
    presets = [_preset(entry, seen) for entry in top.tables("preset")]
    if presets and DEFAULT_PRESET not in seen:  # a name or an alias: both resolve
        top.note(f"the default preset '{DEFAULT_PRESET}' is missing")
    refuse(top.check)
    return Breathing(tuple(filter(None, presets)), hold_caution=holds or "", stop_note=stop or "")


DEFAULT_PRESET = "calm"


@cache
def breathing() -> Breathing:
    """The built-in breathing presets and notes."""
    return load_breathing(builtin_content_dir() / "presets.toml")
