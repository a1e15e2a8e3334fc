"""What coreg offers a person right now: the practices as their config shapes them,
ranked suggestions, and the care lines. Both faces ask here; neither holds these rules."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from coreg_tui.content.practices import Library
    from coreg_tui.core.practices import Practice
    from coreg_tui.core.session import SessionPlan
    from coreg_tui.core.states import State
    from coreg_tui.core.suggest import Suggestions
    from coreg_tui.visual.breath_frame import Notes


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


def care_lines(*, grounding: bool = True) -> list[str]:
    """The care message at the highest distress: a few calm lines (the grounding one
    too, unless help now's own steps follow), the person's own contact when they set
    one, and where to find help. Never a lecture, and nothing about settings: how to
    add a contact is for the README and `coreg config --help`."""
    from coreg_tui.content.texts import care_words

    care = care_words()
    contact = _own_contact()
    steady = [care.grounding] if grounding else []
    return [care.message, *steady, *([contact] if contact else []), care.help]


def sos_lines() -> list[str]:
    """The care lines for help right now: the message, the person's own contact when
    they set one, and where to find help. Nothing to configure or read twice."""
    return care_lines(grounding=False)


def help_practice(practice_id: str) -> Practice:
    """A practice help right now runs: the person's library's, or the built-in steps
    if a practice file (theirs or coreg's) cannot be read. Help never fails on a file."""
    from coreg_tui.content.fallback import PRACTICES
    from coreg_tui.content.files import UNREADABLE

    try:
        found = offered_library(offered_only=False).get(practice_id)
    except UNREADABLE:
        found = None
    return found if found is not None and found.steps else PRACTICES[practice_id]


def _own_contact() -> str | None:
    """The person's own contact (config: care_contact), shown as the text it is."""
    from coreg_tui.config import config
    from coreg_tui.text import printable

    contact = config().care_contact
    return printable(contact) if contact else None


def help_breath() -> tuple[SessionPlan, Notes]:
    """Help right now's slow breaths and the note shown with them, from the content, or
    the built-in pattern and words if the content cannot be read."""
    from coreg_tui.content.fallback import SOS, STOP
    from coreg_tui.content.files import ContentError
    from coreg_tui.content.texts import sos_words
    from coreg_tui.core.errors import InputError
    from coreg_tui.core.session import plan_session
    from coreg_tui.visual.breath_frame import Notes

    words = sos_words()
    try:
        from coreg_tui.content import breathing

        content = breathing()
        plan = plan_session(
            words.pattern, content.presets, default=words.pattern, cycles=words.cycles
        )
        return plan, Notes(content.stop_note, content.caution_for(plan.target, plan.preset))
    except (ContentError, InputError, OSError):
        pattern, cycles = str(SOS["pattern"]), int(SOS["cycles"])
        plan = plan_session(pattern, (), default=pattern, cycles=cycles)
        return plan, Notes(STOP, None)


def help_leads_up(now: datetime) -> bool:
    """Whether help right now leads upward (after a strong dorsal check-in in the last
    hour). A journal that cannot be read never delays help: it simply leads as usual."""
    from coreg_tui.core.entries import Kind
    from coreg_tui.core.errors import InputError
    from coreg_tui.core.help_now import leads_up
    from coreg_tui.journal import engine, open_journal
    from coreg_tui.journal.refusals import JournalError
    from coreg_tui.journal.store import Filter

    try:
        with open_journal(create=False) as journal:
            latest = next(iter(journal.entries(Filter(kind=Kind.CHECKIN, limit=1))), None)
    except (JournalError, InputError, *engine.Error, OSError, ValueError):
        return False
    return leads_up(latest, now)
