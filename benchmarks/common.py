"""What every benchmark does first."""

from __future__ import annotations

import compileall
from pathlib import Path

import coreg_tui


def compile_package() -> None:
    """Write coreg's bytecode, as `pip install .` does at install time.

    An editable install under PYTHONDONTWRITEBYTECODE=1 (as on this project's
    machines) would otherwise compile every module from source on every run,
    which no installed copy ever does.
    """
    compileall.compile_dir(Path(coreg_tui.__file__).parent, quiet=1)
