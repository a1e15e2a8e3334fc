"""Practices from content/practices/*.toml, and a person's own beside them.

One practice per file. Every problem in a file is reported at once, each
naming the file, the field and what was expected. A person's own broken file
is skipped with those messages and never hides the built-in practices; one
with the same id as a built-in practice takes its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coreg_tui.content.files import ContentError, builtin_content_dir, read_toml
from coreg_tui.core.durations import DurationError, parse_duration
from coreg_tui.core.pacing import PatternError, Preset, parse_pattern, resolve
from coreg_tui.core.practices import Direction, Practice, PracticeKind, Step
from coreg_tui.core.states import State

KEYS = {
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
}
STEP_KEYS = {"text", "seconds"}
ID_FORM = re.compile(r"[a-z0-9][a-z0-9-]{0,47}")
DURATION_RANGE_S = (10.0, 3600.0)
STEP_RANGE_S = (3.0, 600.0)


def _choices(values: Iterable[str]) -> str:
    return ", ".join(values)


class _Checker:
    """Collects every problem in one file."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path, self.data, self.problems = path, data, []

    def problem(self, field: str, expected: str) -> None:
        shown = f", not {self.data[field]!r}" if field in self.data else " (it is missing)"
        self.problems.append(f"{self.path}: '{field}': expected {expected}{shown}")

    def text(self, field: str, *, required: bool = True) -> str | None:
        value = self.data.get(field)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(field, "some text")
            return None
        return value.strip()

    def choice(self, field: str, options: type[PracticeKind] | type[Direction]) -> Any:
        value = self.data.get(field)
        try:
            return options(value)
        except ValueError:
            self.problem(field, f"one of {_choices(o.value for o in options)}")
            return None


def read_practice(
    path: Path, presets: tuple[Preset, ...], source: str
) -> tuple[Practice | None, list[str]]:
    """The practice in `path`, or None and every problem found in it."""
    try:
        data = read_toml(path)
    except ContentError as exc:
        return None, [str(exc)]
    c = _Checker(path, data)
    for key in sorted(set(data) - KEYS):
        c.problems.append(
            f"{path}: '{key}' is not a field a practice has; expected {_choices(sorted(KEYS))}"
        )
    pid = c.text("id")
    if pid is not None and not ID_FORM.fullmatch(pid):
        c.problem("id", "lower-case letters, digits and dashes, up to 48 (like 'calm-breath')")
    title, summary = c.text("title"), c.text("summary")
    kind, direction = c.choice("kind", PracticeKind), c.choice("direction", Direction)
    states = _states(c)
    intensity = _intensity(c)
    duration = _duration(c)
    pattern, preset, steps = _content(c, presets)
    together = data.get("together", False)
    if not isinstance(together, bool):
        c.problem("together", "true or false")
    note = c.text("note", required=False)
    if together is True and note is None:
        c.problem(
            "note",
            "a note for practices done together: that they are opt-in and can "
            "be left at any moment",
        )
    if c.problems:
        return None, c.problems
    return Practice(
        id=pid,
        title=title,
        kind=kind,
        direction=direction,
        summary=summary,  # type: ignore[arg-type]
        states=states,
        intensity=intensity,
        duration_s=duration,
        pattern=pattern,
        preset=preset,
        steps=steps,
        together=together,
        note=note,
        source=source,
    ), []


def _states(c: _Checker) -> tuple[State, ...]:
    value = c.data.get("states")
    names = [s.value for s in State]
    if not isinstance(value, list) or not value or not all(v in names for v in value):
        c.problem("states", f"a list of one or more of {_choices(names)}")
        return ()
    return tuple(dict.fromkeys(State(v) for v in value))


def _intensity(c: _Checker) -> tuple[int, int]:
    value = c.data.get("intensity", [0, 10])
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 0 <= value[0] <= value[1] <= 10
    )
    if not ok:
        c.problem("intensity", "two whole numbers from 0 to 10, lowest first, like [3, 10]")
        return (0, 10)
    return (value[0], value[1])


def _duration(c: _Checker) -> float:
    value = c.data.get("duration")
    low, high = DURATION_RANGE_S
    try:
        seconds = parse_duration(value if isinstance(value, str) else "")
    except DurationError:
        seconds = -1.0
    if not low <= seconds <= high:
        c.problem("duration", 'how long it takes, 10s to 60m, like "3m" or "90s"')
        return 0.0
    return seconds


def _content(c: _Checker, presets: tuple[Preset, ...]) -> tuple[Any, str | None, tuple[Step, ...]]:
    has = [k for k in ("preset", "pattern", "step") if k in c.data]
    if len(has) != 1:
        c.problems.append(
            f"{c.path}: expected exactly one of 'preset' (a breathing preset), "
            f"'pattern' (like \"4-6\") or [[step]] tables; found "
            f"{_choices(has) or 'none'}"
        )
        return None, None, ()
    if has[0] == "step":
        return None, None, _steps(c)
    text = c.data[has[0]]
    try:
        if has[0] == "preset":
            names = [p.name for p in presets]
            if not isinstance(text, str) or text.lower() not in names:
                c.problem("preset", f"one of {_choices(names)}")
                return None, None, ()
            pattern, preset = resolve(text, presets)
            return pattern, preset.name if preset else None, ()
        return parse_pattern(text if isinstance(text, str) else ""), None, ()
    except PatternError as exc:
        c.problems.append(f"{c.path}: 'pattern': {exc}")
        return None, None, ()


def _steps(c: _Checker) -> tuple[Step, ...]:
    raw = c.data.get("step")
    if not isinstance(raw, list) or not raw:
        c.problems.append(f"{c.path}: [[step]]: expected one or more step tables")
        return ()
    steps = []
    low, high = STEP_RANGE_S
    for i, step in enumerate(raw, start=1):
        where = f"{c.path}: step {i}"
        if not isinstance(step, dict):
            c.problems.append(f"{where}: expected a table with 'text' and 'seconds'")
            continue
        extra = sorted(set(step) - STEP_KEYS)
        if extra:
            c.problems.append(f"{where}: unknown field(s) {extra}; a step has 'text' and 'seconds'")
        text, seconds = step.get("text"), step.get("seconds")
        if not isinstance(text, str) or not text.strip():
            c.problems.append(f"{where}: 'text': expected what to do, as text")
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, int | float)
            or not (low <= seconds <= high)
        ):
            c.problems.append(f"{where}: 'seconds': expected a number from {low:g} to {high:g}")
        elif isinstance(text, str) and text.strip():
            steps.append(Step(text.strip(), float(seconds)))
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
