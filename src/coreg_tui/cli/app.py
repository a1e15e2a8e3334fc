"""The `coreg` command: its commands composed in one place, and its error handling.

Every mistake a person can make (an unknown option, a bad pattern, a bad
number) ends in one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

# typer 0.28 ships its own copy of click; its exceptions live here.
from typer._click.exceptions import ClickException

from coreg_tui import __version__
from coreg_tui.cli import breathe, browse, log, transfer
from coreg_tui.core.errors import InputError
from coreg_tui.text import printable

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
        sys.stdout.write(
            "Welcome to coreg. The full-screen companion is still being built; "
            "until then, 'coreg breathe' is a good place to start.\n\n"
        )
        sys.stdout.write(ctx.get_help() + "\n")


app.command("log")(log.log)
app.command("breathe")(breathe.breathe)
app.command("list")(browse.list_entries)
app.command("show")(browse.show)
app.command("edit")(browse.edit)
app.command("delete")(browse.delete)
app.command("export")(transfer.export)
app.command("import")(transfer.import_entries)
app.command("patterns")(breathe.patterns)
app.command("paths")(transfer.paths)


def _one_line(message: str) -> str:
    return " ".join(printable(message).split())


def _journal_refusal(exc: Exception) -> str | None:
    """The one line for a journal that cannot be used as it is (exit code 1), if that is what
    went wrong. The journal modules are imported only if they were already in use."""
    store = sys.modules.get("coreg_tui.journal.store")
    if store is None:
        return None
    if isinstance(exc, store.JournalError):
        return str(exc)
    import sqlite3

    if isinstance(exc, sqlite3.Error) and (mapped := store.refusal(exc, None)):
        return str(mapped)
    return None


def run(argv: list[str] | None = None) -> None:
    try:
        result = app(args=argv, prog_name="coreg", standalone_mode=False)
    except ClickException as exc:
        where = exc.ctx.command_path if getattr(exc, "ctx", None) else "coreg"  # type: ignore[attr-defined]
        sys.stderr.write(f"{where}: {_one_line(exc.format_message())} (see '{where} --help')\n")
        sys.exit(2)
    except InputError as exc:
        sys.stderr.write(f"coreg: {_one_line(str(exc))}\n")
        sys.exit(2)
    except Exception as exc:
        refused = _journal_refusal(exc)
        if refused is None:
            raise  # a bug in coreg: let it show
        sys.stderr.write(f"coreg: {_one_line(refused)}\n")
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)
