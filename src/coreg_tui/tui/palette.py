"""The command palette (ctrl+p): coreg's own actions by name, each with a line on what
it does and its key, read from the same bindings as the keys, the footer and the help.
Textual's generic entries that do not help here (maximize, quit at once, its many
themes, a screenshot that would write the screen's words to a file) are left out; the
two themes are coreg's own, and the one chosen is kept in config.toml."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding

if TYPE_CHECKING:
    from textual.screen import Screen

    from coreg_tui.tui.app import CoregApp

THEMES = {"dark": "coreg-dark", "light": "coreg-light"}


def _bindings(screen: Screen[object]) -> Iterable[Binding]:
    seen: set[str] = set()
    for binding in screen.BINDINGS:
        if not isinstance(binding, Binding) or binding.key.isdigit():
            continue  # digits are a range (how strong, which practice), not one action
        if binding.description in seen:
            continue  # a second key for the same thing (q beside escape, ctrl+c)
        seen.add(binding.description)
        yield binding


def commands(app: CoregApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    for binding in _bindings(screen):
        if screen.check_action(binding.action, ()) is False:
            continue  # not now (pause while paused, keep before anything was done)
        key = app.get_key_display(binding)
        yield SystemCommand(
            binding.description,
            f"{binding.tooltip} ({key})" if binding.tooltip else f"the {key} key",
            partial(app.run_action, binding.action, screen),
        )
    yield SystemCommand(
        "Help now",
        "Care lines, your contact, slow breathing and grounding (ctrl+s or F1)",
        app.action_sos,
    )
    yield SystemCommand("Keys", "Every key, and what it does (?)", app.action_help)
    plain = app.theme not in THEMES.values()  # without colour: no colours to choose
    for name, theme in THEMES.items():
        if app.theme != theme and not plain:
            yield SystemCommand(
                f"Theme: {name}",
                f"Calm colours for a {name} terminal; kept in your config.toml",
                partial(choose_theme, app, name),
            )
    if not any(b.action == "app.quit" for b in _bindings(screen)):  # Home lists its own
        yield SystemCommand("Quit", "Leave coreg (q on Home, ctrl+q anywhere)", app.exit)


def choose_theme(app: CoregApp, name: str) -> None:
    from coreg_tui.config import save_setting
    from coreg_tui.messages import NOT_KEPT

    app.theme = THEMES[name]
    problem = save_setting("theme", name)
    if problem:
        app.notify(problem, title=NOT_KEPT, severity="warning", timeout=8, markup=False)
