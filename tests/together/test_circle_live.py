"""A live circle through the installed command, over loopback: a host and joiners whose
clocks are seconds apart breathe every phase together, see who comes and goes, and each
keep the session in their own journal only."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.installed import COREG
from tests.together.circles import code_of, start

IN_STEP_S = 0.15  # generous: the benchmark measures the real agreement (a few ms)


def journal_rows(home: Path) -> list[dict[str, object]]:
    found = subprocess.run(
        [str(COREG), "export", "-f", "json"],
        env={"COREG_HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(found.stdout)["entries"]


def test_joiners_with_clocks_seconds_apart_breathe_each_phase_with_the_host(
    tmp_path: Path,
) -> None:
    homes = {who: tmp_path / who for who in ("ana", "sam", "kit")}
    host = start(
        "together",
        "host",
        "1-1",
        "--name",
        "Ana",
        "--start-in",
        "2",
        "--cycles",
        "3",
        home=str(homes["ana"]),
        env={"COREG_CLOCK_SHIFT": "1000"},
    )
    code = code_of(host)
    sam = start(
        "together",
        "join",
        code,
        "--name",
        "Sam",
        home=str(homes["sam"]),
        env={"COREG_CLOCK_SHIFT": "-3.7"},
    )
    kit = start(
        "together", "join", code, home=str(homes["kit"]), env={"COREG_CLOCK_SHIFT": "12345.6"}
    )
    for person in (host, sam, kit):
        code_, err = person.finish()
        assert code_ == 0, err
        assert "Traceback" not in err
    assert [line for _, line in host.phases()] == ["inhale 1s", "exhale 1s"] * 3
    for joiner in (sam, kit):
        assert [line for _, line in joiner.phases()] == ["inhale 1s", "exhale 1s"] * 3
        for (theirs, _), (hosts, _) in zip(joiner.phases(), host.phases(), strict=True):
            assert abs(theirs - hosts) < IN_STEP_S
    assert any("joined Ana's circle" in line for _, line in sam.lines)
    assert any(line.startswith("Sam joined") for _, line in host.lines)
    assert any(line.startswith("someone joined") for _, line in host.lines)
    kept = {who: journal_rows(home) for who, home in homes.items()}
    for who, rows in kept.items():
        assert len(rows) == 1, who
        entry = rows[0]
        assert entry["kind"] == "practice" and entry["cycles"] == 3
        assert entry["detail"] == {"circle": True, "finished": True}
    assert sorted(str(kept["ana"][0]["with"]).split(", ")) == ["Sam", "someone"]
    assert sorted(str(kept["sam"][0]["with"]).split(", ")) in (["Ana", "someone"], ["Ana"])


def test_a_code_for_another_host_sends_nothing_and_says_so_in_one_line(tmp_path: Path) -> None:
    host = start("together", "host", "1-1", "--start-in", "30", home=str(tmp_path / "h"))
    code = code_of(host)
    address, key = code.split("/")
    # the same place and secret, another certificate's pin
    wrong_pin = address + "/" + ("a" * 26) + key[26:]
    joined = subprocess.run(
        [str(COREG), "together", "join", wrong_pin],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
        env={"COREG_HOME": str(tmp_path / "j"), "PATH": "/usr/bin:/bin"},
    )
    host.proc.terminate()
    host.finish()
    assert joined.returncode == 1
    assert joined.stderr.count("\n") == 1 and "not the circle's host" in joined.stderr
    assert not any("joined" in line for _, line in host.lines)


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("nonsense", "not a circle's code"),
        ("127.0.0.1:9/abc", "cut short or mistyped"),
        ("999.1.1.1:80/" + "a" * 52, "not an address"),
    ],
)
def test_a_mistyped_code_is_one_line_and_exit_2(code: str, says: str, tmp_path: Path) -> None:
    joined = subprocess.run(
        [str(COREG), "together", "join", code],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
        env={"COREG_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert joined.returncode == 2
    assert joined.stderr.count("\n") == 1 and says in joined.stderr
