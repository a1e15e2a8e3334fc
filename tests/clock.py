"""A clock for tests: time moves only when the code under test sleeps."""

from __future__ import annotations


class FakeClock:
    def __init__(
        self, wall: float = 1_800_000_000.25, *, interrupt_at: float | None = None
    ) -> None:
        self._mono = 5_000.0
        self._offset = wall - self._mono
        self.interrupt_at = interrupt_at  # elapsed seconds at which Ctrl-C "arrives"
        self.sleeps = 0

    def monotonic(self) -> float:
        return self._mono

    def wall(self) -> float:
        return self._mono + self._offset

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps += 1
        if self.interrupt_at is not None and self._mono + seconds >= 5_000.0 + self.interrupt_at:
            self._mono = 5_000.0 + self.interrupt_at
            raise KeyboardInterrupt
        self._mono += seconds


class TimedWriter:
    """A text stream that notes the clock's time at each line written."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.lines: list[tuple[float, str]] = []

    def write(self, text: str) -> int:
        for line in text.splitlines():
            self.lines.append((self.clock.monotonic(), line))
        return len(text)

    def flush(self) -> None:
        pass
