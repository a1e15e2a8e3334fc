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
    """A TOML file, or one line naming it: missing, a FIFO or device (said at once, never
    waited on), too large, not UTF-8, not TOML, or nested too deeply to read."""
    from coreg_tui.files import describe, read_regular

    try:
        return tomllib.loads(read_regular(path).decode("utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{path}: the file is missing") from None
    except OSError as exc:
        raise ContentError(f"{path}: cannot be read ({describe(exc)})") from None
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path}: not UTF-8 text (byte {exc.start + 1})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path}: not valid TOML ({exc})") from None
    except RecursionError:
        raise ContentError(f"{path}: nested too deeply to read") from None


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
