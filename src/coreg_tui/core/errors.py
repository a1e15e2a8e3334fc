"""The one base class for mistakes a person can make in what they type or write.

The CLI turns any of these into one line on stderr and exit code 2; anything
else is a bug in coreg and is allowed to show.
"""


class InputError(ValueError):
    """Input from a person or their files that coreg cannot use, said in one line."""


class OutputError(Exception):
    """Output that could not be written (a full disk, a closed stream): one line, exit 1."""

    def __init__(self, what: str, cause: OSError) -> None:
        reason = (cause.strerror or str(cause)).rstrip(".")
        super().__init__(f"{what} ({reason[:1].lower()}{reason[1:]})")
