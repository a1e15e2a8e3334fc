"""A joiner and the host with a relay between them that records every byte and can drop
the connection (as a network between them would): it reads no name, state, secret or
phase in clear, and a joiner it cuts off breathes on and comes back in step. Real
processes, loopback only."""

from __future__ import annotations

import base64
import contextlib
import socket
import threading
from pathlib import Path

from tests.together.circles import code_of, start


class Relay:
    """Forwards connections to the host, keeping a copy of each byte; `cut()` drops the
    ones open now, as a network that goes away for a moment."""

    def __init__(self, host_port: int) -> None:
        self.host_port = host_port
        self.seen = bytearray()
        self.open: list[socket.socket] = []
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
            self.open += [near, far]
            for a, b in ((near, far), (far, near)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def cut(self) -> None:
        for end in self.open:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
        self.open.clear()

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


def test_a_joiner_cut_off_breathes_on_in_step_and_comes_back(tmp_path: Path) -> None:
    host = start(
        "together",
        "host",
        "1-1",
        "--start-in",
        "2",
        "--cycles",
        "6",
        home=str(tmp_path / "host"),
    )
    address, key = code_of(host).split("/")
    relay = Relay(int(address.rsplit(":", 1)[1]))
    joiner = start("together", "join", f"127.0.0.1:{relay.port}/{key}", home=str(tmp_path / "j"))
    joiner.wait_for(r"^inhale 1s")
    relay.cut()
    joiner.wait_for(r"^lost the circle; breathing on")
    joiner.wait_for(r"^back in the circle", timeout=15)
    returncode, err = joiner.finish()
    host.finish()
    assert returncode == 0, err
    assert [line for _, line in joiner.phases()] == ["inhale 1s", "exhale 1s"] * 6
    for (theirs, _), (hosts, _) in zip(joiner.phases(), host.phases(), strict=True):
        assert abs(theirs - hosts) < 0.15
