"""The one base class for mistakes a person can make in what they type or write.

The CLI turns any of these into one line on stderr and exit code 2; anything
else is a bug in coreg and is allowed to show.
"""


class InputError(ValueError):
    """Input from a person or their files that coreg cannot use, said in one line."""


class UnreachableError(Exception):
    """Something out of the person's hands that stops a command (a circle's host that
    cannot be reached): one line, exit 1."""


class OutputError(Exception):
    """Output that could not be written (a full disk, a closed stream): one line, exit 1."""

    def __init__(self, what: str, cause: OSError) -> None:
        super().__init__(f"{what} ({reason_of(cause)})")


def reason_of(exc: BaseException) -> str:
    """Why an operation failed, as words in a sentence: `no space left on device`."""
    reason = (getattr(exc, "strerror", None) or str(exc)).rstrip(".")
    if reason[1:2].isupper() or reason[1:2] == "/":  # a word such as I/O keeps its case
        return reason
    return reason[:1].lower() + reason[1:]
