"""Each state's shape, so that a state reads the same with colour turned off: ventral a
round dot, sympathetic an upward triangle, dorsal a downward one."""

from __future__ import annotations

from coreg_tui.core.states import State

MARKS = {State.VENTRAL: "\u25cf", State.SYMPATHETIC: "\u25b2", State.DORSAL: "\u25bc"}
