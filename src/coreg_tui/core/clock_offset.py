"""How far a joiner's clock is from the host's, from a few timestamped round trips.

As NTP does it: the joiner notes when it asks (t0, its clock), the host when the
question came and when it answered (t1, t2, the host's clock), the joiner when the
answer came (t3). Then the host's clock reads `offset` more than the joiner's, give
or take half the round trip's time on the wire (`delay`). The round trip with the
least delay was the least held up on the way, so its offset is the best guess; a
path slower one way than the other still leaves an error of half that difference,
which no timestamps can see.

Pure: the clocks are read by the caller.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

KEPT = 16  # the latest round trips the estimate is made from


@dataclass(frozen=True, slots=True)
class RoundTrip:
    asked: float  # t0, the joiner's clock
    received: float  # t1, the host's clock
    answered: float  # t2, the host's clock
    back: float  # t3, the joiner's clock

    @property
    def offset(self) -> float:
        """The host's clock minus the joiner's."""
        return ((self.received - self.asked) + (self.answered - self.back)) / 2

    @property
    def delay(self) -> float:
        """Time on the wire, there and back (the host's own time taken out)."""
        return (self.back - self.asked) - (self.answered - self.received)


class OffsetEstimate:
    """The best offset from the latest round trips; None before the first."""

    def __init__(self, kept: int = KEPT) -> None:
        self.trips: deque[RoundTrip] = deque(maxlen=kept)

    def add(self, trip: RoundTrip) -> None:
        if trip.delay >= 0:  # a clock that went back meanwhile tells nothing
            self.trips.append(trip)

    @property
    def best(self) -> RoundTrip | None:
        return min(self.trips, key=lambda trip: trip.delay, default=None)

    @property
    def offset(self) -> float | None:
        best = self.best
        return None if best is None else best.offset

    def host_time(self, local: float) -> float:
        """The host's clock at the moment the joiner's reads `local`."""
        offset = self.offset
        if offset is None:
            raise ValueError("no round trip yet")
        return local + offset
