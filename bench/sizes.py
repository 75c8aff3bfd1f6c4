"""Data sizes the harness seeds, and which smaller size each one is compared against for query counts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    name: str
    users: int
    organizations: int
    events: int
    notifications: int
    reference: str | None  # the smaller size whose query counts must match this one's

    @property
    def persona_notifications(self) -> int:
        # The persona is a heavy user whose inbox grows with the data, so query counts are tested against growth.
        return max(5, self.notifications // 50)


SIZES = {
    "tiny": Size("tiny", users=50, organizations=2, events=500, notifications=200, reference=None),
    "smoke": Size("smoke", users=200, organizations=4, events=5_000, notifications=1_000, reference="tiny"),
    "small": Size("small", users=500, organizations=5, events=50_000, notifications=5_000, reference="smoke"),
    "large": Size("large", users=50_000, organizations=300, events=5_000_000, notifications=500_000, reference="small"),
}

# Fixed identities the runner signs in as; seeded first so their ids are stable.
PERSONA_EMAIL = "persona@bench.tropa.local"  # owner of organization 1, curator in 2, heavy inbox
OTHER_EMAIL = "public@bench.tropa.local"  # has a public profile the persona looks at
PERSONA_ORG_SLUG = "bench-school-1"
PASSWORD = "bench-password-not-secret"
