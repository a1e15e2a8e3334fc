"""What a person reads for a practice: its title ("5-4-3-2-1 grounding", "Longer breath
out"), not the id or pattern the journal keeps. Ids stay in JSON and in `coreg show`."""

from __future__ import annotations

from functools import cache


@cache
def practice_names() -> dict[str, str]:
    """Titles by practice id, and by breathing pattern for the built-in breathing
    practices (a `coreg breathe 4-6` session reads as "Longer breath out"). Empty if
    the practices cannot be read: the ids then stand in, and nothing fails."""
    from coreg_tui.content.files import UNREADABLE

    try:
        from coreg_tui.offer import offered_library

        practices = offered_library(offered_only=False).practices
    except UNREADABLE:
        return {}
    names: dict[str, str] = {}
    for p in practices:
        names[p.id] = p.title
        if p.pattern is not None and not p.together and p.source == "built-in":
            names.setdefault(str(p.pattern), p.title)
    return names
