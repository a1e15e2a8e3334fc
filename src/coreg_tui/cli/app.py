"""The `coreg` command: its commands composed in one place, and its error handling.

Every mistake a person can make (an unknown option, a bad pattern, a bad
number) ends in one line on stderr and exit code 2, never a traceback.

Commands are registered lazily: a run imports and builds only the command
it was asked for (all of them only for help, or a name it does not know),
so `coreg log` does not pay for `coreg export`.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer

from coreg_tui import __version__

# name: (module, function), in the order help lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "sos": ("coreg_tui.cli.practices", "sos"),
    "log": ("coreg_tui.cli.log", "log"),
    "breathe": ("coreg_tui.cli.breathe", "breathe"),
    "list": ("coreg_tui.cli.browse", "list_entries"),
    "show": ("coreg_tui.cli.browse", "show"),
    "edit": ("coreg_tui.cli.browse", "edit"),
    "delete": ("coreg_tui.cli.browse", "delete"),
    "export": ("coreg_tui.cli.transfer", "export"),
    "import": ("coreg_tui.cli.transfer", "import_entries"),
    "practices": ("coreg_tui.cli.practices", "practices"),
    "suggest": ("coreg_tui.cli.practices", "suggest"),
    "practice": ("coreg_tui.cli.practices", "practice"),
    "patterns": ("coreg_tui.cli.breathe", "patterns"),
    "paths": ("coreg_tui.cli.transfer", "paths"),
    "check": ("coreg_tui.cli.repair", "check"),
    "recover": ("coreg_tui.cli.repair", "recover"),
    "lock": ("coreg_tui.cli.lock", "lock"),
    "unlock": ("coreg_tui.cli.lock", "unlock"),
    "stats": ("coreg_tui.cli.stats", "stats"),
    "report": ("coreg_tui.cli.stats", "report"),
    "completion": ("coreg_tui.cli.completion", "completion"),
    "together": ("coreg_tui.cli.together", "together_app"),
    "content": ("coreg_tui.cli.practices", "content_app"),
    "config": ("coreg_tui.cli.settings", "config_app"),
}
ROOT_OPTIONS = {"--version", "-V"}

app = typer.Typer(
    name="coreg",
    help="coreg: notice your nervous system's state and find your way back to calm, "
    "alone or with someone.",
    # Plain help: Rich-formatted help would import rich.markdown and more on
    # every --help, doubling the time it takes to appear.
    rich_markup_mode=None,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"coreg {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_show_version, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        from coreg_tui.cli.terminal import companion_can_open

        if companion_can_open():
            from coreg_tui.tui import run_tui

            raise typer.Exit(run_tui())
        sys.stderr.write(
            "coreg: the companion opens in a terminal; here, use a command such as "
            "'coreg log calm' or 'coreg breathe'.\n\n"
        )
        sys.stderr.write(ctx.get_help() + "\n")
        raise typer.Exit(2)


def _register(names: list[str]) -> None:
    for name in names:
        module, attribute = COMMANDS[name]
        found = getattr(importlib.import_module(module), attribute)
        if isinstance(found, typer.Typer):  # a group of commands: coreg content check
            app.add_typer(found, name=name)
        else:
            # A command may ask for settings of its own (export: `-f jsonl`, an alias).
            app.command(name, context_settings=getattr(found, "context_settings", None))(found)


def _needed(args: list[str]) -> list[str]:
    """The commands this run can reach: the one named first, none for --version."""
    if args and args[0] in COMMANDS:
        return [args[0]]
    if args and args[0] in ROOT_OPTIONS:
        return []
    return list(COMMANDS)


def run(argv: list[str] | None = None) -> None:
    from coreg_tui.cli.errors import guarded

    args = sys.argv[1:] if argv is None else list(argv)
    app.registered_commands.clear()
    app.registered_groups.clear()
    _register(_needed(args))
    guarded(lambda: app(args=args, prog_name="coreg", standalone_mode=False))
