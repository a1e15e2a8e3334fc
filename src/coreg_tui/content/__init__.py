"""What coreg says and offers, loaded from content/ and validated.

The built-in content ships inside the wheel (coreg_tui/_content); a source
checkout reads ./content directly. A person's own practices and config live
in the folders `coreg paths` names. Submodules load on first use (PEP 562), so
reading the states' words does not load the breathing presets.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coreg_tui.content.files import ContentError, builtin_content_dir
    from coreg_tui.content.practices import Library
    from coreg_tui.content.presets import DEFAULT_PRESET, Breathing, breathing, load_breathing

_WHERE = {
    "DEFAULT_PRESET": "presets",
    "Breathing": "presets",
    "breathing": "presets",
    "load_breathing": "presets",
    "ContentError": "files",
    "builtin_content_dir": "files",
}

__all__ = [
    "DEFAULT_PRESET",
    "Breathing",
    "ContentError",
    "breathing",
    "builtin_content_dir",
    "library",
    "load_breathing",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"coreg_tui.content.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'coreg_tui.content' has no attribute {name!r}")


def library() -> Library:
    """The built-in practices with a person's own beside them (from `coreg paths`)."""
    from coreg_tui.content.practices import load_library
    from coreg_tui.content.presets import breathing
    from coreg_tui.paths import content_dir

    return load_library(content_dir(), breathing().presets)
