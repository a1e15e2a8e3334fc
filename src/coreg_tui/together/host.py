"""Hosting a circle: a WebSocket server (the `websockets` package, on asyncio) over the
circle's own TLS, holding the timeline everyone breathes on.

The host keeps working for everyone else whatever one connection does. A connection
must say hello with the circle's secret within HELLO_S; a message over HOST_RECEIVES
bytes, one that is not of the protocol, or more than RATE messages a second closes
that connection; so does a wrong secret, and the circle holds at most `most` people.
Each such ending is one line on the host's terminal (a burst of them, one line
for the lot), never a traceback.
"""

from __future__ import annotations

import asyncio
import hmac
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from coreg_tui.core import circle
from coreg_tui.core.circle import Timeline
from coreg_tui.core.pacing import Pattern
from coreg_tui.together import wire
from coreg_tui.together.code import JoinCode
from coreg_tui.together.pacing_lines import shared_line
from coreg_tui.together.wire import BadMessageError

HELLO_S = 5.0  # to say hello after connecting
WAITING_MOST = 64  # connections at once that have not said hello yet
BACKLOG_BYTES = 256 * 1024  # what may wait to be sent to one connection (one that never reads)
CLOSE_S = 2.0  # for a connection being closed to say it heard (a flood's never does)
RATE = 20  # messages a second a joiner may send (a burst of twice as many is let be)
MOST = 50  # people in a circle, the host not counted
LINGER_S = 20.0  # after the end, for everyone to say where they are now and goodbye
_QUIET = logging.getLogger("coreg.circle")  # the library's own log lines go nowhere
_QUIET.addHandler(logging.NullHandler())
_QUIET.propagate = False


@dataclass
class Person:
    number: int
    name: str | None
    shares: bool
    before: str | None = None
    after: str | None = None

    def shown(self) -> dict[str, Any]:
        return {
            "id": self.number,
            "name": self.name,
            **({"before": self.before, "after": self.after} if self.shares else {}),
        }


