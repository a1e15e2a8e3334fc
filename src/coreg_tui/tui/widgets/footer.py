"""The footer of every screen. The keys that matter everywhere stand at its right edge,
where they are never scrolled away or cut: back (escape), every key (?), the command
palette (ctrl+p) and help right now (ctrl+s), which stands last, at the very edge.
The screen's own keys fill the room to their left, in the order the screen lists them;
when the window is too narrow for all of them, the last ones give way first, and in
the narrowest windows the edge keys drop their words, except help now."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from coreg_tui.tui import typed

if TYPE_CHECKING:
    from textual.screen import Screen

SOS_ACTION = "sos"
HELP_ACTION = "help"
BACK_KEY = "escape"


class ShownKey(NamedTuple):
    """A key as the footer shows it."""

    key: str  # the binding's key, as a press of it is made
    key_display: str  # as it is shown: ^s, ?, esc
    description: str  # "" where it is shown without its words
    action: str
    enabled: bool
    tooltip: str


# What the footer shows: the window's width, the screen's own keys, the edge keys.
Shown = tuple[int, tuple[ShownKey, ...], tuple[ShownKey, ...]]


class KeysLine(Widget):
    """Keys in a row, drawn as Textual's own footer keys are (the same parts, styled by
    the same theme variables), in one widget: a footer of a dozen key widgets took a
    tenth of the companion's first paint. A key shown without its words has one cell of
    room after it. Pointing at a key lights it and shows its tooltip; pressing it
    presses the key (a key that does nothing here now rings the bell)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--item",
        "footer-key--hover",
        "footer-key--disabled",
    }
    DEFAULT_CSS = """
    KeysLine {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        &:hover {
            pointer: pointer;
        }
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--item {
            background: $footer-item-background;
        }
        .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .footer-key--disabled {
            text-style: dim;
        }
    }
    """

    hovered: reactive[int | None] = reactive(None)

    def __init__(self, keys: Sequence[ShownKey]) -> None:
        super().__init__()
        self.keys = tuple(keys)

    def _drawn(self, key: ShownKey) -> Text:
        if not key.description:
            return Text.assemble(
                (key.key_display, self.get_component_rich_style("footer-key--key"))
            )
        key_pad = self.get_component_styles("footer-key--key").padding
        words_pad = self.get_component_styles("footer-key--description").padding
        return Text.assemble(
            (
                " " * key_pad.left + key.key_display + " " * key_pad.right,
                self.get_component_rich_style("footer-key--key"),
            ),
            (
                " " * words_pad.left + key.description + " " * words_pad.right,
                self.get_component_rich_style("footer-key--description"),
            ),
        )

    def render(self) -> Text:
        line = Text(no_wrap=True, end="")
        for index, key in enumerate(self.keys):
            drawn = self._drawn(key)
            under = ["footer-key--item"]
            if index == self.hovered:
                under.append("footer-key--hover")
            if not key.enabled:
                under.append("footer-key--disabled")
            drawn.stylize_before(self.get_component_rich_style(*under))
            line.append_text(drawn)
            if not key.description:
                line.append(" ")
        return line

    def _key_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y != 0:
            return None
        start = 0
        for index, key in enumerate(self.keys):
            end = start + self._drawn(key).cell_len
            if start <= offset.x < end:
                return index
            start = end + (0 if key.description else 1)
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self._key_at(event)
        if self.hovered is not None:
            self.tooltip = self.keys[self.hovered].tooltip

    def on_leave(self) -> None:
        self.hovered = None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event)
        if index is None:
            return
        key = self.keys[index]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()


class EdgeKeys(KeysLine):
    DEFAULT_CSS = """
    EdgeKeys {
        dock: right;
        border-left: vkey $foreground 20%;
    }
    """


def _cost(key: str, description: str) -> int:
    """Cells a footer key takes: the key and its description with their padding, or a
    key alone with the one cell of room after it."""
    return len(key) + 2 + len(description) + 1 if description else len(key) + 1


