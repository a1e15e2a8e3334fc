"""`coreg together join`, run: the connection and the breath, side by side."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from coreg_tui.clock import circle_clock
from coreg_tui.core.errors import UnreachableError
from coreg_tui.together.code import JoinCode
from coreg_tui.together.joiner import CannotJoinError, Joined, session
from coreg_tui.together.keys import end_calmly_on_signals, lines_from_stdin, stop_reading
from coreg_tui.together.outcome import Company, Outcome
from coreg_tui.together.pacing_lines import breathe_lines, say

if TYPE_CHECKING:
    from coreg_tui.together.live import LivePicture
    from coreg_tui.visual.pinned import Pin

CLOCK = circle_clock()


def run_joiner(
    code: JoinCode,
    *,
    name: str | None,
    share: bool,
    before: str | None,
    after: str | None,
    live: LivePicture | None = None,
) -> Outcome:
    """Join the circle: its phase lines, or with `live`, its picture."""
    return asyncio.run(_join(code, name=name, share=share, before=before, after=after, live=live))


async def _join(
    code: JoinCode,
    *,
    name: str | None,
    share: bool,
    before: str | None,
    after: str | None,
    live: LivePicture | None,
) -> Outcome:
    joined = Joined(CLOCK.monotonic, live.tell if live is not None else say)
    seen = Company()
    finished = False
    loop = asyncio.get_running_loop()
    async with staying(code, joined, name=name, share=share, before=before) as stay:
        breathing = asyncio.create_task(_breathe(joined, live))
        calm = end_calmly_on_signals(loop)
        lines_from_stdin(loop, lambda _: tap(joined))
        try:
            while not breathing.done():
                seen.saw(joined.names_present())
                problem = trouble(stay)
                if problem is not None:
                    raise UnreachableError(problem)
                await asyncio.wait(
                    {breathing, stay}, timeout=0.1, return_when=asyncio.FIRST_COMPLETED
                )
            finished = True
        except (KeyboardInterrupt, asyncio.CancelledError):
            pass
        finally:
            calm()
            stop_reading(loop)
            breathing.cancel()
            with contextlib.suppress(BaseException):
                await breathing
        await goodbye(joined, after if share else None, stay)
    return joined.outcome(seen.names, finished=finished)


async def _breathe(joined: Joined, live: LivePicture | None) -> None:
    if live is None:
        await breathe_lines(lambda: joined.timeline, joined.host_time, sys.stdout)
        return
    from coreg_tui.together.pacing_lines import presence_line
    from coreg_tui.visual.circle_frame import circle_pins

    def pins() -> tuple[Pin, ...]:
        shown = presence_line(joined.presence()) or "finding the circle\u2026"
        return circle_pins(
            share=None,
            begun=joined.timeline is not None,
            presence=shown,
            news=live.news,
            copy_hint="",
        )

    await live.run(
        lambda: joined.timeline,
        joined.host_time,
        pins,
        hint=lambda: "ctrl-c leaves at any moment",
        waiting="waiting for the host to begin",
    )


@contextlib.asynccontextmanager
async def staying(
    code: JoinCode, joined: Joined, *, name: str | None, share: bool, before: str | None
) -> AsyncIterator[asyncio.Task[None]]:
    """In the circle (and back in it after a drop) until the way out."""
    stay = asyncio.create_task(session(code, joined, name=name, share=share, before=before))
    try:
        yield stay
    finally:
        stay.cancel()
        with contextlib.suppress(BaseException):
            await stay


def trouble(stay: asyncio.Task[None]) -> str | None:
    """Why the circle could not be joined, in a line, once that is known."""
    if not stay.done() or stay.cancelled() or stay.exception() is None:
        return None
    exc = stay.exception()
    if isinstance(exc, CannotJoinError):
        return f"cannot join the circle: {exc}"
    raise exc  # type: ignore[misc]


_SENDING: set[asyncio.Task[None]] = set()  # held until sent


def tap(joined: Joined) -> None:
    """A tap of the person's breath, when the host asked to meet it."""
    message = joined.tapped()
    if message is not None and joined.connection is not None:
        task = asyncio.ensure_future(joined.connection.send(message))
        _SENDING.add(task)
        task.add_done_callback(_SENDING.discard)


async def goodbye(joined: Joined, after: str | None, stay: asyncio.Task[None]) -> None:
    """Stop staying (a goodbye's closing must not read as a drop to rejoin after), then
    say the state after (when shared) and goodbye, if the host is still there."""
    from websockets.exceptions import ConnectionClosed

    from coreg_tui.together import wire

    stay.cancel()
    with contextlib.suppress(BaseException):
        await stay
    connection = joined.connection
    if connection is None:
        return
    with contextlib.suppress(ConnectionClosed, OSError, TimeoutError):
        async with asyncio.timeout(1):
            if after is not None:
                await connection.send(wire.encode("state", when="after", state=after))
            await connection.send(wire.encode("bye"))
            await connection.close()
