"""An encrypted export (`coreg export --encrypt`): the JSON export sealed with AES-256-GCM
(the `cryptography` package) under a key derived from a passphrase by Argon2id, with
the same settings as a locked journal (journal/cipher.py). Text, so that it can go to
standard output or a mail:

    coreg sealed export 1
    <base64 of salt (16 bytes), nonce (12 bytes), ciphertext and tag, 76 a line>

The first line is also the authenticated data: a changed header or a changed byte is
refused, as is a wrong passphrase, in one line. `coreg import` knows it by that line,
and opens it in memory only."""

from __future__ import annotations

import base64
import secrets

from coreg_tui.core.errors import InputError

HEADER = "coreg sealed export 1"
_NONCE = 12


def seal(data: bytes, passphrase: str) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from coreg_tui.journal.cipher import SALT_BYTES, derive

    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(_NONCE)
    sealed = AESGCM(derive(passphrase, salt).raw).encrypt(nonce, data, HEADER.encode())
    body = base64.b64encode(salt + nonce + sealed).decode()
    lines = [body[i : i + 76] for i in range(0, len(body), 76)]
    return "\n".join([HEADER, *lines]) + "\n"


def is_sealed(first_line: str) -> bool:
    return first_line.strip() == HEADER


def unseal(text: str, passphrase: str, name: str) -> bytes:
    """The JSON a sealed export holds; one line (InputError) if it cannot be opened."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from coreg_tui.journal.cipher import SALT_BYTES, derive

    head, _, body = text.partition("\n")
    try:
        raw = base64.b64decode("".join(body.split()), validate=True)
    except ValueError:
        raw = b""
    if not is_sealed(head) or len(raw) < SALT_BYTES + _NONCE + 16:
        raise InputError(f"{name} is not a whole sealed export (cut short or changed)")
    salt, nonce, sealed = raw[:SALT_BYTES], raw[SALT_BYTES : SALT_BYTES + _NONCE], raw[28:]
    try:
        return AESGCM(derive(passphrase, salt).raw).decrypt(nonce, sealed, head.encode())
    except InvalidTag:
        from coreg_tui.journal.passphrase import WrongPassphraseError

        raise WrongPassphraseError(  # exit 1, as a journal's wrong passphrase is
            f"that passphrase does not open {name} (or the file was changed); nothing was imported"
        ) from None
