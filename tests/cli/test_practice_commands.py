"""practices, suggest, practice, content check, config, and care at the highest distress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import coreg_tui.config
from coreg_tui.cli.steps_run import run_steps_plain
from coreg_tui.content import breathing
from coreg_tui.content.practices import load_library
from coreg_tui.paths import config_path, content_dir
from tests.cli.runner import call
from tests.clock import FakeClock, TimedWriter

Cap = pytest.CaptureFixture[str]
LIBRARY = load_library(None, breathing().presets)


@pytest.fixture(autouse=True)
def fresh_config() -> None:
    coreg_tui.config.cache_clear()


def write_config(text: str) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(text)


class Keys:
    """Enter pressed at the given moments (seconds since the practice began)."""

    def __init__(self, clock: FakeClock, presses: tuple[float, ...] = ()) -> None:
        self.clock, self.presses = clock, list(presses)

    def wait_for_enter(self, seconds: float) -> bool:
        now = self.clock.monotonic() - 5_000.0
        if self.presses and self.presses[0] <= now + seconds:
            self.clock.sleep(max(0.0, self.presses.pop(0) - now))
            return True
        self.clock.sleep(seconds)
        return False


@pytest.mark.parametrize("practice", [p for p in LIBRARY.practices if p.steps], ids=lambda p: p.id)
def test_every_step_practice_runs_to_the_end_on_a_test_clock(practice) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    out = TimedWriter(clock)
    summary = run_steps_plain(practice, clock, Keys(clock), out)
    starts = [0.0]
    for step in practice.steps[:-1]:
        starts.append(starts[-1] + step.seconds)
    assert [t - 5_000.0 for t, _ in out.lines] == pytest.approx(starts)
    assert all(
        line.startswith(f"step {i + 1} of {len(practice.steps)}, ")
        for i, (_, line) in enumerate(out.lines)
    )
    assert (summary.steps_done, summary.finished) == (len(practice.steps), True)
    assert summary.elapsed_s == pytest.approx(sum(s.seconds for s in practice.steps))


def test_enter_moves_on_and_ctrl_c_ends_calmly() -> None:
    practice = LIBRARY.get("grounding-54321")
    assert practice is not None
    clock = FakeClock(interrupt_at=50.0)
    out = TimedWriter(clock)
    summary = run_steps_plain(practice, clock, Keys(clock, presses=(5.0,)), out)
    assert [round(t - 5_000.0) for t, _ in out.lines] == [0, 5, 40]  # step 2 began at Enter
    assert (summary.steps_done, summary.finished) == (2, False)
    assert summary.sentence() == "2 of 6 steps in 50 s."


def test_practices_lists_them_and_filters_by_state(capsys: Cap) -> None:
    code, out, _ = call(capsys, "practices", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == len(LIBRARY.practices)
    code, out, _ = call(capsys, "practices", "--state", "numb", "--json")
    assert all("dorsal" in row["states"] for row in json.loads(out))
    code, out, _ = call(capsys, "practices")
    assert "wake-up-gently" in out and "(for two)" in out


def test_suggest_json_and_the_care_line(capsys: Cap) -> None:
    code, out, _ = call(capsys, "suggest", "numb", "-i", "4", "--json")
    found = json.loads(out)
    assert code == 0 and found["state"] == "dorsal" and found["care"] is False
    assert found["practices"][0]["direction"] == "activating"
    code, out, _ = call(capsys, "suggest", "panicky", "-i", "10")
    assert "emergency" in out and out.count("coreg practice ") == 1  # calm: one practice


def test_log_at_the_highest_distress_offers_care_and_one_practice(capsys: Cap) -> None:
    code, out, _ = call(capsys, "log", "panicky", "-i", "10")
    assert code == 0 and out.startswith("Noted: sympathetic 10/10")
    assert "emergency number" in out and out.count("coreg practice ") == 1
    code, out, _ = call(capsys, "log", "anxious", "-i", "8")
    assert "emergency" not in out and out.count("\n") == 1


def test_config_shapes_suggestions_and_care(capsys: Cap) -> None:
    write_config(
        'hide_practices = ["breathe-sigh"]\nholds_max_intensity = 8\n'
        'care_contact = "Call Sam: 555 0100"\n'
    )
    code, out, _ = call(capsys, "suggest", "anxious", "-i", "7", "--json")
    ids = [p["id"] for p in json.loads(out)["practices"]]
    assert code == 0 and "breathe-sigh" not in ids and "breathe-box" in ids
    code, out, _ = call(capsys, "log", "anxious", "-i", "9")
    assert "Call Sam: 555 0100" in out


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("bel = true\n", "line 1 'bel'"),
        ("bell = 1\n", "line 1 'bell'"),
        ('default_pattern = "4-x"\n', "line 1 'default_pattern'"),
        ("x = [\n", "line 1"),
    ],
)
def test_a_broken_config_never_stops_a_command(capsys: Cap, text: str, says: str) -> None:
    write_config(text)
    code, out, err = call(capsys, "suggest", "calm")
    assert code == 0 and out  # the suggestions, on the defaults
    assert says in err and str(config_path()) in err and "coreg config check" in err
    assert err.count("\n") == 1


def test_the_default_pattern_comes_from_the_config(capsys: Cap) -> None:
    write_config('default_pattern = "1-1"\n')
    code, out, _ = call(capsys, "breathe", "-c", "1", "--no-log")
    assert code == 0 and out.splitlines()[:2] == ["inhale 1s", "exhale 1s"]


def test_content_check_reports_every_problem_at_once(capsys: Cap, tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('id = "A"\ntitle = ""\n')
    (tmp_path / "b.toml").write_text("not toml [\n")
    code, out, _ = call(capsys, "content", "check", str(tmp_path))
    lines = out.splitlines()
    assert code == 1 and lines[-1] == "2 files, 0 good practices, 9 problems."
    assert sum(line.startswith(str(tmp_path / "a.toml")) for line in lines) == 8
    code, out, _ = call(capsys, "content", "check", "content/practices")
    assert code == 0 and out.endswith("0 problems.\n")


def test_practice_runs_and_is_kept(capsys: Cap) -> None:
    code, out, _err = call(
        capsys, "practice", "breathe-sigh", "--plain", "--minutes", "0.1", "--after", "calm:2"
    )
    assert code == 0 and out.splitlines()[0] == "inhale 2s" and "kept: " in out
    code, out, _ = call(capsys, "list", "--json")
    (entry,) = json.loads(out)
    assert entry["practice"] == "2+1-6" and entry["detail"]["practice_id"] == "breathe-sigh"
    assert entry["state_after"] == "ventral"


def test_an_unknown_practice(capsys: Cap) -> None:
    code, _, err = call(capsys, "practice", "orientng")
    assert code == 2 and "did you mean 'orienting'" in err


def test_own_practices_appear_and_broken_ones_are_named(capsys: Cap) -> None:
    content_dir().mkdir(parents=True)
    (content_dir() / "bad.toml").write_text('id = "bad"\n')
    code, out, err = call(capsys, "practices", "--json")
    assert code == 0 and len(json.loads(out)) == len(LIBRARY.practices)
    assert err.startswith(f"coreg: skipped: {content_dir() / 'bad.toml'}")
