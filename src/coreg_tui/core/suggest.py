"""Which practices fit a state and intensity, best first. A pure function.

The rules, from the domain:
- Revved up (sympathetic) and strong: a breath out longer than the breath in,
  and grounding, come first.
- Shut down (dorsal): gentle activation comes first, and a breath that only
  calms is never offered: the way back is up, not further down.
- Patterns with breath holds are not offered above an intensity (6 unless
  the person's config says otherwise): holds can feed panic.
- Practices for two are offered only when the person said someone is there, and
  then one of them is always among the first three, if any suits the moment:
  co-regulation is what the other person is there for.
- At the highest distress (sympathetic or dorsal at 9 or 10) the care line is
  shown. A person's history may reorder practices but never hides it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from coreg_tui.core.practices import Direction, Practice
from coreg_tui.core.states import State, needs_care

HOLDS_MAX_INTENSITY = 6
HISTORY_WEIGHT_CAP = 3.0

# What counts for each state (and, for sympathetic, how strong): a practice scores
# the sum of the weights of its traits (its kind, its direction, "long-exhale").
WEIGHTS: dict[tuple[State, str], dict[str, int]] = {
    (State.SYMPATHETIC, "strong"): {
        "long-exhale": 6,
        "grounding": 6,
        "orienting": 4,
        "calming": 2,
        "touch": 2,
        "connection": 2,
        "movement": 1,
        "voice": 1,
    },
    (State.SYMPATHETIC, "mild"): {
        "breathing": 3,
        "long-exhale": 2,
        "orienting": 3,
        "movement": 3,
        "voice": 2,
        "touch": 2,
        "connection": 2,
        "grounding": 1,
        "steadying": 1,
    },
    (State.DORSAL, "any"): {
        "activating": 8,
        "orienting": 4,
        "movement": 3,
        "voice": 3,
        "grounding": 2,
        "touch": 2,
        "connection": 2,
        "steadying": 1,
    },
    (State.VENTRAL, "any"): {"orienting": 3, "connection": 3, "steadying": 2, "breathing": 1},
}
STRONG = 7


TOGETHER_WITHIN = 3  # with someone there, a practice for two is among the first this many


@dataclass(frozen=True, slots=True)
class Suggestions:
    practices: tuple[Practice, ...]  # best first
    care: bool  # show the care line: the highest distress
    reasons: tuple[str, ...] = ()  # why each practice is where it is, in the same order

    @property
    def first(self) -> Practice | None:
        return self.practices[0] if self.practices else None


def _band(state: State, intensity: int | None) -> str:
    if state is not State.SYMPATHETIC:
        return "any"
    return "strong" if intensity is not None and intensity >= STRONG else "mild"


def _traits(p: Practice) -> set[str]:
    traits = {p.kind.value, p.direction.value}
    if p.long_exhale:
        traits.add("long-exhale")
    return traits


def _offered(
    p: Practice, state: State, intensity: int | None, with_someone: bool, holds_max: int
) -> bool:
    if not p.suits(state, intensity) or (p.together and not with_someone):
        return False
    if p.has_holds and intensity is not None and intensity > holds_max:
        return False
    return not (state is State.DORSAL and p.is_breathing and p.direction is Direction.CALMING)


def suggest(
    practices: Iterable[Practice],
    state: State,
    intensity: int | None = None,
    *,
    with_someone: bool = False,
    holds_max_intensity: int = HOLDS_MAX_INTENSITY,
    history: Mapping[str, float] | None = None,
) -> Suggestions:
    """`history` maps a practice id to how much it has helped this person (for example
    the mean fall in intensity); it nudges the order, by at most a few points."""
    band = _band(state, intensity)
    weights = WEIGHTS[(state, band)]
    history = history or {}

    def nudge(p: Practice) -> float:
        return max(-HISTORY_WEIGHT_CAP, min(HISTORY_WEIGHT_CAP, history.get(p.id, 0.0)))

    def score(p: Practice) -> float:
        return sum(weights.get(t, 0) for t in _traits(p)) + nudge(p)

    offered = [
        p for p in practices if _offered(p, state, intensity, with_someone, holds_max_intensity)
    ]
    ranked = sorted(offered, key=lambda p: (-score(p), p.duration_s, p.id))
    lifted = None
    if with_someone and not any(p.together for p in ranked[:TOGETHER_WITHIN]):
        lifted = next((p for p in ranked if p.together), None)
        if lifted is not None:
            ranked.remove(lifted)
            ranked.insert(min(TOGETHER_WITHIN, len(ranked) + 1) - 1, lifted)
    reasons = tuple(_reason(p, state, band, weights, nudge(p), p is lifted) for p in ranked)
    return Suggestions(tuple(ranked), needs_care(state, intensity), reasons)


def _reason(
    p: Practice, state: State, band: str, weights: Mapping[str, int], nudge: float, lifted: bool
) -> str:
    """Why `p` is where it is, in words: `for sympathetic, strong: long-exhale +6, ...`."""
    counted = sorted(((weights[t], t) for t in _traits(p) if t in weights), reverse=True)
    parts = [f"{t} +{w}" for w, t in counted] or ["nothing this moment asks for first"]
    if nudge:
        parts.append(f"how it has helped you {nudge:+.1f}")
    where = state.value + ("" if band == "any" else f", {band}")
    line = f"for {where}: " + ", ".join(parts)
    if lifted:
        line += (
            f"; moved into the first {TOGETHER_WITHIN}: a practice for two, as you are with someone"
        )
    return line
