"""`coreg export`, `coreg import` and `coreg paths`."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from coreg_tui.cli.options import Force, Output, Since, StateFilter, TagFilter, Until
from coreg_tui.cli.output import private_output

if TYPE_CHECKING:
    from coreg_tui.journal.store import Filter


class ExportFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    csv = "csv"
    ndjson = "ndjson"  # JSON Lines; `-f jsonl` says the same (FORMAT_ALIASES)


# `-f jsonl` is taken as ndjson, its other common name. It is not one of the choices, so
# that TAB still completes `-f j` to json alone.
FORMAT_ALIASES = {"jsonl": "ndjson"}


def _format_alias(token: str) -> str:
    return FORMAT_ALIASES.get(token.lower(), token)


def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="markdown, json, csv, or ndjson (also jsonl): JSON Lines, one entry a line.",
            case_sensitive=False,
        ),
    ] = ExportFormat.markdown,
    output: Output = "-",
    force: Force = False,
    since: Since = None,
    until: Until = None,
    state: StateFilter = None,
    tag: TagFilter = None,
    front_matter: Annotated[
        bool,
        typer.Option(
            "--front-matter", help="Markdown: start with YAML front matter for note apps."
        ),
    ] = False,
    encrypt: Annotated[
        bool,
        typer.Option(
            "--encrypt",
            help="JSON sealed with a passphrase (asked twice), that coreg import opens.",
        ),
    ] = False,
) -> None:
    """Write the journal out, oldest first: markdown to read, JSON to keep, CSV for sheets.
    JSON Lines (-f jsonl) holds one entry a line, for journals too large for one array."""
    from coreg_tui.cli.journal_access import build_filter, now, open_journal
    from coreg_tui.cli.terminal import say
    from coreg_tui.documents import export as writers

    moment = now()
    where = build_filter(
        since=since, until=until, states=state, tags=tag, newest_first=False, at=moment
    )
    if encrypt:
        count = _sealed_export(where, output, force, fmt)
        if output != "-":
            say(
                f"Wrote {count:,} entr{'y' if count == 1 else 'ies'}, sealed, to {output}.",
                sys.stderr,
            )
        return
    with open_journal(create=False) as journal, private_output(output, force) as out:
        locked = journal.key is not None
        entries = journal.entries(where)
        if fmt is ExportFormat.json:
            count = writers.write_json(entries, out, moment)
        elif fmt is ExportFormat.ndjson:
            count = writers.write_json_lines(entries, out)
        elif fmt is ExportFormat.csv:
            count = writers.write_csv(entries, out)
        else:
            count = writers.write_markdown(entries, out, moment, front_matter=front_matter)
    if output != "-":
        say(f"Wrote {count:,} entr{'y' if count == 1 else 'ies'} to {output}.", sys.stderr)
    if locked:
        say(
            "coreg: note: your journal is locked, but this export is not encrypted: anyone "
            "who can read the file can read it (export --encrypt seals one)",
            sys.stderr,
        )


def _sealed_export(where: Filter, output: str, force: bool, fmt: ExportFormat) -> int:
    """The JSON export, sealed in memory before a byte is written (documents/sealed.py)."""
    import io

    from coreg_tui.cli.journal_access import now, open_journal
    from coreg_tui.cli.output import private_output
    from coreg_tui.core.errors import InputError
    from coreg_tui.documents import export as writers
    from coreg_tui.documents.sealed import seal
    from coreg_tui.journal import passphrase

    if fmt in (ExportFormat.csv, ExportFormat.ndjson):  # markdown: the default, not asked
        raise InputError("--encrypt writes JSON (coreg import opens it); leave out --format")
    secret = passphrase.sealed_passphrase(passphrase.asker(), output, new=True)
    held = io.StringIO()
    with open_journal(create=False) as journal:
        count = writers.write_json(journal.entries(where), held, now())
    sealed = seal(held.getvalue().encode("utf-8"), secret)
    with private_output(output, force) as out:
        out.write(sealed)
    return count


export.context_settings = {"token_normalize_func": _format_alias}  # type: ignore[attr-defined]


CONFLICTS_SHOWN = 10  # short ids named when an import meets entries it would change


def import_entries(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="coreg's JSON export, or a JSON array of entries "
            "with at least 'at' and 'state', or JSON Lines (a .jsonl file, one entry a line) "
            "('-' for standard input).",
        ),
    ],
) -> int:
    """Bring entries in from a JSON file. A .jsonl file is read as JSON Lines (one entry a
    line), and so is standard input whose first line is one entry. Entries the journal
    already has are left as they are; any that differ from the file are named, and the
    exit code is 1."""
    from coreg_tui.cli.journal_access import open_journal
    from coreg_tui.cli.terminal import say
    from coreg_tui.journal.importer import collector_paused, reader_for
    from coreg_tui.journal.read_aside import rows_read_aside
    from coreg_tui.journal.rows import now_us

    source = "standard input" if file == "-" else file
    read = reader_for(file)
    with (
        _import_source(file) as stream,
        collector_paused(),
        rows_read_aside(read, stream, source, now_us()) as rows,
        open_journal() as journal,
    ):
        merged = journal.merge_rows(rows, twins_in=source)
    note = f" ({merged.same:,} already there)" if merged.same else ""
    say(f"Imported {merged.added:,} entr{'y' if merged.added == 1 else 'ies'}{note}.")
    if not merged.conflicts:
        return 0
    count = merged.differ
    shown = ", ".join(entry_id[:8] for entry_id in merged.conflicts[:CONFLICTS_SHOWN])
    more = f" and {count - CONFLICTS_SHOWN:,} more" if count > CONFLICTS_SHOWN else ""
    what = "1 entry that differs" if count == 1 else f"{count:,} entries that differ"
    say(f"coreg: kept your journal's own version of {what} in {source}: {shown}{more}", sys.stderr)
    return 1


@contextlib.contextmanager
def _import_source(file: str) -> Iterator[TextIO]:
    from coreg_tui.documents.sealed import is_sealed

    """Standard input, or a regular file (never a FIFO or device: it could be endless
    or wait forever), as UTF-8 text read a chunk at a time."""
    from coreg_tui.cli.output import user_path
    from coreg_tui.core.errors import InputError
    from coreg_tui.files import OddFileError, describe, open_regular

    if file == "-":
        from coreg_tui.cli.streams import utf8_stdin

        with utf8_stdin() as stream:
            yield stream
        return
    path = user_path(file)
    try:
        fd = open_regular(path)
    except OddFileError as exc:
        raise InputError(f"{exc}; give a file, or - for standard input") from None
    except OSError as exc:
        raise InputError(f"cannot read {describe(exc)}") from None
    with open(fd, encoding="utf-8") as stream:
        first = stream.readline(64)
        stream.seek(0)
        if is_sealed(first):  # coreg export --encrypt: opened in memory, never on disk
            yield _unsealed(stream.read(), file)
            return
        yield stream


def _unsealed(text: str, name: str) -> TextIO:
    import io

    from coreg_tui.documents.sealed import unseal
    from coreg_tui.journal import passphrase

    said = passphrase.sealed_passphrase(passphrase.asker(), name, new=False)
    return io.StringIO(unseal(text, said, name).decode("utf-8"))


def paths(
    as_json: Annotated[bool, typer.Option("--json", help="As a JSON object.")] = False,
) -> None:
    """Where coreg keeps your journal, config and your own practices."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.paths import all_paths

    found = all_paths()
    if as_json:
        say(json.dumps(found, indent=2))
        return
    width = max(map(len, found))
    for name, value in found.items():
        say(f"{name.replace('_', ' '):<{width}}  {value}")
