"""TAB completion: `coreg completion SHELL` prints a script, the installed command answers
what TAB offers (commands, options, states, presets, practice ids, the person's own
included), a real bash completes with the script loaded, and the hand-written command
tree that lets a TAB skip the CLI library stays true to the Typer commands."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import typer
from typer._click import core as click

from coreg_tui.cli import candidates, command_tree
from coreg_tui.cli.command_tree import (
    DIR,
    FILE,
    FLAG,
    PRACTICE,
    PRESET,
    SHELLS,
    STATE,
    TEXT,
    Command,
    Value,
)
from coreg_tui.paths import content_dir
from tests.installed import COREG, coreg, read_pty, spawn_on_pty

OWN_PRACTICE = """\
id = "window-and-sky"
title = "Window and sky"
kind = "grounding"
direction = "steadying"
summary = "Walk to a window and find the furthest thing you can see."
states = ["sympathetic"]
duration = "1m"

[[step]]
text = "Walk to a window, slowly."
seconds = 20

[[step]]
text = "Find the furthest thing you can see, and rest your eyes on it."
seconds = 40
"""


def write_own_practice(text: str = OWN_PRACTICE, name: str = "window.toml") -> None:
    content_dir().mkdir(parents=True, exist_ok=True)
    (content_dir() / name).write_text(text, encoding="utf-8")


def ask(line: str, shell: str = "bash") -> list[str]:
    """What the installed coreg answers a shell's TAB after `line`: kind, then candidates."""
    done = coreg(env={"_COREG_COMPLETE": shell, "_COREG_LINE": line})
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout.splitlines()


def offered(line: str) -> list[str]:
    kind, *words = ask(line)
    assert kind == "plain"
    return words


# The script, and the command that prints it


@pytest.mark.parametrize("shell", SHELLS)
def test_completion_prints_the_script_for_each_shell(shell: str) -> None:
    done = coreg("completion", shell)
    assert (done.returncode, done.stderr) == (0, "")
    assert f"_COREG_COMPLETE={shell}" in done.stdout
    assert "coreg completion " + shell in done.stdout  # how to keep it, in its own words


@pytest.mark.parametrize("shell", SHELLS)
def test_each_script_is_valid_in_its_shell(shell: str) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here")
    script = coreg("completion", shell).stdout
    checked = subprocess.run(
        [shell, "-n"], input=script, capture_output=True, text=True, check=False
    )
    assert (checked.returncode, checked.stderr) == (0, "")


def test_completion_help_says_how_to_keep_the_script() -> None:
    done = coreg("completion", "--help")
    assert done.returncode == 0
    for where in ("bash-completion/completions/coreg", "fpath", "fish/completions/coreg.fish"):
        assert where in done.stdout


@pytest.mark.parametrize("shell", ["tcsh", "", "\x1b[2J"])
def test_an_unknown_shell_is_one_line_and_exit_2(shell: str) -> None:
    done = coreg("completion", shell)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("coreg: ") and done.stderr.count("\n") == 1
    assert "\x1b" not in done.stderr and "Traceback" not in done.stderr


def test_an_unknown_shell_asking_is_one_line_and_exit_2() -> None:
    done = coreg(env={"_COREG_COMPLETE": "tcsh", "_COREG_LINE": "coreg "})
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("coreg: ") and done.stderr.count("\n") == 1


# What the installed command answers


def test_commands_complete_in_the_order_help_lists_them() -> None:
    from coreg_tui.cli.app import COMMANDS

    assert offered("coreg ") == list(COMMANDS)
    assert offered("coreg con") == ["content", "config"]
    assert offered("coreg --version ") == list(COMMANDS)


def test_a_group_completes_its_own_commands() -> None:
    assert offered("coreg config ") == ["check", "path"]
    assert offered("coreg content ") == ["check"]
    assert offered("coreg config path ") == ["--help"]


