"""What every screen of the companion stands on: `app` typed as coreg's own (its clock,
its settings), and the session screen that breathing, a step practice and help now's
practices share (and a live circle's)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual.screen import ModalScreen, Screen

from coreg_tui.tui import typed

if TYPE_CHECKING:  # the domain's sessions load with the first session, not with Home
    from coreg_tui.core.entries import Entry
    from coreg_tui.core.session import BreathSummary, StepsSummary
    from coreg_tui.together.outcome import Outcome

R = TypeVar("R")
S = TypeVar("S", bound="BreathSummary | StepsSummary | Outcome")


class CoregScreen(Screen[R], Generic[R]):
    """A full screen of the companion."""

    app = typed.APP

    def on_resize(self) -> None:
        # The screen on top is sent every change of the window's size, one of its
        # height alone too: it is where the size reaches the app's size classes.
        self.app.size_classes()


class CoregModal(ModalScreen[R], Generic[R]):
    """A window over the screen below it (a question, the keys)."""

    app = typed.APP

    def on_resize(self) -> None:
        self.app.size_classes()  # as CoregScreen's


class SessionScreen(CoregScreen[S | None], Generic[S]):
    """A session (breathing, a step practice) ends once, however it ends (its time up,
    escape, ctrl+c), and is dismissed with its summary. Whoever began it awaits the
    summary (`push_screen_wait`) and keeps what they choose (tui/sessions.py).

    Cut short (the app closing, a signal, help now) it ends where it is: the app keeps
    it then if its caller asked (`CoregApp.cut_short`), and the caller is handed None.
    """

    ended = False

    def summary(self) -> S:
        """The session as it stands now."""
        raise NotImplementedError

    def entry(self, summary: S) -> Entry | None:
        """The journal entry a summary leaves; None where there is nothing to keep (it
        ended before it began)."""
        raise NotImplementedError

    def end(self) -> None:
        """End here, once, and hand the summary to whoever began the session."""
        if not self.ended:
            self.ended = True
            self.dismiss(self.summary())

    def cut_short(self) -> S | None:
        """End here without handing anything back; the summary, or None if it had ended."""
        if self.ended:
            return None
        self.ended = True
        return self.summary()

    def on_unmount(self) -> None:
        """The app closed mid-session (ctrl+q, the terminal went away)."""
        self.app.cut_short(self)