@dataclass
class Circle:
    """What the host holds: the pattern, the timeline once begun, and who is here."""

    pattern: Pattern
    secret: bytes
    clock: Callable[[], float]
    name: str | None = None
    most: int = MOST
    timeline: Timeline | None = None
    people: dict[ServerConnection, Person] = field(default_factory=dict)
    told: Callable[[str], None] = print  # who comes and goes, what is shared
    logged: Callable[[str], None] = print  # connections refused
    asked: Person | None = None  # the one asked to tap their breath
    _numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _refused: int = 0
    _refusal_told: float = -1e9
    _waiting: int = 0  # connections that have not said hello yet

    # --- what the leader does -------------------------------------------------------

    def begin(self, met: Pattern | None = None) -> None:
        if self.timeline is None:
            self.timeline = circle.begin(self.pattern, self.clock(), met=met)
            self._send_timeline()

    def attune(self, name: str | None) -> str:
        """Ask one person (by name, or the only one) to tap their breath; what to tell the
        leader."""
        if self.timeline is not None:
            return "the circle has begun; attune before it begins"
        found = [
            (c, p)
            for c, p in self.people.items()
            if name is None or (p.name or "").lower() == name.lower()
        ]
        if len(found) != 1:
            who = ", ".join(self.names()) or "nobody yet"
            return f"whom to attune to? give one name: attune NAME (here: {who})"
        connection, person = found[0]
        self.asked = person
        _broadcast({connection: person}, wire.encode("attune"))
        return f"asked {person.name or 'someone'} to tap their breath; the circle begins with it"

    def change(self, pattern: Pattern) -> None:
        self.pattern = pattern
        if self.timeline is not None:
            self.timeline = circle.changed(self.timeline, pattern, self.clock())
            self._send_timeline()

    def pause(self) -> None:
        if self.timeline is not None:
            self.timeline = circle.paused(self.timeline, self.clock())
            self._send_timeline()

    def go_on(self) -> None:
        if self.timeline is not None:
            self.timeline = circle.resumed(self.timeline, self.clock())
            self._send_timeline()

    def end(self) -> None:
        if self.timeline is None:  # ended before it began
            now = self.clock()
            self.timeline = Timeline((circle.Piece(now, self.pattern),), ends=now)
        else:
            self.timeline = circle.ended(self.timeline, self.clock())
        self._send_timeline()

    # --- the connections -------------------------------------------------------------

    def names(self) -> list[str]:
        return [p.name or "someone" for p in self.people.values()]

    def presence(self) -> list[tuple[str, str | None, str | None]]:
        """Who is breathing, as the host sees them: names and shared states."""
        people: list[tuple[str, str | None, str | None]] = [("you (hosting)", None, None)]
        for person in self.people.values():
            shared = (person.before, person.after) if person.shares else (None, None)
            people.append((person.name or "someone", *shared))
        return people

    def _presence(self, **news: Any) -> str:
        host = {"id": 0, "name": self.name, "host": True}
        return wire.encode(
            "people", people=[host, *(p.shown() for p in self.people.values())], **news
        )

    def _timeline_message(self) -> str | None:
        if self.timeline is None:
            return None
        return wire.encode("timeline", **wire.timeline_out(self.timeline, self.clock()))

    def _send_timeline(self) -> None:
        message = self._timeline_message()
        if message is not None:
            _broadcast(self.people, message)

    def refusals_untold(self) -> None:
        """Said when the host ends: refusals since the last line about them."""
        if self._refused:
            self.logged(f"closed {self._refused} more connection(s) since the last such line")
            self._refused = 0

    def _refuse(self, where: str, why: str) -> None:
        """One line a refusal; a burst of them (a scan, a flood of wrong codes) one line
        a few seconds."""
        self._refused += 1
        now = self.clock()
        if now - self._refusal_told >= 5.0:
            more = (
                f" ({self._refused - 1} more since the last such line)" if self._refused > 1 else ""
            )
            self.logged(f"closed a connection from {where}: {why}{more}")
            self._refused, self._refusal_told = 0, now

    async def handle(self, connection: ServerConnection) -> None:
        where = str(connection.remote_address[0]) if connection.remote_address else "?"
        if self._waiting >= WAITING_MOST:  # many connections yet to say hello: a flood
            self._refuse(where, "too many connections waiting to say hello")
            connection.transport.abort()
            return
        watch = asyncio.create_task(_watch_backlog(connection))
        try:
            self._waiting += 1
            try:
                person = await self._welcome(connection, where)
            finally:
                self._waiting -= 1
            if person is not None:
                await self._listen(connection, person, where)
        except ConnectionClosed as exc:
            if exc.sent is not None and exc.sent.code == 1009:  # the library closed it
                self._refuse(where, f"a message over {wire.HOST_RECEIVES} bytes")
        except Exception as exc:  # a message this host cannot take: that connection ends
            self._refuse(where, f"could not be read ({type(exc).__name__})")
            connection.transport.abort()
        finally:
            watch.cancel()
            # whoever was let in leaves, however the connection ended (even on the way in)
            gone = self.people.pop(connection, None)
            if gone is not None:
                _broadcast(self.people, self._presence(left=gone.name or "someone"))
                self.told(f"{gone.name or 'someone'} left ({self._count()})")

    def _count(self) -> str:
        n = len(self.people) + 1
        return f"{n} in the circle"

    async def _welcome(self, connection: ServerConnection, where: str) -> Person | None:
        try:
            raw = await asyncio.wait_for(connection.recv(), HELLO_S)
            hello = wire.decode(raw)
            version = hello.get("v")
            if hello["t"] != "hello" or type(version) is not int or version != wire.VERSION:
                raise BadMessageError("no hello")
            given = hello.get("secret")
            if type(given) is not str or not hmac.compare_digest(
                given.encode("ascii", "replace"), self.secret.hex().encode()
            ):
                self._refuse(where, "not this circle's code")
                await connection.close(1008, "not this circle")
                return None
            name = wire.name_of(hello.get("name"))
            shares = hello.get("share") is True
        except TimeoutError:
            self._refuse(where, f"said nothing within {HELLO_S:.0f} s")
            await connection.close(1008, "no hello")
            return None
        except BadMessageError as exc:
            self._refuse(where, f"not a joiner ({exc})")
            await connection.close(1008, "not a joiner")
            return None
        if len(self.people) >= self.most:
            self._refuse(where, f"the circle is full ({self.most})")
            await connection.close(1013, "the circle is full")
            return None
        person = Person(next(self._numbers), name, shares)
        self.people[connection] = person
        await connection.send(wire.encode("welcome", v=wire.VERSION, you=person.number))
        timeline = self._timeline_message()
        if timeline is not None:
            await connection.send(timeline)
        await connection.send(self._presence())
        others = {c: p for c, p in self.people.items() if c is not connection}
        _broadcast(others, self._presence(came=name or "someone"))
        self.told(f"{name or 'someone'} joined ({self._count()})")
        return person

    async def _listen(self, connection: ServerConnection, person: Person, where: str) -> None:
        allowance, last = 2.0 * RATE, self.clock()
        async for raw in connection:
            now = self.clock()
            allowance = min(2.0 * RATE, allowance + (now - last) * RATE) - 1
            last = now
            try:
                if allowance < 0:
                    raise BadMessageError("too many messages")
                message = wire.decode(raw)
                kind = message["t"]
                if kind == "sync":
                    asked = wire.number(message, "c")
                    await connection.send(wire.encode("synced", c=asked, h=now, a=self.clock()))
                elif kind == "state":
                    when = message.get("when")
                    if when not in ("before", "after"):
                        raise BadMessageError("before or after")
                    setattr(person, when, wire.state_of(message.get("state")))
                    if person.shares:
                        _broadcast(self.people, self._presence())
                        self.told(shared_line(person.name, person.before, person.after))
                elif kind == "rhythm":
                    if self.asked is not person or self.timeline is not None:
                        raise BadMessageError("a rhythm nobody asked for")
                    met = wire.pattern_in(message.get("pattern"))
                    self.asked = None
                    self.told(
                        f"{person.name or 'someone'} breathes about {met}: the circle begins "
                        f"there and glides to {self.pattern} over {circle.MEET_S / 60:.0f} minutes"
                    )
                    self.begin(met=met)
                elif kind == "bye":
                    return
                else:
                    raise BadMessageError(f"unknown message {kind[:20]!r}")
            except BadMessageError as exc:
                self._refuse(where, str(exc))
                await connection.close(1008, "not of this protocol")
                return


