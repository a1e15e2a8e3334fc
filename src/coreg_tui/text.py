"""The one place that turns text from a person or a file into something safe to show.

Control characters (C0 other than newline and tab, DEL, C1) and the Unicode
bidirectional overrides and isolates could move the cursor, retitle the
window, write the clipboard or reorder a line; they are shown as visible
placeholders instead, and never reach the terminal.
"""

from __future__ import annotations

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
