"""Shared fixtures: a private COREG_HOME for every test, and settings for hypothesis."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

import coreg_tui.config

# CI machines are shared and slow at times: judge properties on what they
# find, not on how fast one example ran.
settings.register_profile("coreg", deadline=None, max_examples=150)
settings.load_profile("coreg")


@pytest.fixture(autouse=True)
def coreg_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does may touch the real journal or config."""
    # A space and a letter beyond ASCII in every path, as many real homes have.
    home = tmp_path_factory.mktemp("coreg home Zoë")
    monkeypatch.setenv("COREG_HOME", str(home))
    monkeypatch.delenv("NO_COLOR", raising=False)
    coreg_tui.config.cache_clear()  # the config is read once a process: read this home's
    return home


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("COLUMNS", "80")
