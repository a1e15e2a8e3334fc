"""Two calm themes, one for dark terminals and one for light: soft, low-contrast
colours, nothing saturated. `theme` in config.toml picks one; "auto" reads the
terminal's background from COLORFGBG where the terminal sets it, else dark."""

from __future__ import annotations

from collections.abc import Mapping

from textual.theme import Theme

DARK = Theme(
    name="coreg-dark",
    primary="#8AA8C2",  # a quiet blue
    secondary="#A4B99F",  # sage
    accent="#C8AA80",  # warm sand
    warning="#D2B36F",
    error="#C99494",
    success="#9EBF9F",
    foreground="#D9DEE3",
    background="#1D2125",
    surface="#24292E",
    panel="#2B3137",
    dark=True,
)
LIGHT = Theme(
    name="coreg-light",
    primary="#4C6F8C",
    secondary="#5F7A5A",
    accent="#8C6A3F",
    warning="#8F6B1F",
    error="#9A4F4F",
    success="#4F7A52",
    foreground="#2D3236",
    background="#F4F2ED",
    surface="#FAF9F6",
    panel="#E9E6DF",
    dark=False,
)
THEMES = (DARK, LIGHT)


def pick(setting: str, environ: Mapping[str, str]) -> Theme:
    """The theme for `setting` (dark, light or auto) in this terminal."""
    if setting == "light":
        return LIGHT
    if setting == "dark":
        return DARK
    # COLORFGBG is "foreground;background" in the 16 terminal colours (rxvt, Konsole,
    # iTerm2 and others set it); 7 and 15 are the light greys and white.
    background = environ.get("COLORFGBG", "").rpartition(";")[2]
    return LIGHT if background in {"7", "15"} else DARK
