"""A locked journal: the whole SQLite file encrypted by SQLCipher (AES-256 in CBC mode
with an HMAC-SHA512 on every page, the write-ahead log too), with a key derived from
the person's passphrase by Argon2id.

- The key is derived here, not by SQLCipher's own PBKDF2: Argon2id (RFC 9106's second
  recommended setting: 3 passes over 64 MiB, 4 lanes) makes each guess cost memory
  as well as time. The 32-byte key is handed to SQLCipher raw, so opening a journal
  with a key already known (remembered by the agent) costs no derivation at all.
- The salt (16 random bytes, new at every lock and every change of passphrase) is the
  file's first 16 bytes, where SQLCipher keeps it: nothing beside the journal is needed
  to open it but the passphrase.
- A locked journal is told from a plain one by its first bytes: a plain SQLite file
  begins "SQLite format 3"; a locked one is indistinguishable from random bytes, a
  whole number of pages long.
- SQLCipher's own log lines (a wrong key is an "hmac check failed" at ERROR level) are
  turned off on every connection before the key is given: no library noise reaches
  the terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from coreg_tui.journal import engine

SALT_BYTES = 16
KEY_BYTES = 32
PAGE = 4096  # SQLCipher's page; a locked journal is a whole number of them
# Argon2id, RFC 9106 section 4, second recommended option (memory-constrained).
TIME_COST = 3
MEMORY_KIB = 64 * 1024
LANES = 4
_PLAIN_MAGIC = b"SQLite format 3\x00"


class Key(NamedTuple):
    """What opens one locked journal: the raw key and the salt it was derived with."""

    raw: bytes
    salt: bytes

    def pragma(self, *, with_salt: bool = False) -> str:
        """SQLCipher's raw-key form; with the salt, for a file being made."""
        tail = self.salt.hex() if with_salt else ""
        return f"x'{self.raw.hex()}{tail}'"


def looks_locked(head: bytes, size: int) -> bool:
    """Whether a file's first bytes and size are those of a locked journal (any other
    file that is not plain SQLite is refused as not a journal, without asking)."""
    return (
        len(head) >= SALT_BYTES
        and not head.startswith(_PLAIN_MAGIC)
        and size >= PAGE
        and size % PAGE == 0
    )


def salt_of(path: Path) -> bytes:
    from coreg_tui.files import read_head

    return read_head(path, SALT_BYTES)


def derive(passphrase: str, salt: bytes) -> Key:
    """The key for `passphrase` with `salt` (Argon2id: about 0.2 s here).

    Through argon2-cffi's own bindings to the reference C implementation, the call
    argon2-cffi's `hash_secret_raw` makes (tests hold the two equal): the `argon2`
    package itself takes some 40 ms to import, which a check-in after the key was
    forgotten would pay on top of the derivation."""
    from _argon2_cffi_bindings import ffi, lib

    secret = passphrase.encode("utf-8")
    out = ffi.new("uint8_t[]", KEY_BYTES)
    done = lib.argon2_hash(
        TIME_COST,
        MEMORY_KIB,
        LANES,
        ffi.new("uint8_t[]", secret),
        len(secret),
        ffi.new("uint8_t[]", salt),
        len(salt),
        out,
        KEY_BYTES,
        ffi.NULL,
        0,
        lib.Argon2_id,
        lib.ARGON2_VERSION_13,
    )
    if done != lib.ARGON2_OK:
        raise ValueError(ffi.string(lib.argon2_error_message(done)).decode())
    return Key(bytes(ffi.buffer(out, KEY_BYTES)), salt)


def new_key(passphrase: str) -> Key:
    import secrets

    return derive(passphrase, secrets.token_bytes(SALT_BYTES))


def connect(target: str, key: Key | None, *, uri: bool = False, **options: Any) -> Any:
    """A connection through SQLCipher, its log quiet, keyed before anything is read;
    with no key, a plain file (as a lock begins: the plain journal, read through the
    same library that writes the locked one)."""
    sqlcipher = engine.cipher()
    conn = sqlcipher.connect(target, uri=uri, **options)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f'PRAGMA key = "{key.pragma()}"')
    return conn


def attach(conn: Any, target: Path, key: Key | None, name: str) -> None:
    """Attach `target` to `conn` as `name`: locked with `key`, or plain without."""
    given = f'"{key.pragma(with_salt=True)}"' if key is not None else "''"
    conn.execute(f"ATTACH DATABASE ? AS {name} KEY {given}", (str(target),))


def export_to(conn: Any, target: Path, key: Key | None) -> None:
    """The whole journal `conn` holds, written to the empty file `target`: locked with
    `key`, or plain without. SQLCipher's own copy (sqlcipher_export) carries every
    table and index; the journal's version and mark are carried by hand."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    mark = conn.execute("PRAGMA application_id").fetchone()[0]
    attach(conn, target, key, "copy")
    try:
        conn.execute("SELECT sqlcipher_export('copy')").fetchone()
        conn.execute(f"PRAGMA copy.user_version = {int(version)}")
        conn.execute(f"PRAGMA copy.application_id = {int(mark)}")
    finally:
        conn.execute("DETACH DATABASE copy")
