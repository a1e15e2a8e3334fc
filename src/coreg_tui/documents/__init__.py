"""Documents made from the journal: exports to keep or move, and reports to read."""
