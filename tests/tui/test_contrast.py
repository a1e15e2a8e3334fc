"""Colour, contrast and focus, to WCAG AA: every text at least 4.5:1 against what it is
drawn on, and focus frames, control boundaries and the orb at least 3:1.

Measured twice: from each theme's own colour definitions (through Textual's own colour
system, as the app builds its CSS variables), and on the screen as Textual draws it.
Focus must show without telling colours apart, and without colour (NO_COLOR) the
companion draws in the terminal's own colours only."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from rich.style import Style
from textual.color import Color
from textual.constants import DIM_FACTOR
from textual.filter import dim_color
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.theme import Theme
from textual.widget import Widget

from coreg_tui.tui import themes
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.home import HomeScreen
from coreg_tui.tui.widgets.state_button import StateButton
from tests.clock import FakeClock
from tests.tui.screen import settled
from tests.tui.test_snapshots import seed_journal

TEXT = 4.5  # AA, text
GRAPHIC = 3.0  # AA, large text, focus indicators, the boundary that marks a control

COLOURED = {"dark": themes.DARK, "light": themes.LIGHT}


def luminance(colour: Color) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# From the themes' definitions --------------------------------------------------------


def variables(theme: Theme) -> dict[str, str]:
    """The CSS variables a theme gives the app (as App.get_css_variables builds them)."""
    return {**theme.to_color_system().generate(), **theme.variables}


def paint(names: dict[str, str], spec: str, under: Color) -> Color:
    """A CSS colour ("$name", "$name 50%", "auto 87%", "#rrggbbaa") laid on `under`, as
    Textual lays a colour with alpha (or "auto", the contrasting black or white)."""
    alpha, value = 1.0, spec
    while True:
        value, _, share = value.partition(" ")
        alpha *= float(share.rstrip("%")) / 100 if share else 1.0
        if not value.startswith("$"):
            break
        value = names[value[1:]]
    ink = Color.automatic(alpha * 100) if value == "auto" else Color.parse(value)
    return under + (ink if value == "auto" else ink.multiply_alpha(alpha))


def ground(names: dict[str, str], layers: tuple[str, ...]) -> Color:
    """The colour of the page with `layers` laid on it in turn."""
    colour = Color.parse(names["background"])
    for layer in layers:
        colour = paint(names, layer, colour)
    return colour


DIM = "dim"  # Textual draws Rich's dim text blended toward its ground (DIM_FACTOR)
PAGE = ("$background",)
FIELD = ("$surface",)
PANEL = ("$panel",)
TOAST = ("$panel-lighten-1",)

# What is drawn, its colour, and the layers beneath it (on the page, from the bottom).
TEXTS: list[tuple[str, str, tuple[str, ...]]] = [
    ("text on the page", "$foreground", PAGE),
    ("quieter text: greeting, feelings, today, about, labels, hints", "$text-muted", PAGE),
    ("quieter text on a panel (help)", "$text-muted", FIELD),
    ("dim text (titles, status lines, insights' rulers)", DIM, PAGE),
    ("a field's text", "$foreground", FIELD),
    ("a focused field's text", "$foreground", (*FIELD, "$foreground 5%")),
    ("a field's placeholder", "$text-muted", FIELD),
    ("a state button's label (reversed when focused)", "$button-foreground", FIELD),
    ("a focused state button's label", "$button-foreground", (*FIELD, "$foreground 5%")),
    ("the Start button's label", "$button-color-foreground", ("$primary",)),
    (
        "highlighted row, focused",
        "$block-cursor-foreground",
        (*FIELD, "$foreground 5%", "$block-cursor-background"),
    ),
    (
        "highlighted row, not focused",
        "$block-cursor-blurred-foreground",
        (*FIELD, "$block-cursor-blurred-background"),
    ),
    (
        "highlighted option, not focused",
        "$foreground",
        (*FIELD, "$block-cursor-blurred-background"),
    ),
    ("a focused checkbox's label", "$block-cursor-foreground", ("$block-cursor-background",)),
    ("table header", "$foreground", PANEL),
    ("table, even rows (light)", "$foreground", (*FIELD, "$surface-lighten-1 50%")),
    ("table, even rows (dark)", "$foreground", (*FIELD, "$surface-darken-1 40%")),
    ("footer key", "$footer-key-foreground", ("$footer-background",)),
    ("footer description", "$footer-description-foreground", ("$footer-background",)),
    ("toast text", "$foreground", TOAST),
    ("toast title (information)", "$text-success", TOAST),
    ("toast title (warning)", "$text-warning", TOAST),
    ("toast title (error)", "$text-error", TOAST),
    ("the intensity line", "$accent", PAGE),
    ("a setting's problem", "$warning", PAGE),
    ("breathe in: word, countdown, orb, step timer", "$breath-inhale", PAGE),
    ("hold: word, countdown, orb", "$breath-hold", PAGE),
    ("breathe out: word, countdown, orb", "$breath-exhale", PAGE),
    ("ventral (insights)", "$state-ventral", PAGE),
    ("sympathetic (insights)", "$state-sympathetic", PAGE),
    ("dorsal (insights)", "$state-dorsal", PAGE),
]

# A mark, the layers beneath it, and the layers beside it that it must stand out from.
MARKS: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    # the state buttons' frame is an outline, which Textual lays on the page's colour
    ("state button's frame, against the page", "$foreground-muted", PAGE, PAGE),
    ("state button's frame, against the button", "$foreground-muted", PAGE, FIELD),
    ("focused state button's frame, against the page", "$border", PAGE, PAGE),
    ("focused state button's frame, against the button", "$border", PAGE, FIELD),
    ("focus frame (fields, lists), against the page", "$border", FIELD, PAGE),
    ("focus frame (fields, lists), against the field", "$border", FIELD, FIELD),
    ("highlight bar, against its list", "$block-cursor-background", FIELD, FIELD),
    ("a ticked box's X, against the box", "$text-success", PANEL, PANEL),
]


def text_ratios(theme: Theme) -> Iterator[tuple[str, float]]:
    names = variables(theme)
    for what, ink, layers in TEXTS:
        under = ground(names, layers)
        if ink == DIM:
            drawn = Color.from_rich_color(
                dim_color(under.rich_color, Color.parse(names["foreground"]).rich_color, DIM_FACTOR)
            )
        else:
            drawn = paint(names, ink, under)
        yield what, contrast(drawn, under)


def mark_ratios(theme: Theme) -> Iterator[tuple[str, float]]:
    names = variables(theme)
    for what, ink, under, beside in MARKS:
        yield what, contrast(paint(names, ink, ground(names, under)), ground(names, beside))


@pytest.mark.parametrize("theme", COLOURED.values(), ids=COLOURED.keys())
def test_every_text_reads_at_4_5_to_1(theme: Theme) -> None:
    low = [f"{what}: {ratio:.2f}" for what, ratio in text_ratios(theme) if ratio < TEXT]
    assert not low, low


@pytest.mark.parametrize("theme", COLOURED.values(), ids=COLOURED.keys())
def test_focus_frames_and_control_boundaries_stand_out_at_3_to_1(theme: Theme) -> None:
    low = [f"{what}: {ratio:.2f}" for what, ratio in mark_ratios(theme) if ratio < GRAPHIC]
    assert not low, low


def test_the_themes_name_the_colours_widgets_read() -> None:
    for theme in (*COLOURED.values(), themes.PLAIN):
        for name in ("inhale", "hold", "exhale"):
            assert f"breath-{name}" in theme.variables
        for name in ("ventral", "sympathetic", "dorsal"):
            assert f"state-{name}" in theme.variables


# On the screen -----------------------------------------------------------------------

Steps = Callable[[CoregApp, Pilot, FakeClock], Awaitable[None]]


def run(steps: Steps, theme: str | None = None, *, seed: bool = False) -> None:
    clock = FakeClock()
    if seed:
        seed_journal(clock)
    app = CoregApp(clock=clock, theme=theme, ask_before=False)

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await steps(app, pilot, clock)

    asyncio.run(go())


async def settle(app: CoregApp, pilot: Pilot) -> None:
    await settled(app, pilot)


def drawn(widget: Widget) -> Iterator[tuple[str, Style]]:
    """Each run of text the widget draws, and its style, as it reaches the terminal
    (after Textual's filters: dim made a colour, NO_COLOR's colours taken away)."""
    width, height = widget.region.size
    for strip in widget.render_lines(Region(0, 0, width, height)):
        for segment in strip:
            if segment.text and not segment.control:
                yield segment.text, segment.style or Style()


def on_screen(app: CoregApp) -> Iterator[tuple[Widget, str, Style]]:
    """What the screen's widgets draw. A dialog's own ground is left out: through it
    shows, faded, the screen beneath, which is not there to be read."""
    dialog = isinstance(app.screen, ModalScreen)
    for widget in app.screen.walk_children(with_self=not dialog):
        if isinstance(widget, Widget) and widget.display and widget.region.area:
            for text, style in drawn(widget):
                yield widget, text, style


def inks(style: Style) -> tuple[Color, Color] | None:
    """The colours a cell is seen in (text, ground), reversal taken into account."""
    if style.color is None or style.bgcolor is None:
        return None
    if style.color.triplet is None or style.bgcolor.triplet is None:
        return None
    fg, bg = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
    return (bg, fg) if style.reverse else (fg, bg)


def words(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) >= 2


# Insights (tui/screens/insights.py, being reworked) still draws the states in fixed
# colours made for a dark page, and its ruler in Rich's "dim". Once it reads
# themes.state_styles(app) and themes.as_drawn(app, "dim"), these go: the tests below
# fail until they are taken out, so that the exception cannot outlive its reason.
NOT_YET: dict[str, set[str]] = {}  # screens known to fall short: none

# Screens, from Home: keys, and seconds the clock moves on after them.
SCREENS: dict[str, tuple[tuple[str, ...], float]] = {
    "home": ((), 0.0),
    "check-in": (("c", "s", "7", "tab"), 0.0),
    "after a check-in": (("c", "s", "6", "enter"), 0.0),
    "pattern": (("p", "tab"), 0.0),
    "breathe": (("b",), 2.0),
    "journal": (("j",), 0.0),
    "insights": (("i",), 0.0),
    "help": (("question_mark",), 0.0),
    "help now": (("ctrl+s",), 0.0),
}


def visit(look: Callable[[str, CoregApp], None]) -> Steps:
    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        for name, (keys, seconds) in SCREENS.items():
            for key in keys:
                await pilot.press(key)
                await settle(app, pilot)
            clock.sleep(seconds)
            await pilot.pause(0.1)
            await settle(app, pilot)
            look(name, app)
            while not isinstance(app.screen, HomeScreen):
                await app.pop_screen()
                await settle(app, pilot)

    return steps


@pytest.mark.parametrize("theme", list(COLOURED))
def test_every_word_on_every_screen_reads_at_4_5_to_1(
    theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    low: dict[str, set[str]] = {}
    frames: list[float] = []  # the state buttons' frames, against the page

    def look(screen: str, app: CoregApp) -> None:
        page = Color.parse(app.theme_variables["background"])
        for widget, text, style in on_screen(app):
            pair = inks(style)
            if pair and words(text) and (ratio := contrast(*pair)) < TEXT:
                where = f"{screen}: {type(widget).__name__}"
                low.setdefault(where, set()).add(f"{text.strip()[:30]!r} {ratio:.2f}")
            button = widget.has_class("-style-default") or isinstance(widget, StateButton)
            if pair and button and text.strip("─╭╮╰╯") == "":
                frames.append(contrast(pair[0], page))

    run(visit(look), theme, seed=True)
    assert set(low) == NOT_YET.get(theme, set()), low
    assert frames and min(frames) >= GRAPHIC, frames


def phase_colours(app: CoregApp) -> dict[str, str]:
    """The colour of each phase word the pacer has drawn so far."""
    from coreg_tui.tui.widgets.pacer import Pacer

    seen = {}
    for text, style in drawn(app.screen.query_one(Pacer)):
        for word in ("breathe in", "hold", "breathe out"):
            if text.strip().startswith(f"{word}  ") and style.color and style.color.triplet:
                seen[word] = style.color.triplet.hex.upper()  # the word and its countdown
    return seen


@pytest.mark.parametrize("theme", list(COLOURED))
def test_the_pacer_draws_each_phase_in_its_theme_s_colour(theme: str) -> None:
    from coreg_tui.content import breathing
    from coreg_tui.core.session import plan_session
    from coreg_tui.tui.screens.breathe import BreatheScreen

    expected = COLOURED[theme].variables
    seen: dict[str, str] = {}

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        plan = plan_session("4-4-4-4", breathing().presets, default="4-6")
        app.push_screen(BreatheScreen(plan))
        await pilot.pause()
        for _ in range(3):  # in, hold, out: four seconds each
            clock.sleep(1.0)
            await pilot.pause(0.2)
            seen.update(phase_colours(app))
            clock.sleep(3.0)

    run(steps, theme)
    assert seen == {
        "breathe in": expected["breath-inhale"],
        "hold": expected["breath-hold"],
        "breathe out": expected["breath-exhale"],
    }


def test_insights_and_the_pacer_read_their_colours_from_the_theme() -> None:
    seen: dict[str, tuple[dict[themes.State, str], dict[str, str]]] = {}

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        for theme in (themes.DARK, themes.LIGHT, themes.PLAIN):
            app.theme = theme.name
            await pilot.pause()
            seen[theme.name] = (themes.state_styles(app), themes.breath_colours(app))

    run(steps, "dark")
    for theme in (themes.DARK, themes.LIGHT):
        states, breath = seen[theme.name]
        assert states == {s: theme.variables[f"state-{s.value}"] for s in themes.State}
        assert breath == {p: theme.variables[f"breath-{p}"] for p in ("inhale", "hold", "exhale")}
    states, breath = seen[themes.PLAIN.name]
    assert set(states.values()) == set(breath.values()) == {"default"}


def test_the_pacer_follows_a_change_of_theme() -> None:
    seen: list[str] = []

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        await pilot.press("b")
        clock.sleep(1.0)
        await pilot.pause(0.2)
        seen.append(phase_colours(app)["breathe in"])
        app.theme = themes.LIGHT.name
        await pilot.pause(0.2)
        seen.append(phase_colours(app)["breathe in"])

    run(steps, "dark")
    assert seen == [themes.DARK.variables["breath-inhale"], themes.LIGHT.variables["breath-inhale"]]


def test_a_step_practice_s_timer_is_drawn_in_the_theme_s_inhale_colour() -> None:
    from coreg_tui.content import library
    from coreg_tui.tui.sessions import practise
    from coreg_tui.tui.widgets.rows import Rows

    timer: list[str] = []

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        practise(app, library().get("coming-back-up"))
        await pilot.pause(0.2)
        for text, style in drawn(app.screen.query_one(Rows)):
            if "\u2501" in text:  # the timer's bar
                assert style.color and style.color.triplet
                timer.append(style.color.triplet.hex.upper())

    run(steps, "light")
    assert timer and set(timer) == {themes.LIGHT.variables["breath-inhale"]}


# Focus, seen without colour ------------------------------------------------------------


def seen_without_hue(widget: Widget, page: Color | None) -> list[tuple[str, bool, bool, bool]]:
    """The widget as someone sees it who cannot tell colours apart: each cell's glyph
    where it stands out from its ground (3:1), whether the cell stands out from the
    page (a bar, a reversed label), and whether it is bold or underlined."""
    cells = []
    for text, style in drawn(widget):
        pair = inks(style)
        if pair is None or page is None:  # the terminal's own colours: only attributes
            glyph_shows, filled = True, bool(style.reverse)
        else:
            fg, bg = pair
            glyph_shows, filled = contrast(fg, bg) >= GRAPHIC, contrast(bg, page) >= GRAPHIC
        for ch in text:
            shown = ch if ch.strip() and glyph_shows else " "
            cells.append((shown, filled, bool(style.bold), bool(style.underline)))
    return cells


# Each focusable control, by the keys from Home to its screen.
CONTROLS: dict[tuple[str, ...], tuple[str, ...]] = {
    (): ("#state-ventral", "#state-dorsal"),
    ("c", "s"): ("#cues", "#with"),
    ("p",): ("#presets", "#custom", "#sync", "#start", "#attune"),  # #custom: one line
    ("j",): ("#search", "#entries"),
}
SHORT = {(): ("#state-ventral",), ("c", "s"): ("#with",)}  # one-line buttons and fields


@pytest.mark.parametrize("theme", [*COLOURED, "plain"])
def test_focus_shows_without_telling_colours_apart(
    theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")  # a still cursor
    if theme == "plain":
        monkeypatch.setenv("NO_COLOR", "1")
    unseen: list[str] = []

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        background = Color.parse(app.theme_variables["background"])
        page = None if background.ansi is not None else background
        for size, controls in ((None, CONTROLS), ((80, 18), SHORT)):
            if size:
                await pilot.resize_terminal(*size)
            for keys, selectors in controls.items():
                for key in keys:
                    await pilot.press(key)
                await settle(app, pilot)
                for selector in selectors:
                    control = app.screen.query_one(selector, Widget)
                    app.set_focus(None)
                    await pilot.pause()
                    away = seen_without_hue(control, page)
                    control.focus()
                    await pilot.pause()
                    if seen_without_hue(control, page) == away:
                        unseen.append(f"{selector} {size or ''}")
                while not isinstance(app.screen, HomeScreen):
                    await app.pop_screen()
                    await settle(app, pilot)

    run(steps, theme, seed=True)
    assert not unseen, f"focus shows only in colour on {unseen}"


# Without colour ------------------------------------------------------------------------


def own_colours_only(app: CoregApp) -> dict[str, set[str]]:
    """What the screen draws other than in the terminal's own colours, or dim."""
    found: dict[str, set[str]] = {}
    for widget, text, style in on_screen(app):
        for colour in (style.color, style.bgcolor):
            if colour is not None and not colour.is_default:
                found.setdefault(type(widget).__name__, set()).add(colour.name)
        if style.dim and words(text):
            found.setdefault(type(widget).__name__, set()).add(f"dim {text.strip()[:20]!r}")
    return found


def test_without_colour_the_terminal_s_own_colours_and_no_greys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    found: dict[str, dict[str, set[str]]] = {}
    phase: list[Style] = []

    def look(screen: str, app: CoregApp) -> None:
        assert app.theme == themes.PLAIN.name and app.ansi_color
        if other := own_colours_only(app):
            found[screen] = other
        if screen == "breathe":
            phase.extend(style for _, text, style in on_screen(app) if "breathe in" in text)

    run(visit(look), "light", seed=True)
    assert set(found) == NOT_YET.get("plain", set()), found
    assert phase and all(style.bold for style in phase)  # emphasis by weight, not colour


def test_color_false_in_the_config_is_no_colour_too(coreg_home: Path) -> None:
    import os

    import coreg_tui.config

    (coreg_home / "config").mkdir(exist_ok=True)
    (coreg_home / "config" / "config.toml").write_text("color = false\n")
    coreg_tui.config.cache_clear()
    plain: list[bool] = []

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        plain.append(app.theme == themes.PLAIN.name and bool(app.ansi_color))
        plain.append(not own_colours_only(app))

    try:
        run(steps, "dark")
    finally:
        os.environ.pop("NO_COLOR", None)  # the app sets it for Textual, as it starts
    assert plain == [True, True]
