"""`coreg together join`, run: the connection and the breath, side by side."""

from __future__ import annotations

import asyncio
import contextlib
import sys

from coreg_tui.clock import circle_clock
from coreg_tui.core.errors import UnreachableError
from coreg_tui.together.code import JoinCode
from coreg_tui.together.joiner import CannotJoinError, Joined, session
from coreg_tui.together.outcome import Outcome, outcome_of
from coreg_tui.together.pacing_lines import breathe_lines

CLOCK = circle_clock()


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run_joiner(code: JoinCode, *, name: str | None, share: bool, before: str | None) -> Outcome:
    return asyncio.run(_join(code, name=name, share=share, before=before))


async def _join(code: JoinCode, *, name: str | None, share: bool, before: str | None) -> Outcome:
    joined = Joined(CLOCK.monotonic, say)
    seen: list[str] = []
    staying = asyncio.create_task(session(code, joined, name=name, share=share, before=before))
    breathing = asyncio.create_task(
        breathe_lines(lambda: joined.timeline, joined.host_time, sys.stdout)
    )
    finished = False
    try:
        while not breathing.done():
            for who in joined.names_present():
                if who not in seen:
                    seen.append(who)
            if staying.done() and staying.exception() is not None:
                exc = staying.exception()
                if isinstance(exc, CannotJoinError):
                    raise UnreachableError(f"cannot join the circle: {exc}")
                raise exc  # type: ignore[misc]
            await asyncio.wait(
                {breathing, staying}, timeout=0.1, return_when=asyncio.FIRST_COMPLETED
            )
        finished = True
    except (KeyboardInterrupt, asyncio.CancelledError):
        pass
    finally:
        for task in (breathing, staying):
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
    now = joined.host_time()
    return outcome_of(joined.timeline, now if now is not None else 0.0, seen, finished=finished)
