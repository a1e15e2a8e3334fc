"""The footer of every screen. The keys that matter everywhere stand at its right edge,
where they are never scrolled away or cut: back (escape), every key (?), the command
palette (ctrl+p) and help right now (ctrl+s), which stands last, at the very edge.
The screen's own keys fill the room to their left, in the order the screen lists them;
when the window is too narrow for all of them, the last ones give way first, and in
the narrowest windows the edge keys drop their words, except help now."""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual's own key, so it looks the same

from coreg_tui.tui import typed

SOS_ACTION = "sos"
HELP_ACTION = "help"
BACK_KEY = "escape"


class EdgeKeys(HorizontalGroup):
    DEFAULT_CSS = """
    EdgeKeys {
        dock: right;
        width: auto;
        height: 1;
        border-left: vkey $foreground 20%;
    }

    """


def _cost(key: str, description: str) -> int:
    """Cells a footer key takes: the key and its description with their padding, or a
    key alone with the one cell of margin its -terse class gives it."""
    return len(key) + 2 + len(description) + 1 if description else len(key) + 1


def _terse(binding: Binding, terse: set[str]) -> bool:
    """Whether an edge key shows without its words ("back" names the escape key)."""
    return ("back" if binding.key == BACK_KEY else binding.action) in terse


class CoregFooter(Footer):
    DEFAULT_CSS = """
    CoregFooter FooterKey.-terse {
        margin-right: 1;
    }
    """

    app = typed.APP

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._width = 0

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
            for binding in self.app.BINDINGS:
                if isinstance(binding, Binding) and binding.action == SOS_ACTION:
                    found["sos"] = (binding, True, binding.tooltip)
                    break
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None:
            found["palette"] = (palette[1], palette[2], palette[3])
        for name in ("back", "help", "palette", "sos"):
            if name in found:
                yield found[name]

    def _cost(self, binding: Binding, words: bool) -> int:
        return _cost(self.app.get_key_display(binding), binding.description if words else "")

    def _key(self, binding: Binding, enabled: bool, tooltip: str, words: bool) -> FooterKey:
        """A key as Textual draws it, with its words or (class -terse) without them."""
        key = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description if words else "",
            binding.action,
            disabled=not enabled,
            tooltip=tooltip or binding.description,
        )
        # This footer is never compact: set once, without a binding and its watcher,
        # which restyled every key as it was made (a cost at the first paint).
        key.set_reactive(FooterKey.compact, False)
        key.remove_class("-compact", update=False)
        return key.set_class(not words, "-terse")

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        width = self.app.size.width
        self._width = width
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
        words = True
        for binding, enabled, tooltip in own:
            # once one key does not fit with its words, the rest show without (? names them)
            words = words and self._cost(binding, True) <= room
            cost = self._cost(binding, words)
            if cost > room:
                break  # this key and those after it give way
            room -= cost
            yield self._key(binding, enabled, tooltip, words)
        with EdgeKeys():
            for binding, enabled, tooltip in edge:
                yield self._key(binding, enabled, tooltip, not _terse(binding, terse))

    def on_resize(self) -> None:
        # Every screen has this footer, so it is where a new window size reaches the app's
        # size classes (the app itself is not sent the terminal's resizes).
        self.app.size_classes()
        if self.app.size.width != self._width and self._bindings_ready:
            self.call_after_refresh(self.recompose)
