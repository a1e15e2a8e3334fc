"""Choose how to breathe: a preset or a pattern of one's own, a glide from another
pattern, in step with the clock, or attune first. Enter starts; escape goes back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from coreg_tui.core.errors import InputError
from coreg_tui.core.session import SessionPlan
from coreg_tui.tui import screens
from coreg_tui.tui.screens.base import CoregScreen
from coreg_tui.tui.widgets.calm_input import CalmInput
from coreg_tui.tui.widgets.footer import CoregFooter


class BreatheSetupScreen(CoregScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("q", "app.pop_screen", "Back", show=False, id="back-q"),
        Binding("ctrl+t", "attune", "Attune first", id="attune", tooltip="Tap your own rhythm"),
    ]

    def compose(self) -> ComposeResult:
        from coreg_tui.config import config
        from coreg_tui.content import DEFAULT_PRESET, breathing

        presets = breathing().presets
        default = config().default_pattern or DEFAULT_PRESET
        self.presets = {p.name: p for p in presets}
        options = [
            Option(p.name if p.name == str(p.pattern) else f"{p.name:<10} {p.pattern}", id=p.name)
            for p in presets
        ]
        self._default = next((p.name for p in presets if p.name == default), presets[0].name)
        self._custom_default = None if any(p.name == default for p in presets) else default
        with VerticalScroll(id="setup", can_focus=False):  # tab goes to the fields
            yield Static("How would you like to breathe?", classes="question")
            yield OptionList(*options, id="presets")
            yield Static("", id="about")
            with Horizontal(classes="field"):
                yield Static("or your own", classes="label")
                yield CalmInput(placeholder="e.g. 4-6", id="custom", compact=True)
            with Horizontal(classes="field"):
                yield Static("glide from", classes="label")
                yield CalmInput(placeholder="optional, e.g. 3-3", id="glide", compact=True)
            with Horizontal(classes="field"):
                yield Static("with the clock", classes="label")
                yield Checkbox("in step with others", id="sync", compact=True)
            yield Static("", id="problem")
            with Horizontal(id="setup-buttons"):
                yield Button("Start", id="start", variant="primary", compact=True)
                yield Button("Attune first", id="attune", compact=True)
        yield CoregFooter()

    def on_mount(self) -> None:
        presets = self.query_one("#presets", OptionList)
        presets.highlighted = presets.get_option_index(self._default)
        if self._custom_default:
            self.query_one("#custom", Input).value = self._custom_default
        presets.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        from coreg_tui.content import breathing

        preset = self.presets[event.option.id or self._default]
        caution = breathing().caution_for(preset.pattern, preset)
        about = preset.description + (f"\n{caution}" if caution else "")
        self.query_one("#about", Static).update(about)

    def chosen(self) -> str:
        custom = self.query_one("#custom", Input).value.strip()
        if custom:
            return custom
        presets = self.query_one("#presets", OptionList)
        index = presets.highlighted or 0
        return presets.get_option_at_index(index).id or self._default

    def plan(self, *, glide_from: str | None = None) -> SessionPlan | None:
        """The session asked for, or None with the reason shown (nothing is lost)."""
        from coreg_tui.content import breathing
        from coreg_tui.core.session import plan_session

        glide = glide_from or self.query_one("#glide", Input).value.strip() or None
        try:
            plan = plan_session(
                self.chosen(),
                breathing().presets,
                default=self._default,
                glide_from=glide,
                sync=self.query_one("#sync", Checkbox).value and glide_from is None,
            )
        except InputError as exc:
            from coreg_tui.text import literal

            self.query_one("#problem", Static).update(literal(str(exc)))
            return None
        self.query_one("#problem", Static).update("")
        return plan

    def start(self) -> None:
        """Begin with the chosen pattern, after "where are you now?" (where_first.py)."""
        from coreg_tui.tui import sessions

        plan = self.plan()
        if plan is not None:
            sessions.breathe(self.app, plan, ask=True, replacing=self)

    def action_attune(self) -> None:
        if self.plan() is not None:  # the chosen pattern reads well before any tapping
            self.app.switch_screen(screens.AttuneScreen(self.chosen()))

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.query_one("#custom", Input).value = ""
        self.start()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "attune":
            self.action_attune()
        else:
            self.start()
