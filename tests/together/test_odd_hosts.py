"""A joiner (the installed command) against hosts that misbehave: a message it cannot
read, times far beyond any clock's, a redirect before the certificate is checked. Each
ends in one line and exit 1, never a traceback, a spinning loop or a second connection.
All on loopback, each host made here with a certificate the code pins."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from websockets.asyncio.server import ServerConnection, serve
from websockets.datastructures import Headers
from websockets.http11 import Response

from coreg_tui.together import tls, wire
from coreg_tui.together.code import JoinCode
from coreg_tui.together.host import Circle
from tests.installed import COREG

SECRET = bytes(16)
Talk = Callable[[ServerConnection], Awaitable[None]]


async def joining(code: JoinCode, home: Path) -> tuple[int, str, str]:
    """`coreg together join CODE`: its exit code, output and errors."""
    joiner = await asyncio.create_subprocess_exec(
        str(COREG),
        "together",
        "join",
        str(code),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "COREG_HOME": str(home)},
    )
    out, err = await asyncio.wait_for(joiner.communicate(), 30)
    assert joiner.returncode is not None
    return joiner.returncode, out.decode(), err.decode()


def join_against(talk: Talk, tmp_path: Path, **serving: object) -> tuple[int, str, str]:
    """Run `coreg together join` against a host that says what `talk` says."""

    async def main() -> tuple[int, str, str]:
        context, pin = tls.host_context()

        async def handler(connection: ServerConnection) -> None:
            await connection.recv()  # the hello
            await talk(connection)
            await asyncio.sleep(5)

        async with serve(handler, "127.0.0.1", 0, ssl=context, **serving) as server:  # type: ignore[arg-type]
            port = next(iter(server.sockets)).getsockname()[1]
            code = JoinCode("127.0.0.1", port, pin, SECRET)
            return await joining(code, tmp_path)

    return asyncio.run(main())


@pytest.mark.parametrize(
    "said",
    [
        wire.encode("people", people=[{"id": 1, "name": 7}]),  # a name that is a number
        wire.encode("people", people=[{"id": [1], "name": "x", "before": "ventral"}]),
        '{"t": "synced", "c": ' + "9" * 400 + ', "h": 1, "a": 1}',  # a number too long
        wire.encode("synced", c=-1e308, h=1e308, a=1e308),  # an offset beyond any clock's
        wire.encode(
            "timeline",
            pieces=[
                {
                    "begins": -1e17,
                    "paused": False,
                    "to": {"inhale": 4, "exhale": 6, "hold_in": 0, "hold_out": 0, "top_up": 0},
                }
            ],
            ends=None,
        ),
        wire.encode("teleport"),
    ],
)
def test_a_host_that_says_something_odd_ends_the_join_in_one_line(
    said: str, tmp_path: Path
) -> None:
    async def talk(connection: ServerConnection) -> None:
        await connection.send(said)

    started = time.monotonic()
    code, out, err = join_against(talk, tmp_path)
    assert code == 1, (out, err)
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "cannot read" in err
    assert time.monotonic() - started < 20


def test_a_redirect_before_the_certificate_is_checked_is_not_followed(tmp_path: Path) -> None:
    elsewhere: list[str] = []

    async def main() -> tuple[int, str]:
        async def other(connection: ServerConnection) -> None:
            elsewhere.append("reached")

        async with serve(other, "127.0.0.1", 0) as second:
            port2 = next(iter(second.sockets)).getsockname()[1]

            def redirect(connection: ServerConnection, request: object) -> Response:
                where = Headers([("Location", f"ws://127.0.0.1:{port2}/elsewhere")])
                return Response(302, "Found", where, b"")

            context, pin = tls.host_context()
            async with serve(
                lambda c: asyncio.sleep(0), "127.0.0.1", 0, ssl=context, process_request=redirect
            ) as first:
                port = next(iter(first.sockets)).getsockname()[1]
                code = JoinCode("127.0.0.1", port, pin, SECRET)
                code_, _, err = await joining(code, tmp_path)
                return code_, err

    code, err = asyncio.run(main())
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert elsewhere == []


def test_someone_who_leaves_on_the_way_in_is_not_left_in_the_circle() -> None:
    from tests.together.test_hostile import joiner, run

    async def body(circle: Circle, port: int, told: list[str]) -> None:
        for _ in range(3):
            ghost = await joiner(port, name="Ghost")
            await ghost.close()  # before the welcome could be sent
        for _ in range(50):
            if not circle.people:
                break
            await asyncio.sleep(0.05)
        assert circle.people == {}
        real = await joiner(port, name="Kit")  # the one place left is free
        async with asyncio.timeout(5):
            assert wire.decode(await real.recv())["t"] == "welcome"
        await real.close()

    run(body, most=1)


def test_start_in_holds_even_where_nothing_can_be_typed() -> None:
    """With --start-in and no input (a script, a service), the breathing begins when it
    was told to, not at once because no Enter can come."""
    import subprocess
    import time

    from tests.installed import COREG

    host = subprocess.Popen(
        [str(COREG), "together", "host", "2-2", "--start-in", "4s", "--cycles", "1", "--no-log"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert host.stdout is not None
    printed = time.monotonic()
    first = None
    for line in host.stdout:
        if line.startswith("coreg together join "):
            printed = time.monotonic()
        if line.startswith("inhale"):
            first = time.monotonic()
            break
    host.kill()
    host.wait(timeout=10)
    assert first is not None and first - printed >= 4.0
