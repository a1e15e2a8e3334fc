"""Every screen of the companion, registered once, here: `screens.JournalScreen` and
the rest. Each module is imported the first time its screen is wanted, so the first
paint waits for Home alone (as Textual's own widgets load)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coreg_tui.tui.screens.after import AfterCheckinScreen
    from coreg_tui.tui.screens.attune import AttuneScreen
    from coreg_tui.tui.screens.breathe import BreatheScreen
    from coreg_tui.tui.screens.breathe_setup import BreatheSetupScreen
    from coreg_tui.tui.screens.checkin import CheckinScreen
    from coreg_tui.tui.screens.circle import CircleScreen
    from coreg_tui.tui.screens.help import HelpScreen
    from coreg_tui.tui.screens.home import HomeScreen
    from coreg_tui.tui.screens.insights import InsightsScreen
    from coreg_tui.tui.screens.journal import JournalScreen
    from coreg_tui.tui.screens.practice import NoteGate, PracticeScreen
    from coreg_tui.tui.screens.practices import PracticesScreen
    from coreg_tui.tui.screens.sos import SosScreen
    from coreg_tui.tui.screens.together import TogetherScreen
    from coreg_tui.tui.screens.where_first import WhereFirstScreen
    from coreg_tui.tui.screens.where_now import WhereNowScreen

# Each screen, by the module that holds it.
_HOMES = {
    "AfterCheckinScreen": "after",
    "AttuneScreen": "attune",
    "BreatheScreen": "breathe",
    "BreatheSetupScreen": "breathe_setup",
    "CheckinScreen": "checkin",
    "CircleScreen": "circle",
    "HelpScreen": "help",
    "HomeScreen": "home",
    "InsightsScreen": "insights",
    "JournalScreen": "journal",
    "NoteGate": "practice",
    "PracticeScreen": "practice",
    "PracticesScreen": "practices",
    "SosScreen": "sos",
    "TogetherScreen": "together",
    "WhereFirstScreen": "where_first",
    "WhereNowScreen": "where_now",
}

# The keys window's sections, in the order a person meets the screens.
KEY_SECTIONS = (
    ("Home", "HomeScreen"),
    ("Check-in", "CheckinScreen"),
    ("After a check-in", "AfterCheckinScreen"),
    ("Choosing a pattern", "BreatheSetupScreen"),
    ("Attune", "AttuneScreen"),
    ("Breathe", "BreatheScreen"),
    ("A practice", "PracticeScreen"),
    ("Where are you now?", "WhereNowScreen"),
    ("Journal", "JournalScreen"),
    ("Practices", "PracticesScreen"),
    ("Insights", "InsightsScreen"),
    ("Together", "TogetherScreen"),
    ("A live circle", "CircleScreen"),
    ("Help now", "SosScreen"),
)

__all__ = [
    "KEY_SECTIONS",
    "AfterCheckinScreen",
    "AttuneScreen",
    "BreatheScreen",
    "BreatheSetupScreen",
    "CheckinScreen",
    "CircleScreen",
    "HelpScreen",
    "HomeScreen",
    "InsightsScreen",
    "JournalScreen",
    "NoteGate",
    "PracticeScreen",
    "PracticesScreen",
    "SosScreen",
    "TogetherScreen",
    "WhereFirstScreen",
    "WhereNowScreen",
]


def __getattr__(name: str) -> type:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found: type = getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = found
    return found
