"""One shape for every problem in every TOML file coreg reads (the config, practices,
presets, the states' words and the prompts), and every problem in a file at once.

    {file}[, line N][: {section}]: '{key}': expected {what is allowed}[, not {value}]
    {file}[, line N][: {section}]: '{key}' is missing (expected {what is allowed})
    {file}[, line N][: {section}]: '{key}' is not {a setting}; expected one of: {keys}
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from coreg_tui.config import KEYS, read_config
from coreg_tui.content import ContentError, load_breathing
from coreg_tui.paths import config_path
from coreg_tui.schema import Check, Table
from tests.installed import coreg


def table(data: dict[str, object], path: Path = Path("f.toml")) -> Table:
    return Check(path).table(data)


def said(t: Table) -> list[str]:
    return [str(p) for p in t.check.problems]


# --- through the real callers, as a person sees it -------------------------------------


def test_config_check_says_each_problem_with_its_line_and_key_in_the_files_order() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'theme = "Light"\nbell = 1\nhide_practices = [1]\nholds_max_intensity = 11\n'
        'care_contact = "Sam"\nbel = true\n'
    )
    result = coreg("config", "check")
    assert result.returncode == 2 and result.stderr == ""
    assert result.stdout.splitlines() == [
        f"{path}, line 2: 'bell': expected true or false, not 1",
        f"{path}, line 3: 'hide_practices': expected a list of practice ids in quotes, not [1]",
        f"{path}, line 4: 'holds_max_intensity': expected a whole number from 0 to 10, not 11",
        f"{path}, line 6: 'bel' is not a setting; expected one of: {', '.join(KEYS)}",
        "4 problems; until they are mended coreg uses the defaults there.",
    ]
    found, _ = read_config(path)  # every good line is still used; "Light" reads as light
    assert (found.theme, found.care_contact, found.bell) == ("light", "Sam", False)


def test_content_check_says_missing_wrong_and_unknown_fields_alike(tmp_path: Path) -> None:
    walk = tmp_path / "walk.toml"
    walk.write_text(
        'id = "my-walk"\ntitle = "My walk"\nkind = "movement"\ndirection = "up"\n'
        'states = ["ventral"]\nduration = "5m"\ncolour = "blue"\n'
        '[[step]]\ntext = "Walk."\nseconds = 1\n'
    )
    result = coreg("content", "check", str(tmp_path))
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and lines[-1] == "1 file, 0 good practices, 4 problems."
    assert lines[:-1] == [
        f"{walk}: 'colour' is not a field a practice has; expected one of: direction, "
        "duration, id, intensity, kind, note, pattern, preset, states, step, summary, "
        "title, together",
        f"{walk}: 'summary' is missing (expected some text in quotes)",
        f"{walk}: 'direction': expected calming, steadying or activating, not 'up'",
        f"{walk}: step 1: 'seconds': expected a number from 3 to 600, not 1",
    ]


def test_a_file_that_must_be_right_is_refused_with_its_first_problem_and_a_count(
    tmp_path: Path,
) -> None:
    path = tmp_path / "presets.toml"
    path.write_text("[[preset]]\nname = 'Calm'\n")
    with pytest.raises(ContentError) as info:
        load_breathing(path)
    assert str(info.value) == (
        f"{path}: the [notes] table is missing (and 2 more problems in this file)"
    )
    path.write_text('[notes]\nholds = "h"\nstop = "s"\n[[preset]]\nname = "calm"\npattern = 4\n')
    with pytest.raises(ContentError) as info:
        load_breathing(path)
    assert str(info.value).startswith(
        f"{path}: preset 'calm': 'pattern': expected a pattern such as \"4-6\", not 4 (and 1 more"
    )


def test_the_states_and_prompts_name_their_table(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from coreg_tui.content import builtin_content_dir
    from coreg_tui.content import texts as texts_module

    for name in ("states.toml", "prompts.toml"):
        text = (builtin_content_dir() / name).read_text()
        (tmp_path / name).write_text(text.replace("cycles = 6", "cycles = 0"))
    monkeypatch.setattr(texts_module, "builtin_content_dir", lambda: tmp_path)
    texts_module.texts.cache_clear()
    try:
        with pytest.raises(ContentError) as info:
            texts_module.texts()
        prompts = tmp_path / "prompts.toml"
        assert str(info.value) == (
            f"{prompts}: [sos]: 'cycles': expected a whole number from 1 to 60, not 0"
        )
    finally:
        texts_module.texts.cache_clear()


# --- the readers -----------------------------------------------------------------------


def test_every_problem_in_a_table_is_noted_not_only_the_first() -> None:
    t = table({"a": 1, "b": "x", "c": []})
    assert (t.text("a"), t.whole("b", 0, 10), t.texts("c"), t.flag("d")) == (None,) * 4
    assert said(t) == [
        "f.toml: 'a': expected some text in quotes, not 1",
        "f.toml: 'b': expected a whole number from 0 to 10, not 'x'",
        "f.toml: 'c': expected a list of one or more pieces of text in quotes, not []",
        "f.toml: 'd' is missing (expected true or false)",
    ]


def test_good_values_come_back_clean_and_optional_ones_as_none() -> None:
    t = table({"t": "  calm ", "l": [" a", "b "], "w": 3, "n": 4, "f": False, "k": " Box"})
    assert t.text("t") == "calm" and t.texts("l") == ("a", "b")
    assert t.whole("w", 0, 10) == 3 and t.number("n", 3, 600) == 4.0
    assert t.flag("f") is False and t.choice("k", ("calm", "box")) == "box"
    assert t.text("gone", required=False) is None and t.check.problems == []


@pytest.mark.parametrize(
    ("value", "read"),
    [
        (True, lambda t: t.whole("v", 0, 10)),  # true is not a number in a person's file
        (2.0, lambda t: t.whole("v", 0, 10)),
        (math.nan, lambda t: t.number("v", 3, 600)),
        (False, lambda t: t.number("v", 0, 1)),
        ("   ", lambda t: t.text("v")),
        (["a", 2], lambda t: t.texts("v")),
        (["ventral", "blue"], lambda t: t.choices("v", ("ventral", "dorsal"))),
        ("yes", lambda t: t.flag("v")),
    ],
)
def test_near_misses_are_problems(value: object, read: object) -> None:
    t = table({"v": value})
    assert read(t) is None  # type: ignore[operator]
    (problem,) = said(t)
    assert problem.startswith("f.toml: 'v': expected ")


def test_a_choice_of_more_than_three_says_one_of() -> None:
    t = table({"a": "x", "b": "x"})
    t.choice("a", ("auto", "dark", "light"))
    t.choice("b", ("w", "x y", "z", "q"))
    assert said(t) == [
        "f.toml: 'a': expected auto, dark or light, not 'x'",
        "f.toml: 'b': expected one of w, x y, z or q, not 'x'",
    ]


def test_sections_and_tables() -> None:
    t = table({"sos": {"cycles": 0}, "step": [{"text": "a"}, {"seconds": 5}], "x": 3})
    t.table("sos").whole("cycles", 1, 60)
    t.table("care").text("message")  # missing: said once, its keys not again
    t.table("x")
    for step in t.tables("step"):
        step.text("text")
    assert said(t) == [
        "f.toml: [sos]: 'cycles': expected a whole number from 1 to 60, not 0",
        "f.toml: the [care] table is missing",
        "f.toml: 'x': expected a [x] table, not 3",
        "f.toml: step 2: 'text' is missing (expected some text in quotes)",
    ]


def test_unknown_keys_one_by_one_or_grouped() -> None:
    t = table({"a": 1, "zz": 2, "yy": 3})
    t.unknown(("a",), thing="a field a step has")
    t.unknown(("a",), grouped=True)
    assert said(t) == [
        "f.toml: 'zz' is not a field a step has; expected one of: a",
        "f.toml: 'yy' is not a field a step has; expected one of: a",
        "f.toml: unknown field(s) ['yy', 'zz']; expected one of: a",
    ]


def test_a_parser_says_why_in_its_own_words_or_what_was_expected() -> None:
    def even(text: str) -> int:
        if int(text) % 2:
            raise ValueError(f"{text!r} is odd; an even number such as 4")
        return int(text)

    t = table({"a": "3", "b": "3", "c": 3})
    assert t.parsed("a", even) is None and t.parsed("c", even, "an even number") is None
    assert t.parsed("b", even, "an even number", its_words=False) is None
    assert said(t) == [
        "f.toml: 'a': '3' is odd; an even number such as 4",
        "f.toml: 'c': expected an even number, not 3",
        "f.toml: 'b': expected an even number, not '3'",
    ]


def test_long_values_are_cut_short() -> None:
    t = table({"a": "x" * 100})
    t.whole("a", 0, 1)
    (problem,) = said(t)
    assert problem.endswith("not '" + "x" * 38 + "\u2026")


def test_lines_are_named_when_the_check_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('# a comment\n"bell" = 3\n[table]\nx = 1\n')
    check = Check(path, lines=True)
    t = check.table(check.load())
    t.flag("bell")
    t.unknown(("bell",))
    assert [(p.line, p.key) for p in check.problems] == [(2, "bell"), (3, "table")]
    assert str(check.problems[0]) == f"{path}, line 2: 'bell': expected true or false, not 3"


@pytest.mark.parametrize(
    ("raw", "lines", "says"),
    [
        (b"a = 1\nb = [\n", False, "not valid TOML (invalid value (at end of document))"),
        (b"a = 1\nb = ?\n", True, ", line 2: not valid TOML (invalid value)"),
        (b"a = 1\nb = '\xff'\n", False, "not UTF-8 text (byte 12)"),
        (b"a = 1\nb = '\xff'\n", True, ", line 2: not UTF-8 text"),
        (b"a = " + b"[" * 100_000 + b"]" * 100_000, False, "nested too deeply to read"),
    ],
)
def test_a_file_that_does_not_read_is_one_problem(
    tmp_path: Path, raw: bytes, lines: bool, says: str
) -> None:
    path = tmp_path / "f.toml"
    path.write_bytes(raw)
    check = Check(path, lines=lines)
    assert check.load() is None
    (problem,) = check.problems
    assert str(problem) == f"{path}{'' if says.startswith(',') else ': '}{says}"


def test_a_missing_file_is_a_problem_unless_it_may_be_missing(tmp_path: Path) -> None:
    check = Check(tmp_path / "gone.toml")
    assert check.load(missing_ok=True) == {} and check.problems == []
    assert check.load() is None
    assert [str(p) for p in check.problems] == [f"{tmp_path / 'gone.toml'}: the file is missing"]
    folder = Check(tmp_path)
    assert folder.load() is None and str(folder.problems[0]).endswith(": is a folder, not a file")


def test_a_config_that_is_not_toml_keeps_what_reads_line_by_line_even_past_deep_nesting() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    deep = "[" * 100_000 + "]" * 100_000
    path.write_text(f'care_contact = "Sam"\nx = [\nbell = {deep}\ncolor = false\n')
    found, problems = read_config(path)
    assert (found.care_contact, found.color) == ("Sam", False)
    assert [str(p) for p in problems] == [
        f"{path}, line 3: not valid TOML (invalid value); "
        "the lines that read on their own were used"
    ]
    path.write_text(f"bell = {deep}\n")
    assert [str(p) for p in read_config(path)[1]] == [f"{path}: nested too deeply to read"]
