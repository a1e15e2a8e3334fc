"""Where coreg keeps its files. Functions, never work done at import time.

`COREG_HOME=DIR` puts everything under DIR (tests use it; so can someone who
keeps their journal in a synced folder): DIR/data for the journal,
DIR/config for the config and their own practices. Otherwise the
platform's usual places, through platformdirs.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "coreg"


def home() -> Path | None:
    value = os.environ.get("COREG_HOME", "").strip()
    return Path(value).expanduser().absolute() if value else None


def data_dir() -> Path:
    base = home()
    if base is not None:
        return base / "data"
    import platformdirs

    return platformdirs.user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    base = home()
    if base is not None:
        return base / "config"
    import platformdirs

    return platformdirs.user_config_path(APP, appauthor=False)


def journal_path() -> Path:
    return data_dir() / "journal.sqlite3"


def content_dir() -> Path:
    """Where a person's own practices go, beside the built-in ones."""
    return config_dir() / "practices"


def config_path() -> Path:
    return config_dir() / "config.toml"


def all_paths() -> dict[str, str]:
    return {
        "journal": str(journal_path()),
        "data_dir": str(data_dir()),
        "config_dir": str(config_dir()),
        "content_dir": str(content_dir()),
    }


def own_files() -> list[tuple[Path, str]]:
    """Every file of coreg's that a person's output must never replace, with its name."""
    journal = journal_path()
    found = [
        (journal, "journal"),
        *(
            (journal.with_name(journal.name + end), "journal")
            for end in (
                "-wal",
                "-shm",
                "-journal",
                ".checked",
                ".lock",
                ".new",
                ".new-journal",
                ".before",
            )
        ),
        (config_path(), "config"),
    ]
    try:
        found += [(p, "journal's backup") for p in journal.parent.glob(f"{journal.name}*.bak")]
        found += [(p, "practice file") for p in content_dir().glob("*.toml")]
    except OSError:
        pass
    return found
