"""How every way into coreg ends when something a person can fix goes wrong: one line on
stderr and exit code 2 (1 for a journal that cannot be used as it is), never a traceback.
Errors of the program itself are bugs, and are allowed to show."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import NoReturn

from coreg_tui.core.errors import InputError, OutputError, UnreachableError, reason_of
from coreg_tui.text import one_line


def _journal_refusal(exc: Exception) -> str | None:
    """The journal modules are looked at only if they were already in use."""
    refusals = sys.modules.get("coreg_tui.journal.refusals")
    if refusals is None:
        return None
    if isinstance(exc, refusals.JournalError):
        return str(exc)
    from coreg_tui.journal import engine

    if isinstance(exc, engine.Error) and (mapped := refusals.refusal(exc, None)):
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


class Ended(BaseException):
    """SIGTERM, SIGHUP or SIGQUIT: the command ends through every `finally` on the way
    (a half-written export is removed, a transaction rolled back), not in the middle."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def end_on_signals() -> None:
    import signal

    def end(signum: int, frame: object) -> None:
        raise Ended(signum)

    from coreg_tui.signals import ENDING

    for sig in ENDING:
        signal.signal(sig, end)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, ENDING)  # a parent may have blocked them


def _kept_so_far() -> str:
    transaction = sys.modules.get("coreg_tui.journal.transaction")
    return "; what went into the journal was kept" if transaction and transaction.commits else ""


def _quiet_broken_pipe() -> NoReturn:
    """Output cut short (`| head -1`): end quietly, as a reader that stopped asks."""
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(0)


def _finish(code: int) -> NoReturn:
    """Flush what is still on its way to stdout: a full disk or a closed stream is said
    here, never as a complaint from the interpreter on its way out."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except (OSError, ValueError) as exc:
        _silence_stdout()
        _say(f"the output could not be written ({reason_of(exc)}){_kept_so_far()}")
        sys.exit(1)
    sys.exit(code)


def _silence_stdout() -> None:
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    with contextlib.suppress(Exception):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - what is left goes nowhere


def _say(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"coreg: {one_line(line)}\n")
        sys.stderr.flush()


def _odd_arguments() -> str | None:
    """Arguments that are not UTF-8 text (bytes the shell passed as they were)."""
    for number, arg in enumerate(sys.argv[1:], start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return f"argument {number} is not UTF-8 text; nothing was done"
    return None


def guarded(call: Callable[[], object]) -> NoReturn:
    end_on_signals()
    try:
        if (odd := _odd_arguments()) is not None:
            raise InputError(odd)
        result = call()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:  # Ctrl-C while a command works: it stops, without a trace
        _silence_stdout()
        sys.exit(130)
    except Ended as ended:
        _silence_stdout()
        sys.exit(128 + ended.signum)
    except InputError as exc:
        tell_config()
        _say(str(exc))
        _finish(2)
    except UnreachableError as exc:
        _say(str(exc))
        _finish(1)
    except Exception as exc:
        tell_config()
        if (usage := _usage_error(exc)) is not None:
            sys.stderr.write(usage + "\n")
            _finish(2)
        if (refused := _journal_refusal(exc)) is not None:
            _say(refused)
            _finish(1)
        if isinstance(exc, OutputError):
            _silence_stdout()
            _say(f"{exc}{_kept_so_far()}")
            sys.exit(1)
        if isinstance(exc, OSError):  # a file or a stream the machine would not let us use
            from coreg_tui.files import describe

            if not exc.filename:
                _silence_stdout()
                _say(f"the output could not be written ({describe(exc)}){_kept_so_far()}")
            else:
                _say(f"cannot use {describe(exc)}{_kept_so_far()}")
            sys.exit(1)
        raise  # a bug in coreg: let it show
    tell_config()
    _finish(result if isinstance(result, int) else 0)
