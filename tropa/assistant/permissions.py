"""Who may do what with the chat and the CV: pure checks, no writes.

The chat and the CV editor are the owner's alone (there is no object id in their URLs: each user reaches only
their own). A CV may be shared by an unguessable link only when its owner opts in, and never a minor's.
"""

from __future__ import annotations


def can_share_cv(user) -> bool:
    """Adults may publish a link to their CV PDF; a minor's CV is never public."""
    return getattr(user, "is_authenticated", False) and not user.is_minor


def can_view_shared_cv(cv) -> bool:
    """A shared link works while the owner keeps it on and is not a minor (checked on every request)."""
    return bool(cv is not None and cv.share_token and not cv.user.is_minor and cv.user.is_active)
