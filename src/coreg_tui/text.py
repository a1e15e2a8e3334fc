"""The one place that turns text from a person or a file into something safe to show.

Control characters (C0 other than newline and tab, DEL, C1) and the Unicode
bidirectional overrides and isolates could move the cursor, retitle the
window, write the clipboard or reorder a line; they are shown as visible
placeholders instead, and never reach the terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def _placeholder(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: U+241B for ESC
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


_TABLE = {
    code: _placeholder(code)
    for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), *_BIDI]
    if code not in (0x09, 0x0A)
}


def control_table() -> dict[int, str]:
    """The replacements `printable` makes, for callers that build a table of their own."""
    return dict(_TABLE)


def printable(text: str) -> str:
    """`text` with every control character replaced by a visible placeholder."""
    return text.translate(_TABLE)


def literal(text: str) -> Text:
    """`text` for a screen to show exactly as written: printable, and never read as
    markup (a Textual or Rich widget given a plain string would read `[b]` as bold)."""
    from rich.text import Text

    return Text(printable(text))


def one_line(message: str) -> str:
    """A message as one printable line, for stderr or a notification."""
    return " ".join(printable(message).split())


# What an ASCII-only output shows for the characters coreg itself draws.
_ASCII = {
    "\u2026": "...",  # the cut mark
    "\u2192": "->",
    "\u00b7": "-",
    "\u23ce": "|",  # a line break inside a CSV cell
    "\u2014": "-",
    "\u2013": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2501": "=",
    "\u2588": "#",
    "\u25cf": "o",
    "\u25b2": "^",
    "\u25bc": "v",
    "\u2421": "^?",
}
ASCII_ERRORS = "coreg.ascii"


def _ascii_for(ch: str) -> str:
    if ch in _ASCII:
        return _ASCII[ch]
    if 0x2400 <= ord(ch) < 0x2420:  # a control picture: caret notation, ^[ for ESC
        return "^" + chr(ord(ch) - 0x2400 + 0x40)
    import unicodedata

    plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
    return plain or "?"  # an accented letter keeps its letter: Zoë shows as Zoe


def ascii_stand_ins(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: what an output that cannot show a character shows instead.

    Registered as `ASCII_ERRORS`; never a traceback, and a readable stand-in
    where there is one (... for the cut mark, -> for an arrow), else a ?."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_ascii_for(ch) for ch in bad), error.end


def label_lines(label: str, width: int) -> tuple[list[str], str]:
    """A row label for a column `width` wide, never cut: a longer one is given a line of
    its own (returned first) and the row itself starts blank."""
    return ([label], "") if len(label) > width else ([], label)
