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
