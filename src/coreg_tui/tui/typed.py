"""The app's own class for Textual's typed `app` getter (`textual.getters.app`): screens
and widgets that read coreg's settings and clock declare `app = typed.APP`, and
`self.app.clock` is a `CoregApp`'s, checked, with no `type: ignore`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters

if TYPE_CHECKING:
    from coreg_tui.tui.app import CoregApp


def _coreg_app() -> type[CoregApp]:
    from coreg_tui.tui.app import CoregApp  # the app imports the screens, not the other way

    return CoregApp


APP = getters.app(_coreg_app)
