"""Open Badges 3.0: an earned badge as an OpenBadgeCredential (a W3C Verifiable Credential, JSON-LD).

The credential is not signed (no `proof`): it is verified by its hosted copy, the public page at
`id`, which says whether Tropa still stands behind it. The subject is identified by a salted
SHA-256 hash of the learner's email, so the file names nobody to whoever reads it.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def _absolute(path: str) -> str:
    return path if path.startswith("http") else settings.SITE_URL.rstrip("/") + path


def verify_url(award) -> str:
    return _absolute(reverse("gamification:badge_verify", args=[award.uuid]))


def credential(award, badge) -> dict:
    """The credential of one earned badge (names in the active language)."""
    salt = award.uuid.hex[:16]
    identity = hashlib.sha256((award.user.email.lower() + salt).encode()).hexdigest()
    site = settings.SITE_URL.rstrip("/")
    return {
        "@context": CONTEXT,
        "id": verify_url(award),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": str(badge.name),
        "issuer": {
            "id": _absolute(reverse("gamification:issuer")),
            "type": ["Profile"],
            "name": "Tropa",
            "url": site + "/",
        },
        "validFrom": timezone.localtime(award.earned_at).isoformat(timespec="seconds"),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": f"sha256${identity}",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": salt,
                }
            ],
            "achievement": {
                "id": _absolute(reverse("gamification:badge", args=[badge.key])),
                "type": ["Achievement"],
                "achievementType": "Badge",
                "name": str(badge.name),
                "description": str(badge.description),
                "criteria": {"narrative": str(badge.description)},
                "image": {"id": _absolute(static(badge.image)), "type": "Image"},
            },
        },
    }
