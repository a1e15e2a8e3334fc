"""The transaction every write to the journal goes through.

Connections are in autocommit mode and every write begins with BEGIN IMMEDIATE: in
WAL mode a deferred transaction that turns from a read into a write fails at once
with "database is locked", whatever the busy timeout, and would lose an entry when
several processes write. A failure is said as a refusal where it is one, after a
rollback; what commits is counted, so that an error after it can say it was kept.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coreg_tui.journal import engine
from coreg_tui.journal.refusals import refusal

commits = 0  # transactions this process has committed: an error after one says it was kept


class Transaction:
    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn, self.path = conn, path

    def __enter__(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except engine.Error as exc:
            raise refusal(exc, self.path) or exc from None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        if kind is None:
            try:
                self.conn.execute("COMMIT")
                global commits
                commits += 1
                return
            except engine.Error as error:
                if self.conn.in_transaction:  # SQLite has already rolled back a full disk
                    self.conn.execute("ROLLBACK")
                raise refusal(error, self.path) or error from None
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if isinstance(exc, engine.Error) and (mapped := refusal(exc, self.path)):
            raise mapped from None
