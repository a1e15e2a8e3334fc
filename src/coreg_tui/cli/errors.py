"""How every way into coreg ends when something a person can fix goes wrong: one line on
stderr and exit code 2 (1 for a journal that cannot be used as it is), never a traceback.
Errors of the program itself are bugs, and are allowed to show."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import NoReturn

from coreg_tui.core.errors import InputError
from coreg_tui.text import one_line


def _journal_refusal(exc: Exception) -> str | None:
    """The journal modules are looked at only if they were already in use."""
    store = sys.modules.get("coreg_tui.journal.store")
    if store is None:
        return None
    if isinstance(exc, store.JournalError):
        return str(exc)
    import sqlite3

    if isinstance(exc, sqlite3.Error) and (mapped := store.refusal(exc, None)):
        return str(mapped)
    return None


def _usage_error(exc: Exception) -> str | None:
    """Typer's own parsing errors; typer is imported only where it was already in use."""
    if "typer" not in sys.modules:
        return None
    from typer._click.exceptions import ClickException  # typer 0.28 ships its own click

    if not isinstance(exc, ClickException):
        return None
    where = exc.ctx.command_path if getattr(exc, "ctx", None) else "coreg"  # type: ignore[attr-defined]
    return f"{where}: {one_line(_in_our_words(exc))} (see '{where} --help')"


_NUMBERS = {"float": "a number, such as 5 or 2.5", "int": "a whole number, such as 6"}


def _in_our_words(exc: Exception) -> str:
    """Click's message, or for a number that is not one, what coreg would say."""
    import re

    message: str = exc.format_message()  # type: ignore[attr-defined]
    found = re.search(r": (['\"])(.*)\1 is not a valid (float|int|integer)\b", message)
    param = getattr(exc, "param", None)
    if found is None or param is None:
        return message
    name = max(getattr(param, "opts", None) or [param.name or "the value"], key=len)
    kind = _NUMBERS["float" if found.group(3) == "float" else "int"]
    return f"{name} should be {kind}, not {found.group(2)!r}"


def tell_config(width: int | None = None) -> None:
    """A config that could not be read in full is said once, on stderr, after the
    command's own output (help right now says it right after the care lines), wrapped
    between words to `width` where that is a terminal's."""
    settings = sys.modules.get("coreg_tui.config")
    if settings is None:
        return

    def say(line: str) -> None:
        import textwrap

        line = f"coreg: {line}"
        sys.stderr.write((textwrap.fill(line, width - 1) if width else line) + "\n")

    settings.tell_once(say)


def _quiet_broken_pipe() -> NoReturn:
    """Output cut short (`| head -1`): end quietly, as a reader that stopped asks."""
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(0)


def guarded(call: Callable[[], object]) -> NoReturn:
    try:
        result = call()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except InputError as exc:
        tell_config()
        sys.stderr.write(f"coreg: {one_line(str(exc))}\n")
        sys.exit(2)
    except Exception as exc:
        tell_config()
        if (usage := _usage_error(exc)) is not None:
            sys.stderr.write(usage + "\n")
            sys.exit(2)
        if (refused := _journal_refusal(exc)) is not None:
            sys.stderr.write(f"coreg: {one_line(refused)}\n")
            sys.exit(1)
        raise  # a bug in coreg: let it show
    tell_config()
    sys.exit(result if isinstance(result, int) else 0)
