"""Attune: tap space as each breath in begins and as each breath out begins. After
three whole breaths (and the tap that begins the fourth) the pacer starts at that rhythm
and glides to the chosen pattern."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from coreg_tui.core.attune import TAPS
from coreg_tui.tui.screens.base import CoregScreen
from coreg_tui.tui.widgets.footer import CoregFooter


class AttuneScreen(CoregScreen[None]):
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("space", "tap", "Tap", id="tap", tooltip="As a breath in or out begins"),
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("q", "app.pop_screen", "Back", show=False, id="back-q"),
    ]

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target
        self.taps: list[float] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="care"):
            yield Static("Breathe the way you are breathing now.", classes="question")
            yield Static(
                "Tap space as each breath in begins, and again as each breath out begins. "
                "Three whole breaths, then one more tap as the fourth breath in begins: "
                f"the guide starts right there, at your rhythm, and moves gently toward "
                f"{self.target}.",
                classes="greeting",
            )
            yield Static("", id="taps")
        yield CoregFooter()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        marks = " ".join(
            ("in" if i % 2 == 0 else "out") if i < len(self.taps) else "\u00b7" for i in range(TAPS)
        )
        nxt = "breath in" if len(self.taps) % 2 == 0 else "breath out"
        self.query_one("#taps", Static).update(f"{marks}\n\nnext: tap as your {nxt} begins")

    def action_tap(self) -> None:
        self.taps.append(self.app.clock.monotonic())
        if len(self.taps) < TAPS:
            self.show()
            return
        self.begin()

    def begin(self) -> None:
        from coreg_tui.content import DEFAULT_PRESET, breathing
        from coreg_tui.core.attune import needs_glide, rhythm
        from coreg_tui.core.pacing import resolve
        from coreg_tui.core.session import plan_session
        from coreg_tui.tui import sessions

        presets = breathing().presets
        measured = rhythm(self.taps)
        assert measured is not None  # TAPS taps make three breaths
        target, _ = resolve(self.target, presets)
        glide = needs_glide(measured, target)
        plan = plan_session(
            self.target,
            presets,
            default=DEFAULT_PRESET,
            glide_from=str(measured) if glide else None,
        )
        sessions.breathe(self.app, plan, replacing=self)
        said = "moving from there to" if glide else "already close to"
        self.app.notify(f"Your rhythm: {measured}, {said} {target}.", timeout=6)
