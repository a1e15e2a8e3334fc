"""One state on Home: its name and key in a soft frame, chosen like a button (Enter, a
click), with how it feels under it, or beside it in a narrow window.

It is one widget where a column of three used to stand (a frame holding a Textual
button, and the words under it): Home has three of them, and a dozen widgets were
most of what the companion's first paint waited for. It draws what they drew, in the
theme's button colours, from the same size classes: -narrow (the frame 19 cells wide,
the words beside it) and -short (a one-line button without a frame)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from coreg_tui.core.states import State

TINT = 0.05  # how much a focused button's ground takes of the foreground
NARROW_BUTTON = 19  # the frame's width in a narrow window, beside the words


class StateButton(Widget, can_focus=True):
    ALLOW_SELECT = False
    BINDINGS = [Binding("enter", "choose", "Choose", show=False)]
    COMPONENT_CLASSES = {
        "state-button--button",
        "state-button--label",
        "state-button--frame",
        "state-button--feels",
    }
    DEFAULT_CSS = """
    StateButton {
        width: 1fr;
        height: auto;
        margin: 0 1;
        text-wrap: nowrap;
        pointer: pointer;
        & > .state-button--button {
            color: $button-foreground;
            background: $surface;
            text-style: bold;
        }
        &:hover > .state-button--button {
            background: $surface-darken-1;
        }
        &:focus > .state-button--label {
            text-style: $button-focus-text-style;
        }
        & > .state-button--frame {
            color: $foreground-muted;
        }
        &:focus > .state-button--frame {
            color: $border;
        }
        & > .state-button--feels {
            color: $text-muted;
        }
    }
    """

    class Chosen(Message):
        def __init__(self, state: State) -> None:
            super().__init__()
            self.state = state

    def __init__(self, state: State, label: str, feels: str) -> None:
        super().__init__(id=f"state-{state.value}", classes="state")
        self.state, self.label, self.feels = state, label, feels

    @property
    def _narrow(self) -> bool:
        return self.app.has_class("-narrow")

    @property
    def _short(self) -> bool:
        return self.app.has_class("-short")

    def _button_width(self, width: int) -> int:
        return min(NARROW_BUTTON, width) if self._narrow else width

    def _feels_lines(self, width: int) -> list[Content]:
        if self._narrow:
            room = width - self._button_width(width) - 1  # one cell between
            return Content(self.feels).wrap(max(room, 1), align="left")
        return Content(self.feels).wrap(max(width, 1), align="center")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        button = 1 if self._short else 3
        feels = len(self._feels_lines(width))
        if self._narrow:
            return max(button, feels + (0 if self._short else 1))
        return button + feels

    def _button_rows(self, width: int) -> list[Text]:
        """The button: a row with its label, in a frame unless the window is short."""
        button = self._tinted(self.get_component_rich_style("state-button--button"))
        label = button + self.get_component_rich_style("state-button--label", partial=True)
        frame = Style(
            color=self.get_component_rich_style("state-button--frame").color, bgcolor=button.bgcolor
        )
        words = f" {self.label} "  # a cell of room each side, as a button has
        inner = width if self._short else width - 2
        left = max(inner - len(words), 0) // 2
        row = Text.assemble(
            (" " * left, button),
            (words[:inner], label),
            (" " * max(inner - left - len(words), 0), button),
        )
        if self._short:
            return [row]
        return [
            Text("╭" + "─" * inner + "╮", frame),
            Text.assemble(("│", frame), row, ("│", frame)),
            Text("╰" + "─" * inner + "╯", frame),
        ]

    def _tinted(self, button: Style) -> Style:
        """A focused button's ground is lit a little by the foreground, as a Textual
        button's is (its background-tint); the terminal's own colours stay as they are."""
        if not self.has_focus or button.bgcolor is None or button.color is None:
            return button
        if not (button.bgcolor.triplet and button.color.triplet):
            return button
        ground = Color.from_rich_color(button.bgcolor)
        lit = ground.blend(Color.from_rich_color(button.color), TINT)
        return button + Style(bgcolor=lit.rich_color)

    def render(self) -> Text:
        width = self.size.width
        feels_style = self.get_component_rich_style("state-button--feels")
        feels = [Text(line.plain, feels_style) for line in self._feels_lines(width)]
        buttons = self._button_rows(self._button_width(width))
        if not self._narrow:
            centred = [_centred(line, width, feels_style) for line in feels]
            return Text("\n").join(buttons + centred)
        # beside the frame, the words start on the label's row
        beside = ([Text("")] if not self._short else []) + feels
        rows = []
        for y in range(max(len(buttons), len(beside))):
            button = buttons[y] if y < len(buttons) else Text(" " * NARROW_BUTTON)
            words = beside[y] if y < len(beside) else Text("")
            rows.append(Text.assemble(button, " ", words))
        return Text("\n").join(rows)

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self.state))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_choose()


def _centred(line: Text, width: int, style: Style) -> Text:
    left = max(width - line.cell_len, 0) // 2
    return Text.assemble((" " * left, style), line)
