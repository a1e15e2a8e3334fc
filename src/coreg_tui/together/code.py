"""The code a host gives to those who join: where to connect, which certificate the host
will show (its fingerprint, pinned), and the circle's secret. Nothing else is needed.

    127.0.0.1:40917/k5x2...  (52 characters of base32 after the slash)

Anyone holding the code can join, so it is shared as a key would be.
"""

from __future__ import annotations

import base64
import ipaddress
import re
import secrets
from dataclasses import dataclass

from coreg_tui.core.errors import InputError

PIN_BYTES = 16  # of the certificate's SHA-256: enough that no other certificate matches
SECRET_BYTES = 16
_CODE = re.compile(
    r"(?:\[(?P<v6>[0-9a-fA-F:.]+)\]|(?P<v4>[0-9.]+)):(?P<port>\d{1,5})/(?P<key>[a-z2-7]+)"
)
WHOLE_LINE = "coreg together join "
HOW = "a code looks like 127.0.0.1:40917/ followed by 52 letters and digits (the host prints it)"


@dataclass(frozen=True, slots=True)
class JoinCode:
    host: str  # an IP address
    port: int
    pin: bytes  # the first PIN_BYTES of the SHA-256 of the host's certificate
    secret: bytes

    def __str__(self) -> str:
        where = f"[{self.host}]" if ":" in self.host else self.host
        key = base64.b32encode(self.pin + self.secret).decode().rstrip("=").lower()
        return f"{where}:{self.port}/{key}"


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def parse_code(text: str) -> JoinCode:
    """A code as the host printed it (spaces around it let be, and the command before it),
    or one line saying why not."""
    text = text.strip()
    if text.startswith(WHOLE_LINE):  # the host's whole line, pasted as it was printed
        text = text[len(WHOLE_LINE) :].strip()
    found = _CODE.fullmatch(text)
    if found is None:
        raise InputError(f"that is not a circle's code: {HOW}")
    host = found["v6"] or found["v4"]
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise InputError(f"that is not a circle's code: {host} is not an address") from None
    port = int(found["port"])
    key = found["key"]
    try:
        raw = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    except ValueError:
        raw = b""
    if not 0 < port < 65536 or len(raw) != PIN_BYTES + SECRET_BYTES:
        raise InputError(f"that code is cut short or mistyped: {HOW}")
    return JoinCode(str(address), port, raw[:PIN_BYTES], raw[PIN_BYTES:])
