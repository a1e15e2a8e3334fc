"""Reading entries in: coreg's own JSON export, or a plain JSON array from another tool.

Everything is read and checked before anything is written; the store then
adds it all in one transaction, matching entries by id, so importing the
same file twice adds nothing.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterator
from typing import Any

from coreg_tui.core.entries import Entry
from coreg_tui.core.errors import InputError
from coreg_tui.journal.export import FORMAT_NAME, FORMAT_VERSION
from coreg_tui.journal.records import from_record


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """An import builds hundreds of thousands of dicts, entries and rows, and none of
    them refer to each other in a cycle: reference counting frees them all. The
    cyclic collector would re-scan the growing heap again and again meanwhile (it
    more than doubled the time of a 100,000-entry import), so it waits until the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_entries(text: str, source: str) -> list[Entry]:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise InputError(f"{source} is nested too deeply to be a journal") from None
    if isinstance(data, dict):
        if data.get("format") != FORMAT_NAME or not isinstance(data.get("entries"), list):
            raise InputError(
                f"{source}: expected coreg's JSON export or a JSON array of entries "
                "(objects with at least 'at' and 'state')"
            )
        version = data.get("version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise InputError(
                f"{source} was written by a newer coreg (format version {version}); update coreg"
            )
        items = data["entries"]
    elif isinstance(data, list):
        items = data
    else:
        raise InputError(f"{source}: expected a JSON array of entries or coreg's JSON export")
    entries = [from_record(item, f"{source}: entry {i}") for i, item in enumerate(items, start=1)]
    _refuse_twins(entries, source)
    return entries


def _refuse_twins(entries: list[Entry], source: str) -> None:
    """Two entries with one id in one file: which is meant cannot be told, so neither is."""
    first: dict[str, int] = {}
    for i, e in enumerate(entries, start=1):
        earlier = first.setdefault(e.id, i)
        if earlier != i:
            raise InputError(
                f"{source}: entries {earlier} and {i} have the same id ({e.short_id}); "
                "nothing was imported"
            )
