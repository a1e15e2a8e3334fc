"""`coreg log` read straight from the entry point, before the CLI library loads.

Only a command line that can be read whole and one way only is read here: the state
once, and log's own options (cli/command_tree.py lists them for TAB, held against the
Typer command by the tests), each value a plain one. Anything else (help, an option
log does not have, a value missing or one that starts with '-', a number Typer would
have to convert or refuse, '--', an option given twice that takes one value, bytes
that are not UTF-8) goes to the Typer command unchanged, so that its help and every
refusal stay Typer's own. What is read goes to the same function the Typer command
calls (cli/checkin.py), which checks every value.
"""

from __future__ import annotations

TYPER_ONLY = "_COREG_TYPER_ONLY"
"""Set (to anything), every command line goes to Typer: how the tests compare the paths."""

LONGEST_NUMBER = 9  # digits read here; a longer number is Typer's to convert


def log_values(args: list[str]) -> dict[str, object] | None:
    """check_in's arguments for `coreg log ARGS`, or None where Typer should read them."""
    from coreg_tui.cli.checkin import KEYWORDS, NUMBERS, REPEATABLE
    from coreg_tui.cli.command_tree import COMMANDS, FLAG

    if not all(_utf8(arg) for arg in args):
        return None
    log = COMMANDS["log"]
    state: str | None = None
    values: dict[str, object] = {}
    rest = iter(args)
    for token in rest:
        if not token.startswith("-"):
            if state is not None:
                return None  # a second state: Typer's "unexpected extra argument"
            state = token
            continue
        name, equals, attached = token.partition("=") if token.startswith("--") else (token, "", "")
        long = log.long_names.get(name)
        keyword = KEYWORDS.get(long or "")
        if long is None or keyword is None:
            return None  # help, '-', '--', '-nTEXT', or an option log does not have
        if log.options[name] == FLAG:
            if equals:
                return None
            values[keyword] = True
            continue
        value = attached if equals else next(rest, None)
        if value is None or (value.startswith("-") and value != "-"):
            return None
        if long in NUMBERS:
            if not (value.isascii() and value.isdigit() and len(value) <= LONGEST_NUMBER):
                return None
            number: object = int(value)
        else:
            number = value
        if long in REPEATABLE:
            values.setdefault(keyword, []).append(number)  # type: ignore[union-attr]
        elif keyword in values:
            return None
        else:
            values[keyword] = number
    if state is None:
        return None
    return {"state": state, **values}


def _utf8(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
