"""`coreg together host`, run: the server, the leader's keys, the host's own breath."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sys
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, NamedTuple

from coreg_tui.clock import circle_clock
from coreg_tui.core import circle as shared
from coreg_tui.core.errors import InputError
from coreg_tui.core.pacing import Pattern
from coreg_tui.together import tls
from coreg_tui.together.code import WHOLE_LINE, JoinCode, new_secret
from coreg_tui.together.host import Circle, code_for, serve_circle
from coreg_tui.together.keys import end_calmly_on_signals, lines_from_stdin, stop_reading
from coreg_tui.together.outcome import Company, Outcome, outcome_of
from coreg_tui.together.pacing_lines import breathe_lines, say

if TYPE_CHECKING:
    from coreg_tui.together.live import LivePicture
    from coreg_tui.visual.pinned import Pin

LEAD_KEYS = (
    "Or first: attune NAME asks them to tap their breath, and the circle begins at it. "
    "While breathing: a pattern (such as 5-5) and Enter moves everyone to it, p pauses, "
    "g goes on, q ends the circle."
)


def _quiet_asyncio() -> None:
    """asyncio's own log lines (an accept that failed for want of descriptors, say) are
    for a developer, not the person hosting: each is a traceback."""
    import logging

    quiet = logging.getLogger("asyncio")
    quiet.addHandler(logging.NullHandler())
    quiet.propagate = False


def _more_descriptors() -> None:
    """As many open files as the system allows this user, so that a crowd of connections
    that say nothing cannot leave none for the people in the circle."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = hard if hard != resource.RLIM_INFINITY else 65536
        if soft != resource.RLIM_INFINITY and soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, 65536), hard))


def lan_address() -> str:
    """The address this machine's other machines see (no packet is sent to find it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: routing only
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


CLOCK = circle_clock()


def log(line: str) -> None:
    sys.stderr.write(f"coreg: {line}\n")
    sys.stderr.flush()


class Hosting(NamedTuple):
    """How a circle is hosted: `coreg together host`'s options, checked."""

    name: str | None
    lan: bool
    port: int
    cycles: int | None
    minutes: float | None
    start_in: float | None
    most: int


def run_host(pattern: Pattern, options: Hosting, live: LivePicture | None = None) -> Outcome:
    """Host the circle: its phase lines, or with `live`, its picture."""
    return asyncio.run(_host(pattern, options, live))


@contextlib.asynccontextmanager
async def open_circle(
    pattern: Pattern,
    options: Hosting,
    clock: Callable[[], float],
    told: Callable[[str], None],
    logged: Callable[[str], None],
) -> AsyncIterator[tuple[Circle, JoinCode]]:
    """A circle open to join, and its code; on the way out the circle ends for everyone
    (as its breath in progress ends, or at once before it began) and the server closes."""
    _quiet_asyncio()
    _more_descriptors()
    context, pin = tls.host_context()
    secret = new_secret()
    circle = Circle(
        pattern, secret, clock, name=options.name, most=options.most, told=told, logged=logged
    )
    try:
        server = await serve_circle(
            circle, "" if options.lan else "127.0.0.1", options.port, context
        )
    except OSError as exc:
        raise InputError(f"cannot listen on port {options.port} ({exc.strerror or exc})") from None
    try:
        yield circle, code_for(server, lan_address() if options.lan else "127.0.0.1", pin, secret)
    finally:
        if circle.timeline is None or circle.timeline.ends is None:
            circle.end()
        await asyncio.sleep(0.2)  # the end reaches everyone
        circle.refusals_untold()
        server.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(server.wait_closed(), 3)


async def _host(pattern: Pattern, options: Hosting, live: LivePicture | None) -> Outcome:
    told = live.tell if live is not None else say
    logged = live.tell if live is not None else log
    async with open_circle(pattern, options, CLOCK.monotonic, told, logged) as (circle, code):
        say(
            "Others join with this command (the code is the circle's key: share it only with them):"
        )
        say(f"{WHOLE_LINE}{code}")
        begins = (
            "Enter begins the breathing."
            if options.start_in is None
            else f"The breathing begins in {options.start_in:g} s."
        )
        say(f"{begins} {LEAD_KEYS}")
        seen = Company()
        finished = False
        loop = asyncio.get_running_loop()
        calm = end_calmly_on_signals(loop)
        keys = _keys(
            loop, circle, told, live.typing if live is not None else None, options.start_in
        )
        try:
            if options.start_in is not None:
                loop.call_later(options.start_in, circle.begin)
            breathing = asyncio.create_task(_breathe(circle, code, pattern, live))
            while not breathing.done():
                seen.saw(circle.names())
                limits(circle, options.cycles, options.minutes)
                await asyncio.wait({breathing}, timeout=0.1)
            finished = True
            await farewells(circle)
        except (KeyboardInterrupt, asyncio.CancelledError):
            circle.end()
        finally:
            calm()
            if keys:
                stop_reading(loop)
    return outcome_of(circle.timeline, CLOCK.monotonic(), seen.names, finished=finished)


