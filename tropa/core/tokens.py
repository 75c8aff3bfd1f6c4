"""Secret tokens that are shown once and stored only as a hash."""

import hashlib
import secrets


def new_token(prefix: str = "", nbytes: int = 32) -> str:
    return f"{prefix}{secrets.token_urlsafe(nbytes)}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()
