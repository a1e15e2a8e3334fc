"""What coreg offers a person right now: the practices as their config shapes them,
ranked suggestions, and the care lines. Both faces ask here; neither holds these rules."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coreg_tui.content.practices import Library
    from coreg_tui.core.practices import Practice
    from coreg_tui.core.states import State
    from coreg_tui.core.suggest import Suggestions


def offered_library(*, offered_only: bool = True) -> Library:
    """The built-in practices and the person's own. Those the config hides are left out
    of what is offered, but can still be run by their id (offered_only=False)."""
    from coreg_tui.config import config
    from coreg_tui.content import library

    found = library()
    hidden = set(config().hide_practices) if offered_only else set()
    return replace(found, practices=tuple(p for p in found.practices if p.id not in hidden))


def ranked(
    state: State,
    intensity: int | None,
    with_someone: bool,
    practices: tuple[Practice, ...] | None = None,
) -> Suggestions:
    """The suggestions, from `practices` when the caller has them loaded already."""
    from coreg_tui.config import config
    from coreg_tui.core.suggest import suggest

    offered = practices if practices is not None else offered_library().practices
    return suggest(
        offered,
        state,
        intensity,
        with_someone=with_someone,
        holds_max_intensity=config().holds_max_intensity,
    )


def care_lines() -> list[str]:
    """The care message: a few calm lines and where to find help, never a lecture.
    The person's own contact (config: care_contact) is shown when they set one."""
    from coreg_tui.content.texts import texts

    care = texts().care
    return [care.message, care.grounding, care.help, _own_contact() or care.contact_hint]


def sos_lines() -> list[str]:
    """The care lines for help right now: the message, the person's own contact when
    they set one, and where to find help. Nothing to configure or read twice."""
    from coreg_tui.content.texts import texts

    care = texts().care
    contact = _own_contact()
    return [care.message, *([contact] if contact else []), care.help]


def _own_contact() -> str | None:
    """The person's own contact (config: care_contact), shown as the text it is."""
    from coreg_tui.config import config
    from coreg_tui.text import printable

    contact = config().care_contact
    return printable(contact) if contact else None
