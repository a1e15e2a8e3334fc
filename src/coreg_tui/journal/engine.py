"""The database module a journal is read with: the standard library's sqlite3 for a
plain journal (so that people who never lock pay nothing at start-up), SQLCipher's
binding for a locked one. Each raises its own errors: the tuples here name both once
SQLCipher has been loaded, and every `except` reads them as `engine.Error`."""

from __future__ import annotations

import sqlite3
from types import ModuleType

Error: tuple[type[Exception], ...] = (sqlite3.Error,)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
OperationalError: tuple[type[Exception], ...] = (sqlite3.OperationalError,)


def cipher() -> ModuleType:
    """SQLCipher's binding (sqlcipher3), loaded the first time a locked journal is met."""
    global Error, DatabaseError, OperationalError
    import sqlcipher3.dbapi2 as sqlcipher

    Error = (sqlite3.Error, sqlcipher.Error)
    DatabaseError = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
    OperationalError = (sqlite3.OperationalError, sqlcipher.OperationalError)
    return sqlcipher
