"""`coreg together join`, run: the connection and the breath, side by side."""

from __future__ import annotations

import asyncio
import contextlib
import sys

from coreg_tui.clock import circle_clock
from coreg_tui.core.errors import UnreachableError
from coreg_tui.together.code import JoinCode
from coreg_tui.together.joiner import CannotJoinError, Joined, session
from coreg_tui.together.keys import end_calmly_on_signals, lines_from_stdin, stop_reading
from coreg_tui.together.outcome import Company, Outcome, outcome_of
from coreg_tui.together.pacing_lines import breathe_lines, say

CLOCK = circle_clock()


def run_joiner(
    code: JoinCode, *, name: str | None, share: bool, before: str | None, after: str | None
) -> Outcome:
    return asyncio.run(_join(code, name=name, share=share, before=before, after=after))


async def _join(
    code: JoinCode, *, name: str | None, share: bool, before: str | None, after: str | None
) -> Outcome:
    joined = Joined(CLOCK.monotonic, say)
    seen = Company()
    staying = asyncio.create_task(session(code, joined, name=name, share=share, before=before))
    breathing = asyncio.create_task(
        breathe_lines(lambda: joined.timeline, joined.host_time, sys.stdout)
    )
    finished = False
    loop = asyncio.get_running_loop()
    calm = end_calmly_on_signals(loop)
    lines_from_stdin(loop, lambda _: _tap(joined))
    try:
        while not breathing.done():
            seen.saw(joined.names_present())
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
        calm()
        stop_reading(loop)
        # Stop staying first: a goodbye's closing must not read as a drop to rejoin after.
        for task in (breathing, staying):
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
        await _goodbye(joined, after if share else None)
    now = joined.host_time()
    at = now if now is not None else 0.0
    return outcome_of(joined.timeline, at, seen.names, finished=finished)


_SENDING: set[asyncio.Task[None]] = set()  # held until sent


def _tap(joined: Joined) -> None:
    message = joined.tapped()
    if message is not None and joined.connection is not None:
        task = asyncio.ensure_future(joined.connection.send(message))
        _SENDING.add(task)
        task.add_done_callback(_SENDING.discard)


async def _goodbye(joined: Joined, after: str | None) -> None:
    """Say the state after (when shared) and goodbye, if the host is still there."""
    from websockets.exceptions import ConnectionClosed

    from coreg_tui.together import wire

    connection = joined.connection
    if connection is None:
        return
    with contextlib.suppress(ConnectionClosed, OSError, TimeoutError):
        async with asyncio.timeout(1):
            if after is not None:
                await connection.send(wire.encode("state", when="after", state=after))
            await connection.send(wire.encode("bye"))
            await connection.close()
