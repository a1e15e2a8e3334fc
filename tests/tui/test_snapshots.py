"""How the screens look, at fixed sizes, on a fixed clock, with an empty journal."""

from __future__ import annotations

import pytest

from coreg_tui.tui.app import CoregApp
from tests.clock import FakeClock


@pytest.fixture(autouse=True)
def still(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.setenv("TZ", "UTC")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_home(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(CoregApp(clock=FakeClock()), terminal_size=size)


def test_check_in(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(CoregApp(clock=FakeClock()), terminal_size=(80, 24), press=["c", "s", "7"])


def test_breathe(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(CoregApp(clock=FakeClock()), terminal_size=(80, 24), press=["b"])
