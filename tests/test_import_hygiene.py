"""The one-liners must not pay for the TUI: checked in fresh interpreters."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
{body}
heavy = sorted(m for m in ("textual", "pydantic") if m in sys.modules)
print(",".join(heavy) or "clean")
"""


def modules_left_after(body: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(body=body)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1]


def test_the_core_imports_neither_textual_nor_rich() -> None:
    body = (
        "import coreg_tui.core, coreg_tui.core.pacing, coreg_tui.core.session, "
        "coreg_tui.core.durations, coreg_tui.content, coreg_tui.visual.orb, coreg_tui.text, "
        "coreg_tui.core.states, coreg_tui.core.entries, coreg_tui.core.when, "
        "coreg_tui.journal.store, coreg_tui.documents.export, coreg_tui.journal.importer\n"
        "assert 'rich' not in sys.modules, 'rich'"
    )
    assert modules_left_after(body) == "clean"


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["breathe", "--help"],
        ["patterns", "--json"],
        ["breathe", "4-x"],
        ["completion", "bash"],
    ],
)
def test_commands_do_not_import_textual(argv: list[str]) -> None:
    body = (
        f"from coreg_tui.cli.app import run\ntry:\n    run({argv!r})\nexcept SystemExit:\n    pass"
    )
    assert modules_left_after(body) == "clean"


@pytest.mark.parametrize(
    "line", ["coreg ", "coreg log an", "coreg breathe ", "coreg practice ", "coreg log --"]
)
def test_a_tab_loads_neither_textual_nor_the_cli_library(line: str) -> None:
    """A shell's TAB is answered from the entry point before Typer, Rich or Textual load."""
    body = (
        "import os\n"
        f"os.environ.update(_COREG_COMPLETE='fish', _COREG_LINE={line!r})\n"
        "from coreg_tui.cli import main\n"
        "try:\n    main()\nexcept SystemExit as done:\n    assert done.code == 0\n"
        "loaded = {'typer', 'rich', 'click'} & {m.split('.')[0] for m in sys.modules}\n"
        "assert not loaded, sorted(loaded)"
    )
    assert modules_left_after(body) == "clean"


def test_sos_does_not_import_textual() -> None:
    """For the hardest moment it must start at once: run until Ctrl-C, well into the
    breathing. The alarm is set once the CLI is imported, so that a busy machine's slow
    import never meets a Ctrl-C outside the command (which would end the test, not sos)."""
    body = (
        "import signal\n"
        "def stop(*_):\n    raise KeyboardInterrupt\n"
        "signal.signal(signal.SIGALRM, stop)\n"
        "from coreg_tui.cli.app import run\n"
        "try:\n    signal.setitimer(signal.ITIMER_REAL, 1.5)\n    run(['sos'])\n"
        "except SystemExit:\n    pass\n"
        "assert 'coreg_tui.cli.breathe_run' in sys.modules"
    )
    assert modules_left_after(body) == "clean"


@pytest.mark.parametrize(
    "argv", [["--version"], ["log", "calm"], ["list", "--limit", "5"], ["list", "--json"]]
)
def test_the_quickest_commands_do_not_import_rich_either(argv: list[str]) -> None:
    # Rich's import costs more than the whole of `coreg log`'s own work
    body = (
        "from coreg_tui.cli.app import run\n"
        f"try:\n    run({argv!r})\nexcept SystemExit:\n    pass\n"
        "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if m.startswith('rich'))"
    )
    assert modules_left_after(body) == "clean"


def test_no_layer_below_the_faces_imports_the_cli() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "src" / "coreg_tui"
    for folder in ("core", "journal", "documents", "content", "visual", "tui"):
        for path in (root / folder).rglob("*.py"):
            assert "coreg_tui.cli" not in path.read_text(), path


def test_coreg_without_a_terminal_does_not_open_or_import_the_tui() -> None:
    body = "from coreg_tui.cli.app import run\ntry:\n    run([])\nexcept SystemExit:\n    pass"
    assert modules_left_after(body) == "clean"


def test_home_paints_before_any_other_screen_or_the_domain_s_sessions_load() -> None:
    """The companion's first paint waits for Home alone: no other screen's module, and
    not the pacer or the sessions (they load with the first breath)."""
    probe = (
        "import sys\n"
        "from coreg_tui.tui.app import CoregApp\n"
        "from coreg_tui.tui import screens\n"
        "screens.HomeScreen\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('coreg_tui'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert "coreg_tui.tui.screens.home" in loaded  # the probe did reach Home
    early = {
        "coreg_tui.core.pacing",
        "coreg_tui.core.session",
        "coreg_tui.journal.store",
        "coreg_tui.tui.sessions",
        "coreg_tui.tui.screens.breathe",
        "coreg_tui.tui.screens.journal",
    }
    assert loaded & early == set()


@pytest.mark.parametrize(
    "argv", [["log", "calm"], ["log", "anxious", "-i", "6", "-t", "work", "--note=a few words"]]
)
def test_a_check_in_loads_neither_the_cli_library_nor_rich(argv: list[str]) -> None:
    """`coreg log` answers from the entry point: a check-in costs less than Typer's import
    (benchmarks/startup.py)."""
    body = (
        f"sys.argv = ['coreg', *{argv!r}]\n"
        "from coreg_tui.cli import main\n"
        "try:\n    main()\nexcept SystemExit as done:\n    assert done.code == 0, done.code\n"
        "loaded = {'typer', 'rich', 'click'} & {m.split('.')[0] for m in sys.modules}\n"
        "assert not loaded, sorted(loaded)\n"
        "assert 'coreg_tui.cli.checkin' in sys.modules"
    )
    assert modules_left_after(body) == "clean"


NETWORK = ("websockets", "cryptography", "ssl", "asyncio")


@pytest.mark.parametrize(
    "argv",
    [
        ["log", "calm", "-n", "x"],
        ["breathe", "1-1", "-c", "1", "--plain", "--no-log"],
        ["list"],
        ["export", "-f", "json"],
        ["stats"],
        ["together", "--help"],
        ["together", "join", "not-a-code"],
    ],
)
def test_only_a_circle_loads_the_network(argv: list[str], tmp_path: object) -> None:
    """websockets, cryptography, ssl and asyncio load for `coreg together host` and `join`
    alone (a refused code needs none of them either)."""
    body = (
        "import os, io\n"
        "sys.stdin = io.StringIO('')\n"
        "from coreg_tui.cli.app import run\n"
        f"try:\n    run({argv!r})\nexcept SystemExit:\n    pass\n"
        f"loaded = [m for m in {NETWORK!r} if m in sys.modules]\n"
        "assert not loaded, loaded"
    )
    assert modules_left_after(body) == "clean"


CIPHER = ("sqlcipher3", "argon2", "_argon2_cffi_bindings", "_cffi_backend")


@pytest.mark.parametrize(
    "argv",
    [["log", "calm", "-n", "x"], ["list"], ["export", "-f", "json"], ["stats"], ["sos", "--help"]],
)
def test_a_plain_journal_loads_no_cipher(argv: list[str]) -> None:
    """SQLCipher's binding and Argon2 load for a locked journal only: people who never
    lock pay nothing for them."""
    body = (
        "import io\n"
        "sys.stdin = io.StringIO('')\n"
        "from coreg_tui.cli.app import run\n"
        f"try:\n    run({argv!r})\nexcept SystemExit:\n    pass\n"
        f"loaded = [m for m in {CIPHER!r} if m in sys.modules]\n"
        "assert not loaded, loaded"
    )
    assert modules_left_after(body) == "clean"
