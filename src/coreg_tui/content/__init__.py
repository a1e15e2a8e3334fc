"""What coreg says and offers, loaded from content/ and validated.

The built-in content ships inside the wheel (coreg_tui/_content); a source
checkout reads ./content directly. A person's own practices and config live
in the folders `coreg paths` names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coreg_tui.content.breathing import DEFAULT_PRESET, Breathing, breathing, load_breathing
from coreg_tui.content.files import ContentError, builtin_content_dir

if TYPE_CHECKING:
    from coreg_tui.content.practices import Library

__all__ = [
    "DEFAULT_PRESET",
    "Breathing",
    "ContentError",
    "breathing",
    "builtin_content_dir",
    "library",
    "load_breathing",
]


def library() -> Library:
    """The built-in practices with a person's own beside them (from `coreg paths`)."""
    from coreg_tui.content.practices import load_library
    from coreg_tui.paths import content_dir

    return load_library(content_dir(), breathing().presets)
