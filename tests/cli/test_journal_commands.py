"""log, list, show, edit, delete, export, import, paths: on a real journal file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from coreg_tui.journal.store import Journal
from coreg_tui.paths import journal_path
from tests.cli.runner import call, two_entries

Cap = pytest.CaptureFixture[str]


def ids(capsys: Cap, *args: str) -> list[dict]:
    code, out, err = call(capsys, "list", "--json", "--limit", "0", *args)
    assert code == 0, err
    return json.loads(out)


def test_log_records_a_check_in_and_confirms_in_one_line(capsys: Cap) -> None:
    code, out, err = call(
        capsys,
        "log",
        "anxious",
        "--intensity",
        "6",
        "--note",
        "before the talk",
        "--tag",
        "work",
        "-t",
        "work",
        "--body",
        "tight chest",
        "-b",
        "hot",
        "--with",
        "  Sam  ",
    )
    assert code == 0 and err == ""
    assert out.startswith("Noted: sympathetic 6/10, today ") and out.count("\n") == 1
    (entry,) = ids(capsys)
    assert entry["id"].startswith(out.split("(")[1][:8])
    assert (entry["kind"], entry["state"], entry["intensity"]) == ("checkin", "sympathetic", 6)
    assert entry["note"] == "before the talk" and entry["with"] == "Sam"
    assert entry["tags"] == ["work"] and entry["body"] == ["tight chest", "hot"]
    assert entry["at"][10] == "T" and entry["at"][-6] in "+-"  # ISO 8601 with its offset


def test_log_at_an_earlier_time(capsys: Cap) -> None:
    assert call(capsys, "log", "numb", "--at", "yesterday 22:00")[0] == 0
    (entry,) = ids(capsys)
    assert entry["state"] == "dorsal" and entry["at"][11:16] == "22:00"


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["log", "blue"], "'blue' is not a state"),
        (["log", "calm", "--intensity", "11"], "intensity is 11; it can be 0 to 10"),
        (["log", "calm", "-i", "-1"], "intensity is -1"),
        (["log", "calm", "--at", "next tuesday"], "not a time I can read"),
        (["log", "calm", "--at", "2099-01-01"], "in the future"),
        (["list", "--since", "whenever"], "not a time I can read"),
        (["list", "--since", "today", "--until", "3d"], "--until is not after --since"),
        (["list", "--state", "purple"], "'purple' is not a state"),
        (["list", "--limit", "-3"], "--limit is -3"),
        (["show", "abcd1234"], "there is no entry abcd1234"),
        (["show", "ab"], "at least 4"),
        (["edit", "abcd1234", "--note", "x"], "there is no entry"),
        (["delete", "abcd1234", "--yes"], "there is no entry"),
        (["export", "--format", "pdf"], "'pdf' is not one of"),
        (["import", "/nonexistent/file.json"], "cannot read /nonexistent/file.json"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    capsys: Cap, argv: list[str], says: str
) -> None:
    call(capsys, "log", "calm", "-n", "already here")
    before = journal_path().read_bytes()
    code, out, err = call(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and says in err and "Traceback" not in err
    assert journal_path().read_bytes() == before


def test_list_filters_and_the_table(capsys: Cap) -> None:
    call(capsys, "log", "calm", "-t", "morning", "-n", "slow coffee")
    call(capsys, "log", "anxious", "-i", "7", "-t", "work", "-n", "[bold]inbox[/bold]")
    call(capsys, "log", "numb", "--with", "Ana")
    assert [e["state"] for e in ids(capsys)] == ["dorsal", "sympathetic", "ventral"]
    assert [e["state"] for e in ids(capsys, "--state", "calm")] == ["ventral"]
    assert [e["note"] for e in ids(capsys, "--tag", "WORK")] == ["[bold]inbox[/bold]"]
    assert [e["with"] for e in ids(capsys, "--search", "ana")] == ["Ana"]
    assert len(ids(capsys, "--since", "today")) == 3
    assert ids(capsys, "--until", "yesterday") == []
    code, out, _ = call(capsys, "list", "--limit", "2")
    assert code == 0
    assert "[bold]inbox[/bold]" in out  # shown as typed, never read as markup
    assert "the newest 2; --limit 0 shows all" in out and "slow coffee" not in out
    assert "\x1b[" not in out  # not a terminal: no escape sequences
    assert "the newest" not in call(capsys, "list", "--limit", "3")[1]  # nothing more to show


def test_an_empty_journal_lists_kindly_and_is_not_created(capsys: Cap) -> None:
    code, out, _ = call(capsys, "list")
    assert code == 0 and "No entries match" in out
    assert call(capsys, "list", "--json")[1].split() == ["[", "]"]
    assert not journal_path().exists()


def test_show_edit_delete(capsys: Cap, monkeypatch: pytest.MonkeyPatch) -> None:
    call(capsys, "log", "anxious", "-i", "8", "-n", "first words", "-t", "a")
    entry_id = ids(capsys)[0]["id"]
    code, out, _ = call(capsys, "show", entry_id[:6])
    assert code == 0 and entry_id in out and "sympathetic 8/10" in out and "first words" in out
    code, out, _ = call(
        capsys,
        "edit",
        entry_id[:6],
        "--note",
        "better words",
        "-i",
        "5",
        "--state",
        "calm",
        "--tag",
        "b",
        "--tag",
        "c",
    )
    assert code == 0 and out == f"Changed {entry_id[:8]}.\n"
    (changed,) = ids(capsys)
    assert (changed["note"], changed["intensity"], changed["state"], changed["tags"]) == (
        "better words",
        5,
        "ventral",
        ["b", "c"],
    )
    assert call(capsys, "edit", entry_id[:6])[2].startswith("coreg: nothing to change")
    assert "--after is for practices" in call(capsys, "edit", entry_id[:6], "--after", "calm")[2]
    # deleting without --yes when nobody can be asked is refused
    code, _, err = call(capsys, "delete", entry_id[:6])
    assert code == 2 and "add --yes" in err and len(ids(capsys)) == 1
    code, out, _ = call(capsys, "delete", entry_id[:6], "--yes")
    assert code == 0 and out.startswith(f"Deleted {entry_id[:8]} (ventral 5/10")
    assert ids(capsys) == []


def test_export_to_a_file_is_private_and_never_overwrites_by_accident(
    capsys: Cap, tmp_path: Path
) -> None:
    call(capsys, "log", "calm", "-n", "# not a heading")
    target = tmp_path / "journal.md"
    code, out, err = call(capsys, "export", "-o", str(target))
    assert (code, out) == (0, "") and err == f"Wrote 1 entry to {target}.\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text()
    assert text.startswith("# coreg journal\n") and "\\# not a heading" in text
    code, _, err = call(capsys, "export", "-o", str(target), "-f", "json")
    assert code == 2 and "already exists; add --force" in err
    assert target.read_text() == text
    assert call(capsys, "export", "-o", str(target), "-f", "json", "--force")[0] == 0
    assert json.loads(target.read_text())["entries"][0]["note"] == "# not a heading"
    assert [p.name for p in tmp_path.iterdir()] == ["journal.md"]  # no temporary file left


def test_export_csv_to_stdout(capsys: Cap) -> None:
    call(capsys, "log", "calm", "-n", "=SUM(A1)")
    code, out, _ = call(capsys, "export", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("id,kind,at,state")
    assert ",'=SUM(A1)," in out


def test_import_is_lossless_and_idempotent(capsys: Cap, tmp_path: Path) -> None:
    two_entries(capsys)
    exported = tmp_path / "all.json"
    call(capsys, "export", "-f", "json", "-o", str(exported))
    original = ids(capsys)
    journal_path().unlink()
    code, out, _ = call(capsys, "import", str(exported))
    assert (code, out) == (0, "Imported 2 entries.\n")
    assert ids(capsys) == original
    assert call(capsys, "import", str(exported))[1] == "Imported 0 entries (2 already there).\n"
    assert len(ids(capsys)) == 2


def test_an_import_never_overwrites_an_entry_it_differs_from(capsys: Cap, tmp_path: Path) -> None:
    call(capsys, "log", "calm", "-n", "as it was")
    call(capsys, "log", "anxious", "-n", "kept")
    exported = tmp_path / "all.json"
    call(capsys, "export", "-f", "json", "-o", str(exported))
    data = json.loads(exported.read_text())
    data["entries"][0]["note"] = "changed in the file"
    data["entries"].append({"at": "2026-10-01T08:00:00+01:00", "state": "dorsal"})
    exported.write_text(json.dumps(data))
    code, out, err = call(capsys, "import", str(exported))
    changed = data["entries"][0]["id"]
    assert code == 1 and out == "Imported 1 entry (1 already there).\n"
    kept = "coreg: kept your journal's own version of 1 entry that differs in"
    assert err == f"{kept} {exported}: {changed[:8]}\n"
    notes = {e["id"]: e["note"] for e in ids(capsys)}
    assert notes[changed] == "as it was" and len(notes) == 3


def test_import_from_another_tool(capsys: Cap, tmp_path: Path) -> None:
    other = tmp_path / "mood.json"
    other.write_text(
        json.dumps(
            [
                {
                    "at": "2026-10-01T08:00:00+02:00",
                    "state": "stressed",
                    "intensity": 5,
                    "note": "exams",
                },
                {"at": "2026-10-02 21:15", "state": "calm", "tags": "evening"},
            ]
        )
    )
    assert call(capsys, "import", str(other))[1] == "Imported 2 entries.\n"
    assert call(capsys, "import", str(other))[1] == "Imported 0 entries (2 already there).\n"
    entries = ids(capsys)
    assert [(e["state"], e["kind"]) for e in entries] == [
        ("ventral", "checkin"),
        ("sympathetic", "checkin"),
    ]
    assert entries[0]["tags"] == ["evening"]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "is not valid JSON (line 1"),
        ('{"hello": 1}', "expected coreg's JSON export or a JSON array"),
        (
            '[{"at": "2026-10-01T08:00", "state": "calm"}, {"at": "soon", "state": "calm"}]',
            "entry 2: 'at' should be a time in ISO 8601",
        ),
        (
            '[{"at": "2026-10-01T08:00", "state": "calm"}, '
            '{"at": "2026-10-01T09:00", "state": "x"}]',
            "entry 2: 'state' should be ventral",
        ),
        ('[{"at": "2026-10-01T08:00", "state": "calm", "intensity": 11}]', "'intensity' should be"),
        ('[{"at": "2026-10-01T08:00", "state": "calm", "mood": 1}]', "unknown field(s) ['mood']"),
        ('[{"at": "2026-10-01T08:00", "state": "calm", "id": "nope"}]', "'id' should be a UUID"),
        ('{"format": "coreg-journal", "version": 99, "entries": []}', "newer coreg"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"format": "coreg-journal", "version": 1, "entries": {"at": 1}}', "expected coreg's"),
        ('[{"at": "2026-10-01T08:00", "state": "calm", "tags": {"a": 1}}]', "'tags' should be"),
        ('[{"at": "2026-10-01T08:00", "state": "calm", "body": [["deep"]]}]', "'body' should be"),
        ('[{"at": "2026-10-01T08:00", "state": "calm", "detail": []}]', "'detail' should be"),
        (
            '[{"id": "0190a0a0-0000-7000-8000-000000000001", "at": "2026-10-01T08:00", '
            '"state": "calm"}, {"id": "0190a0a0-0000-7000-8000-000000000001", '
            '"at": "2026-10-02T08:00", "state": "calm"}]',
            "entry 2 has the same id as an earlier one (0190a0a0)",
        ),
    ],
)
def test_a_bad_import_writes_nothing(capsys: Cap, tmp_path: Path, content: str, says: str) -> None:
    call(capsys, "log", "calm")
    before = journal_path().read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    code, out, err = call(capsys, "import", str(bad))
    assert (code, out) == (2, "") and says in err and err.count("\n") == 1
    assert journal_path().read_bytes() == before


def test_breathe_keeps_the_session_unless_asked_not_to(capsys: Cap) -> None:
    code, out, _ = call(
        capsys, "breathe", "1-1", "-c", "1", "--before", "anxious:7", "--after", "calm:3"
    )
    assert code == 0 and out.splitlines()[-1].startswith("kept: ")
    (entry,) = ids(capsys)
    assert (entry["kind"], entry["practice"], entry["cycles"]) == ("practice", "1-1", 1)
    assert entry["duration_s"] == pytest.approx(2.0, abs=0.05)
    assert (entry["state"], entry["intensity"], entry["state_after"], entry["intensity_after"]) == (
        "sympathetic",
        7,
        "ventral",
        3,
    )
    assert entry["detail"] == {"finished": True}
    code, out, _ = call(capsys, "breathe", "1-1", "-c", "1", "--no-log")
    assert code == 0 and "kept" not in out and len(ids(capsys)) == 1


def test_paths(capsys: Cap, coreg_home: Path) -> None:
    code, out, _ = call(capsys, "paths", "--json")
    found = json.loads(out)
    assert code == 0 and set(found) == {"journal", "data_dir", "config_dir", "content_dir"}
    assert all(value.startswith(str(coreg_home)) for value in found.values())
    assert found["journal"] == str(journal_path())
    assert not Path(found["data_dir"]).exists()  # looking does not create anything


def test_a_refused_journal_is_exit_1_and_left_alone(capsys: Cap) -> None:
    call(capsys, "log", "calm")
    with Journal.open(journal_path()) as j:
        j.conn.execute("PRAGMA user_version = 99")
    before = journal_path().read_bytes()
    for argv in (["log", "calm"], ["list"], ["export"]):
        code, out, err = call(capsys, *argv)
        assert (code, out) == (1, "") and "written by a newer coreg" in err
    assert journal_path().read_bytes() == before
    assert sorted(os.listdir(journal_path().parent)) == [
        "journal.sqlite3",
        "journal.sqlite3.checked",
        "journal.sqlite3.lock",  # its guard (journal/guard.py), made when it was first used
    ]