def test_states_complete_with_their_everyday_words() -> None:
    words = offered("coreg log ")
    assert words[:3] == ["ventral", "sympathetic", "dorsal"]
    assert {"calm", "anxious", "overwhelmed", "numb", "shut-down"} <= set(words)
    assert offered("coreg log an") == ["anxious", "angry"]
    assert offered("coreg log ANX") == ["anxious"]
    assert offered("coreg suggest -i 7 num") == ["numb"]
    assert offered("coreg list --state ven") == ["ventral"]
    assert offered("coreg breathe --before over") == ["overwhelmed"]


def test_presets_complete_by_name_and_alias() -> None:
    words = offered("coreg breathe ")
    assert {"calm", "coherent", "box", "4-7-8", "sigh", "square", "resonance"} <= set(words)
    assert offered("coreg breathe b") == ["box", "balanced"]
    assert offered("coreg breathe --from ") == words
    assert offered("coreg breathe --cycles 4 --from co") == ["coherent"]


def test_an_option_and_its_value_in_one_word() -> None:
    # bash breaks the word at '=' and replaces only what follows; zsh and fish, the word
    assert offered("coreg breathe --from=co") == ["coherent"]
    assert ask("coreg breathe --from=co", "fish") == ["plain", "--from=coherent\t5.5-5.5"]
    assert ask("coreg export --format=j", "zsh") == ["plain", "--format=json"]


def test_practice_ids_complete_with_the_persons_own() -> None:
    write_own_practice()
    words = offered("coreg practice ")
    assert {"grounding-54321", "breathe-box", "orienting", "window-and-sky"} <= set(words)
    assert offered("coreg practice grou") == ["grounding-54321"]
    assert offered("coreg practice --plain win") == ["window-and-sky"]
    assert ask("coreg practice win", "fish") == ["plain", "window-and-sky\tWindow and sky"]


def test_options_complete_after_a_dash() -> None:
    long_ones = offered("coreg log --")
    expected = ["--intensity", "--note", "--edit", "--tag", "--body", "--with", "--at", "--help"]
    assert long_ones == expected
    assert offered("coreg log calm --in") == ["--intensity"]
    assert {"-i", "-n", "-h", "--intensity"} <= set(offered("coreg log -"))
    assert offered("coreg -") == ["--version", "-V", "-h", "--help"]
    assert offered("coreg patterns ") == ["--json", "--help"]  # nothing else to give


def test_what_only_the_person_knows_is_left_to_them() -> None:
    assert offered("coreg log calm --note ") == []
    assert offered("coreg show ") == []
    assert offered("coreg log calm ") == offered("coreg log --")  # only options are left
    assert offered("coreg no-such-command ") == []


def test_files_and_folders_are_left_to_the_shell() -> None:
    assert ask("coreg import ") == ["files"]
    assert ask("coreg export -o ") == ["files"]
    assert ask("coreg content check ") == ["dirs"]


def test_zsh_and_fish_are_told_what_each_word_is() -> None:
    about = "Note how your nervous system is right now: a check-in in one line."
    locks = "Encrypt the journal with a passphrase (asked twice, never shown)."
    assert ask("coreg lo", "zsh") == ["plain", f"log:{about}", f"lock:{locks}"]
    assert ask("coreg lo", "fish") == ["plain", f"log\t{about}", f"lock\t{locks}"]
    assert ask("coreg log anx", "fish") == ["plain", "anxious\tsympathetic"]


def test_a_title_from_a_file_reaches_the_shell_as_one_printable_line() -> None:
    write_own_practice(OWN_PRACTICE.replace("Window and sky", "Window\\u001b[2J and\\tsky"))
    assert ask("coreg practice win", "fish") == ["plain", "window-and-sky\tWindow\u241b[2J and sky"]


def test_broken_files_of_ones_own_never_break_completion() -> None:
    write_own_practice("not toml [\n\x00", "broken.toml")
    write_own_practice('id = "Not An Id"\ntitle = "x"\n', "bad-id.toml")
    (content_dir() / "folder.toml").mkdir()
    write_own_practice(b"\xff\xfe".decode("latin-1"), "latin.toml")
    assert "grounding-54321" in offered("coreg practice ")
    assert not {"Not An Id", "not an id"} & set(offered("coreg practice "))


