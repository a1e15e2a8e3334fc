"""Running a breathing session in a terminal: plain lines, or a live picture.

Both runners read a clock and ask the pure pacer where the breath is; they
never add up sleeps, so a session cannot drift. The clock is a parameter,
so tests run whole sessions in microseconds.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from coreg_tui.cli.live_terminal import terminal_gone
from coreg_tui.clock import Clock
from coreg_tui.core.pacing import format_seconds, phase_at, phase_starts
from coreg_tui.core.session import BreathSummary, SessionPlan
from coreg_tui.timing import TimedSession

if TYPE_CHECKING:
    from rich.console import Console

    from coreg_tui.visual.breath_frame import Notes
    from coreg_tui.visual.pinned import Pin

POLL_S = 1 / 20  # how often the live display looks at the clock; it redraws only on change


@contextlib.contextmanager
def ending_calmly() -> Iterator[None]:
    """SIGTERM, SIGHUP (the window closed) and the other signals that end coreg end a
    session the way Ctrl-C does: the terminal is restored and the session is summed
    up and kept, never left half-drawn."""
    import signal

    from coreg_tui.signals import ENDING

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    saved = {sig: signal.signal(sig, interrupt) for sig in ENDING}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def sleep_until(clock: Clock, target: float) -> None:
    delay = target - clock.monotonic()
    if delay > 0:
        clock.sleep(delay)


_PLAIN_SUFFIX = {"top_up": ", a little more"}


def run_plain(plan: SessionPlan, clock: Clock, out: TextIO, bell: TextIO | None) -> BreathSummary:
    """One line per phase, written the moment the phase starts: `inhale 4s`."""
    session = TimedSession(plan, clock)
    finished = False
    try:
        if session.wait_s > 0:
            out.write(f"starting in {session.wait_s:.1f}s, in step with the clock\n")
            out.flush()
        for phase in phase_starts(plan.pacer):
            if plan.end_s is not None and phase.start_s >= plan.end_s - 1e-9:
                break
            sleep_until(clock, session.begin + phase.start_s)
            if bell is not None:
                bell.write("\a")
                bell.flush()
            suffix = _PLAIN_SUFFIX.get(phase.role, "")
            out.write(f"{phase.phase} {format_seconds(phase.seconds)}s{suffix}\n")
            out.flush()
        if plan.end_s is not None:
            sleep_until(clock, session.begin + plan.end_s)
        finished = True
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        if not terminal_gone(exc):
            raise
    return session.summary(finished and plan.end_s is not None)


def run_live(
    plan: SessionPlan,
    clock: Clock,
    console: Console,
    notes: Notes,
    *,
    bell: bool = False,
    still: bool = False,
    pins: tuple[Pin, ...] = (),
) -> BreathSummary:
    """A calm full-window picture that grows on the inhale and shrinks on the exhale,
    below the `pins` (lines that stay on screen throughout, such as the care lines)."""
    from coreg_tui.cli.live_terminal import live_window
    from coreg_tui.cli.screen import Painter
    from coreg_tui.visual import breath_frame as view
    from coreg_tui.visual.pinned import beneath

    session = TimedSession(plan, clock)
    painter = Painter(console)
    from coreg_tui.cli.terminal import ascii_only as only_ascii

    ascii_only = only_ascii(console)
    finished = False
    last_frame: object = None
    last_phase: tuple[int, int] | None = None

    def resumed(stopped_s: float) -> None:  # after Ctrl-Z and fg: the stop is not breathing
        session.begin += stopped_s

    try:
        with live_window(painter, clock, resumed):
            while True:
                now = clock.monotonic()
                t = now - session.begin
                window = (console.size.width, console.size.height)
                top, size = beneath(pins, window)
                if t < 0:
                    frame = view.waiting_frame(plan, -t, size, notes)
                    wake = now + min(POLL_S, -t)
                else:
                    if plan.end_s is not None and t >= plan.end_s:
                        finished = True
                        break
                    state = phase_at(plan.pacer, t)
                    if bell and (state.cycle, state.index) != last_phase:
                        console.bell()
                    last_phase = (state.cycle, state.index)
                    frame = view.breath_frame(plan, state, t, size, notes, ascii_only, still=still)
                    wake = min(now + POLL_S, session.begin + state.end_s)
                if frame != last_frame or painter.fresh:
                    painter.paint([*top, *view.layout(frame)][: window[1]], window)
                    last_frame = frame
                sleep_until(clock, wake)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        if not terminal_gone(exc):
            raise
    return session.summary(finished)


def run_breathing(
    plan: SessionPlan,
    *,
    plain: bool,
    bell: bool,
    no_color: bool,
    pins: tuple[Pin, ...] = (),
    notes: Notes | None = None,
) -> BreathSummary:
    """The session itself, plain lines or the live picture (below `pins`); Ctrl-C, SIGTERM
    and SIGHUP end it calmly, and the summary says how far it went. `notes` default to
    the content's stop note and the pattern's caution."""
    import os

    from coreg_tui.cli.terminal import is_terminal, say
    from coreg_tui.clock import system_clock
    from coreg_tui.config import config
    from coreg_tui.visual.breath_frame import Notes

    settings = config()
    bell = bell or settings.bell
    if notes is None:
        from coreg_tui.content import breathing

        content = breathing()
        notes = Notes(content.stop_note, content.caution_for(plan.target, plan.preset))
    caution = notes.caution
    if plain:
        if caution:
            say(f"note: {caution}", sys.stderr)
        bell_to = sys.stdout if is_terminal(sys.stdout) else sys.stderr
        bell_stream = bell_to if bell and is_terminal(bell_to) else None
        with ending_calmly():
            return run_plain(plan, system_clock(), sys.stdout, bell_stream)
    from coreg_tui.cli.terminal import make_console

    console = make_console(no_color=no_color or not settings.color)
    still = settings.reduced_motion or os.environ.get("TEXTUAL_ANIMATIONS") == "none"
    with ending_calmly():
        return run_live(
            plan,
            system_clock(),
            console,
            notes,
            bell=bell,
            still=still,
            pins=pins,
        )
