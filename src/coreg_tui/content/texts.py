"""The states' words and the prompts (content/states.toml, content/prompts.toml)."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from coreg_tui.content.files import ContentError, builtin_content_dir, read_table, refuse
from coreg_tui.core.states import State
from coreg_tui.schema import Table

CARE_KEYS = ("message", "grounding", "help")


class StateText(NamedTuple):
    state: State
    name: str
    description: str
    feels: str
    cues: tuple[str, ...]  # body cues the check-in offers
    helps: str


class Blend(NamedTuple):
    name: str
    states: tuple[State, ...]
    description: str


class Care(NamedTuple):
    message: str
    grounding: str
    help: str


class Sos(NamedTuple):
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


class Texts(NamedTuple):
    states: dict[State, StateText]
    blends: tuple[Blend, ...]
    checkin_prompts: tuple[str, ...]
    reflection_prompts: tuple[str, ...]
    care: Care
    sos: Sos


# The readers hand back None for what is wrong; a file with any problem is refused
# before what was read from it is used.


def _words(table: Table, keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: table.text(key) for key in keys}


def _state(state: State, table: Table) -> StateText:
    words = _words(table, ("name", "description", "feels", "helps"))
    return StateText(state, cues=table.texts("cues") or (), **words)


def _blend(name: str, table: Table) -> Blend:
    names = table.choices("states", [s.value for s in State]) or ()
    return Blend(name, tuple(map(State, names)), table.text("description") or "")


def _sos(table: Table) -> Sos:
    return Sos(cycles=table.whole("cycles", 1, 60) or 0, **_words(table, SOS_TEXTS))


@cache
def texts() -> Texts:
    """The states' words and the prompts; ContentError with the first problem in either."""
    folder = builtin_content_dir()
    top = read_table(folder / "states.toml")
    state = top.table("state")
    states = {s: _state(s, state.table(s.value)) for s in State}
    blend = top.table("blend", required=False)
    blends = tuple(_blend(name, blend.table(name)) for name in blend.data)
    refuse(top.check)
    prompts = read_table(folder / "prompts.toml")
    found = Texts(
        states,
        blends,
        prompts.texts("checkin") or (),
        prompts.texts("reflection") or (),
        Care(**_words(prompts.table("care"), CARE_KEYS)),
        _sos(prompts.table("sos")),
    )
    refuse(prompts.check)
    return found


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
