"""The circle's TLS: a certificate made for this circle alone, pinned by the code.

The host makes a new key and a self-signed certificate each time it starts (the
`cryptography` package: an EC P-256 key), and the code carries the first 16 bytes
of the certificate's SHA-256. A joiner speaks TLS 1.3 only, and before it sends
anything of its own (its name, the secret), checks that the certificate the host
showed is that one; any other ends the connection. So everything after the
handshake is encrypted and only the true host can read it, on loopback too.

The only thing sent before that check is the WebSocket upgrade request, which
holds the address and port already in the code, and no name, state or secret.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import os
import ssl
import tempfile
from pathlib import Path

from coreg_tui.together.code import PIN_BYTES


class WrongHostError(Exception):
    """The host's certificate is not the one the code names."""


def pin_of(der: bytes) -> bytes:
    return hashlib.sha256(der).digest()[:PIN_BYTES]


def host_context() -> tuple[ssl.SSLContext, bytes]:
    """A server context with a new key and certificate, and the certificate's pin."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "coreg circle")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .sign(key, hashes.SHA256())
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    pem = cert.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    # ssl reads a key only from a file: one private to this user, gone at once.
    with tempfile.TemporaryDirectory(prefix="coreg-circle-") as folder:
        path = Path(folder) / "circle.pem"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(fd, "wb") as out:
            out.write(pem)
        context.load_cert_chain(path)
    return context, pin_of(der)


def joiner_context() -> ssl.SSLContext:
    """TLS 1.3 that trusts no authority: the certificate is checked against the pin."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def check_pin(ssl_object: ssl.SSLObject | ssl.SSLSocket | None, pin: bytes) -> None:
    der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
    if not der or not hmac.compare_digest(pin_of(der), pin):
        raise WrongHostError
