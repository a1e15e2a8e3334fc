"""A journal damaged while the companion is open: each screen that reads it says so in a
line and stays, and the line is said again as the companion closes."""

from __future__ import annotations

from textual.pilot import Pilot

from coreg_tui.journal.store import Journal
from coreg_tui.paths import journal_path
from coreg_tui.tui.app import CoregApp
from coreg_tui.tui.screens.journal import JournalScreen
from tests.clock import FakeClock
from tests.journal.builders import entry
from tests.tui.test_flows import drive, settle


def _damage() -> None:
    path = journal_path()
    data = bytearray(path.read_bytes())
    page = data.index(b"note 150 ") // 4096  # a page of the entries themselves
    data[4096 * page : 4096 * (page + 1)] = b"\x13" * 4096
    path.write_bytes(bytes(data))


def test_damage_found_mid_session_is_a_line_not_a_crash() -> None:
    with Journal.open(journal_path()) as journal:
        journal.add_many(entry(i, note=f"note {i} " + "x" * 300) for i in range(300))

    async def steps(app: CoregApp, pilot: Pilot, clock: FakeClock) -> None:
        _damage()
        await pilot.press("j")
        await settle(app, pilot)
        assert isinstance(app.screen, JournalScreen)  # the screen stays
        shown = [n.message for n in app._notifications]
        assert any("is damaged" in m and "coreg recover" in m for m in shown), shown

    app = drive(steps)
    assert len(app.unkept) == 1 and "is damaged" in app.unkept[0]
