"""Check-in values and the moments people type."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from coreg_tui.core.errors import InputError
from coreg_tui.core.states import (
    State,
    check_intensity,
    parse_state,
    parse_state_with_intensity,
)
from coreg_tui.core.when import check_not_future, parse_when


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("ventral", State.VENTRAL),
        ("Calm", State.VENTRAL),
        ("safe", State.VENTRAL),
        ("connected", State.VENTRAL),
        ("anxious", State.SYMPATHETIC),
        ("stressed", State.SYMPATHETIC),
        ("angry", State.SYMPATHETIC),
        ("panicky", State.SYMPATHETIC),
        (" numb ", State.DORSAL),
        ("shutdown", State.DORSAL),
        ("frozen", State.DORSAL),
        ("foggy", State.DORSAL),
        ("dorsal", State.DORSAL),
        ("sympathetic", State.SYMPATHETIC),
    ],
)
def test_states_and_their_everyday_words(word: str, state: State) -> None:
    assert parse_state(word) is state


def test_an_unknown_state_says_what_is_allowed() -> None:
    with pytest.raises(InputError, match="ventral, sympathetic or dorsal"):
        parse_state("blue")


def test_intensity_is_0_to_10() -> None:
    assert check_intensity(0) == 0 and check_intensity(10) == 10 and check_intensity(None) is None
    for bad in (-1, 11):
        with pytest.raises(InputError, match="it can be 0 to 10"):
            check_intensity(bad)


def test_state_with_intensity() -> None:
    assert parse_state_with_intensity("anxious:6", "--before") == (State.SYMPATHETIC, 6)
    assert parse_state_with_intensity("calm", "--after") == (State.VENTRAL, None)
    with pytest.raises(InputError, match="whole number"):
        parse_state_with_intensity("calm:x", "--after")
    with pytest.raises(InputError, match="--after intensity is 12"):
        parse_state_with_intensity("calm:12", "--after")


@pytest.fixture
def berlin() -> Iterator[None]:
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone()


def test_words_for_moments(berlin: None) -> None:
    now = local("2026-11-23T15:45:00")
    assert parse_when("now", now) == now
    assert parse_when("today", now) == local("2026-11-23T00:00")
    assert parse_when("today", now, end_of_day=True) == local("2026-11-24T00:00")
    assert parse_when("yesterday", now) == local("2026-11-22T00:00")
    assert parse_when("yesterday 22:00", now) == local("2026-11-22T22:00")
    assert parse_when("3d", now) == now - timedelta(days=3)
    assert parse_when("2w", now) == now - timedelta(weeks=2)
    assert parse_when("12h", now) == now - timedelta(hours=12)
    assert parse_when("90min", now) == now - timedelta(minutes=90)
    assert parse_when("14:30", now) == local("2026-11-23T14:30")
    assert parse_when("2026-11-20", now) == local("2026-11-20T00:00")
    assert parse_when("2026-11-20", now, end_of_day=True) == local("2026-11-21T00:00")
    assert parse_when("2026-11-20T09:15", now) == local("2026-11-20T09:15")
    assert parse_when("2026-11-20 09:15", now) == local("2026-11-20T09:15")
    exact = parse_when("2026-11-20T09:15:00-05:00", now)
    assert exact.utcoffset() == timedelta(hours=-5)


def test_local_times_take_the_offset_of_their_own_day_across_dst(berlin: None) -> None:
    now = local("2026-11-23T12:00:00")  # winter: +01:00
    summer = parse_when("2026-07-01T12:00", now)
    assert summer.utcoffset() == timedelta(hours=2)
    assert parse_when("2026-03-29", now, end_of_day=True) == local("2026-03-30T00:00")


@pytest.mark.parametrize("text", ["", "soon", "25:00", "2026-13-01", "yesterday noon", "3x"])
def test_unreadable_moments(text: str) -> None:
    with pytest.raises(InputError):
        parse_when(text, datetime.now().astimezone())


def test_a_check_in_cannot_be_in_the_future() -> None:
    now = datetime.now().astimezone()
    assert check_not_future(now + timedelta(minutes=2), now)
    with pytest.raises(InputError, match="in the future"):
        check_not_future(now + timedelta(hours=1), now)
