"""Running a step practice in a terminal: each step with its own gentle timer.

A step moves on by itself when its time is up, or sooner with Enter; Ctrl-C
ends the practice calmly. Like the breathing runners, this reads a clock it
is given and waits through a key source it is given, so tests never sleep.
"""

from __future__ import annotations

import math
import os
import select
import sys
from typing import TYPE_CHECKING, Protocol, TextIO

from coreg_tui.cli.breathe_run import POLL_S, Clock
from coreg_tui.cli.live_terminal import terminal_gone
from coreg_tui.core.session import StepsSummary
from coreg_tui.visual.step_frame import practice_rows

if TYPE_CHECKING:
    from rich.console import Console

    from coreg_tui.core.practices import Practice, Step
    from coreg_tui.visual.pinned import Pin


class Keys(Protocol):
    def wait_for_enter(self, seconds: float) -> bool:
        """Wait up to `seconds`; True as soon as Enter is pressed."""
        ...


class TerminalKeys:
    """Enter from a terminal; where stdin is not one, the steps simply run on time."""

    def __init__(self, clock: Clock, stream: TextIO = sys.stdin) -> None:
        self.clock, self.stream = clock, stream
        try:
            self.live = stream.isatty()
        except (AttributeError, ValueError):
            self.live = False

    def wait_for_enter(self, seconds: float) -> bool:
        if not self.live:
            self.clock.sleep(seconds)
            return False
        ready, _, _ = select.select([self.stream], [], [], max(0.0, seconds))
        if not ready:
            return False
        pressed = os.read(self.stream.fileno(), 64)  # unbuffered: never waits for more
        return b"\n" in pressed or b"\r" in pressed


class _Show(Protocol):
    stopped_s: float  # time spent stopped (Ctrl-Z) so far

    def step(self, index: int, step: Step) -> None: ...
    def tick(self, index: int, step: Step, remaining: float) -> None: ...


def _run(practice: Practice, clock: Clock, keys: Keys, show: _Show) -> StepsSummary:
    """The steps on their timers; time stopped with Ctrl-Z (`show.stopped_s`) is neither
    a step's time nor the practice's."""
    from coreg_tui.timing import TimedSteps

    timer = TimedSteps(practice, clock, lambda: show.stopped_s)
    try:
        for _ in practice.steps:
            show.step(timer.index, timer.step)
            while (remaining := timer.remaining()) > 0:
                show.tick(timer.index, timer.step, remaining)
                if keys.wait_for_enter(min(POLL_S * 4, remaining)):
                    break
            timer.next()
    except KeyboardInterrupt:
        pass
    except OSError as exc:  # the terminal went away: an end like Ctrl-C
        if not terminal_gone(exc):
            raise
    return timer.summary()


class _Plain:
    stopped_s = 0.0  # a plain run is not a live window: Ctrl-Z stops it as it would anything

    def __init__(self, practice: Practice, out: TextIO) -> None:
        self.practice, self.out = practice, out

    def step(self, index: int, step: Step) -> None:
        from coreg_tui.core.pacing import format_seconds
        from coreg_tui.text import printable

        total = len(self.practice.steps)
        self.out.write(
            f"step {index + 1} of {total}, {format_seconds(step.seconds)}s: "
            f"{printable(step.text)}\n"
        )
        self.out.flush()

    def tick(self, index: int, step: Step, remaining: float) -> None:
        pass


def run_steps_plain(practice: Practice, clock: Clock, keys: Keys, out: TextIO) -> StepsSummary:
    """One line as each step begins: `step 2 of 6, 35s: Listen for four things...`."""
    return _run(practice, clock, keys, _Plain(practice, out))


class _Live:
    def __init__(self, practice: Practice, console: Console, pins: tuple[Pin, ...]) -> None:
        from coreg_tui.cli.screen import Painter

        self.practice, self.console, self.pins = practice, console, pins
        self.painter = Painter(console)
        from coreg_tui.cli.terminal import ascii_only

        self.ascii_only = ascii_only(console)
        self.last: tuple[object, ...] | None = None
        self.stopped_s = 0.0

    def resumed(self, stopped_s: float) -> None:
        self.stopped_s += stopped_s
        self.last = None  # paint it all again

    def step(self, index: int, step: Step) -> None:
        self.last = None

    def tick(self, index: int, step: Step, remaining: float) -> None:
        width, height = self.console.size.width, self.console.size.height
        left = max(0.0, remaining / step.seconds)
        key = (index, math.ceil(remaining), round(left * 40), width, height)
        if key != self.last:
            rows = practice_rows(
                self.practice,
                index,
                remaining,
                (width, height),
                pins=self.pins,
                ascii_only=self.ascii_only,
            )
            self.painter.paint(rows, (width, height))
            self.last = key


def run_steps_live(
    practice: Practice, clock: Clock, keys: Keys, console: Console, pins: tuple[Pin, ...] = ()
) -> StepsSummary:
    from coreg_tui.cli.live_terminal import live_window

    show = _Live(practice, console, pins)
    with live_window(show.painter, clock, show.resumed):
        return _run(practice, clock, keys, show)


def run_steps(
    practice: Practice, *, plain: bool, no_color: bool, pins: tuple[Pin, ...] = ()
) -> StepsSummary:
    """A step practice in this terminal, on the system clock; Ctrl-C, SIGTERM and SIGHUP
    end it calmly, and the summary says how far it went. `pins` stay above it."""
    from coreg_tui.cli.breathe_run import ending_calmly
    from coreg_tui.clock import system_clock

    clock = system_clock()
    keys = TerminalKeys(clock)
    with ending_calmly():
        if plain:
            return run_steps_plain(practice, clock, keys, sys.stdout)
        from coreg_tui.cli.terminal import make_console
        from coreg_tui.config import config

        console = make_console(no_color=no_color or not config().color)
        return run_steps_live(practice, clock, keys, console, pins)
