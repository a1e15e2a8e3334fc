"""The footer of every screen: the screen's keys, with help-now held at the right edge,
where it never scrolls or is cut off however many keys a screen has. (The command
palette's hint gives it that place; ctrl+p still opens the palette, and the help says so.)"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual's own key, so it looks the same

SOS_ACTION = "sos"


class CoregFooter(Footer):
    def __init__(self) -> None:
        super().__init__(show_command_palette=False)

    def compose(self) -> ComposeResult:
        yield from super().compose()
        if not self._bindings_ready:
            return
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.action == SOS_ACTION and binding.key == "ctrl+s":
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    classes="-command-palette",
                    disabled=not enabled,
                    tooltip=tooltip or binding.description,
                )
                return
