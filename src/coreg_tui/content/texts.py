"""The states' words and the prompts (content/states.toml, content/prompts.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from coreg_tui.content.files import ContentError, builtin_content_dir, read_toml
from coreg_tui.core.states import State

STATE_KEYS = ("name", "description", "feels", "cues", "helps")
CARE_KEYS = ("message", "grounding", "help")


@dataclass(frozen=True, slots=True)
class StateText:
    state: State
    name: str
    description: str
    feels: str
    cues: tuple[str, ...]  # body cues the check-in offers
    helps: str


@dataclass(frozen=True, slots=True)
class Blend:
    name: str
    states: tuple[State, ...]
    description: str


@dataclass(frozen=True, slots=True)
class Care:
    message: str
    grounding: str
    help: str


@dataclass(frozen=True, slots=True)
class Sos:
    """Help right now: the words between the steps, and which practices it guides."""

    breathe: str
    ground: str
    end: str
    keep: str
    pattern: str  # a preset or pattern with a long breath out and no holds
    cycles: int
    grounding: str  # a step practice's id
    rise: str  # the line before gentle activation, after a strong dorsal check-in
    rising: str  # the activating step practice's id


SOS_TEXTS = ("breathe", "ground", "end", "keep", "pattern", "grounding", "rise", "rising")


@dataclass(frozen=True, slots=True)
class Texts:
    states: dict[State, StateText]
    blends: tuple[Blend, ...]
    checkin_prompts: tuple[str, ...]
    reflection_prompts: tuple[str, ...]
    care: Care
    sos: Sos


def _words(where: str, table: Any, key: str) -> str | tuple[str, ...]:
    value = table.get(key) if isinstance(table, dict) else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    raise ContentError(f"{where}: '{key}' is missing or empty (expected text)")


def _text(where: str, table: Any, key: str) -> str:
    value = _words(where, table, key)
    if not isinstance(value, str):
        raise ContentError(f"{where}: '{key}' should be one piece of text, not a list")
    return value


def _list(where: str, table: Any, key: str) -> tuple[str, ...]:
    value = _words(where, table, key)
    if isinstance(value, str):
        raise ContentError(f"{where}: '{key}' should be a list of text")
    return value


@cache
def texts() -> Texts:
    folder = builtin_content_dir()
    states_path, prompts_path = folder / "states.toml", folder / "prompts.toml"
    data = read_toml(states_path)
    states = {}
    for state in State:
        where = f"{states_path}: [state.{state.value}]"
        table = data.get("state", {}).get(state.value)
        states[state] = StateText(
            state,
            _text(where, table, "name"),
            _text(where, table, "description"),
            _text(where, table, "feels"),
            _list(where, table, "cues"),
            _text(where, table, "helps"),
        )
    blends = []
    for name, table in data.get("blend", {}).items():
        where = f"{states_path}: [blend.{name}]"
        names = _list(where, table, "states")
        try:
            members = tuple(State(n) for n in names)
        except ValueError:
            raise ContentError(
                f"{where}: 'states' should name ventral, sympathetic or dorsal"
            ) from None
        blends.append(Blend(name, members, _text(where, table, "description")))
    prompts = read_toml(prompts_path)
    where = str(prompts_path)
    care_table = prompts.get("care")
    care = Care(*(_text(f"{where}: [care]", care_table, key) for key in CARE_KEYS))
    return Texts(
        states,
        tuple(blends),
        _list(where, prompts, "checkin"),
        _list(where, prompts, "reflection"),
        care,
        _sos(f"{where}: [sos]", prompts.get("sos")),
    )


def _sos(where: str, table: Any) -> Sos:
    cycles = table.get("cycles") if isinstance(table, dict) else None
    if type(cycles) is not int or not 1 <= cycles <= 60:
        raise ContentError(f"{where}: 'cycles' should be a whole number from 1 to 60")
    return Sos(cycles=cycles, **{key: _text(where, table, key) for key in SOS_TEXTS})


def care_words() -> Care:
    """The care lines, from content/prompts.toml, or built-in wording if it cannot be read."""
    try:
        return texts().care
    except ContentError:
        from coreg_tui.content.fallback import CARE

        return Care(**CARE)


def sos_words() -> Sos:
    """Help right now's words, from content/prompts.toml, or built-in wording if it fails."""
    try:
        return texts().sos
    except ContentError:
        from coreg_tui.content.fallback import SOS

        return Sos(**SOS)
