"""A real host on loopback keeps the circle going for the person who belongs in it,
whatever other connections do: too large, malformed, unknown or binary messages, a
flood, silence, hundreds of wrong codes, one person too many. Each such connection is
closed and the host says so in a line (a burst of them: one line), never a traceback."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import Awaitable, Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from coreg_tui.core.pacing import Pattern
from coreg_tui.together import tls, wire
from coreg_tui.together.host import HELLO_S, Circle, serve_circle

SECRET = bytes(range(16))


def run(body: Callable[[Circle, int, list[str]], Awaitable[None]], most: int = 50) -> list[str]:
    """Start a host on 127.0.0.1, run `body` against it, and return the lines it told and
    logged, in order."""
    told: list[str] = []

    async def main() -> None:
        context, _ = tls.host_context()
        circle = Circle(
            Pattern(1, 1), SECRET, time.monotonic, most=most, told=told.append, logged=told.append
        )
        server = await serve_circle(circle, "127.0.0.1", 0, context)
        port = next(iter(server.sockets)).getsockname()[1]
        try:
            await asyncio.wait_for(body(circle, port, told), 60)
        finally:
            server.close()
            await server.wait_closed()

    asyncio.run(main())
    return told


async def joiner(port: int, **hello: Any) -> ClientConnection:
    connection = await connect(
        f"wss://127.0.0.1:{port}/", ssl=tls.joiner_context(), proxy=None, max_size=None
    )
    fields = {"v": wire.VERSION, "secret": SECRET.hex(), "name": "Sam", "share": False}
    await connection.send(wire.encode("hello", **{**fields, **hello}))
    return connection


async def closed_with(connection: ClientConnection) -> int | None:
    """The close code the host ended `connection` with (waiting up to 10 s)."""
    with contextlib.suppress(ConnectionClosed):
        async with asyncio.timeout(10):
            async for _ in connection:
                pass
    return connection.close_code


async def still_served(port: int, good: ClientConnection) -> None:
    """The person who belongs is answered, and a newcomer with the code gets in."""
    await good.send(wire.encode("sync", c=1.0))
    async with asyncio.timeout(5):
        while True:
            message = wire.decode(await good.recv())
            if message["t"] == "synced":
                break
    late = await joiner(port, name="Kit")
    async with asyncio.timeout(5):
        assert wire.decode(await late.recv())["t"] == "welcome"
    await late.close()


def test_bad_messages_close_only_their_connection() -> None:
    async def body(circle: Circle, port: int, told: list[str]) -> None:
        good = await joiner(port)
        circle.begin()
        sent: list[Callable[[ClientConnection], Awaitable[None]]] = [
            lambda c: c.send("x" * (wire.HOST_RECEIVES + 1)),  # too large
            lambda c: c.send("{not json"),
            lambda c: c.send(wire.encode("teleport")),  # not of the protocol
            lambda c: c.send(b"\x00\x01binary"),
            lambda c: c.send(wire.encode("state", when="before", state="furious")),
            lambda c: c.send('{"t": "sync", "c": NaN}'),
            lambda c: c.send('{"t": "sync"}'),
        ]
        for send in sent:
            bad = await joiner(port, name="Bad")
            await send(bad)
            assert await closed_with(bad) in (1008, 1009)
        await still_served(port, good)

    told = run(body)
    assert told and all("\n" not in line and "Traceback" not in line for line in told)
    assert any(line.startswith("closed a connection from 127.0.0.1") for line in told)


def test_a_flood_is_cut_off_and_the_circle_goes_on() -> None:
    async def body(circle: Circle, port: int, told: list[str]) -> None:
        good = await joiner(port)
        flood = await joiner(port, name="Flood")
        with contextlib.suppress(ConnectionClosed):
            for _ in range(2000):
                await flood.send(wire.encode("sync", c=0.0))
        assert await closed_with(flood) == 1008
        await still_served(port, good)

    told = run(body)
    assert any("too many messages" in line for line in told)


def test_silence_and_a_connection_that_never_speaks_tls_are_closed() -> None:
    async def body(circle: Circle, port: int, told: list[str]) -> None:
        good = await joiner(port)
        quiet = await connect(f"wss://127.0.0.1:{port}/", ssl=tls.joiner_context(), proxy=None)
        raw = socket.create_connection(("127.0.0.1", port))
        raw.setblocking(False)
        started = time.monotonic()
        assert await closed_with(quiet) == 1008
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(HELLO_S + 10):
            assert await loop.sock_recv(raw, 100) == b""  # the host hung up
        raw.close()
        assert time.monotonic() - started < HELLO_S + 5
        await still_served(port, good)

    told = run(body)
    assert any("said nothing" in line for line in told)


def test_hundreds_of_wrong_codes_are_refused_in_a_line_or_two() -> None:
    async def body(circle: Circle, port: int, told: list[str]) -> None:
        good = await joiner(port)

        async def wrong(n: int) -> int | None:
            try:
                guess = await joiner(port, secret=f"{n:032x}")
            except (OSError, ConnectionClosed):
                return 1008
            return await closed_with(guess)

        for start in range(0, 300, 50):
            codes = await asyncio.gather(*(wrong(n) for n in range(start, start + 50)))
            assert set(codes) == {1008}
        await still_served(port, good)

    told = run(body)
    refusals = [line for line in told if "not this circle's code" in line]
    assert 1 <= len(refusals) <= 3  # a burst is one line, with the count since the last


def test_no_more_than_the_most_join() -> None:
    async def body(circle: Circle, port: int, told: list[str]) -> None:
        first, second = await joiner(port), await joiner(port, name="Kit")
        third = await joiner(port, name="Lou")
        assert await closed_with(third) == 1013
        assert len(circle.people) == 2
        await first.close()
        await second.close()

    told = run(body, most=2)
    assert any("the circle is full (2)" in line for line in told)


def test_an_oversized_first_message_and_a_request_that_is_no_join_are_told() -> None:
    """Closed by the library itself (a frame over the limit, a handshake that is not a
    WebSocket's), each is still one of the host's refusals."""

    async def body(circle: Circle, port: int, told: list[str]) -> None:
        big = await connect(
            f"wss://127.0.0.1:{port}/", ssl=tls.joiner_context(), proxy=None, max_size=None
        )
        await big.send("x" * (wire.HOST_RECEIVES * 4))  # before any hello
        assert await closed_with(big) == 1009
        loop = asyncio.get_running_loop()
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, ssl=tls.joiner_context(), server_hostname="coreg"
        )
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")  # no Upgrade: not a join
        await writer.drain()
        async with asyncio.timeout(10):
            await reader.read()
        writer.close()
        del loop
        await asyncio.sleep(0.2)
        circle.refusals_untold()

    told = run(body)
    assert any("a message over" in line for line in told), told
    assert any("1 more connection(s)" in line or "opening handshake" in line for line in told)