def _terse(binding: Binding, terse: set[str]) -> bool:
    """Whether an edge key shows without its words ("back" names the escape key)."""
    return ("back" if binding.key == BACK_KEY else binding.action) in terse


class CoregFooter(Widget):
    """The footer, in the colours of Textual's own (its theme variables)."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    CoregFooter {
        layout: horizontal;
        color: $footer-foreground;
        background: $footer-background;
        dock: bottom;
        height: 1;
    }
    """

    app = typed.APP

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _edge(self) -> Iterator[tuple[Binding, bool, str]]:
        """Back, keys, palette and help now, when the screen has them, in that order."""
        active = self.screen.active_bindings
        found: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.key == BACK_KEY and binding.show:
                found.setdefault("back", (binding, enabled, tooltip))
            elif binding.action == HELP_ACTION:
                found.setdefault("help", (binding, enabled, tooltip))
            elif binding.action == SOS_ACTION and binding.key == "ctrl+s":
                found["sos"] = (binding, enabled, tooltip)
        if "sos" not in found:
            # A window over another (the keys) leaves the app's keys out of its own, but
            # help now is a priority key that works there too: it is shown there too.
            for each in self.app.BINDINGS:
                if isinstance(each, Binding) and each.action == SOS_ACTION:
                    found["sos"] = (each, True, each.tooltip)
                    break
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None:
            found["palette"] = (palette[1], palette[2], palette[3])
        for name in ("back", "help", "palette", "sos"):
            if name in found:
                yield found[name]

    def _cost(self, binding: Binding, words: bool) -> int:
        return _cost(self.app.get_key_display(binding), binding.description if words else "")

    def _shown_key(self, binding: Binding, enabled: bool, tooltip: str, words: bool) -> ShownKey:
        return ShownKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description if words else "",
            binding.action,
            enabled,
            tooltip or binding.description,
        )

    def _layout(self) -> Shown:
        """The keys this window has room for: the screen's own, then the edge keys,
        each with or without its words."""
        width = self.app.size.width
        edge = list(self._edge())
        edge_keys = {id(b) for b, _, _ in edge}
        own: list[tuple[Binding, bool, str]] = []
        actions: set[str] = set()
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and id(binding) not in edge_keys and binding.action not in actions:
                actions.add(binding.action)
                own.append((binding, enabled, tooltip))
        needed = sum(self._cost(b, True) for b, _, _ in own)
        # The edge keys' words give way before any of the screen's keys: the palette's
        # first, then the others', never help now's.
        for terse in (set(), {"command_palette"}, {"command_palette", HELP_ACTION, "back"}):
            room = width - 2 - sum(self._cost(b, not _terse(b, terse)) for b, _, _ in edge)
            if needed <= room:
                break
        shown_own: list[ShownKey] = []
        words = True
        for binding, enabled, tooltip in own:
            # once one key does not fit with its words, the rest show without (? names them)
            words = words and self._cost(binding, True) <= room
            cost = self._cost(binding, words)
            if cost > room:
                break  # this key and those after it give way
            room -= cost
            shown_own.append(self._shown_key(binding, enabled, tooltip, words))
        shown_edge = [self._shown_key(b, e, t, not _terse(b, terse)) for b, e, t in edge]
        return width, tuple(shown_own), tuple(shown_edge)

    def compose(self) -> ComposeResult:
        # Textual's footer composes empty and again once the screen says its keys are
        # ready; this one composes them at once (the first paint shows them) and again
        # only when what it shows would change (see bindings_changed).
        self._shown = self._layout()
        _width, own, edge = self._shown
        yield KeysLine(own)
        yield EdgeKeys(edge)

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._recompose_if_changed()

    def _recompose_if_changed(self) -> None:
        if self._layout() != self._shown:
            self.call_after_refresh(self.recompose)

    def on_resize(self) -> None:
        if self.is_attached:
            self._recompose_if_changed()
