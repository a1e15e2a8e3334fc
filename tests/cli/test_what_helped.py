"""What helped, through the installed command on a fresh journal: every figure below is
worked out by hand from the definition (core/window.py), not read back from the code."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.installed import coreg

pytestmark = pytest.mark.slow

# practice, before, its intensity, after, its intensity; closer by (worked by hand)
SESSIONS = [
    ("4-6", "sympathetic", 3, "ventral", 8),  # 3: anxious 3 to calm 8 is a move in
    ("4-6", "sympathetic", 6, "ventral", 3),  # 6
    ("4-6", "sympathetic", 6, "dorsal", 6),  # 0: across the window, no nearer
    ("4-6", "dorsal", 7, "dorsal", 3),  # 4
    ("4-6", "sympathetic", 5, "ventral", None),  # 5
    ("4-6", "sympathetic", None, "ventral", None),  # toward, but by how much is unknown
    ("grounding-54321", "ventral", 2, "sympathetic", 6),  # -6
    ("grounding-54321", "sympathetic", 4, "sympathetic", 4),  # 0
    ("grounding-54321", "sympathetic", 2, "sympathetic", 6),  # -4
]
# 4-6: measured 5, closer 3+6+0+4+5 = 18, mean 3.6; 6 told, 5 toward, none away.
# grounding: measured 3, closer -10, mean -3.33; 3 told, none toward, 2 away.


@pytest.fixture
def journal(tmp_path: Path) -> None:
    when = datetime.now().astimezone() - timedelta(days=1)
    records = [
        {
            "at": (when + timedelta(minutes=i)).isoformat(),
            "kind": "practice",
            "practice": practice,
            "state": before,
            "intensity": bn,
            "state_after": after,
            "intensity_after": an,
            "duration_s": 120,
        }
        for i, (practice, before, bn, after, an) in enumerate(SESSIONS)
    ]
    source = tmp_path / "sessions.json"
    source.write_text(json.dumps(records))
    assert coreg("import", str(source)).returncode == 0


def test_stats_json_measures_against_the_window(journal: None) -> None:
    found = json.loads(coreg("stats", "--json").stdout)
    assert found["schema"] == 2
    first, second = found["what_helped"]
    assert first["practice"] == "4-6" and second["practice"] == "grounding-54321"
    assert (first["sessions"], first["measured"], first["mean_toward_window"]) == (6, 5, 3.6)
    assert (first["judged"], first["ended_toward_window"], first["ended_away_from_window"]) == (
        6,
        5,
        0,
    )
    assert (second["measured"], second["mean_toward_window"]) == (3, -3.33)
    assert (second["judged"], second["ended_toward_window"], second["ended_away_from_window"]) == (
        3,
        0,
        2,
    )
    assert "mean_change" not in first


def test_stats_and_the_report_say_it_in_words(journal: None) -> None:
    text = coreg("stats").stdout
    assert "helped most: closer to your window by 3.6 on average; 5 of 6 sessions" in text
    rows = [line for line in text.splitlines() if line.startswith("Longer breath out")]
    row = next(line for line in rows if "helped most" not in line)
    assert row.split()[3:] == ["6", "5", "of", "6", "+3.6"]
    report = coreg("report").stdout
    assert "| 6 | 5 of 6 | +3.6 |" in report
    assert "sympathetic 6 to dorsal 6 is no closer" in report


def test_suggest_with_someone_offers_a_practice_for_two_in_the_first_three() -> None:
    shown = coreg("suggest", "anxious", "--intensity", "5", "--with", "Sam", "--json")
    found = json.loads(shown.stdout)["practices"]
    assert any(p["together"] for p in found[:3])
    assert all(p["why"].startswith("for sympathetic") for p in found)
    words = coreg("suggest", "anxious", "-i", "5", "-w", "Sam", "--why").stdout
    assert "Only if you both want to" in words and "why: for sympathetic, mild:" in words


def test_alone_and_together_by_person_with_too_few_said_so() -> None:
    for words in (
        ["calm", "-w", "Sam"],  # 0 from the window
        ["anxious", "-i", "6", "-w", "Sam"],  # 6 above it
        ["anxious", "-i", "4", "-w", "Sam"],  # 4 above it
        ["numb", "-i", "3"],  # 3 below it, alone
        ["calm"],
        ["anxious", "-i", "2"],
        ["calm", "-w", "Ana"],  # one check-in with Ana: too few to say
    ):
        assert coreg("log", *words).returncode == 0
    found = json.loads(coreg("stats", "--json").stdout)
    sam, alone = found["people"]["Sam"], found["alone"]
    assert (sam["in_window_share"], sam["mean_distance_from_window"]) == (0.33, 3.33)  # 10 / 3
    assert (alone["in_window_share"], alone["mean_distance_from_window"]) == (0.33, 1.67)  # 5 / 3
    text = coreg("stats").stdout
    assert any(
        line.split()[:2] == ["Ana", "1"] and "too few to say" in line for line in text.splitlines()
    )
    sam_row = next(line for line in text.splitlines() if line.strip().startswith("Sam"))
    assert sam_row.split()[1:4] == ["3", "33%", "3.3"]
    report = coreg("report").stdout
    assert "| Sam | 3 | 33% | 3.3 |" in report and "| Ana | 1 | too few to say |" in report
