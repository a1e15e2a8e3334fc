"""The README's pictures: Home and Breathe as Textual draws them (SVG), 80x24, dark.

    python docs/screenshots.py      (writes docs/home.svg and docs/breathe.svg)

A throwaway COREG_HOME with two entries from this morning; a fixed clock.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent


class StillClock:
    """Time stands still unless told to move: the picture is the same every run."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0  # a January morning

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


async def shoot(keys: list[str], move_s: float, name: str) -> None:
    from coreg_tui.tui.app import CoregApp

    clock = StillClock()
    app = CoregApp(clock=clock, theme="dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        clock.sleep(move_s)
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        app.save_screenshot(str(HERE / f"{name}.svg"))


def main() -> int:
    os.environ.update(
        COREG_HOME=tempfile.mkdtemp(), TZ="UTC", TEXTUAL_ANIMATIONS="none", COLUMNS="80"
    )
    from coreg_tui.core.entries import checkin
    from coreg_tui.core.states import State
    from coreg_tui.journal import open_journal

    at = datetime.fromtimestamp(StillClock().now).astimezone()
    with open_journal() as journal:
        journal.add_many(
            [
                checkin(at - timedelta(hours=1, minutes=20), State.SYMPATHETIC, intensity=6),
                checkin(at - timedelta(minutes=25), State.VENTRAL, intensity=3),
            ]
        )
    asyncio.run(shoot([], 0.0, "home"))
    asyncio.run(shoot(["b"], 2.6, "breathe"))
    print(f"wrote {HERE / 'home.svg'} and {HERE / 'breathe.svg'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
