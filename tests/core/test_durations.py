from __future__ import annotations

import pytest

from coreg_tui.core.durations import (
    DurationError,
    format_clock,
    format_duration,
    parse_duration,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90s", 90),
        ("2m", 120),
        ("1m30s", 90),
        ("1.5m", 90),
        ("2", 120),
        ("1h", 3600),
        ("2 min", 120),
        ("45 sec", 45),
        ("1m 30s", 90),
    ],
)
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "2x", "m", "-2m", "1e5s", "2m3"])
def test_parse_duration_refuses_nonsense(text: str) -> None:
    with pytest.raises(DurationError):
        parse_duration(text)


def test_format_duration_reads_like_speech() -> None:
    assert [format_duration(s) for s in (0, 45, 60, 125, 3600, 3720)] == [
        "0 s",
        "45 s",
        "1 min",
        "2 min 5 s",
        "1 h",
        "1 h 2 min",
    ]


def test_format_clock_never_shows_zero_early() -> None:
    assert [format_clock(s) for s in (0, 0.2, 59.01, 60, 3725)] == [
        "0:00",
        "0:01",
        "1:00",
        "1:00",
        "1:02:05",
    ]
