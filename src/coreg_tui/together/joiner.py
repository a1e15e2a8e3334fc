"""Joining a circle: connect over the circle's TLS, check the host's certificate against
the code's pin before saying anything, and breathe on the host's timeline.

The joiner's pacer reads `circle.moment(timeline, host_time)`, where host_time is its
own monotonic clock plus the offset estimated from round trips (core/clock_offset.py):
a burst of SYNC_BURST at the start, then a few every RESYNC_S. When the connection
drops, the joiner breathes on, on the last timeline it had, and looks for the circle
again every RETRY_S for up to REJOIN_S.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio import client
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from coreg_tui.core.attune import TAPS, rhythm
from coreg_tui.core.circle import Timeline
from coreg_tui.core.clock_offset import OffsetEstimate, RoundTrip
from coreg_tui.together import tls, wire
from coreg_tui.together.code import JoinCode
from coreg_tui.together.outcome import Outcome, outcome_of
from coreg_tui.together.pacing_lines import shared_line
from coreg_tui.together.wire import BadMessageError

SYNC_BURST = 8
SYNC_GAP_S = 0.05
RESYNC_S = 5.0
RETRY_S = 2.0
REJOIN_S = 60.0


class CannotJoinError(Exception):
    """The circle could not be joined: said in one line."""


@dataclass
class Joined:
    """What a joiner knows: the timeline, the clock offset, who is in the circle."""

    clock: Callable[[], float]
    told: Callable[[str], None]
    estimate: OffsetEstimate = field(default_factory=OffsetEstimate)
    timeline: Timeline | None = None
    people: list[dict[str, Any]] = field(default_factory=list)
    me: int | None = None
    connected: bool = False
    host_gone: bool = False  # the host ended the circle, or could not be found again
    connected_said: bool = False
    shared: dict[Any, tuple[str | None, str | None]] = field(default_factory=dict)
    connection: ClientConnection | None = None
    taps: list[float] | None = None  # while the host waits for this person's rhythm
    tap_key: str = "Enter"  # what the person presses to tap (the companion: space)

    def tapped(self) -> str | None:
        """An Enter while asked to tap: the message to send once the rhythm is known."""
        if self.taps is None:
            return None
        self.taps.append(self.clock())
        if len(self.taps) < TAPS:
            self.told(f"{len(self.taps)} of {TAPS}")
            return None
        measured = rhythm(self.taps)
        self.taps = None
        if measured is None:
            return None
        self.told(f"your rhythm: {measured}; thank you")
        return wire.encode("rhythm", pattern=wire.pattern_out(measured))

    def host_time(self) -> float | None:
        offset = self.estimate.offset
        return None if offset is None else self.clock() + offset

    def outcome(self, others: list[str], *, finished: bool) -> Outcome:
        """The circle as this person breathed it, by the host's clock now."""
        now = self.host_time()
        return outcome_of(self.timeline, now if now is not None else 0.0, others, finished=finished)

    def presence(self) -> list[tuple[str, str | None, str | None]]:
        """Who is breathing, as this person sees them (none until connected)."""
        if not self.connected:
            return []
        people = []
        for p in self.people:
            name = "you" if p.get("id") == self.me else (p.get("name") or "someone")
            before, after = p.get("shared", (None, None))
            people.append((name + (" (hosting)" if p.get("host") else ""), before, after))
        return people

    def names_present(self) -> list[str]:
        """Everyone else in the circle, as they asked to be called ("someone" otherwise)."""
        return [p.get("name") or "someone" for p in self.people if p.get("id") != self.me]

    def heard(self, message: dict[str, Any]) -> None:
        kind = message["t"]
        if kind == "synced":
            back = self.clock()
            asked, at = wire.number(message, "c"), wire.number(message, "h")
            answered = wire.number(message, "a")
            self.estimate.add(RoundTrip(asked, at, answered, back))
        elif kind == "timeline":
            self.timeline = wire.timeline_in(message, self.timeline)
        elif kind == "people":
            people = message.get("people")
            if type(people) is not list or not all(type(p) is dict for p in people):
                raise BadMessageError("people")
            if not all(type(p.get("id")) is int for p in people):
                raise BadMessageError("people")
            self.people = [
                {
                    "id": p.get("id"),
                    "name": wire.name_of(p.get("name")),
                    "host": p.get("host"),
                    "shared": (wire.state_of(p.get("before")), wire.state_of(p.get("after"))),
                }
                for p in people
            ]
            for person in self.people:
                shared, key = person["shared"], person["id"]
                if shared != (None, None) and self.shared.get(key) != shared:
                    self.shared[key] = shared
                    if key != self.me:  # one's own is shown as one's own (you: ▲)
                        self.told(shared_line(person["name"], *shared))
            if not self.connected_said:
                self.connected_said = True
                host = next((p["name"] for p in self.people if p.get("host")), None)
                whose = f"{host}'s circle" if host else "the circle"
                self.told(f"joined {whose} ({len(self.people)} in it)")
            for key, words in (("came", "joined"), ("left", "left")):
                if key in message:
                    self.told(
                        f"{wire.name_of(message[key]) or 'someone'} {words} "
                        f"({len(self.people)} in the circle)"
                    )
        elif kind == "attune":
            self.taps = []
            self.told(
                f"The host asks to meet your breath: press {self.tap_key} as each breath in "
                f"begins and again as each breath out begins ({TAPS} taps). The circle begins "
                "at your rhythm."
            )
        elif kind == "welcome":
            me = message.get("you")
            self.me = me if type(me) is int else None
        else:
            raise BadMessageError(f"unknown message {kind[:20]!r}")


