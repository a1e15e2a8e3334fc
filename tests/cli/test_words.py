"""Words a person reads: practices by their titles (ids stay in JSON and `show`), a
skipped "after" in words, shares that add up to 100%, both years of a range, and a
breathing session under one breath left out of the journal unless asked for."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coreg_tui.core.insights import whole_percents
from coreg_tui.core.states import State
from tests.cli.runner import call

Cap = pytest.CaptureFixture[str]


def seed(capsys: Cap, tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    entries = [
        {
            "at": (now - timedelta(hours=2)).isoformat(),
            "kind": "practice",
            "practice": "2+1-6",
            "duration_s": 120,
            "cycles": 13,
            "state": "sympathetic",
            "intensity": 6,
        },
        {
            "at": (now - timedelta(hours=1)).isoformat(),
            "kind": "practice",
            "practice": "grounding-54321",
            "duration_s": 180,
            "state": "dorsal",
            "intensity": 5,
            "state_after": "ventral",
            "intensity_after": 3,
        },
        {"at": (now - timedelta(minutes=30)).isoformat(), "state": "ventral", "note": "tea"},
    ]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(entries))
    assert call(capsys, "import", str(path))[0] == 0


def test_practices_read_by_their_titles_wherever_a_person_reads(
    capsys: Cap, tmp_path: Path
) -> None:
    seed(capsys, tmp_path)
    _, listed, _ = call(capsys, "list")
    assert "5-4-3-2-1 grounding" in listed and "Double in-breath" in listed
    assert "grounding-54321" not in listed and "2+1-6" not in listed
    assert "?" not in listed

    _, report, _ = call(capsys, "report")
    assert "5-4-3-2-1 grounding" in report and "grounding-54321" not in report
    _, exported, _ = call(capsys, "export")
    assert "practice: 5-4-3-2-1 grounding" in exported and "grounding-54321" not in exported
    assert "dorsal 5/10 \u2192 ventral 3/10" in exported
    assert "sympathetic 6/10 before" in exported and "?" not in exported  # a skipped after

    _, raw, _ = call(capsys, "list", "--json")
    assert {e.get("practice") for e in json.loads(raw)} >= {"2+1-6", "grounding-54321"}
    short = next(e["id"][:8] for e in json.loads(raw) if e.get("practice") == "grounding-54321")
    assert "grounding-54321" in call(capsys, "show", short)[1]  # show keeps the id


@pytest.mark.parametrize(
    ("counts", "shown"),
    [
        ((1, 1, 1), (34, 33, 33)),  # 33.3 each: one rounds up, so they add to 100
        ((2, 1, 0), (67, 33, 0)),
        ((1, 0, 0), (100, 0, 0)),
        ((0, 0, 0), (0, 0, 0)),
        ((3, 3, 1), (43, 43, 14)),  # 42.9, 42.9, 14.3
    ],
)
def test_shares_shown_add_up_to_100(counts: tuple[int, ...], shown: tuple[int, ...]) -> None:
    got = whole_percents(dict(zip(State, counts, strict=True)))
    assert tuple(got[s] for s in State) == shown
    assert sum(shown) in (0, 100)


def test_stats_and_the_report_show_shares_that_add_up(capsys: Cap) -> None:
    for state in ("calm", "anxious", "numb"):
        assert call(capsys, "log", state)[0] == 0
    _, out, _ = call(capsys, "stats")
    assert " 34%" in out and out.count(" 33%") >= 2
    _, report, _ = call(capsys, "report")
    assert "check-in ," not in report and "1 check-in, mean" in report


def test_a_range_names_both_years(capsys: Cap) -> None:
    assert call(capsys, "log", "calm")[0] == 0
    first = datetime.now().date() - timedelta(days=365)
    _, out, _ = call(capsys, "stats", "--since", first.isoformat())
    assert out.splitlines()[0].startswith(f"{first:%-d %b %Y} to ")


def test_a_breath_shorter_than_one_cycle_is_not_kept_unless_asked(capsys: Cap) -> None:
    # SIGINT a second in: under one breath of 4-6
    import signal
    import subprocess
    import time

    from tests.installed import COREG, coreg, default_sigint

    proc = subprocess.Popen(
        [str(COREG), "breathe", "--plain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        preexec_fn=default_sigint,  # noqa: PLW1509
    )
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=10)
    assert "Under one breath: not kept." in out and proc.returncode == 0
    assert json.loads(coreg("list", "--json").stdout) == []
