"""The three states, the everyday words people use for them, and check-in values."""

from __future__ import annotations

from enum import StrEnum

from coreg_tui.core.errors import InputError


class State(StrEnum):
    VENTRAL = "ventral"
    SYMPATHETIC = "sympathetic"
    DORSAL = "dorsal"


ALIASES: dict[str, State] = {
    **{
        word: State.VENTRAL
        for word in (
            "calm",
            "safe",
            "connected",
            "settled",
            "ok",
            "okay",
            "grounded",
            "present",
            "v",
        )
    },
    **{
        word: State.SYMPATHETIC
        for word in (
            "anxious",
            "stressed",
            "angry",
            "panicky",
            "overwhelmed",
            "wired",
            "restless",
            "irritable",
            "tense",
            "flooded",
            "s",
        )
    },
    **{
        word: State.DORSAL
        for word in (
            "numb",
            "shutdown",
            "shut-down",
            "frozen",
            "foggy",
            "flat",
            "collapsed",
            "hopeless",
            "disconnected",
            "d",
        )
    },
}
INTENSITY_RANGE = (0, 10)
HIGHEST_DISTRESS = 9  # from here on (any state but ventral), care comes first


def needs_care(state: State, intensity: int | None) -> bool:
    return state is not State.VENTRAL and intensity is not None and intensity >= HIGHEST_DISTRESS


def aliases_of(state: State) -> list[str]:
    return [word for word, s in ALIASES.items() if s is state and len(word) > 1]


def aliases_help() -> str:
    return "; ".join(f"{s.value}: {', '.join(aliases_of(s))}" for s in State)


def parse_state(text: str) -> State:
    key = text.strip().lower()
    if key in State._value2member_map_:
        return State(key)
    if key in ALIASES:
        return ALIASES[key]
    raise InputError(
        f"'{text.strip()}' is not a state I know; use ventral, sympathetic or dorsal, "
        "or a word such as calm, anxious or numb (see --help)"
    )


def check_intensity(value: int | None, what: str = "intensity") -> int | None:
    low, high = INTENSITY_RANGE
    if value is not None and not (low <= value <= high):
        raise InputError(f"{what} is {value}; it can be {low} to {high}")
    return value


def parse_state_with_intensity(text: str, what: str) -> tuple[State, int | None]:
    """`anxious:6` or `calm` (for --before and --after)."""
    word, sep, number = text.partition(":")
    state = parse_state(word)
    if not sep:
        return state, None
    try:
        intensity = int(number)
    except ValueError:
        raise InputError(
            f"{what} '{text}': the part after ':' should be a whole number from 0 to 10"
        ) from None
    return state, check_intensity(intensity, f"{what} intensity")
