"""The built-in content, a person's own practices, and what broken files say."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from coreg_tui.content import breathing, builtin_content_dir
from coreg_tui.content.practices import load_library, read_folder
from coreg_tui.content.texts import texts
from coreg_tui.core.practices import Direction, PracticeKind
from coreg_tui.core.states import State
from coreg_tui.core.suggest import suggest

PRESETS = breathing().presets


def test_the_library_covers_what_the_issue_asks_for() -> None:
    lib = load_library(None, PRESETS)
    ids = {p.id for p in lib.practices}
    assert len(lib.practices) >= 12 and lib.problems == ()
    assert {k for p in lib.practices for k in [p.kind]} == set(PracticeKind)
    for needed in (
        "grounding-54321",
        "orienting",
        "hand-on-heart",
        "swaying",
        "voo",
        "wake-up-gently",
        "together-breathing",
        "together-mirroring",
        "together-walking",
        "together-hand-breath",
    ):
        assert needed in ids
    presets_used = {p.preset for p in lib.practices if p.preset}
    assert {"calm", "coherent", "box", "4-7-8", "sigh"} <= presets_used
    activating = [p for p in lib.practices if p.direction is Direction.ACTIVATING]
    assert activating and all(State.DORSAL in p.states for p in activating)


def test_practices_for_two_are_marked_and_carry_the_opt_in_note() -> None:
    together = [p for p in load_library(None, PRESETS).practices if p.together]
    assert len(together) >= 4
    assert all(p.note and "stop" in p.note for p in together)


def test_every_practice_is_reachable_from_some_check_in() -> None:
    lib = load_library(None, PRESETS)
    reachable = {
        p.id
        for state in State
        for intensity in range(11)
        for p in suggest(lib.practices, state, intensity, with_someone=True).practices
    }
    assert reachable == {p.id for p in lib.practices}


def test_every_breathing_practice_has_a_pattern_and_every_other_has_steps() -> None:
    for p in load_library(None, PRESETS).practices:
        assert (p.pattern is not None) != bool(p.steps), p.id


def _all_text(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _all_text(v)]
    if isinstance(value, list):
        return [t for v in value for t in _all_text(v)]
    return []


def test_the_words_are_calm_no_exclamation_marks() -> None:
    for path in builtin_content_dir().rglob("*.toml"):
        for text in _all_text(tomllib.loads(path.read_text())):
            assert "!" not in text, f"{path}: {text}"


def test_states_and_prompts_load() -> None:
    t = texts()
    assert set(t.states) == set(State)
    assert all(s.cues and s.description and s.helps for s in t.states.values())
    assert {b.name for b in t.blends} == {"play", "stillness", "freeze"}
    assert "emergency" in t.care.help and t.checkin_prompts and t.reflection_prompts


GOOD = """
id = "my-walk"
title = "My walk"
kind = "movement"
direction = "steadying"
summary = "Around the block."
states = ["sympathetic"]
duration = "5m"

[[step]]
text = "Walk."
seconds = 60
"""


def test_a_persons_own_practices_join_and_may_replace_built_in_ones(tmp_path: Path) -> None:
    (tmp_path / "walk.toml").write_text(GOOD)
    (tmp_path / "orienting.toml").write_text(GOOD.replace('"my-walk"', '"orienting"'))
    lib = load_library(tmp_path, PRESETS)
    mine = lib.get("my-walk")
    assert mine is not None and mine.source == str(tmp_path / "walk.toml")
    assert lib.get("orienting").title == "My walk"  # type: ignore[union-attr]
    assert lib.get("grounding-54321") is not None  # the rest are all still there


def test_a_broken_file_of_their_own_never_hides_the_built_in_ones(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text('id = "x"\ntitle = [\n')
    (tmp_path / "wrong.toml").write_text(
        GOOD.replace('kind = "movement"', 'kind = "dancing"').replace(
            'duration = "5m"', 'duration = "forever"'
        )
    )
    lib = load_library(tmp_path, PRESETS)
    assert lib.get("orienting") is not None and lib.get("my-walk") is None
    problems = "\n".join(lib.problems)
    assert f"{tmp_path / 'broken.toml'}: not valid TOML" in problems
    assert f"{tmp_path / 'wrong.toml'}: 'kind': expected one of breathing, grounding" in problems
    assert f"{tmp_path / 'wrong.toml'}: 'duration': expected how long it takes" in problems


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (
            ('states = ["sympathetic"]', 'states = ["purple"]'),
            "'states': expected a list of one or more",
        ),
        (
            ('duration = "5m"', 'duration = "5m"\npattern = "4-6"'),
            "expected exactly one of 'preset'",
        ),
        (
            ('duration = "5m"', 'duration = "5m"\nintensity = [8, 2]'),
            "'intensity': expected two whole",
        ),
        (('duration = "5m"', 'duration = "5m"\ntogether = true'), "'note': expected a note"),
        (('id = "my-walk"', 'id = "My Walk!"'), "'id': expected lower-case letters"),
        (("seconds = 60", "seconds = 9999"), "step 1: 'seconds': expected a number from 3 to 600"),
        (('duration = "5m"', 'duration = "5m"\ncolour = "blue"'), "'colour' is not a field"),
    ],
)
def test_each_problem_names_the_file_and_the_field(
    tmp_path: Path, change: tuple[str, str], says: str
) -> None:
    path = tmp_path / "p.toml"
    path.write_text(GOOD.replace(*change))
    found, problems = read_folder(tmp_path, PRESETS, "yours")
    assert found == [] and any(p.startswith(str(path)) and says in p for p in problems), problems
