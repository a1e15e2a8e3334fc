"""Together: host a live circle, or join one with the code its host shared. The name and
whether to show the circle one's state are asked here each time, and never kept."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Static

from coreg_tui.core.errors import InputError
from coreg_tui.tui.screens.base import CoregScreen
from coreg_tui.tui.widgets.calm_input import CalmInput
from coreg_tui.tui.widgets.footer import CoregFooter

ABOUT = (
    "One person hosts and shares a code; the others join with it, and everyone's breath "
    "moves at the same moment. It goes straight from your machine to theirs, encrypted, "
    "with no account and no server in between. Each person's session is kept in their "
    "own journal only."
)


def _ticked(label: str, box: str, box_id: str, hint: str) -> ComposeResult:
    """A field with a tick box, and a line under it on what the tick means."""
    with Horizontal(classes="field tight"):
        yield Static(label, classes="label")
        yield Checkbox(box, id=box_id, compact=True)
    yield Static(hint, classes="field-hint")


class TogetherScreen(CoregScreen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]

    def compose(self) -> ComposeResult:
        from coreg_tui.config import config
        from coreg_tui.content import DEFAULT_PRESET

        with VerticalScroll(id="setup", classes="together", can_focus=False):
            yield Static("Breathe together, live", classes="question")
            yield Static(ABOUT, id="about")
            with Horizontal(classes="field"):
                yield Static("your name", classes="label")
                yield CalmInput(placeholder="optional; else: someone", id="name", compact=True)
            yield Static("Join a circle: paste the code, then Enter", classes="part")
            with Horizontal(classes="field"):
                yield Static("the code", classes="label")
                yield CalmInput(
                    placeholder="paste the code you were given", id="code", compact=True
                )
            yield Static("", id="code-problem", classes="problem")
            yield from _ticked(
                "share",
                "show my state",
                "share",
                "To the circle, as a shape (\u25cf \u25b2 \u25bc), before and after; never "
                "notes or tags. Asked each time.",
            )
            yield Static("Host a circle: a pattern (or none), then Enter", classes="part")
            with Horizontal(classes="field"):
                yield Static("pattern", classes="label")
                yield CalmInput(
                    placeholder=config().default_pattern or DEFAULT_PRESET,
                    id="pattern",
                    compact=True,
                )
            yield Static("", id="pattern-problem", classes="problem")
            yield from _ticked(
                "who can join",
                "this network too",
                "lan",
                "Otherwise only this machine, or someone who comes through a tunnel (the "
                "guide says how).",
            )
            with Horizontal(id="setup-buttons"):
                yield Button("Join", id="join", variant="primary", compact=True)
                yield Button("Host", id="host", compact=True)
        yield CoregFooter()

    def on_mount(self) -> None:
        for said in self.query(".problem"):
            said.display = False
        self.query_one("#code", Input).focus()

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value.strip()

    def _called(self) -> str | None:
        from coreg_tui.together.wire import name_of

        return name_of(self._value("name")) or None

    def _problem(self, field: str, line: str = "") -> None:
        """Said just under the field it is about (or cleared), in view, with the field
        focused to mend it."""
        from coreg_tui.text import literal

        for each in ("code", "pattern"):
            said = self.query_one(f"#{each}-problem", Static)
            said.update(literal(line) if each == field else "")
            said.display = bool(line) and each == field
        if line:
            self.query_one(f"#{field}", Input).focus()
            self.query_one(f"#{field}-problem", Static).scroll_visible(animate=False)

    def action_join(self) -> None:
        from coreg_tui.together.code import parse_code
        from coreg_tui.tui import sessions
        from coreg_tui.tui.screens.circle import Joining

        try:
            code = parse_code(self._value("code"))
        except InputError as exc:
            self._problem("code", str(exc))
            return
        self._problem("code")
        share = self.query_one("#share", Checkbox).value
        sessions.in_circle(self.app, Joining(code, self._called(), share), replacing=self)

    def action_host(self) -> None:
        from coreg_tui.together.hosting import Hosting
        from coreg_tui.together.patterns import pattern_of
        from coreg_tui.tui import sessions
        from coreg_tui.tui.screens.circle import Leading

        try:
            pattern, _ = pattern_of(self._value("pattern") or None)
        except InputError as exc:
            self._problem("pattern", str(exc))
            return
        self._problem("pattern")
        lan = self.query_one("#lan", Checkbox).value
        hosting = Hosting(self._called(), lan, 0, None, None, None, 50)
        sessions.in_circle(self.app, Leading(pattern, hosting), replacing=self)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "pattern" or (event.input.id == "name" and not self._value("code")):
            self.action_host()
        else:
            self.action_join()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_host() if event.button.id == "host" else self.action_join()
