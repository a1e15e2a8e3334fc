"""Lines a person reads in more than one place, written once (as jrnl keeps its own):
the words stay the same wherever they are met, and a change reaches every face."""

KEPT = "Kept in your journal."
