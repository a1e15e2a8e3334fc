"""The circle's live picture, as a person sees it: the installed command on a
pseudo-terminal, its bytes fed to a terminal emulator (pyte). The host leads by typing;
its keys are shown in the picture, not echoed over it. Loopback only, bounded waits."""

from __future__ import annotations

import os
import re

import pytest

from tests.installed import Terminal
from tests.together.circles import start


def type_in(term: Terminal, text: str) -> None:
    os.write(term.master, text.encode())


@pytest.mark.parametrize("size", [(12, 40), (24, 80), (60, 200)])
def test_the_host_leads_from_the_picture_and_the_code_is_whole(
    size: tuple[int, int], tmp_path: os.PathLike[str]
) -> None:
    host = Terminal("together", "host", "2-2", "--name", "Ana", size=size)
    try:
        host.read_until("waiting to begin")
        squeezed = "".join(host.text().split())  # a code wrapped over rows reads whole
        found = re.search(r"coregtogetherjoin(127\.0\.0\.1:\d+/[a-z2-7]{52})", squeezed)
        assert found is not None, host.lines()
        code = found[1]
        joiner = start("together", "join", code, "--name", "Sam", home=str(tmp_path))
        host.read_until("Sam")  # the presence row
        type_in(host, "4-")
        host.read_until("> 4-")  # what is typed shows in the picture
        type_in(host, "\x7f\x7f\r")  # rubbed out; Enter begins
        host.read_until("breathe", timeout=10)
        assert joiner.wait_for(r"^inhale 2s") and "cycle 1" in host.text()
        type_in(host, "q\r")
        host.read_until("in the circle. Kept in your journal", timeout=20)
        assert host.proc.wait(timeout=10) == 0
        code_back, err = joiner.finish()
        assert code_back == 0 and "Traceback" not in err
    finally:
        host.close()


def test_a_joiner_sees_who_is_there_and_the_shared_orb(tmp_path: os.PathLike[str]) -> None:
    from tests.together.circles import code_of

    host = start("together", "host", "2-2", "--name", "Ana", "--cycles", "1")
    joiner = Terminal("together", "join", code_of(host), size=(24, 80))
    try:
        joiner.read_until("Ana (hosting)")
        assert "waiting for the host to begin" in joiner.text()
        host.proc.stdin.write("\n")  # type: ignore[union-attr]
        host.proc.stdin.flush()  # type: ignore[union-attr]
        joiner.read_until("breathe in", timeout=10)
        joiner.read_until("1 breath in", timeout=20)
        assert joiner.proc.wait(timeout=10) == 0
    finally:
        joiner.close()
        host.finish()
