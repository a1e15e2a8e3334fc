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
    """Where the agent for `journal` listens: a private folder in the user's runtime
    folder (XDG_RUNTIME_DIR), or, without one, beside the journal (never a folder that
    others can write to, such as /tmp, where another user could stand in for it)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(runtime) / f"coreg-{os.getuid()}" if runtime else journal.parent / "agent"
    # A name, not a secret: a checksum of the journal's path (two journals whose names
    # met would share an agent, which keeps each key by its own salt).
    name = f"{zlib.crc32(str(journal.absolute()).encode()):08x}"
    return folder / f"agent-{name}.sock"


def _private_folder(folder: Path) -> None:
    """The socket's folder: made 0700, and refused if another user owns it."""
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    _check_folder(folder)
    os.chmod(folder, 0o700)


def _check_folder(folder: Path) -> None:
    """The folder is this user's own, a real folder, and nobody else may enter it."""
    import stat

    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise PermissionError(f"{folder} is not this user's own private folder")


def _trusted(path: Path) -> bool:
    """Whether `path` is a socket of this user's, in a private folder of this user's:
    nothing is sent to any other (not even a question)."""
    import stat

    try:
        _check_folder(path.parent)
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid()


def _ask(journal: Path, message: dict[str, object]) -> dict[str, object] | None:
    """The agent's answer, or None where there is no agent (or it does not answer).
    Through the C socket module: socket.py's enums cost a check-in 9 ms to load."""
    import _socket

    path = socket_path(journal)
    if not _trusted(path):
        return None
    conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        conn.settimeout(ASK_S)
        conn.connect(str(path))
        if not _same_user(conn):  # checked from this side too, before a word is sent
            return None
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
    if minutes <= 0 or not _can_check_peers():
        return
    given = {"op": "put", "salt": salt.hex(), "key": key.hex(), "for": minutes * 60}
    if _ask(journal, given) is not None:
        return
    import subprocess

    path = socket_path(journal)
    if len(str(path).encode()) > 100:  # longer than a Unix socket's name may be
        return
    with contextlib.suppress(OSError):
        _private_folder(path.parent)
        if path.exists() and _answers(path):  # an agent that was slow to answer: let be
            return
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


def _can_check_peers() -> bool:
    """Whether this system says who is at the other end of a Unix socket (Linux does):
    where it cannot, no key is remembered at all."""
    import _socket

    return hasattr(_socket, "SO_PEERCRED")


def _answers(path: Path) -> bool:
    """Whether something listens at `path` (a refused or absent one does not)."""
    import _socket

    probe = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        probe.settimeout(ASK_S)
        probe.connect(str(path))
    except (ConnectionRefusedError, FileNotFoundError):
        return False
    except OSError:
        return True  # there, but slow: not to be replaced
    finally:
        probe.close()
    return True


def _same_user(conn: socket.socket) -> bool:
    import _socket
    import struct

    try:
        creds = conn.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, struct.calcsize("3i"))
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
    if path.exists():
        if _answers(path):
            return  # another agent came first: it holds keys, this one would hold none
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
    mine = path.lstat().st_ino  # the socket this agent made: the only one it removes
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
            if path.lstat().st_ino == mine:  # not one a newer agent made in its place
                path.unlink()


if __name__ == "__main__":
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # its terminal's Ctrl-C is not for it
    given = sys.stdin.buffer.readline(MOST_BYTES)
    sys.stdin.close()
    with contextlib.suppress(OSError, KeyboardInterrupt):
        serve(Path(sys.argv[1]), given)
