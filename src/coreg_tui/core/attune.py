"""Attune: meet a person's own rhythm before guiding it anywhere.

They tap as each breath in begins and again as each breath out begins. The
gaps between taps are their inhales and exhales; the pacer starts at that
rhythm and glides from it to the pattern they chose.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence

from coreg_tui.core.pacing import LIMITS, Pattern

TAPS = 7  # in, out, in, out, in, out, in: three whole breaths, ending as a breath in begins
CLOSE_S = 0.3  # a measured part this near the chosen one needs no glide


def _part(gaps: Sequence[float], role: str) -> float:
    low, high = LIMITS[role]
    seconds = round(statistics.median(gaps), 1)  # the median shrugs off one missed tap
    return min(high, max(low, seconds))


def rhythm(taps: Sequence[float]) -> Pattern | None:
    """The pattern of a person's own breathing from tap times in seconds (any clock),
    the first tap as a breath in began; None until there is one whole breath."""
    if len(taps) < 3:
        return None
    gaps = [b - a for a, b in itertools.pairwise(taps)]
    return Pattern(inhale=_part(gaps[0::2], "inhale"), exhale=_part(gaps[1::2], "exhale"))


def needs_glide(measured: Pattern, target: Pattern) -> bool:
    """Whether the person's rhythm is far enough from the chosen one to glide between them."""
    return bool(
        target.has_holds
        or target.top_up
        or abs(measured.inhale - target.inhale) > CLOSE_S
        or abs(measured.exhale - target.exhale) > CLOSE_S
    )
