"""The pattern a leader names (on the command line, or typed while the circle runs)."""

from __future__ import annotations

from coreg_tui.core.pacing import Pattern


def pattern_of(text: str | None) -> tuple[Pattern, str]:
    """A preset or pattern as `coreg breathe` reads it (none: the default), and its label."""
    from coreg_tui.config import config
    from coreg_tui.content import DEFAULT_PRESET, breathing
    from coreg_tui.core.pacing import check_limits, resolve

    chosen = text or config().default_pattern or DEFAULT_PRESET
    pattern, preset = resolve(chosen, breathing().presets)
    check_limits(pattern)
    return pattern, preset.name if preset else str(pattern)
