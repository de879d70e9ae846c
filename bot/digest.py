"""The digest a start keys its derived caches on (config text, code and settings, the clean files' stamps).

`hashlib` loads OpenSSL's libcrypto when it is imported: 3 ms of CPU on a quiet machine, 8 ms at the
median under load, of every `summitbot ask`, for five digests of a few hundred kilobytes. BLAKE2b, the
one hashlib itself takes from CPython's own `_blake2` module and never from OpenSSL, costs 0.2 ms to
import and about 1 ms a megabyte. Checksums of stored data (arrays, raw pages, the model file) stay
SHA-256: their writers and verifiers import hashlib where they hash.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without CPython's module: hashlib's (the same digest)
    from hashlib import blake2b

__all__ = ["blake2b", "key_digest"]


def key_digest(data: bytes) -> str:
    """The hex BLAKE2b-256 digest of `data`."""
    return blake2b(data, digest_size=32).hexdigest()
