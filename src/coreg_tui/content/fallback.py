"""The words help right now falls back on when content/prompts.toml, or a practice it
runs, cannot be read. Help never depends on a file being right; these are kept short
and in the same voice as the file, and used only when it fails."""

from __future__ import annotations

from coreg_tui.core.practices import Direction, Practice, PracticeKind, Step
from coreg_tui.core.states import State

CARE = {
    "message": "This is a lot to hold right now, and you do not have to hold it alone.",
    "grounding": "If you can, feel the floor under your feet and find one thing in the room.",
    "help": "If you are in danger or might hurt yourself, call your local emergency number, "
    "or a crisis line where you live.",
}
SOS = {
    "breathe": "Let's slow down together. Breathe in when it says in, and let the breath out "
    "take longer.",
    "ground": "Now, one small step at a time, back to the room you are in. Enter moves on "
    "when you are ready.",
    "end": "You stayed with yourself through that. This is here whenever you need it.",
    "keep": "Keep a note of this in your journal?",
    "pattern": "4-6",
    "cycles": 6,
    "grounding": "grounding-54321",
    "rise": "Let's come back up a little, gently, one step at a time. Enter moves on when "
    "you are ready.",
    "rising": "coming-back-up",
}
STOP = "Stop whenever you like; if you feel dizzy, let your breath find its own pace."


def _steps(*texts: tuple[str, float]) -> tuple[Step, ...]:
    return tuple(Step(text, seconds) for text, seconds in texts)


PRACTICES = {
    "grounding-54321": Practice(
        id="grounding-54321",
        title="5-4-3-2-1 grounding",
        kind=PracticeKind.GROUNDING,
        direction=Direction.STEADYING,
        summary="Back to this room through your senses.",
        states=(State.SYMPATHETIC, State.DORSAL),
        intensity=(0, 10),
        duration_s=150,
        steps=_steps(
            ("Find five things you can see.", 35),
            ("Listen for four things you can hear.", 30),
            ("Notice three things you can touch.", 30),
            ("Find two things you can smell.", 25),
            ("Notice one thing you can taste.", 20),
            ("One slow breath out. You are here.", 15),
        ),
    ),
    "coming-back-up": Practice(
        id="coming-back-up",
        title="Coming back up",
        kind=PracticeKind.MOVEMENT,
        direction=Direction.ACTIVATING,
        summary="Eyes, small movements and a hum, to come back up gently.",
        states=(State.DORSAL,),
        intensity=(0, 10),
        duration_s=120,
        steps=_steps(
            ("Let your eyes move slowly around the room and rest on one colour.", 25),
            ("Wiggle your fingers and toes.", 20),
            ("Press your feet into the floor and feel it push back.", 20),
            ("On a breath out, hum softly, low and easy.", 30),
            ("Notice one sound in the room.", 20),
        ),
    ),
}
