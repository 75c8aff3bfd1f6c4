"""Organization addresses: a readable Latin slug from a name in Russian or English, unique on the site."""

from __future__ import annotations

from django.utils.text import slugify

# Russian and Ukrainian letters, transliterated the way people type them in addresses.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip

# Paths under /orgs/ that are pages, not organizations.
RESERVED = {"new", "invitations", "family", "switch", "api", "admin"}
MAX_LENGTH = 70  # leaves room for a "-NN" suffix within the field's 80


def transliterate(text: str) -> str:
    out = []
    for char in text:
        lower = char.lower()
        latin = _CYRILLIC.get(lower)
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != lower and latin else latin)
    return "".join(out)


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
