"""The agent: a small per-user process that remembers a locked journal's key (never
the passphrase) for `lock_timeout` minutes after it was given, so that a check-in
stays quick. It holds keys in memory only, answers on a Unix socket in a folder only
its user can enter, checks that whoever connects is that same user, and ends by
itself once it holds nothing.

    python -m coreg_tui.journal.agent SOCKET   (started by coreg, with the key on stdin)

Each journal has its own agent (the socket's name comes from the journal's path).
The store itself is pure: time is a parameter (`Remembered`), tested on a fake clock.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import socket

LOOK_S = 1.0  # how often an idle agent looks whether its keys have expired
ASK_S = 0.5  # the longest a command waits for the agent's answer
MOST_BYTES = 4096


class Remembered:
    """Keys by salt, each until a moment of the agent's monotonic clock."""

    def __init__(self) -> None:
        self.keys: dict[str, tuple[str, float]] = {}

    def put(self, salt: str, key: str, now: float, for_s: float) -> None:
        self.keys[salt] = (key, now + for_s)

    def get(self, salt: str, now: float) -> str | None:
        self.expire(now)
        found = self.keys.get(salt)
        return found[0] if found else None

    def forget(self) -> None:
        self.keys.clear()

    def expire(self, now: float) -> None:
        for salt in [s for s, (_, until) in self.keys.items() if until <= now]:
            del self.keys[salt]

    def empty(self, now: float) -> bool:
        self.expire(now)
        return not self.keys


def socket_path(journal: Path) -> Path:
    """Where the agent for `journal` listens: a private folder of the user's runtime
    folder (XDG_RUNTIME_DIR) or, without one, of the temporary folder."""
    base = os.environ.get("XDG_RUNTIME_DIR") or "/tmp"
    folder = Path(base) / f"coreg-{os.getuid()}"
    # A name, not a secret: a checksum of the journal's path (two journals whose names
    # met would share an agent, which keeps each key by its own salt).
    name = f"{zlib.crc32(str(journal.absolute()).encode()):08x}"
    return folder / f"agent-{name}.sock"


def _private_folder(folder: Path) -> None:
    """The socket's folder: made 0700, and refused if another user owns it."""
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.lstat()
    if info.st_uid != os.getuid() or not folder.is_dir() or folder.is_symlink():
        raise PermissionError(f"{folder} is not this user's own folder")
    os.chmod(folder, 0o700)


def _ask(journal: Path, message: dict[str, object]) -> dict[str, object] | None:
    """The agent's answer, or None where there is no agent (or it does not answer).
    Through the C socket module: socket.py's enums cost a check-in 9 ms to load."""
    import _socket

    path = socket_path(journal)
    conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        conn.settimeout(ASK_S)
        conn.connect(str(path))
        conn.sendall(json.dumps(message).encode() + b"\n")
        answer = b""
        while not answer.endswith(b"\n") and len(answer) < MOST_BYTES:
            more = conn.recv(MOST_BYTES)
            if not more:
                break
            answer += more
    except OSError:
        return None
    finally:
        conn.close()
    try:
        found = json.loads(answer)
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def recall(journal: Path, salt: bytes) -> bytes | None:
    """The key the agent remembers for this journal's salt, if it does."""
    answer = _ask(journal, {"op": "get", "salt": salt.hex()})
    key = answer.get("key") if answer else None
    try:
        return bytes.fromhex(key) if isinstance(key, str) else None
    except ValueError:
        return None


def forget(journal: Path) -> None:
    """The agent forgets every key it holds, and so ends."""
    _ask(journal, {"op": "forget"})


def remember(journal: Path, salt: bytes, key: bytes, minutes: float) -> None:
    """Give the key to this journal's agent for `minutes`, starting one if none runs.
    The key goes down a pipe to a new agent, never on its command line."""
    if minutes <= 0:
        return
    given = {"op": "put", "salt": salt.hex(), "key": key.hex(), "for": minutes * 60}
    if _ask(journal, given) is not None:
        return
    import subprocess

    path = socket_path(journal)
    with contextlib.suppress(OSError):
        _private_folder(path.parent)
        agent = subprocess.Popen(
            [sys.executable, "-m", "coreg_tui.journal.agent", str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # the agent outlives the command, and its terminal
            close_fds=True,
        )
        assert agent.stdin is not None
        agent.stdin.write(json.dumps(given).encode() + b"\n")
        agent.stdin.close()


# --- the agent itself ------------------------------------------------------------------


def _same_user(conn: socket.socket) -> bool:
    import socket
    import struct

    try:
        creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except (OSError, AttributeError):
        return False
    _pid, uid, _gid = struct.unpack("3i", creds)
    return uid == os.getuid()


def _unreadable_memory() -> None:
    """Other processes of the same user may not read this one's memory (ptrace, /proc),
    and it leaves no core file."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4: off


def _answer(store: Remembered, raw: bytes, now: float) -> dict[str, object]:
    try:
        message = json.loads(raw)
    except ValueError:
        return {"ok": False}
    if not isinstance(message, dict):
        return {"ok": False}
    op, salt = message.get("op"), message.get("salt")
    if op == "get" and isinstance(salt, str):
        return {"ok": True, "key": store.get(salt, now)}
    if op == "put" and isinstance(salt, str) and isinstance(message.get("key"), str):
        for_s = message.get("for")
        if isinstance(for_s, int | float) and 0 < for_s <= 24 * 3600:
            store.put(salt, str(message["key"]), now, float(for_s))
            return {"ok": True}
    if op == "forget":
        store.forget()
        return {"ok": True}
    return {"ok": False}


def serve(path: Path, first: bytes) -> None:
    import socket
    import time

    _unreadable_memory()
    store = Remembered()
    _answer(store, first, time.monotonic())
    _private_folder(path.parent)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # one left by an agent that was killed
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o177)
    try:
        listener.bind(str(path))
    finally:
        os.umask(old)
    listener.listen(16)
    listener.settimeout(LOOK_S)
    try:
        while not store.empty(time.monotonic()):
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(ASK_S)
                if not _same_user(conn):
                    continue
                with contextlib.suppress(OSError):
                    raw = conn.makefile("rb").readline(MOST_BYTES)
                    reply = _answer(store, raw, time.monotonic())
                    conn.sendall(json.dumps(reply).encode() + b"\n")
    finally:
        listener.close()
        with contextlib.suppress(OSError):
            path.unlink()


if __name__ == "__main__":
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # its terminal's Ctrl-C is not for it
    given = sys.stdin.buffer.readline(MOST_BYTES)
    sys.stdin.close()
    with contextlib.suppress(OSError, KeyboardInterrupt):
        serve(Path(sys.argv[1]), given)
