"""Two calm themes, one for dark terminals and one for light: soft colours, nothing
saturated, and every text at least 4.5:1 against what it is drawn on (WCAG AA;
tests/tui/test_contrast.py measures them). `theme` in config.toml picks one; "auto"
reads the terminal's background from COLORFGBG where the terminal sets it, else dark.
Without colour (NO_COLOR, or `color = false`) a third, plain theme draws in the
terminal's own foreground and background, with bold, reverse and underline.

Beyond Textual's own colours each theme names the breathing phases' colours
(breath-inhale, breath-hold, breath-exhale) and the three states' (state-ventral,
state-sympathetic, state-dorsal); widgets read them with `breath_colours`,
`state_styles`, `muted` and `as_drawn` (or any variable with `colour`) as they render,
so that they follow the theme."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.color import Color
from textual.theme import Theme

from coreg_tui.core.states import State

if TYPE_CHECKING:
    from textual.app import App

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
    variables={
        "breath-inhale": "#7FBFB7",  # soft teal
        "breath-hold": "#A99BD0",  # lavender
        "breath-exhale": "#93BF91",  # sage
        "state-ventral": "#9EBF9F",
        "state-sympathetic": "#D2A86F",
        "state-dorsal": "#8AA8C2",
    },
)
# The same hues, deep enough to read on a light page.
LIGHT = Theme(
    name="coreg-light",
    primary="#486A86",
    secondary="#5F7A5A",
    accent="#7E5F38",
    warning="#80601C",
    error="#9A4F4F",
    success="#4F7A52",
    foreground="#24292D",  # dark enough that Textual's dim text still reads
    background="#F4F2ED",
    surface="#FAF9F6",
    panel="#E9E6DF",
    dark=False,
    variables={
        "breath-inhale": "#356E67",
        "breath-hold": "#655891",
        "breath-exhale": "#426E42",
        "state-ventral": "#426E42",
        "state-sympathetic": "#80601C",
        "state-dorsal": "#486A86",
    },
)
_OWN = "ansi_default"  # the terminal's own colour
PLAIN = Theme(
    name="coreg-plain",
    primary=_OWN,
    secondary=_OWN,
    accent=_OWN,
    warning=_OWN,
    error=_OWN,
    success=_OWN,
    foreground=_OWN,
    background=_OWN,
    surface=_OWN,
    panel=_OWN,
    boost=_OWN,
    ansi=True,
    variables={
        "ansi-background": _OWN,
        "ansi-foreground": _OWN,
        # Emphasis without colour: the highlighted row of the list that has focus is
        # bold and underlined (Textual 8.2 drops reverse from list rows); a focused
        # button's label and the text cursor are reversed.
        "block-cursor-text-style": "bold underline",
        "block-cursor-blurred-text-style": "none",
        "button-focus-text-style": "bold reverse",
        "input-cursor-text-style": "reverse",
        "footer-key-foreground": _OWN,
        **{
            f"{kind}-{name}": _OWN
            for kind, names in (
                ("breath", ("inhale", "hold", "exhale")),
                ("state", tuple(State)),
            )
            for name in names
        },
    },
)
THEMES = (DARK, LIGHT, PLAIN)


def pick(setting: str, environ: Mapping[str, str]) -> Theme:
    """The theme for `setting` (dark, light or auto) in this terminal; without colour
    (NO_COLOR, which Textual reads too), the terminal's own colours, whatever `setting`."""
    if "NO_COLOR" in environ:
        return PLAIN
    if setting == "light":
        return LIGHT
    if setting == "dark":
        return DARK
    # COLORFGBG is "foreground;background" in the 16 terminal colours (rxvt, Konsole,
    # iTerm2 and others set it); 7 and 15 are the light greys and white.
    background = environ.get("COLORFGBG", "").rpartition(";")[2]
    return LIGHT if background in {"7", "15"} else DARK


def colour(app: App[Any], name: str, fallback: str = "foreground") -> str:
    """The theme's colour `name` (a variable such as "breath-inhale" or "text-muted") as
    a Rich colour, laid on the theme's background; "default" for the terminal's own.
    A theme that does not name it (one of Textual's) gives its `fallback` instead."""
    variables = app.theme_variables or app.get_css_variables()
    return _resolve(variables.get(name) or variables[fallback], variables["background"])


@lru_cache(maxsize=256)
def _resolve(value: str, background: str) -> str:
    paint, _, alpha = value.partition(" ")  # "#8aa8c2", "auto 60%", "ansi_default"
    share = float(alpha.rstrip("%")) if alpha else 100.0
    ink = Color.automatic(share) if paint == "auto" else Color.parse(paint)
    ink = ink.multiply_alpha(share / 100) if alpha and paint != "auto" else ink
    ground = Color.parse(background)
    if ink.ansi is not None or ground.ansi is not None:
        return "default"
    return (ground + ink).hex6


def breath_colours(app: App[Any]) -> dict[str, str]:
    """The breathing phases' colours in the app's theme: inhale, hold and exhale."""
    return {
        phase: colour(app, f"breath-{phase}", fallback)
        for phase, fallback in (
            ("inhale", "text-primary"),
            ("hold", "text-accent"),
            ("exhale", "text-success"),
        )
    }


def state_styles(app: App[Any]) -> dict[State, str]:
    """Each state's colour in the app's theme, as a Rich style: ventral, sympathetic, dorsal."""
    fallbacks = {State.VENTRAL: "text-success", State.SYMPATHETIC: "text-warning"}
    return {
        state: colour(app, f"state-{state.value}", fallbacks.get(state, "text-primary"))
        for state in State
    }


def muted(app: App[Any]) -> str:
    """Quieter text (what a frame marks "dim"), still 4.5:1 on the background."""
    return colour(app, "text-muted")


@lru_cache(maxsize=1)
def _phases() -> dict[str, str]:
    """The CLI's phase colours, each to its phase. Read when first drawn, not as the app
    starts: the breathing frame's module brings the pacer with it (about 24 ms)."""
    from coreg_tui.visual.breath_frame import PHASE_STYLES

    return {value.lower(): phase for phase, value in PHASE_STYLES.items()}


def as_drawn(app: App[Any], style: str) -> Style:
    """A frame's Rich style (visual/breath_frame.py's PHASE_STYLES colours, "dim", "bold")
    as this theme draws it: each phase colour becomes the theme's colour for that phase,
    and dim text the theme's muted colour. So the CLI and the companion share frames."""
    parsed = Style.parse(style) if style else Style()
    ink = parsed.color.triplet.hex if parsed.color and parsed.color.triplet else None
    if ink in _phases():
        return parsed + Style(color=breath_colours(app)[_phases()[ink]])
    if parsed.dim and parsed.color is None:
        return parsed + Style(color=muted(app), dim=False)
    return parsed