async def _breathe(
    circle: Circle, code: JoinCode, pattern: Pattern, live: LivePicture | None
) -> None:
    """The host's own breath: phase lines, or the live picture with the command to share,
    who is breathing, and what the leader types."""
    if live is None:
        await breathe_lines(
            lambda: circle.timeline, CLOCK.monotonic, sys.stdout, "waiting to begin"
        )
        return
    from coreg_tui.together.pacing_lines import presence_line
    from coreg_tui.visual.circle_frame import circle_pins

    def pins() -> tuple[Pin, ...]:
        return circle_pins(
            share=f"{WHOLE_LINE}{code}",
            begun=circle.timeline is not None,
            presence=presence_line(circle.presence()),
            news=live.news,
            copy_hint="it is also printed above the picture, for after",
            typed=live.typed,
        )

    await live.run(
        lambda: circle.timeline,
        CLOCK.monotonic,
        pins,
        hint=lambda: (
            "Enter begins for everyone"
            if circle.timeline is None
            else "p pause, g go on, q end, or a pattern"
        ),
        waiting="waiting to begin",
        title=str(pattern),
    )


async def farewells(circle: Circle) -> None:
    """After the end: a moment (LINGER_S at most) for everyone to say where they are now,
    where they share it, and goodbye, before the circle closes."""
    from coreg_tui.together.host import LINGER_S

    leaves = circle.clock() + LINGER_S
    while circle.people and circle.clock() < leaves:
        await asyncio.sleep(0.1)


def limits(circle: Circle, cycles: int | None, minutes: float | None) -> None:
    """--cycles and --minutes: the end is set while the last breath is under way."""
    line = circle.timeline
    if line is None or line.ends is not None:
        return
    now = circle.clock()
    over_time = minutes is not None and now >= line.begins + minutes * 60
    last_breath = (
        cycles is not None and now >= line.begins and shared.cycles_done(line, now) >= cycles - 1
    )
    if over_time or last_breath:
        circle.end()


def _keys(
    loop: asyncio.AbstractEventLoop,
    circle: Circle,
    tell: Callable[[str], None],
    typing: Callable[[str], None] | None,
    start_in: float | None,
) -> bool:
    """The leader's keys: a line at a time from standard input. Where nothing can be typed
    (input from /dev/null, or ended), the breathing begins rather than wait for an Enter
    that cannot come."""

    def ended() -> None:
        if circle.timeline is None and start_in is None:  # else it begins when said
            tell("nothing more can be typed here: the breathing begins now")
            circle.begin()

    if not lines_from_stdin(loop, lambda line: _lead(circle, line, tell), ended, typing):
        ended()
        return False
    return True


def _lead(circle: Circle, said: str, say: Callable[[str], None]) -> None:

    word = said.lower()
    if not word:
        if circle.timeline is None:
            circle.begin()
        return
    if word == "attune" or word.startswith("attune "):
        say(circle.attune(said[len("attune") :].strip() or None))
    elif word in ("p", "pause"):
        circle.pause()
        say("paused for everyone (g goes on)")
    elif word in ("g", "go", "go on"):
        circle.go_on()
    elif word in ("q", "end", "quit"):
        circle.end()
        say("ending as this breath ends")
    else:
        try:
            say(move_everyone(circle, said))
        except InputError as exc:
            say(f"{exc} (p pauses, g goes on, q ends)")


def move_everyone(circle: Circle, said: str) -> str:
    """The leader names a pattern: everyone glides to it (or begins with it); what to tell
    the leader. A pattern that cannot be breathed is an InputError, and nothing moves."""
    from coreg_tui.together.patterns import pattern_of

    pattern, label = pattern_of(said)
    circle.change(pattern)
    if circle.timeline is None:
        return f"the circle will breathe {label}"
    return f"moving everyone to {label}, gliding over {shared.GLIDE_S:.0f} s"
