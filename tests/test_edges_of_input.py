"""Moments, numbers and answers at their edges, through the installed command."""

from __future__ import annotations

import json
import os
import signal

import pytest

from tests.installed import Terminal, coreg, run_in_pty

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("argv", "env"),
    [
        (["log", "calm", "--at", "99999999999d"], {}),
        (["log", "calm", "--at", "99999999999w"], {}),
        (["list", "--until", "9999-12-31"], {}),
        (["list", "--since", "0001-01-01"], {}),
        (["list", "--limit", "99999999999999999999"], {}),
        (["log", "calm", "--at", "0001-01-01T00:00+01:00"], {}),
        (["export", "--since", "9999-12-31T23:59:59-23:59"], {}),
        (["log", "calm"], {"TZ": "FOO-24:59:59"}),
        (["stats"], {"TZ": "FOO-24:59:59"}),
    ],
)
def test_out_of_range_is_one_line_exit_2_and_writes_nothing(
    argv: list[str], env: dict[str, str]
) -> None:
    done = coreg(*argv, env=env)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert json.loads(coreg("list", "--json").stdout) == []


def test_a_time_inside_a_daylight_saving_gap_is_refused_not_moved() -> None:
    berlin = {"TZ": "Europe/Berlin"}
    skipped = coreg("log", "calm", "--at", "2026-03-29 02:30", env=berlin)
    assert skipped.returncode == 2 and "did not happen here" in skipped.stderr
    twice = coreg("log", "calm", "--at", "2026-10-25 02:30", env=berlin)  # the first of two
    assert twice.returncode == 0, twice.stderr
    (kept,) = json.loads(coreg("list", "--json", env=berlin).stdout)
    assert kept["at"] == "2026-10-25T02:30:00+02:00"


def test_show_gives_every_word_of_a_long_link() -> None:
    link = "https://example.org/" + "/".join(f"part{n:03d}" for n in range(40))
    coreg("log", "calm", "-n", f"read {link} later")
    short = json.loads(coreg("list", "--json").stdout)[0]["id"][:8]
    shown = coreg("show", short, env={"COLUMNS": "60"})
    assert shown.returncode == 0
    assert link in "".join(line.strip() for line in shown.stdout.splitlines())
    assert "\u2026" not in shown.stdout


@pytest.mark.parametrize("key", [b"\x03", b"\x04"])  # Ctrl-C, Ctrl-D
def test_ctrl_c_or_ctrl_d_at_are_you_sure_keeps_the_entry(key: bytes) -> None:
    coreg("log", "calm", "-n", "still here")
    short = json.loads(coreg("list", "--json").stdout)[0]["id"][:8]
    term = Terminal("delete", short, size=(24, 80))
    try:
        term.read_until("Delete")
        if key == b"\x03":  # the terminal's Ctrl-C: SIGINT to the foreground group
            os.killpg(term.proc.pid, signal.SIGINT)
        else:
            os.write(term.master, key)
        term.read(1.0)
        code = term.proc.wait(timeout=20)
    finally:
        if term.proc.poll() is None:
            os.killpg(term.proc.pid, signal.SIGKILL)
        os.close(term.master)
    assert "Kept." in term.text() and "Traceback" not in term.text() and code == 0
    assert [e["note"] for e in json.loads(coreg("list", "--json").stdout)] == ["still here"]


# --- words that never pass through the command line ---------------------------------------


def _notes() -> list[str]:
    return sorted(e["note"] for e in json.loads(coreg("list", "--json").stdout))


def test_a_note_from_standard_input_is_kept_and_never_in_the_arguments(tmp_path) -> None:
    import subprocess

    from tests.installed import COREG

    done = subprocess.run(
        [str(COREG), "log", "anxious", "-n", "-"],
        input="words for no one else 51ab\nover two lines\n",
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _notes() == ["words for no one else 51ab\nover two lines"]


def test_edit_writes_the_note_in_the_editor_on_a_private_file_removed_after(tmp_path) -> None:
    seen = tmp_path / "seen"
    editor = tmp_path / "editor.sh"
    # The "editor" notes where it was opened and how private that is, then writes.
    editor.write_text(
        "#!/bin/sh\n"
        f'stat -c "%a %n" "$1" "$(dirname "$1")" > "{seen}"\n'
        'printf "from the editor 7c3e" > "$1"\n'
    )
    editor.chmod(0o700)
    done = run_in_pty("log", "calm", "--edit", env={"EDITOR": str(editor), "VISUAL": ""})
    assert done.returncode == 0, done.output
    assert _notes() == ["from the editor 7c3e"]
    file_line, folder_line = seen.read_text().splitlines()
    assert file_line.startswith("600 ") and folder_line.startswith("700 ")
    opened = file_line.split(" ", 1)[1]
    assert not os.path.exists(opened) and not os.path.exists(os.path.dirname(opened))

    short = json.loads(coreg("list", "--json").stdout)[0]["id"][:8]
    editor.write_text('#!/bin/sh\nprintf " and more" >> "$1"\n')  # starts from the note
    assert run_in_pty("edit", short, "--edit", env={"EDITOR": str(editor)}).returncode == 0
    assert _notes() == ["from the editor 7c3e and more"]


def test_an_editor_that_fails_keeps_nothing(tmp_path) -> None:
    done = run_in_pty("log", "calm", "--edit", env={"EDITOR": "false", "VISUAL": ""})
    assert done.returncode == 2 and b"nothing was kept" in done.output
    assert _notes() == []
    both = coreg("log", "calm", "--edit", "-n", "x")
    assert both.returncode == 2 and "not both" in both.stderr
