"""The clock every runner reads: a parameter, so tests run sessions in microseconds."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def wall(self) -> float: ...
    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    monotonic = staticmethod(time.monotonic)
    wall = staticmethod(time.time)
    sleep = staticmethod(time.sleep)


class FastClock:
    """The system clock running `scale` times faster, for tests of the installed command
    and for screenshots: COREG_TIME_SCALE=20 walks a minute of breathing in 3 s. Wall
    time stays true, so whatever is kept carries the real moment."""

    def __init__(self, scale: float) -> None:
        self.scale, self.origin = scale, time.monotonic()

    def monotonic(self) -> float:
        return self.origin + (time.monotonic() - self.origin) * self.scale

    def wall(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds / self.scale)


def system_clock() -> Clock:
    """The clock the command line and the companion run on."""
    import os

    try:
        scale = float(os.environ.get("COREG_TIME_SCALE", "1"))
    except ValueError:
        scale = 1.0
    return FastClock(scale) if 1 < scale <= 1000 else SystemClock()


class ShiftedClock(SystemClock):
    """The system clock read `shift` seconds ahead: another machine's clock, as a live
    circle meets it (each machine's monotonic clock counts from its own start)."""

    def __init__(self, shift: float) -> None:
        self.shift = shift

    def monotonic(self) -> float:  # type: ignore[override]
        return time.monotonic() + self.shift


def circle_clock() -> Clock:
    """The clock a live circle's host or joiner reads: the system's, or with
    COREG_CLOCK_SHIFT=SECONDS, one that many seconds off (as tests and benchmarks stand
    in for machines far apart). Never sped up: a circle runs at everyone's real pace."""
    import os

    try:
        shift = float(os.environ.get("COREG_CLOCK_SHIFT", "0"))
    except ValueError:
        shift = 0.0
    return ShiftedClock(shift) if shift and abs(shift) < 1e9 else SystemClock()
