"""`coreg completion SHELL`: the TAB completion script for bash, zsh or fish."""

from __future__ import annotations

import sys
from typing import Annotated

import typer


def completion(
    shell: Annotated[
        str, typer.Argument(metavar="SHELL", help="bash, zsh or fish.", show_default=False)
    ],
) -> None:
    """Print the TAB completion script for bash, zsh or fish.

    TAB then completes commands, options, states, breathing presets and practice ids,
    your own practices included. To keep it, save it where your shell looks, then open
    a new shell:

    \b
    bash:  coreg completion bash > ~/.local/share/bash-completion/completions/coreg
           (or add this line to ~/.bashrc: source <(coreg completion bash))
    zsh:   mkdir -p ~/.zfunc && coreg completion zsh > ~/.zfunc/_coreg
           (and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath))
    fish:  coreg completion fish > ~/.config/fish/completions/coreg.fish
    """
    from coreg_tui.cli.completion_scripts import SCRIPTS
    from coreg_tui.core.errors import InputError

    script = SCRIPTS.get(shell.strip().lower())
    if script is None:
        raise InputError(
            f"there is no completion for '{shell}'; coreg completes bash, zsh and fish"
        )
    sys.stdout.write(script)
