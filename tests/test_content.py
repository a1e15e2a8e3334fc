"""The built-in content, and what a broken content file says."""

from __future__ import annotations

from pathlib import Path

import pytest

from coreg_tui.content import ContentError, breathing, load_breathing
from coreg_tui.core.pacing import parse_pattern, resolve


def test_the_presets_the_issue_names_exist_with_their_timings() -> None:
    presets = breathing().presets
    expected = {
        "calm": "4-6",
        "coherent": "5.5-5.5",
        "box": "4-4-4-4",
        "4-7-8": "4-7-8",
        "relax": "4-7-8",
        "sigh": "2+1-6",
    }
    for name, pattern in expected.items():
        found, _ = resolve(name, presets)
        assert found == parse_pattern(pattern)


def test_every_preset_has_a_description_and_holds_carry_a_caution() -> None:
    content = breathing()
    for preset in content.presets:
        assert preset.description and "!" not in preset.description
        caution = content.caution_for(preset.pattern, preset)
        assert (caution is not None) == preset.pattern.has_holds


def test_a_typed_pattern_with_holds_carries_the_caution_too() -> None:
    content = breathing()
    pattern, preset = resolve("5-3-7", content.presets)
    assert preset is None
    assert content.caution_for(pattern, preset) == content.hold_caution


def test_a_pattern_that_equals_a_preset_is_shown_as_that_preset() -> None:
    _, preset = resolve("4-4-4-4", breathing().presets)
    assert preset is not None and preset.name == "box"


GOOD_NOTES = '[notes]\nholds = "h"\nstop = "s"\n'


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[[preset]]\nname = 'calm'\n", "the [notes] table is missing"),
        (
            GOOD_NOTES + "[[preset]]\nname = 'calm'\npattern = '4-x'\ndescription = 'd'\n",
            "preset 'calm': 'pattern': 'x' in '4-x'",
        ),
        (
            GOOD_NOTES + "[[preset]]\nname = 'calm'\npattern = '4-6'\n",
            "preset 'calm': 'description' is missing",
        ),
        (
            GOOD_NOTES
            + "[[preset]]\nname = 'calm'\npattern = '4-6'\ndescription = 'd'\ncolour = 1\n",
            "unknown field(s) ['colour']",
        ),
        (
            GOOD_NOTES + "[[preset]]\nname = 'slow'\npattern = '5-7'\ndescription = 'd'\n",
            "the default preset 'calm' is missing",
        ),
        ("name = [", "not valid TOML"),
    ],
)
def test_a_broken_file_names_the_file_and_the_field(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "presets.toml"
    path.write_text(text)
    with pytest.raises(ContentError) as info:
        load_breathing(path)
    assert str(path) in str(info.value) and says in str(info.value)


def test_sos_guides_a_long_breath_out_without_holds_and_a_practice_in_the_library() -> None:
    from coreg_tui.content import breathing
    from coreg_tui.content.texts import texts
    from coreg_tui.core.session import plan_session
    from coreg_tui.offer import offered_library

    sos = texts().sos
    plan = plan_session(sos.pattern, breathing().presets, default=sos.pattern, cycles=sos.cycles)
    assert breathing().caution_for(plan.target, plan.preset) is None  # no holds to caution
    grounding = offered_library(offered_only=False).get(sos.grounding)
    assert grounding is not None and not grounding.is_breathing
