"""Calling the `coreg` command in-process, through the same path as the console script."""

from __future__ import annotations

import pytest

from coreg_tui.cli.app import run


def call(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        run(list(argv))
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


def two_entries(capsys: pytest.CaptureFixture[str]) -> None:
    """A check-in and a practice with before and after: the fields an export must keep."""
    call(capsys, "log", "anxious", "-i", "6", "-n", "one", "-t", "x", "--with", "Sam")
    call(
        capsys, "breathe", "1-1", "-c", "1", "--plain", "--before", "anxious:6", "--after", "calm:2"
    )
