"""Reading content files: where the built-in ones are, and one-line errors that name
the file, the field and what was expected, so that someone who edits a file without
knowing Python can fix it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from coreg_tui.core.errors import InputError


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


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ContentError(f"{path}: the file is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path}: not valid TOML ({exc})") from None


def text_field(
    path: Path, where: str, entry: dict[str, Any], key: str, *, required: bool
) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise ContentError(f"{path}: {where}: '{key}' is missing (expected text)")
        return None
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{path}: {where}: '{key}' should be non-empty text, not {value!r}")
    return value.strip()
