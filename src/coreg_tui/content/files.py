"""Reading content files: where the built-in ones are, and one-line errors that name
the file, the field and what was expected (in the shape coreg_tui.schema gives every
file), so that someone who edits a file without knowing Python can fix it."""

from __future__ import annotations

from pathlib import Path

from coreg_tui.core.errors import InputError
from coreg_tui.schema import Check, Table


class ContentError(InputError):
    """A content file that cannot be used, said in one line."""


# What reading content can raise when a file is damaged, whoever wrote it; help right now
# and the titles a person reads fall back rather than fail on any of these.
UNREADABLE = (ContentError, OSError, RecursionError, UnicodeDecodeError)


def builtin_content_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_content"  # inside an installed wheel
    if shipped.is_dir():
        return shipped
    return package.parent.parent / "content"  # src/coreg_tui -> the checkout


def read_table(path: Path) -> Table:
    """The top table of a content file that must be right, or ContentError naming it:
    missing, a FIFO or device (said at once, never waited on), too large, not UTF-8,
    not TOML, or nested too deeply to read."""
    check = Check(path)
    data = check.load()
    refuse(check)
    return check.table(data)


def refuse(check: Check) -> None:
    """ContentError with the first problem in a file that must be right, if it has any
    (and how many more: a person mends them one line at a time)."""
    if check.problems:
        more = len(check.problems) - 1
        tail = f" (and {more} more problem{'s' if more != 1 else ''} in this file)" if more else ""
        raise ContentError(f"{check.problems[0]}{tail}")
