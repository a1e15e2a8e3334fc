"""The one base class for mistakes a person can make in what they type or write.

The CLI turns any of these into one line on stderr and exit code 2; anything
else is a bug in coreg and is allowed to show.
"""


class InputError(ValueError):
    """Input from a person or their files that coreg cannot use, said in one line."""
