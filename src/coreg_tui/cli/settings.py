"""`coreg config`: where the settings file is, and whether it reads as meant."""

from __future__ import annotations

import typer

config_app = typer.Typer(
    name="config",
    help=(
        "Your settings: config.toml, in the folder 'coreg config path' names. "
        "A mistake in it never stops help or breathing: coreg uses the defaults for what "
        "it cannot read and says which line to look at.\n\n"
        "To have your own person or number shown with the care lines (in 'coreg sos' "
        "and the companion), add a line such as:\n\n"
        '    care_contact = "Sam, 555 0199"\n\n'
        'The other settings: default_pattern (a preset or pattern, e.g. "4-6"), '
        'bell, color and reduced_motion (true or false), theme ("auto", "dark" or '
        '"light"), hide_practices (a list of practice ids not to suggest), '
        "holds_max_intensity (0 to 10: no breath holds suggested above it), "
        "ask_before (true or false: the companion asks where you are before a practice "
        "begun from Home), lock_timeout (minutes a locked journal's key is remembered; "
        "0: never) and passphrase_command (a command that prints a locked journal's "
        'passphrase, e.g. "pass show coreg").'
    ),
    rich_markup_mode=None,
    no_args_is_help=True,
)


@config_app.command("check")
def check() -> None:
    """Check config.toml: exit 0 when it is good, 2 with every problem listed."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.config import mark_told, read_config
    from coreg_tui.paths import config_path
    from coreg_tui.text import printable

    path = config_path()
    _, problems = read_config(path)
    mark_told()
    if not problems:
        exists = path.is_file()
        say(
            f"{printable(str(path))}: "
            + ("good." if exists else "not there yet; the defaults are used.")
        )
        return
    for problem in problems:
        say(printable(str(problem)))
    n = len(problems)
    say(f"{n} problem{'s' if n != 1 else ''}; until they are mended coreg uses the defaults there.")
    raise typer.Exit(2)


@config_app.command("path")
def path() -> None:
    """Print where config.toml is (or would be), for an editor: $EDITOR "$(coreg config path)"."""
    from coreg_tui.cli.terminal import say
    from coreg_tui.paths import config_path

    say(str(config_path()))
