"""What crosses the wire, seen by a relay that records every byte between a joiner and
the host (as a network between them would): no name, no state, no secret, not even the
breath's phases, in clear. Real processes, loopback only."""

from __future__ import annotations

import base64
import contextlib
import socket
import threading
from pathlib import Path

from tests.together.circles import code_of, start


class Relay:
    """Forwards one connection at a time to the host, keeping a copy of each byte."""

    def __init__(self, host_port: int) -> None:
        self.host_port = host_port
        self.seen = bytearray()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(30)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        for _ in range(4):  # a few connections at most, then it stops by itself
            try:
                near, _ = self.listener.accept()
            except OSError:
                return
            far = socket.create_connection(("127.0.0.1", self.host_port))
            for a, b in ((near, far), (far, near)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                self.seen.extend(chunk)
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)


def test_a_relay_between_joiner_and_host_reads_nothing(tmp_path: Path) -> None:
    host = start(
        "together",
        "host",
        "1-1",
        "--name",
        "Marisol",
        "--start-in",
        "3",
        "--cycles",
        "2",
        home=str(tmp_path / "host"),
    )
    code = code_of(host)
    address, key = code.split("/")
    port = int(address.rsplit(":", 1)[1])
    relay = Relay(port)
    through = f"127.0.0.1:{relay.port}/{key}"
    joiner = start(
        "together",
        "join",
        through,
        "--name",
        "Zephyrine",
        "--share-state",
        "--before",
        "anxious:6",
        home=str(tmp_path / "joiner"),
    )
    returncode, err = joiner.finish()
    host.finish()
    assert returncode == 0, err
    assert [line for _, line in joiner.phases()] == ["inhale 1s", "exhale 1s"] * 2
    raw = key.upper() + "=" * (-len(key) % 8)
    secret = base64.b32decode(raw)[16:]
    wire = bytes(relay.seen)
    assert len(wire) > 1000  # it did carry the circle
    for clear in (
        b"Zephyrine",
        b"Marisol",
        b"sympathetic",
        b"anxious",
        b"inhale",
        b"hello",
        b"secret",
        secret.hex().encode(),
        secret,
    ):
        assert clear not in wire, clear
