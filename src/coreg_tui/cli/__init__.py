"""The `coreg` command. Textual is never imported here: the one-liners stay instant."""


def main() -> None:
    from coreg_tui.cli.app import run

    run()