async def _watch_backlog(connection: ServerConnection) -> None:
    """End a connection that lets what is sent to it pile up (it never reads: a flood of
    pings waits for its answers), so that one connection cannot fill the host's memory."""
    while True:
        await asyncio.sleep(0.5)
        if connection.transport.get_write_buffer_size() > BACKLOG_BYTES:
            connection.transport.abort()
            return


def _broadcast(people: dict[ServerConnection, Person], message: str) -> None:
    from websockets.asyncio.server import broadcast

    broadcast(list(people), message)


async def serve_circle(circle_: Circle, host: str, port: int, context: Any) -> Any:
    """Start listening; returns the server (its sockets say the port chosen)."""

    class Watched(ServerConnection):
        """A connection whose opening handshake fails (an HTTP request of another kind,
        bytes that are not HTTP, nothing in time) is closed by the library before the
        circle's handler: it is one of the circle's refusals all the same."""

        async def handshake(self, *args: Any, **kwargs: Any) -> None:
            where = self.remote_address  # (gone once the connection is)
            try:
                await super().handshake(*args, **kwargs)
            finally:
                if self.response is None or self.response.status_code != 101:
                    peer = str(where[0]) if isinstance(where, tuple) and where else "?"
                    circle_._refuse(peer, "not a circle's join (no WebSocket handshake)")

    return await serve(
        circle_.handle,
        host,
        port,
        ssl=context,
        max_size=wire.HOST_RECEIVES,
        max_queue=4,
        open_timeout=HELLO_S,
        ping_interval=10,
        ping_timeout=20,
        close_timeout=CLOSE_S,
        compression=None,
        logger=_QUIET,
        server_header=None,
        create_connection=Watched,
    )


def code_for(server: Any, address: str, pin: bytes, secret: bytes) -> JoinCode:
    port = next(iter(server.sockets)).getsockname()[1]
    return JoinCode(address, port, pin, secret)
