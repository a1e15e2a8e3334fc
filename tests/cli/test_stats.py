"""`coreg stats` on a real journal: words for people, JSON for scripts, one line for mistakes."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.runner import call

Cap = pytest.CaptureFixture[str]


def log(capsys: Cap, *args: str) -> None:
    code, _, err = call(capsys, "log", *args)
    assert code == 0, err


def test_stats_of_the_last_weeks(capsys: Cap) -> None:
    today = datetime.now().date()
    two_days_ago = (today - timedelta(days=2)).isoformat()
    log(capsys, "anxious", "-i", "7", "--at", f"{two_days_ago}T08:15")
    log(capsys, "anxious", "-i", "5", "--at", f"{two_days_ago}T09:15")
    log(capsys, "calm", "-i", "2", "--with", "Ana", "--at", f"{two_days_ago}T20:00")
    log(capsys, "numb", "--at", "40d")  # older than four weeks: left out
    code, out, err = call(capsys, "stats")
    assert (code, err) == (0, "")
    assert "3 check-ins on 1 of 28 days." in out
    assert "Most often sympathetic (67% of check-ins)." in out
    assert "sympathetic          2" in out and "6.0" in out  # the mean of 7 and 5
    assert "Ana" in out and "with someone" in out

    _, out, _ = call(capsys, "stats", "--json", "--all")
    figures = json.loads(out)
    assert figures["overall"]["checkins"] == 4
    assert figures["overall"]["states"]["dorsal"] == {"count": 1, "mean_intensity": None}
    assert figures["parts_of_day"]["morning"]["states"]["sympathetic"]["count"] == 2
    assert figures["people"]["Ana"]["checkins"] == 1


def test_practices_with_a_before_and_after_show_in_what_helped(capsys: Cap, tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    sessions = [
        {
            "at": (now - timedelta(hours=h)).isoformat(),
            "kind": "practice",
            "practice": "4-6",
            "state": "sympathetic",
            "intensity": 7,
            "state_after": "ventral",
            "intensity_after": 3,
        }
        for h in (1, 2, 3)
    ]
    history = tmp_path / "history.json"
    history.write_text(json.dumps(sessions))
    assert call(capsys, "import", str(history))[0] == 0
    _, out, _ = call(capsys, "stats", "--json")
    (helped,) = json.loads(out)["what_helped"]
    assert helped == {
        "practice": "4-6",
        "sessions": 3,
        "measured": 3,
        "mean_toward_window": 7.0,  # sympathetic 7 to ventral: 7 closer, each time
        "judged": 3,
        "ended_toward_window": 3,
        "ended_away_from_window": 0,
        "began_elsewhere": 3,
        "reached_ventral": 3,
    }
    # JSON keeps the pattern; a person reads the practice's title
    shown = call(capsys, "stats")[1]
    assert (
        "Longer breath out helped most: closer to your window by 7.0 on average; "
        "3 of 3 sessions ended calmer or in the window."
    ) in shown
    assert "4-6" not in shown


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--since", "someday"], "'someday' is not a time I can read"),
        (["--since", "today", "--until", "3d"], "--until is before --since"),
        (["--since", "2099-01-01"], "--since 1 Jan 2099 is after today"),
        (["--all", "--since", "2w"], "--all and --since ask for different ranges"),
    ],
)
def test_a_range_that_cannot_be_read_is_one_line(capsys: Cap, args: list[str], says: str) -> None:
    code, out, err = call(capsys, "stats", *args)
    assert (code, out) == (2, "") and says in err and err.count("\n") == 1


def test_a_journal_of_one_day_reads_as_one_day(capsys: Cap) -> None:
    log(capsys, "calm")
    code, out, _ = call(capsys, "stats", "--all")
    assert code == 0 and out.splitlines()[0].endswith("(1 day)")
