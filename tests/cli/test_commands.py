"""The `coreg` command's faces: version, help, patterns, and every kind of bad input."""

from __future__ import annotations

import json

import pytest

from tests.cli.runner import call


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from coreg_tui import __version__

    assert call(capsys, "--version") == (0, f"coreg {__version__}\n", "")


def test_no_arguments_outside_a_terminal_gives_a_hint_and_the_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = call(capsys)
    assert (code, out) == (2, "")
    assert err.startswith("coreg: the companion opens in a terminal")
    assert "breathe" in err and "patterns" in err and "\x1b" not in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["breathe", "4-x"], "'x' in '4-x' is not a number of seconds"),
        (["breathe", "0-6"], "the inhale is 0 s; it can be 1 to 30 s"),
        (["breathe", "4-6-6-6-6"], "at most 4"),
        (["breathe", "nan-inf"], "'nan' in 'nan-inf' is not a number"),
        (["breathe", "99-6"], "the inhale is 99 s"),
        (["breathe", "clam"], "no preset called 'clam' (did you mean 'calm'?)"),
        (["breathe", "--cycles", "-1"], "--cycles is -1; it can be 1 to 10,000"),
        (["breathe", "--cycles", "0"], "--cycles is 0"),
        (
            ["breathe", "--cycles", "lots"],
            "--cycles should be a whole number, such as 6, not 'lots'",
        ),
        (
            ["breathe", "--minutes", "abc"],
            "--minutes should be a number, such as 5 or 2.5, not 'abc'",
        ),
        (["breathe", "--minutes", "nan"], "--minutes is nan"),
        (["breathe", "--minutes", "inf"], "--minutes is inf"),
        (["breathe", "--minutes", "0"], "--minutes is 0.0"),
        (["breathe", "--ramp", "2m"], "--ramp goes with --from"),
        (["breathe", "--from", "3-3", "--ramp", "2s"], "--ramp is 2 s; it can be 10 s to 1 h"),
        (["breathe", "--from", "3-3", "--ramp", "soon"], "'soon' is not a duration"),
        (["breathe", "--from", "3-x"], "'x' in '3-x'"),
        (["breathe", "--loud"], "No such option: --loud"),
        (["breathe", "4-6", "5-7"], "unexpected extra argument"),
        (["breath"], "No such command 'breath'"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    code, out, err = call(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("coreg")
    assert says.lower() in err.lower()
    assert "Traceback" not in err


def test_bad_input_echo_cannot_reach_the_terminal_raw(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "breathe", "\x1b]52;c;aGk=\x07")
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err
    assert "\u241b" in err  # shown as a visible placeholder


def test_patterns_lists_every_preset_with_its_timing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "patterns")
    assert code == 0
    for row in (
        "calm",
        "4-6",
        "6.0",
        "coherent",
        "5.5-5.5",
        "box *",
        "4-4-4-4",
        "4-7-8 *",
        "relax",
        "sigh",
        "2+1-6",
        "Holds are not for everyone",
    ):
        assert row in out
    assert "\x1b[" not in out  # captured output is not a terminal: no escape sequences


def test_patterns_json_is_complete(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "patterns", "--json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert code == 0
    assert rows["coherent"]["breaths_per_minute"] == pytest.approx(5.45, abs=0.01)
    assert rows["box"]["caution"] and rows["calm"]["caution"] is None
    assert rows["4-7-8"]["aliases"] == ["relax", "478"]
    assert rows["sigh"]["pattern"] == "2+1-6"
