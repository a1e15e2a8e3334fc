"""What a person sees of the companion: the text of its exported screen, row by row."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from textual.app import App
from textual.pilot import Pilot


def screen_text(app: App[object]) -> str:
    """The screen as a person sees it: the text of its exported picture, row by row."""
    svg = app.export_screenshot()
    rows: defaultdict[float, str] = defaultdict(str)
    svg = re.sub(r'<text class="[^"]*-title".*?</text>', "", svg)  # the window's title bar
    for y, chunk in re.findall(r'<text[^>]*y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows[float(y)] += html.unescape(re.sub("<[^>]+>", "", chunk))
    return "\n".join(rows[y].replace("\xa0", " ") for y in sorted(rows))


def flowing(text: str) -> str:
    """The screen's words as one line, so a sentence wrapped over rows reads whole (a
    scroll bar beside a row, drawn in block characters, is not part of its words)."""
    return " ".join(re.sub("[\u2580-\u259f]+", " ", text).split())


async def settled(app: App[object], pilot: Pilot[object]) -> None:
    """Until the work the companion does on its own is done (reading and writing the
    journal): not the workers that await a person, such as a session under way."""
    from coreg_tui.tui.sessions import PACED_BY_A_PERSON

    while busy := [
        w for w in app.workers if w.group not in PACED_BY_A_PERSON and not w.is_finished
    ]:
        await app.workers.wait_for_complete(busy)
        await pilot.pause()
    await pilot.pause()
