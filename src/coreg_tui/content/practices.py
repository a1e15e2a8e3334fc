"""Practices from content/practices/*.toml, and a person's own beside them.

One practice per file. Every problem in a file is reported at once, each
naming the file, the field and what was expected. A person's own broken file
is skipped with those messages and never hides the built-in practices; one
with the same id as a built-in practice takes its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coreg_tui.content.files import ContentError, builtin_content_dir
from coreg_tui.core.durations import parse_duration
from coreg_tui.core.pacing import Preset, parse_pattern, resolve
from coreg_tui.core.practices import Direction, Practice, PracticeKind, Step
from coreg_tui.core.states import State
from coreg_tui.schema import Check, Table

KEYS = (
    "id",
    "title",
    "kind",
    "direction",
    "summary",
    "states",
    "intensity",
    "duration",
    "preset",
    "pattern",
    "step",
    "together",
    "note",
)
STEP_KEYS = ("text", "seconds")
ID_FORM = re.compile(r"[a-z0-9][a-z0-9-]{0,47}")
DURATION_RANGE_S = (10.0, 3600.0)
STEP_RANGE_S = (3.0, 600.0)
DURATION = 'how long it takes, 10s to 60m, like "3m" or "90s"'
TOGETHER_NOTE = (
    "a note for practices done together: that they are opt-in and can be left at any moment"
)


def read_practice(
    path: Path, presets: tuple[Preset, ...], source: str
) -> tuple[Practice | None, list[str]]:
    """The practice in `path`, or None and every problem found in it."""
    check = Check(path)
    data = check.load()
    if data is None:
        return None, [str(p) for p in check.problems]
    t = check.table(data)
    t.unknown(sorted(KEYS), thing="a field a practice has")
    pid = t.text("id")
    if pid is not None and not ID_FORM.fullmatch(pid):
        t.expected("id", "lower-case letters, digits and dashes, up to 48 (like 'calm-breath')")
    title, summary = t.text("title"), t.text("summary")
    kind = t.choice("kind", [k.value for k in PracticeKind])
    direction = t.choice("direction", [d.value for d in Direction])
    states = t.choices("states", [s.value for s in State])
    intensity = _intensity(t)
    duration = _duration(t)
    pattern, preset, steps = _content(t, presets)
    together = t.flag("together", required=False) or False
    note = t.text("note", required=False)
    if together and not t.has("note"):
        t.expected("note", TOGETHER_NOTE)
    if check.problems:
        return None, [str(p) for p in check.problems]
    found: dict[str, Any] = {"id": pid, "title": title, "summary": summary}
    return Practice(
        **found,
        kind=PracticeKind(kind),
        direction=Direction(direction),
        states=tuple(map(State, states or ())),
        intensity=intensity,
        duration_s=duration,
        pattern=pattern,
        preset=preset,
        steps=steps,
        together=together,
        note=note,
        source=source,
    ), []


def _intensity(t: Table) -> tuple[int, int]:
    value = t.data.get("intensity", [0, 10])
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(type(v) is int for v in value)
        and 0 <= value[0] <= value[1] <= 10
    )
    if not ok:
        t.expected("intensity", "two whole numbers from 0 to 10, lowest first, like [3, 10]")
        return (0, 10)
    return (value[0], value[1])


def _duration(t: Table) -> float:
    seconds = t.parsed("duration", parse_duration, DURATION, its_words=False)
    low, high = DURATION_RANGE_S
    if seconds is not None and not low <= seconds <= high:
        t.expected("duration", DURATION)
    return seconds or 0.0


def _content(t: Table, presets: tuple[Preset, ...]) -> tuple[Any, str | None, tuple[Step, ...]]:
    has = [k for k in ("preset", "pattern", "step") if t.has(k)]
    if len(has) != 1:
        t.note(
            "expected exactly one of 'preset' (a breathing preset), 'pattern' "
            f'(like "4-6") or [[step]] tables; found {", ".join(has) or "none"}'
        )
        return None, None, ()
    if has[0] == "step":
        return None, None, _steps(t)
    if has[0] == "pattern":
        return t.parsed("pattern", parse_pattern, 'a pattern such as "4-6"'), None, ()
    name = t.choice("preset", [p.name for p in presets])
    if name is None:
        return None, None, ()
    pattern, preset = resolve(name, presets)
    return pattern, preset.name if preset else None, ()


def _steps(t: Table) -> tuple[Step, ...]:
    steps = []
    low, high = STEP_RANGE_S
    for step in t.tables("step"):
        step.unknown(STEP_KEYS, thing="a field a step has")
        text, seconds = step.text("text"), step.number("seconds", low, high)
        if text is not None and seconds is not None:
            steps.append(Step(text, seconds))
    return tuple(steps)


@dataclass(frozen=True, slots=True)
class Library:
    practices: tuple[Practice, ...]
    problems: tuple[str, ...]  # in a person's own files, which were skipped

    def get(self, practice_id: str) -> Practice | None:
        return next((p for p in self.practices if p.id == practice_id), None)


def read_folder(
    folder: Path, presets: tuple[Preset, ...], source: str
) -> tuple[list[Practice], list[str]]:
    """Every practice in a folder, and every problem, including ids used twice."""
    found: list[Practice] = []
    problems: list[str] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.toml")):
        practice, trouble = read_practice(
            path, presets, source if source == "built-in" else str(path)
        )
        problems.extend(trouble)
        if practice is None:
            continue
        if practice.id in seen:
            problems.append(f"{path}: 'id': '{practice.id}' is already used by {seen[practice.id]}")
            continue
        seen[practice.id] = path
        found.append(practice)
    return found, problems


def load_library(user_folder: Path | None, presets: tuple[Preset, ...]) -> Library:
    built_in, trouble = read_folder(builtin_content_dir() / "practices", presets, "built-in")
    if trouble:  # the shipped content is part of coreg: a problem there is a bug
        raise ContentError(trouble[0])
    practices = {p.id: p for p in built_in}
    problems: list[str] = []
    if user_folder is not None and user_folder.is_dir():
        own, problems = read_folder(user_folder, presets, "yours")
        practices.update((p.id, p) for p in own)  # the same id: theirs takes its place
    return Library(tuple(practices.values()), tuple(problems))
