"""A throwaway signing certificate for the tests, made with `cryptography`."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID


def make_p12(folder: Path, name: str = "Test Signer", password: bytes = b"secret",
             valid: tuple[int, int] = (-1, 30), with_key: bool = True) -> tuple[Path, bytes]:
    """A self-signed certificate (digitalSignature + nonRepudiation) and its key as
    a PKCS#12 file. Returns (path, certificate DER). `valid` is the first and last
    day of its validity, in days from now (negative: in the past); with_key=False
    leaves the key out (a file of certificates only)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                         x509.NameAttribute(NameOID.COUNTRY_NAME, "JP")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now + dt.timedelta(days=valid[0])).not_valid_after(now + dt.timedelta(days=valid[1]))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    path = folder / f"{name.replace(' ', '-')}.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        name.encode(), key if with_key else None, cert if with_key else None, None if with_key else [cert],
        serialization.BestAvailableEncryption(password)))
    return path, cert.public_bytes(serialization.Encoding.DER)
