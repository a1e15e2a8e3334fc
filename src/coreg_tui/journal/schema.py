"""The journal's schema, one list of statements per version.

A journal records its version in `PRAGMA user_version` and that it is
coreg's in `PRAGMA application_id`. Opening runs the steps from its version
to SCHEMA_VERSION in one transaction, after a backup copy of the file.
Add a version by appending to MIGRATIONS; never edit a published one.
"""

from __future__ import annotations

APPLICATION_ID = 0x636F7267  # "corg"

# kind, state and state_after are written only from enums by the store, the one
# module that writes; CHECKs on them cost about a seventh of the time of an insert.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            at_us INTEGER NOT NULL,            -- UTC, microseconds since 1970
            utc_offset_s INTEGER NOT NULL,     -- the local offset when it happened
            state TEXT,
            intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),
            body TEXT NOT NULL DEFAULT '[]',   -- JSON array of text
            with_who TEXT,
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',   -- JSON array of text
            practice TEXT,
            duration_s REAL,
            cycles INTEGER,
            state_after TEXT,
            intensity_after INTEGER CHECK (intensity_after BETWEEN 0 AND 10),
            detail TEXT NOT NULL DEFAULT '{}', -- JSON object
            created_us INTEGER NOT NULL,
            updated_us INTEGER
        ) STRICT
        """,
        "CREATE INDEX entries_by_time ON entries (at_us)",
        # Kept by the store beside every write of an entry's tags, so that a
        # filter by tag is an index lookup (a trigger doing this costs twice
        # the insert itself).
        """
        CREATE TABLE entry_tags (
            tag TEXT NOT NULL COLLATE NOCASE,
            entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            PRIMARY KEY (tag, entry_id)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX entry_tags_by_entry ON entry_tags (entry_id)",
    ),
}
SCHEMA_VERSION = max(MIGRATIONS)
