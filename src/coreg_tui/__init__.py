"""coreg: a terminal companion for nervous-system self-regulation."""

__version__ = "0.1.0"
