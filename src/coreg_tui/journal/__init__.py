"""The journal: a private SQLite file, its schema, and its exports and imports."""
