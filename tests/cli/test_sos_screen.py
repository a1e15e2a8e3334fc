"""`coreg sos` in a real terminal, read back through a terminal emulator: the care lines
and the way to emergency help stay on the visible screen while the breathing and the
grounding run below them."""

from __future__ import annotations

import pytest

from coreg_tui.content.texts import texts
from coreg_tui.paths import config_path
from tests.installed import Terminal

CARE = texts().care
WORDS = texts().sos
SCALE = 10.0  # the clock runs ten times faster: a minute of breathing in six seconds


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
@pytest.mark.parametrize("size", [(24, 80), (16, 50)])
def test_the_care_lines_stay_on_screen_through_breathing_and_grounding(
    size: tuple[int, int],
) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('care_contact = "Sam, 555 0199"\n')
    term = Terminal("sos", size=size, env={"COREG_TIME_SCALE": str(SCALE)})
    try:
        term.read_until("cycle 1", timeout=20)
        term.read(10 / SCALE)  # ten seconds into the breathing
        shown = term.text()
        assert "cycle 2" in shown  # still breathing, on the live picture
        assert words(CARE.help) in shown and "Sam, 555 0199" in shown
        assert words(WORDS.breathe) in shown

        term.read_until("step 1 of", timeout=60 / SCALE + 20)
        shown = term.text()
        assert words(CARE.help) in shown and "Sam, 555 0199" in shown
        assert words(WORDS.ground) in shown  # the line that brought grounding in
        assert "step 1 of" in shown and "five things you can see" in shown
        # nothing is cut: every row fits the window
        assert all(len(line) <= size[1] for line in term.lines())
    finally:
        term.close()
