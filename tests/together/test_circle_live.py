"""A live circle through the installed command, over loopback: a host and joiners whose
clocks are seconds apart breathe every phase together, see who comes and goes, and each
keep the session in their own journal only."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from coreg_tui.core.circle import LEAD_S
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


def join_once(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`coreg together join CODE`, to its end."""
    return subprocess.run(
        [str(COREG), "together", "join", code],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
        env={"COREG_HOME": str(home), "PATH": "/usr/bin:/bin"},
    )


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
    joined = join_once(wrong_pin, tmp_path / "j")
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
    joined = join_once(code, tmp_path)
    assert joined.returncode == 2
    assert joined.stderr.count("\n") == 1 and says in joined.stderr


def test_the_leader_begins_moves_pauses_and_ends_the_circle_for_everyone(tmp_path: Path) -> None:
    host = start("together", "host", "1-1", home=str(tmp_path / "h"))
    code = code_of(host)
    joiner = start("together", "join", code, "--name", "Sam", home=str(tmp_path / "j"))
    host.wait_for(r"^Sam joined")
    assert joiner.wait_for(r"^waiting for the host to begin")

    def lead(line: str) -> None:
        assert host.proc.stdin is not None
        host.proc.stdin.write(line + "\n")
        host.proc.stdin.flush()

    lead("")  # Enter begins
    joiner.wait_for(r"^inhale 1s")
    lead("4-6")
    assert "gliding over 30 s" in host.wait_for(r"^moving everyone to")
    gliding = joiner.wait_for(r"^inhale (1\.[1-9]|[23](\.\d)?)s", timeout=15)
    assert gliding != "inhale 1s"
    lead("p")
    joiner.wait_for(r"^paused$")
    lead("g")
    time.sleep(LEAD_S + 2.5)  # on again, a breath or so, then the end
    lead("q")
    returncode, err = joiner.finish()
    host.finish()
    assert returncode == 0, err
    after_pause = [line for _, line in joiner.lines][[x for _, x in joiner.lines].index("paused") :]
    assert any(line.startswith(("inhale", "exhale")) for line in after_pause)
    assert joiner.lines[-2][1].startswith("done: ")


def test_the_circle_begins_at_the_rhythm_of_the_one_the_leader_attunes_to(
    tmp_path: Path,
) -> None:
    host = start("together", "host", "4-6", home=str(tmp_path / "h"))
    code = code_of(host)
    sam = start("together", "join", code, "--name", "Sam", home=str(tmp_path / "j"))
    host.wait_for(r"^Sam joined")
    assert host.proc.stdin is not None and sam.proc.stdin is not None
    host.proc.stdin.write("attune sam\n")
    host.proc.stdin.flush()
    sam.wait_for(r"press Enter as each breath in begins")
    for gap in (0.0, 2.0, 3.0, 2.0, 3.0, 2.0, 3.0):  # in 2 s, out 3 s
        time.sleep(gap)
        sam.proc.stdin.write("\n")
        sam.proc.stdin.flush()
    assert "your rhythm: 2-3" in sam.wait_for(r"^your rhythm")
    assert "breathes about 2-3" in host.wait_for(r"breathes about")
    assert sam.wait_for(r"^(inhale|exhale) ") == "inhale 2s"  # met where they are
    host.proc.stdin.write("q\n")
    host.proc.stdin.flush()
    assert sam.finish()[0] == 0 and host.finish()[0] == 0


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_leaving_is_ctrl_c_the_session_is_kept_and_the_circle_goes_on(
    tmp_path: Path, sig: int
) -> None:
    """Ctrl-C, or the window closed (SIGHUP) or a terminate: the same calm leaving."""
    host = start(
        "together", "host", "1-1", "--start-in", "1", "--cycles", "8", home=str(tmp_path / "h")
    )
    code = code_of(host)
    sam = start("together", "join", code, "--name", "Sam", home=str(tmp_path / "j"))
    sam.wait_for(r"^exhale 1s")
    sam.proc.send_signal(sig)
    returncode, err = sam.finish()
    assert returncode == 0 and err == ""
    assert sam.lines[-2][1].startswith("done: ") and sam.lines[-1][1].startswith("kept: ")
    assert not any("lost the circle" in line for _, line in sam.lines)
    host.wait_for(r"^Sam left")
    assert host.finish()[0] == 0
    told = [line for _, line in host.lines]
    assert [line for line in told if "joined" in line or "left" in line] == [
        "Sam joined (2 in the circle)",
        "Sam left (1 in the circle)",
    ]
    assert told.count("exhale 1s") == 8  # the host breathed on to the end


def test_the_code_can_come_on_standard_input_out_of_sight(tmp_path: Path) -> None:
    host = start(
        "together", "host", "1-1", "--start-in", "1", "--cycles", "1", home=str(tmp_path / "h")
    )
    code = code_of(host)
    joiner = start("together", "join", "-", "--name", "Sam", home=str(tmp_path / "j"))
    assert joiner.proc.stdin is not None
    joiner.proc.stdin.write(code + "\n")
    joiner.proc.stdin.flush()
    joiner.wait_for(r"^joined the circle")
    assert joiner.finish()[0] == 0 and host.finish()[0] == 0
    assert code not in " ".join(joiner.proc.args)  # type: ignore[arg-type]
    assert [line for _, line in joiner.phases()] == ["inhale 1s", "exhale 1s"]
