"""JSON Lines: `coreg export -f jsonl` writes one entry a line, `coreg import` reads a
.jsonl file back, and a bad line is named by its number with nothing imported."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from coreg_tui.paths import journal_path
from tests.cli.runner import call, two_entries
from tests.installed import COREG

Cap = pytest.CaptureFixture[str]


def listed(capsys: Cap) -> list[dict]:
    code, out, err = call(capsys, "list", "--json", "--limit", "0")
    assert code == 0, err
    return json.loads(out)


def test_export_jsonl_writes_one_entry_a_line_as_json_export_does(
    capsys: Cap, tmp_path: Path
) -> None:
    call(capsys, "log", "anxious", "-i", "6", "-n", "one\ntwo", "-t", "x", "--with", "Sam")
    call(capsys, "log", "calm", "-n", "[b]not markup[/b]")
    code, out, _ = call(capsys, "export", "-f", "jsonl")
    assert code == 0 and call(capsys, "export", "--format", "ndjson")[1] == out
    lines = out.splitlines()
    assert len(lines) == 2 and out.endswith("\n")
    call(capsys, "export", "-f", "json", "-o", str(tmp_path / "all.json"))
    whole = json.loads((tmp_path / "all.json").read_text())["entries"]
    assert [json.loads(line) for line in lines] == whole


def test_export_jsonl_round_trips_through_import(capsys: Cap, tmp_path: Path) -> None:
    two_entries(capsys)
    exported = tmp_path / "all.jsonl"
    assert call(capsys, "export", "-f", "jsonl", "-o", str(exported))[0] == 0
    original = listed(capsys)
    journal_path().unlink()
    code, out, _ = call(capsys, "import", str(exported))
    assert (code, out) == (0, "Imported 2 entries.\n")
    assert listed(capsys) == original
    assert call(capsys, "import", str(exported))[1] == "Imported 0 entries (2 already there).\n"


def test_import_jsonl_from_another_tool(capsys: Cap, tmp_path: Path) -> None:
    other = tmp_path / "mood.JSONL"
    other.write_text(
        '{"at": "2026-10-01T08:00:00+02:00", "state": "stressed", "intensity": 5}\r\n'
        "\n"
        '{"at": "2026-10-02 21:15", "state": "calm", "tags": "evening"}'  # no last newline
    )
    assert call(capsys, "import", str(other))[1] == "Imported 2 entries.\n"
    assert [e["state"] for e in listed(capsys)] == ["ventral", "sympathetic"]


GOOD = '{"at": "2026-10-01T08:00", "state": "calm"}\n'


@pytest.mark.parametrize(
    ("third", "says"),
    [
        ("{not json\n", "bad.jsonl: line 3 is not valid JSON (column 2"),
        ('{"at": "soon", "state": "calm"}\n', "bad.jsonl: line 3: 'at' should be a time"),
        ('{"at": "2026-10-01T09:00", "state": "x"}\n', "line 3: 'state' should be ventral"),
        ('{"at": "2026-10-01T09:00", "state": "calm", "mood": 1}\n', "line 3: unknown field"),
        ('[{"at": "2026-10-01T09:00", "state": "calm"}]\n', "line 3: expected an object"),
        ('{"at": "2026-10-01T09:00", "state": "calm"} {}\n', "line 3 is not valid JSON"),
        ("[" * 100_000 + "]" * 100_000 + "\n", "line 3 is nested too deeply"),
        ('{"at": "2026-10-01T09:00", "state": "calm", "note": "\\ud800"}\n', "half of a"),
        ('{"at": "2026-10-01T09:00", "state": "calm", "cycles": 1' + "0" * 5000 + "}\n", "line 3"),
        (GOOD, "entry 3 has the same id as an earlier one"),
    ],
)
def test_a_bad_line_names_its_number_and_imports_nothing(
    capsys: Cap, tmp_path: Path, third: str, says: str
) -> None:
    call(capsys, "log", "calm")
    before = journal_path().read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(GOOD + '{"at": "2026-10-02T08:00", "state": "numb"}\n' + third + GOOD)
    code, out, err = call(capsys, "import", str(bad))
    assert (code, out) == (2, "") and says in err and err.count("\n") == 1, err
    assert journal_path().read_bytes() == before
    assert len(listed(capsys)) == 1


def piped(*args: str, text: str) -> subprocess.CompletedProcess[str]:
    """The installed command, with `text` on its standard input."""
    return subprocess.run(
        [str(COREG), *args], input=text, capture_output=True, text=True, timeout=30, check=False
    )


def test_standard_input_is_read_as_json_lines_when_its_first_line_is_one_entry(
    capsys: Cap,
) -> None:
    call(capsys, "log", "anxious", "-i", "6", "-n", "one", "-t", "x")
    call(capsys, "log", "calm", "-n", "two")
    lines = call(capsys, "export", "-f", "jsonl")[1]
    whole = call(capsys, "export", "-f", "json")[1]
    original = listed(capsys)
    journal_path().unlink()
    done = piped("import", "-", text="\n" + lines)  # a blank line first, as JSON Lines allows
    assert (done.returncode, done.stdout, done.stderr) == (0, "Imported 2 entries.\n", "")
    assert listed(capsys) == original
    # coreg's JSON export and a one-line array still read as JSON, from the same place
    assert piped("import", "-", text=whole).stdout == "Imported 0 entries (2 already there).\n"
    array = '[{"at": "2026-10-01T08:00:00+02:00", "state": "dorsal"}]'
    assert piped("import", "-", text=array).stdout == "Imported 1 entry.\n"


def test_a_bad_line_on_standard_input_is_named_by_its_own_number() -> None:
    text = (
        "\n"
        '{"at": "2026-10-01T08:00:00+02:00", "state": "calm"}\n'
        '{"at": "2026-10-01T09:00:00+02:00", "state": "calmish"}\n'
    )
    done = piped("import", "-", text=text)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("coreg: standard input: line 3: 'state' should be")
    assert json.loads(piped("list", "--json", "--limit", "0", text="").stdout) == []
