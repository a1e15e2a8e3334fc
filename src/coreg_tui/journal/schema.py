"""The journal's schema, one list of statements per version.

A journal records its version in `PRAGMA user_version` and that it is
coreg's in `PRAGMA application_id`. Opening runs the steps from its version
to SCHEMA_VERSION in one transaction, after a backup copy of the file.
Add a version by appending to MIGRATIONS; never edit a published one.
"""

from __future__ import annotations

APPLICATION_ID = 0x636F7267  # "corg"

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('checkin', 'practice')),
            at_us INTEGER NOT NULL,            -- UTC, microseconds since 1970
            utc_offset_s INTEGER NOT NULL,     -- the local offset when it happened
            state TEXT CHECK (state IN ('ventral', 'sympathetic', 'dorsal')),
            intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),
            body TEXT NOT NULL DEFAULT '[]',   -- JSON array of text
            with_who TEXT,
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',   -- JSON array of text
            practice TEXT,
            duration_s REAL,
            cycles INTEGER,
            state_after TEXT CHECK (state_after IN ('ventral', 'sympathetic', 'dorsal')),
            intensity_after INTEGER CHECK (intensity_after BETWEEN 0 AND 10),
            detail TEXT NOT NULL DEFAULT '{}', -- JSON object
            created_us INTEGER NOT NULL,
            updated_us INTEGER
        ) STRICT
        """,
        "CREATE INDEX entries_by_time ON entries (at_us, id)",
        """
        CREATE TABLE entry_tags (
            entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            tag TEXT NOT NULL COLLATE NOCASE
        ) STRICT
        """,
        "CREATE INDEX entry_tags_by_tag ON entry_tags (tag, entry_id)",
        "CREATE INDEX entry_tags_by_entry ON entry_tags (entry_id)",
        """
        CREATE TRIGGER entries_tags_insert AFTER INSERT ON entries BEGIN
            INSERT INTO entry_tags (entry_id, tag)
                SELECT NEW.id, value FROM json_each(NEW.tags);
        END
        """,
        """
        CREATE TRIGGER entries_tags_update AFTER UPDATE OF tags ON entries BEGIN
            DELETE FROM entry_tags WHERE entry_id = NEW.id;
            INSERT INTO entry_tags (entry_id, tag)
                SELECT NEW.id, value FROM json_each(NEW.tags);
        END
        """,
    ),
}
SCHEMA_VERSION = max(MIGRATIONS)
