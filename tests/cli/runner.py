"""Calling the `coreg` command in-process, through the same path as the console script."""

from __future__ import annotations

import pytest

from coreg_tui.cli.app import run


def call(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        run(list(argv))
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err