async def _open(code: JoinCode) -> ClientConnection:
    where = f"[{code.host}]" if ":" in code.host else code.host
    try:
        connection = await connect(
            f"wss://{where}:{code.port}/",
            ssl=tls.joiner_context(),
            max_size=wire.JOINER_RECEIVES,
            open_timeout=10,
            ping_interval=10,
            ping_timeout=20,
            compression=None,
            proxy=None,
            user_agent_header=None,
        )
    except Exception as exc:  # refused, unreachable, or an answer that is no circle's
        raise CannotJoinError(_why(exc)) from None
    try:
        tls.check_pin(connection.transport.get_extra_info("ssl_object"), code.pin)
    except tls.WrongHostError:
        await connection.close(1008)
        raise CannotJoinError(
            "the machine at that address is not the circle's host (its certificate is "
            "not the one the code names); nothing was sent to it"
        ) from None
    return connection


# A host's answer is never followed elsewhere: before the certificate is checked, a
# redirect would send the joiner (and its upgrade request) wherever anyone liked.
client.MAX_REDIRECTS = 1


def _why(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "no circle is open at that address (is the host still running?)"
    if isinstance(exc, TimeoutError):
        return "the host did not answer in time"
    if isinstance(exc, InvalidStatus):
        return "the host refused the connection"
    if isinstance(exc, OSError):
        return f"could not reach the host ({exc.strerror or exc.__class__.__name__})"
    return "the machine at that address answered, but not as a circle's host does"


async def session(
    code: JoinCode, joined: Joined, *, name: str | None, share: bool, before: str | None
) -> None:
    """Stay in the circle until it ends: join, and join again after a drop."""
    lost_at: float | None = None
    first = True
    while not joined.host_gone:
        try:
            connection = await _open(code)
        except CannotJoinError:
            if first:
                raise
            if lost_at is not None and joined.clock() - lost_at > REJOIN_S:
                joined.told("could not find the circle again; breathing on alone")
                joined.host_gone = True
                return
            await asyncio.sleep(RETRY_S)
            continue
        if not first:
            joined.told("back in the circle")
        first = False
        lost_at = None
        try:
            await _in_circle(
                connection, joined, secret=code.secret.hex(), name=name, share=share, before=before
            )
            return
        except (BadMessageError, TypeError, ValueError, OverflowError):
            await connection.close(1008)
            raise CannotJoinError(
                "the host sent something this coreg cannot read (is it a newer coreg?)"
            ) from None
        except ConnectionClosed as exc:
            joined.connected = False
            if exc.rcvd is not None and exc.rcvd.code == 1008:
                raise CannotJoinError(
                    "the host did not take this code (is it this circle's?)"
                ) from None
            if exc.rcvd is not None and exc.rcvd.code == 1013:
                raise CannotJoinError("the circle is full") from None
            if joined.timeline is not None and joined.timeline.ends is not None:
                joined.host_gone = True  # the host said when it ends: nothing to rejoin
                return
            joined.told("lost the circle; breathing on, and looking for it again")
            lost_at = joined.clock()
            await asyncio.sleep(RETRY_S / 4)  # never a storm of attempts


async def _in_circle(
    connection: ClientConnection,
    joined: Joined,
    *,
    secret: str,
    name: str | None,
    share: bool,
    before: str | None,
) -> None:
    await connection.send(
        wire.encode("hello", v=wire.VERSION, secret=secret, name=name, share=share)
    )
    joined.connected = True
    joined.connection = connection
    syncing = asyncio.create_task(_sync(connection, joined))
    try:
        if share and before:
            await connection.send(wire.encode("state", when="before", state=before))
        # After the circle's end the connection stays until this person says goodbye (with
        # the state after, where they share it) or the host closes.
        async for raw in connection:
            joined.heard(wire.decode(raw))
    finally:
        syncing.cancel()
    raise ConnectionClosed(None, None)


async def _sync(connection: ClientConnection, joined: Joined) -> None:
    with contextlib.suppress(ConnectionClosed):
        while True:
            for _ in range(SYNC_BURST if len(joined.estimate.trips) < SYNC_BURST else 3):
                await connection.send(wire.encode("sync", c=joined.clock()))
                await asyncio.sleep(SYNC_GAP_S)
            await asyncio.sleep(RESYNC_S)
