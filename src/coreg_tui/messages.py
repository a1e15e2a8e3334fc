"""Lines a person reads in more than one place, written once (as jrnl keeps its own):
the words stay the same wherever they are met, and a change reaches every face.
Nothing here imports anything."""

# A session or a check-in has gone into the journal.
KEPT = "Kept in your journal."


def kept_as(short_id: str) -> str:
    """KEPT, with the entry's short id (a one-liner's last line: `coreg edit` takes it)."""
    return f"{KEPT.removesuffix('.')} ({short_id})."


# The companion's notices when the journal refuses: their titles.
NOT_KEPT = "Not kept"
NOT_READ = "Could not read the journal"

# The ends of refusals: what coreg did not do, so that a person knows nothing was harmed.
LEFT_AS_IT_IS = "it was left as it is"  # a file that is not a journal coreg can use
NOTHING_IMPORTED = "nothing was imported"  # an import refused as a whole


def no_folder(folder: object) -> str:
    """A file asked for in a folder that is not there (an export's, a recovery's)."""
    return f"the folder {folder} does not exist"
