"""Where a locked journal's key comes from, in this order: this process (already
opened once), the agent (remembered), then the passphrase: COREG_PASSPHRASE_FILE,
`passphrase_command` in the config (for scripts), or the person, asked by the face
they are using (the CLI at the terminal, the companion in a window of its own).

The passphrase is never kept: only the key derived from it, in this process and, for
`lock_timeout` minutes, in the agent. A wrong one is one line (exit 1), nothing
touched."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from coreg_tui.journal import cipher
from coreg_tui.journal.cipher import Key
from coreg_tui.journal.refusals import JournalError

MIN_LENGTH = 8
FILE_VARIABLE = "COREG_PASSPHRASE_FILE"
NEW_FILE_VARIABLE = "COREG_NEW_PASSPHRASE_FILE"  # a changed passphrase, for scripts
SEALED_FILE_VARIABLE = "COREG_SEALED_PASSPHRASE_FILE"  # a sealed export's, for scripts
COMMAND_S = 30.0  # for passphrase_command to print the passphrase


class LockedError(JournalError):
    """The journal is locked, and no passphrase could be had here."""


class WrongPassphraseError(JournalError):
    """The passphrase given does not open the journal."""


Ask = Callable[[str], "str | None"]  # a prompt; the passphrase, or None (not given)
_asker: Ask | None = None  # set to at_terminal below: the CLI's; the companion sets its own
_known: dict[bytes, Key] = {}  # by salt: keys this process has opened a journal with


def ask_with(asker: Ask | None) -> None:
    """How this process asks the person (None: it cannot)."""
    global _asker
    _asker = asker


def asker() -> Ask | None:
    return _asker


def key_for(path: Path) -> tuple[Key, bool]:
    """The key to try for the locked journal at `path`, and whether it was already known
    (in this process or by the agent) rather than derived just now."""
    from coreg_tui.journal import agent

    salt = cipher.salt_of(path)
    if salt in _known:
        return _known[salt], True
    remembered = agent.recall(path, salt)
    if remembered is not None:
        return Key(remembered, salt), True
    said = given_elsewhere()
    if said is None and _asker is not None:
        said = _asker(f"passphrase for the journal at {path}: ")
    if said is None:
        raise LockedError(
            f"the journal at {path} is locked, and no passphrase can be asked for here "
            f"(run coreg at a terminal, or set {FILE_VARIABLE} or passphrase_command)"
        )
    return cipher.derive(said, salt), False


def opened_with(path: Path, key: Key, known: bool) -> None:
    """The key opened the journal: kept for this process, and given to the agent for
    `lock_timeout` minutes (0: never)."""
    _known[key.salt] = key
    if not known:  # (the config is read only here: a check-in does not load it otherwise)
        from coreg_tui.config import config
        from coreg_tui.journal import agent

        agent.remember(path, key.salt, key.raw, config().lock_timeout)


def forget(path: Path) -> None:
    """Nothing about this journal's key is kept any longer, here or by the agent."""
    from coreg_tui.journal import agent

    _known.clear()
    agent.forget(path)


def wrong(path: Path) -> WrongPassphraseError:
    return WrongPassphraseError(
        f"that passphrase does not open the journal at {path}; it was left as it is"
    )


def given_elsewhere() -> str | None:
    """A passphrase from COREG_PASSPHRASE_FILE or passphrase_command, for scripts."""
    where = os.environ.get(FILE_VARIABLE)
    if where:
        return _from_file(Path(where))
    from coreg_tui.config import config

    command = config().passphrase_command
    return _from_command(command) if command else None


def _from_file(path: Path, variable: str = FILE_VARIABLE) -> str:
    from coreg_tui.files import describe, read_regular

    try:
        mode = path.stat().st_mode
        if mode & 0o077:
            raise JournalError(
                f"{variable} names {path}, which other users can read "
                f"(mode {mode & 0o777:o}); chmod 600 it first"
            )
        text = read_regular(path, 4096).decode("utf-8", "replace")
    except OSError as exc:
        raise JournalError(f"{variable}: {path} cannot be read ({describe(exc)})") from None
    return text.splitlines()[0] if text else ""


