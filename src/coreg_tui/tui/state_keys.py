"""Choosing a state and how strong it is by keys: v, s, d, then a digit (1 then 0 is 10).
One definition for the check-in and for "where are you now?"."""

from __future__ import annotations

from textual.binding import Binding

from coreg_tui.core.states import State

STATE_BINDINGS = [
    Binding("v", "state('ventral')", "Ventral", id="ventral"),
    Binding("s", "state('sympathetic')", "Sympathetic", id="sympathetic"),
    Binding("d", "state('dorsal')", "Dorsal", id="dorsal"),
    *(
        Binding(str(n), f"intensity({n})", str(n), show=False, id=f"intensity-{n}")
        for n in range(10)
    ),
]


class StateChoice:
    """Mixed into a screen that has `show()` to redraw what was chosen."""

    state: State | None = None
    intensity: int | None = None

    def show(self) -> None:
        raise NotImplementedError

    def chose_state(self, state: State) -> None:
        """A hook for screens that react to a new state (the check-in's body cues)."""

    def action_state(self, state: str) -> None:
        chosen = State(state)
        if chosen is not self.state:
            self.state = chosen
            self.chose_state(chosen)
        self.show()

    def action_intensity(self, n: int) -> None:
        self.intensity = 10 if (n == 0 and self.intensity == 1) else n
        self.show()


# Showing only one state's rows (the journal, the practices): a, for all, shows them all.
FILTER_BINDINGS = [
    Binding("v", "only('ventral')", "Ventral", id="only-ventral"),
    Binding("s", "only('sympathetic')", "Sympathetic", id="only-sympathetic"),
    Binding("d", "only('dorsal')", "Dorsal", id="only-dorsal"),
    Binding("a", "only('')", "All", id="only-all"),
]
