"""Import reads records from any tool: every field of the wrong shape is one clear line."""

from __future__ import annotations

from typing import Any

import pytest

from coreg_tui.core.entries import Kind
from coreg_tui.core.errors import InputError
from coreg_tui.core.states import State
from coreg_tui.journal.records import from_record

BASE = {"at": "2026-10-01T08:00:00+02:00", "state": "ventral"}


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("at", 5, "'at' should be text"),
        ("state", ["ventral"], "'state' should be ventral, sympathetic or dorsal"),
        ("state_after", 3, "'state_after' should be ventral"),
        ("state_after", "sleepy", "'state_after' should be ventral"),
        ("intensity", True, "'intensity' should be a whole number from 0 to 10"),
        ("intensity", 2.5, "'intensity' should be a whole number from 0 to 10"),
        ("intensity_after", -1, "'intensity_after' should be a whole number from 0 to 10"),
        ("cycles", -3, "'cycles' should be a whole number from 0 to 100000"),
        ("duration_s", "long", "'duration_s' should be a number of seconds"),
        ("duration_s", -1, "'duration_s' should be a number of seconds"),
        ("body", [1, 2], "'body' should be a list of text"),
        ("tags", ["ok", ["nested"]], "'tags' should be a list of text"),
        ("tags", {"a": 1}, "'tags' should be a list of text"),
        ("with", 7, "'with' should be text"),
        ("note", ["a"], "'note' should be text"),
        ("practice", 46, "'practice' should be text"),
        ("detail", [1], "'detail' should be an object"),
        ("kind", "nap", "'kind' should be checkin or practice"),
    ],
)
def test_a_field_of_the_wrong_shape_is_named(field: str, value: Any, says: str) -> None:
    with pytest.raises(InputError) as caught:
        from_record({**BASE, field: value}, "f.json: entry 3")
    assert str(caught.value).startswith(f"f.json: entry 3: {says}")


def test_a_record_from_another_tool_is_read_generously() -> None:
    entry = from_record(
        {
            "at": "2026-10-01T08:00",
            "state": "anxious",
            "intensity": 6,
            "tags": "work",
            "body": [" tight  chest ", "Tight chest", ""],
            "with": "  Sam ",
            "note": None,
            "duration_s": 90,
        },
        "entry 1",
    )
    assert (entry.state, entry.intensity, entry.kind) == (State.SYMPATHETIC, 6, Kind.CHECKIN)
    assert (entry.tags, entry.body, entry.with_who, entry.note) == (
        ("work",),
        ("tight chest",),
        "Sam",
        "",
    )
    assert entry.duration_s == 90.0 and isinstance(entry.duration_s, float)
    assert entry.at.tzinfo is not None  # no offset given: read as local time


def test_a_practice_may_leave_its_state_out() -> None:
    entry = from_record({"at": BASE["at"], "kind": "practice", "practice": "4-6"}, "entry 1")
    assert (entry.state, entry.state_after, entry.practice) == (None, None, "4-6")
    with pytest.raises(InputError, match="'state' should be"):
        from_record({"at": BASE["at"]}, "entry 1")
