"""What host and joiners say to each other: small JSON objects, one a WebSocket message,
each checked on arrival (a message that is not one of these ends that connection).

Joiner to host: hello (the secret, a name or none, whether it shares its state), sync
(a clock reading, for the round trips of core/clock_offset.py), state (before or
after, as a shape), bye. Host to joiner: welcome, synced, timeline, people, end.
"""

from __future__ import annotations

import itertools
import json
import math
from typing import Any

from coreg_tui.core.circle import Piece, Timeline
from coreg_tui.core.pacing import LIMITS, Glide, Pacer, Pattern
from coreg_tui.core.states import State

VERSION = 1
NAME_CHARS = 40  # a name is cut to this
HOST_RECEIVES = 1024  # bytes: the largest message a host takes (a hello is about 150)
JOINER_RECEIVES = 1 << 20  # the largest a joiner takes (the people of a circle of 1,000)
PIECES_KEPT = 256  # of a timeline's past, by a joiner (to count its breaths)
PIECES_SENT = 8  # of the timeline: the one in effect and those set ahead of it


class BadMessageError(Exception):
    """A message that is not one of this protocol's, or not well formed."""


def encode(kind: str, **fields: Any) -> str:
    return json.dumps({"t": kind, **fields}, ensure_ascii=False, allow_nan=False)


def decode(text: str | bytes) -> dict[str, Any]:
    if not isinstance(text, str):
        raise BadMessageError("binary")
    try:
        found = json.loads(text)
    except (ValueError, RecursionError):
        raise BadMessageError("not JSON") from None
    if type(found) is not dict or type(found.get("t")) is not str:
        raise BadMessageError("not a message")
    return found


TIME_MOST = 1e10  # seconds: any clock reading or moment beyond this is not a real one


def number(message: dict[str, Any], key: str) -> float:
    """A clock reading or moment: a number within TIME_MOST of zero (a time far beyond any
    clock's would lose its fractions of a second, and the pacer its footing)."""
    value = message.get(key)
    if type(value) not in (int, float):
        raise BadMessageError(f"{key} is not a number")
    try:
        found = float(value)
    except OverflowError:
        raise BadMessageError(f"{key} is out of range") from None
    if not (math.isfinite(found) and abs(found) <= TIME_MOST):
        raise BadMessageError(f"{key} is out of range")
    return found


def name_of(value: object) -> str | None:
    """A person's name as the circle shows it: printable, one line, at most NAME_CHARS."""
    if value is None:
        return None
    if type(value) is not str:
        raise BadMessageError("a name is text")
    clean = "".join(c if c.isprintable() else " " for c in value)
    clean = " ".join(clean.split())[:NAME_CHARS]
    return clean or None


def state_of(value: object) -> str | None:
    if value is None:
        return None
    if value not in {s.value for s in State}:
        raise BadMessageError("not a state")
    return str(value)


def pattern_out(p: Pattern) -> dict[str, float]:
    return {name: getattr(p, name) for name in LIMITS}


def pattern_in(value: object) -> Pattern:
    if type(value) is not dict or set(value) != set(LIMITS):
        raise BadMessageError("not a pattern")
    parts: dict[str, float] = {}
    for name, (low, high) in LIMITS.items():
        part = value[name]
        if type(part) not in (int, float) or not (
            (part == 0 and name in ("hold_in", "hold_out", "top_up")) or low <= part <= high
        ):
            raise BadMessageError("a pattern's part out of range")
        parts[name] = float(part)
    return Pattern(**parts)


def timeline_out(timeline: Timeline, host_now: float) -> dict[str, Any]:
    """The pieces in effect from now on (earlier ones each joiner keeps itself)."""
    current = timeline.piece_at(host_now)
    pieces = [p for p in timeline.pieces if p is current or p.begins > host_now][-PIECES_SENT:]
    return {
        "pieces": [
            {
                "begins": p.begins,
                "paused": p.paused,
                **(
                    {
                        "from": pattern_out(p.pacer.start),
                        "to": pattern_out(p.pacer.target),
                        "ramp": p.pacer.ramp_s,
                    }
                    if isinstance(p.pacer, Glide)
                    else {"to": pattern_out(p.pacer.pattern_for(0))}
                ),
            }
            for p in pieces
        ],
        "ends": timeline.ends,
    }


def timeline_in(message: dict[str, Any], known: Timeline | None) -> Timeline:
    """The timeline a host sent, after the pieces already known from before it."""
    raw = message.get("pieces")
    if type(raw) is not list or not 0 < len(raw) <= PIECES_SENT:
        raise BadMessageError("no pieces")
    pieces: list[Piece] = []
    for item in raw:
        if type(item) is not dict or type(item.get("paused")) is not bool:
            raise BadMessageError("not a piece")
        pacer: Pacer = pattern_in(item.get("to"))
        if "from" in item:
            ramp = number(item, "ramp")
            if not 0 < ramp <= 3600:
                raise BadMessageError("a glide's ramp out of range")
            pacer = Glide(pattern_in(item["from"]), pacer, ramp)
        pieces.append(Piece(number(item, "begins"), pacer, item["paused"]))
    if any(b.begins <= a.begins for a, b in itertools.pairwise(pieces)):
        raise BadMessageError("pieces out of order")
    ends = message.get("ends")
    if ends is not None:
        ends = number(message, "ends")
    before = [p for p in known.pieces if p.begins < pieces[0].begins] if known else []
    return Timeline((*before[-PIECES_KEPT:], *pieces), ends)
