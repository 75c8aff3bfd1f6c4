"""Organization addresses: a readable Latin slug from a name in Russian or English, unique on the site."""

from __future__ import annotations

from django.utils.text import slugify

from tropa.core.text import transliterate

# Paths under /orgs/ that are pages, not organizations.
RESERVED = {"new", "invitations", "family", "switch", "api", "admin"}
MAX_LENGTH = 70  # leaves room for a "-NN" suffix within the field's 80


def base_slug(name: str) -> str:
    slug = slugify(transliterate(name))[:MAX_LENGTH].strip("-")
    if not slug or slug in RESERVED:
        slug = f"{slug or 'org'}-org" if slug else "org"
    return slug


def unique_slug(name: str, taken) -> str:
    """`taken(candidates)` returns the subset already in use; one lookup covers the usual cases."""
    base = base_slug(name)
    candidates = [base] + [f"{base}-{n}" for n in range(2, 50)]
    used = set(taken(candidates))
    for candidate in candidates:
        if candidate not in used:
            return candidate
    # Fifty organizations of the same name: fall back to a random tail rather than loop on queries.
    from django.utils.crypto import get_random_string

    return f"{base}-{get_random_string(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}"