# A real bash, with the script loaded


def test_bash_completes_with_the_script_sourced(tmp_path: Path) -> None:
    """Words set as bash sets them for a completion function, then its answer."""
    write_own_practice()
    (tmp_path / "entries.json").write_text("[]")
    lines = {
        "coreg lo": "log lock",
        "coreg log anx": "anxious",
        "coreg breathe coh": "coherent",
        "coreg practice grounding-": "grounding-54321",
        "coreg practice window": "window-and-sky",
        "coreg log --inten": "--intensity",
        "coreg breathe --from=squ": "square",
        "coreg import entr": "entries.json",
    }
    calls = "".join(
        f"COMP_LINE={line!r}; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=({line}); "
        f"COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); COMPREPLY=(); "
        '_coreg_completion coreg; echo "${COMPREPLY[*]}"\n'
        for line in lines
    )
    script = f"source <(coreg completion bash)\ncomplete -p coreg\n{calls}"
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PATH": f"{COREG.parent}{os.pathsep}{os.environ['PATH']}"},
        timeout=30,
    )
    assert done.stderr == ""
    registered, *answers = done.stdout.splitlines()
    assert registered.endswith("-F _coreg_completion coreg")
    assert answers == list(lines.values())


def interactive_bash(keys: str, cwd: Path, timeout: float = 20) -> str:
    """What an interactive bash on a terminal prints when `keys` are typed into it."""
    env = {
        **os.environ,
        "PATH": f"{COREG.parent}{os.pathsep}{os.environ['PATH']}",
        "TERM": "dumb",
        "PS1": "$ ",
        "INPUTRC": os.devnull,
    }
    proc, master = spawn_on_pty(["bash", "--norc", "--noprofile", "-i"], env=env, cwd=cwd)
    os.write(master, keys.encode())
    try:
        output = read_pty(master, timeout, proc)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=5)
    return output.decode(errors="replace").replace("\r", "")


def test_tab_completes_in_an_interactive_bash(tmp_path: Path) -> None:
    """The whole way: keys typed into bash on a terminal, TAB pressed, and the completed
    line run as `echo` (Ctrl-A goes back to the start of the line to put it there)."""
    write_own_practice()
    typed = [
        "coreg unl",
        "coreg log anx",
        "coreg breathe --from=cohe",
        "coreg practice grounding-5",
        "coreg practice window",
        "coreg log calm --inten",
    ]
    keys = "source <(coreg completion bash)\n"
    keys += "".join(f"{line}\t\x01echo DONE{i} \n" for i, line in enumerate(typed))
    keys += "exit\n"
    shown = dict(re.findall(r"^DONE(\d+) (.*?) *$", interactive_bash(keys, tmp_path), re.M))
    assert [shown.get(str(i)) for i in range(len(typed))] == [
        "coreg unlock",
        "coreg log anxious",
        "coreg breathe --from=coherent",
        "coreg practice grounding-54321",
        "coreg practice window-and-sky",
        "coreg log calm --intensity",
    ]


# The hand-written tree and the quick reading of content, held to the real thing


def typer_commands() -> click.Command:
    from coreg_tui.cli.app import COMMANDS, _register, app

    app.registered_commands.clear()
    app.registered_groups.clear()
    _register(list(COMMANDS))
    return typer.main.get_command(app)


def expected_value(param: click.Parameter, command: str) -> Value:
    """What a parameter's value should complete as, read from its type and metavar."""
    if param.param_type_name == "option" and param.is_flag:  # type: ignore[attr-defined]
        return FLAG
    if choices := getattr(param.type, "choices", None):
        return tuple(str(choice) for choice in choices)
    by_metavar: dict[str, Value] = {
        "STATE": STATE,
        "STATE[:N]": STATE,
        "PATTERN": PRESET,
        "[PATTERN]": PRESET,
        "FILE": FILE,
        "[DIR]": DIR,
        "SHELL": SHELLS,
    }
    if command == "practice" and param.metavar == "ID":
        return PRACTICE
    return by_metavar.get(param.metavar or "", TEXT)