def _from_command(command: str) -> str:
    """The first line a command prints (4 KiB at most), read as soon as it is there: a
    command that leaves something running behind it is not waited for."""
    import shlex
    import subprocess

    try:
        proc = subprocess.Popen(
            shlex.split(command),
            stdin=subprocess.DEVNULL,  # never the note or entries meant for coreg
            stdout=subprocess.PIPE,
        )
    except (OSError, ValueError) as exc:
        raise JournalError(f"passphrase_command could not be run ({exc})") from None
    assert proc.stdout is not None
    try:
        line = _first_line(proc.stdout.fileno(), COMMAND_S)
        code = proc.wait(timeout=2)
    except TimeoutError:
        proc.kill()
        raise JournalError(
            f"passphrase_command printed no passphrase within {COMMAND_S:.0f} s"
        ) from None
    except subprocess.TimeoutExpired:  # it printed the line and went on: that is enough
        proc.kill()
        code = 0 if line is not None else 1
    finally:
        proc.stdout.close()
    if code != 0:
        raise JournalError(f"passphrase_command ended with exit code {code}")
    return line or ""


def _first_line(fd: int, wait_s: float) -> str | None:
    import select
    import time

    deadline = time.monotonic() + wait_s
    got = b""
    while b"\n" not in got and len(got) < 4096:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        more = os.read(fd, 4096 - len(got))
        if not more:
            break
        got += more
    return got.split(b"\n", 1)[0].decode("utf-8", "replace").rstrip("\r") if got else None


def at_terminal(prompt: str) -> str | None:
    """Asked at the terminal, never echoed (None where there is no terminal)."""
    import getpass

    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return None
    os.close(fd)
    try:
        return getpass.getpass(prompt)
    except (EOFError, OSError):
        return None


def sealed_passphrase(ask: Ask | None, name: str, *, new: bool) -> str:
    """A sealed export's own passphrase: from COREG_SEALED_PASSPHRASE_FILE, else asked
    (twice for a new one). Never the journal's file or command: a sealed file has a
    passphrase of its own."""
    from coreg_tui.core.errors import InputError

    where = os.environ.get(SEALED_FILE_VARIABLE)
    if where:
        return _from_file(Path(where), SEALED_FILE_VARIABLE)
    if ask is None:
        raise InputError(
            f"{name} needs a passphrase, and none can be asked for here "
            f"(set {SEALED_FILE_VARIABLE})"
        )
    said = ask(f"passphrase for {name}: " if not new else "passphrase for the sealed file: ")
    if said is None:
        raise InputError("no passphrase given; nothing was written")
    if new:
        if ask("the same again: ") != said:
            raise InputError("the two passphrases differ; nothing was written")
        if len(said) < MIN_LENGTH:
            raise InputError(
                f"a passphrase needs at least {MIN_LENGTH} characters; nothing was written"
            )
    return said


def new_passphrase(ask: Ask | None, *, change: bool = False) -> str:
    """A passphrase for a lock: from COREG_NEW_PASSPHRASE_FILE (or, for a first lock,
    where the passphrase will be read from), else asked twice."""
    from coreg_tui.core.errors import InputError

    where = os.environ.get(NEW_FILE_VARIABLE)
    if where:
        said: str | None = _from_file(Path(where), NEW_FILE_VARIABLE)
    else:
        said = None if change else given_elsewhere()
    if said is None:
        if ask is None:
            raise InputError(
                f"a passphrase is asked for at a terminal (or set {FILE_VARIABLE}); "
                "none can be asked for here"
            )
        said = ask("new passphrase: ")
        again = ask("the same again: ") if said is not None else None
        if said is None or again is None:
            raise InputError("no passphrase given; nothing was changed")
        if said != again:
            raise InputError("the two passphrases differ; nothing was changed")
    if len(said) < MIN_LENGTH:
        raise InputError(
            f"a passphrase needs at least {MIN_LENGTH} characters; nothing was changed"
        )
    return said


_asker = at_terminal


def try_passphrase(path: Path, said: str) -> bool:
    """Whether `said` opens the locked journal at `path`; if it does, its key is kept as
    any key that opened it is (the companion's own prompt)."""
    from coreg_tui.journal.opening import keyed

    key = cipher.derive(said, cipher.salt_of(path))
    try:
        keyed(path, key, read_only=True).close()
    except WrongPassphraseError:
        return False
    opened_with(path, key, known=False)
    return True


def needs_asking(path: Path) -> bool:
    """Whether the journal at `path` is locked and its key is had from nowhere but the
    person (not this process, the agent, a file or a command)."""
    from coreg_tui.journal.opening import check_header, keyed
    from coreg_tui.journal.schema import MIGRATIONS

    try:
        if not path.exists() or not check_header(path, max(MIGRATIONS)):
            return False
    except (OSError, JournalError):
        return False
    before, ask_with_none = _asker, None
    ask_with(ask_with_none)
    try:
        key, known = key_for(path)
        keyed(path, key, read_only=True).close()
    except LockedError:
        return True
    except JournalError:
        return True  # a file or command whose passphrase is wrong: the person may know it
    finally:
        ask_with(before)
    opened_with(path, key, known)
    return False
