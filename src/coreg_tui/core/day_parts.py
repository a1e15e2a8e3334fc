"""The parts of a day that insights speak of, by local hour. Apart from the tallies so
that the journal's schema, which files each check-in under one, loads only this."""

PARTS_OF_DAY = (("night", 0, 6), ("morning", 6, 12), ("afternoon", 12, 18), ("evening", 18, 24))
# For each local hour, 0-23, the index in PARTS_OF_DAY of the part that holds it.
PART_OF_HOUR = tuple(i for i, (_, low, high) in enumerate(PARTS_OF_DAY) for _ in range(low, high))