def seen_by_tab(node: Command) -> dict[str, object]:
    return {
        "about": node.about,
        "options": node.options,
        "arguments": node.arguments,
        "subcommands": {name: seen_by_tab(sub) for name, sub in node.subcommands.items()},
    }


def seen_by_typer(command: click.Command, ctx: click.Context) -> dict[str, object]:
    name = command.name or ""
    options: dict[str, Value] = {}
    for param in command.get_params(ctx):  # with the help option, as this context names it
        if param.param_type_name == "option":
            options.update(
                dict.fromkeys([*param.opts, *param.secondary_opts], expected_value(param, name))
            )
    subcommands = getattr(command, "commands", {})
    return {
        "about": command.get_short_help_str(limit=1000) if ctx.parent else "",
        "options": options,
        "arguments": tuple(
            expected_value(p, name) for p in command.params if p.param_type_name == "argument"
        ),
        "subcommands": {
            sub: seen_by_typer(c, click.Context(c, info_name=sub, parent=ctx))
            for sub, c in subcommands.items()
        },
    }


def test_the_tree_tab_reads_is_the_typer_commands() -> None:
    """If this fails, a command, option or first line of help changed in Typer and not in
    cli/command_tree.py (or the other way round): mend the tree."""
    root = typer_commands()
    ctx = click.Context(root, info_name="coreg", **root.context_settings)
    typer_tree = seen_by_typer(root, ctx)
    tab_tree = seen_by_tab(command_tree.ROOT)
    assert list(tab_tree["subcommands"]) == list(typer_tree["subcommands"])  # type: ignore[arg-type]
    for name, seen in typer_tree["subcommands"].items():  # type: ignore[attr-defined]
        assert tab_tree["subcommands"][name] == seen, name  # type: ignore[index]
    assert tab_tree["options"] == typer_tree["options"]


def test_the_quick_reading_finds_the_practices_the_library_loads() -> None:
    from coreg_tui.content import library

    write_own_practice()
    write_own_practice(
        (Path(candidates.builtin_folder()) / "practices" / "orienting.toml")
        .read_text(encoding="utf-8")
        .replace('title = "', 'title = "My own '),
        "orienting.toml",
    )
    loaded = library()
    assert loaded.problems == ()
    assert candidates.practices() == [(p.id, p.title) for p in loaded.practices]
    assert ("orienting", loaded.get("orienting").title) in candidates.practices()  # type: ignore[union-attr]
    assert loaded.get("orienting").title.startswith("My own")  # type: ignore[union-attr]


def test_the_quick_reading_finds_the_presets_and_their_names() -> None:
    from coreg_tui.content import breathing, builtin_content_dir
    from coreg_tui.content.practices import ID_FORM

    names = [name for p in breathing().presets for name in (p.name, *p.aliases)]
    assert [word for word, _ in candidates.presets()] == names
    assert Path(candidates.builtin_folder()) == builtin_content_dir()
    assert ID_FORM.pattern == candidates.ID_FORM


@pytest.mark.parametrize(
    ("line", "words", "incomplete"),
    [
        ("coreg ", ["coreg"], ""),
        ("coreg lo", ["coreg"], "lo"),
        ("coreg log 'an", ["coreg", "log"], "an"),
        ('coreg log --note "two words" ', ["coreg", "log", "--note", "two words"], ""),
        ("coreg log my\\ ", ["coreg", "log"], "my "),
        ("", [], ""),
    ],
)
def test_a_line_splits_as_the_shell_reads_it(line: str, words: list[str], incomplete: str) -> None:
    assert candidates.split_line(line) == (words, incomplete)
