"""A mistake in config.toml never stands between a person and help: every key that reads
is used, the defaults stand in for the rest, and one line says where to look."""

from __future__ import annotations

from pathlib import Path

import pytest

from coreg_tui.config import Config, read_config
from coreg_tui.paths import config_path
from tests.installed import coreg


def write(text: str | bytes) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "kept", "problems"),
    [
        ('care_contact = "Sam"\n', {"care_contact": "Sam"}, []),
        ('care_contact = "Sam"\nbel = true\n', {"care_contact": "Sam"}, [(2, "bel")]),
        ("bell = 1\ntheme = 'light'\n", {"theme": "light"}, [(1, "bell")]),
        ('theme = "pink"\n', {}, [(1, "theme")]),
        ("holds_max_intensity = 11\n", {}, [(1, "holds_max_intensity")]),
        ("holds_max_intensity = true\n", {}, [(1, "holds_max_intensity")]),
        ('default_pattern = "4-x"\n', {}, [(1, "default_pattern")]),
        ("hide_practices = [1]\n", {}, [(1, "hide_practices")]),
        # not TOML at all: the lines that read on their own are still used
        (
            'care_contact = "Sam, 555 0199"\nx = [\ncolor = false\n',
            {"care_contact": "Sam, 555 0199", "color": False},
            [(3, None)],  # where TOML found it broken
        ),
        ('theme = "light"\n[table]\nbell = true\n', {"theme": "light"}, [(2, "table")]),
    ],
)
def test_what_reads_is_used_and_each_problem_names_its_line_and_key(
    text: str, kept: dict[str, object], problems: list[tuple[int, str | None]]
) -> None:
    found, trouble = read_config(write(text))
    assert found == Config(**kept)  # type: ignore[arg-type]
    assert [(p.line, p.key) for p in trouble] == problems
    for p in trouble:
        assert str(config_path()) in str(p)


def test_files_that_cannot_be_read_mean_the_defaults_and_one_problem() -> None:
    found, trouble = read_config(write(b"care_contact = '\xff'\n"))
    assert found == Config() and "not UTF-8" in str(trouble[0])
    config_path().unlink()
    config_path().mkdir()
    found, trouble = read_config(config_path())
    assert found == Config() and "folder" in str(trouble[0])
    config_path().rmdir()
    assert read_config(config_path()) == (Config(), [])  # no file: the defaults, quietly


def test_config_check_lists_every_problem_and_exits_2() -> None:
    write('care_contact = "Sam"\nbel = true\ntheme = "pink"\n')
    result = coreg("config", "check")
    assert result.returncode == 2 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert "line 2: 'bel' is not a setting" in lines[0]
    # The one wording changed by issue 17: every file's problems read alike.
    assert "line 3: 'theme': expected auto, dark or light, not 'pink'" in lines[1]
    assert lines[2].startswith("2 problems")


def test_config_check_on_a_good_or_missing_file_exits_0() -> None:
    result = coreg("config", "check")
    assert result.returncode == 0 and "not there yet" in result.stdout
    write('theme = "light"\n')
    result = coreg("config", "check")
    assert result.returncode == 0 and result.stdout.strip().endswith("good.")


def test_config_path_prints_where_it_is_and_help_says_how_to_add_a_contact() -> None:
    result = coreg("config", "path")
    assert result.returncode == 0 and result.stdout.strip() == str(config_path())
    helped = coreg("config", "--help").stdout
    assert 'care_contact = "Sam, 555 0199"' in helped


@pytest.mark.parametrize("text", ["x = [\n", 'default_pattern = "4-x"\n', "bell = 'loud'\n"])
def test_breathing_goes_on_with_the_defaults_and_says_where_to_look(text: str) -> None:
    write(text)
    result = coreg("breathe", "-c", "1", "--plain", "--no-log", "1-1")
    assert result.returncode == 0
    assert result.stdout.splitlines()[:2] == ["inhale 1s", "exhale 1s"]
    (line,) = result.stderr.splitlines()
    assert line.startswith("coreg: part of ") and "coreg config check" in line


def test_the_companion_opens_with_a_broken_config_and_says_so_once() -> None:
    from tests.tui.test_flows import drive, settle

    write('theme = "light"\nbel = true\n')
    seen: dict[str, object] = {}

    async def steps(app, pilot, clock) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)
        seen["theme"] = app.theme
        seen["told"] = [n.message for n in app._notifications]
        seen["home"] = str(app.screen.query_one("#config-notice").render())

    drive(steps)
    assert seen["theme"] == "coreg-light"  # the good line is used
    assert seen["told"] == []  # no notice that could cover help now
    told = str(seen["home"])  # a line on Home instead
    assert "line 2 'bel'" in told and "coreg config check" in told
