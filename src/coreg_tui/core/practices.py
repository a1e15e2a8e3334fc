"""Practices as plain values: what they are, whom they suit, and how they run.

A practice has either a breathing pattern (run by the pacer) or a list of
timed steps. Everything a person reads in one comes from content/, never
from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from coreg_tui.core.pacing import Pattern
from coreg_tui.core.states import State


class PracticeKind(StrEnum):
    BREATHING = "breathing"
    GROUNDING = "grounding"
    ORIENTING = "orienting"
    TOUCH = "touch"
    MOVEMENT = "movement"
    VOICE = "voice"
    CONNECTION = "connection"


class Direction(StrEnum):
    """Which way a practice tends to move a nervous system."""

    CALMING = "calming"  # down, toward rest: for a revved-up system
    STEADYING = "steadying"  # toward the middle, from either side
    ACTIVATING = "activating"  # gently up: for a shut-down system


@dataclass(frozen=True, slots=True)
class Step:
    text: str
    seconds: float


@dataclass(frozen=True, slots=True)
class Practice:
    id: str
    title: str
    kind: PracticeKind
    direction: Direction
    summary: str
    states: tuple[State, ...]
    intensity: tuple[int, int]  # the range it suits, both ends included
    duration_s: float
    pattern: Pattern | None = None  # a breathing practice
    preset: str | None = None  # the breathing preset its pattern came from
    steps: tuple[Step, ...] = ()  # a step practice
    together: bool = False  # done with another person: offered only when someone is there
    note: str | None = None  # shown before it starts
    source: str = "built-in"  # or the path of a person's own file

    @property
    def is_breathing(self) -> bool:
        return self.pattern is not None

    @property
    def has_holds(self) -> bool:
        return self.pattern is not None and self.pattern.has_holds

    @property
    def long_exhale(self) -> bool:
        return self.pattern is not None and self.pattern.exhale > self.pattern.inhale

    def suits(self, state: State, intensity: int | None) -> bool:
        low, high = self.intensity
        return state in self.states and (intensity is None or low <= intensity <= high)


def practice_title(key: str | None, names: Mapping[str, str]) -> str:
    """A practice as a person reads it: its title from `names` (content.names), or
    `4-5 breathing` for a pattern of their own; the id itself where no title is known."""
    if not key:
        return "a practice"
    if key in names:
        return names[key]
    return f"{key} breathing" if key[:1].isdigit() else key
