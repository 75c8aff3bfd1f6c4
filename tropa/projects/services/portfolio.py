"""A learner's choices for their portfolio: who sees each item, and whether reviewers' highlights are shown."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext as _

from tropa.accounts.models import Visibility
from tropa.core.exceptions import NotFound, ServiceError
from tropa.projects.models import PortfolioVisibility, ProjectWork

ITEM = re.compile(r"^(course|project):\d{1,12}$")


@transaction.atomic
def portfolio_visibility_set(*, actor, item: str, visibility: str) -> PortfolioVisibility:
    """Set who sees one item ("course:<id>" or "project:<work id>"): public, platform or private."""
    if not getattr(actor, "is_authenticated", False):
        raise NotFound()
    if not ITEM.match(item or ""):
        raise ServiceError(_("Unknown portfolio item."), field="item")
    if visibility not in Visibility.values:
        raise ServiceError(_("Choose who can see it."), field="visibility")
    row, _created = PortfolioVisibility.objects.update_or_create(
        user=actor, item=item, defaults={"visibility": visibility}
    )
    return row


@transaction.atomic
def work_sharing_set(*, actor, work_id: int, share_feedback: bool) -> ProjectWork:
    """The author's consent to show highlights of reviewers' feedback in the portfolio."""
    work = ProjectWork.objects.select_for_update().filter(pk=work_id, user=actor).first()
    if work is None:
        raise NotFound()
    work.share_feedback = share_feedback
    work.save(update_fields=["share_feedback", "updated_at"])
    return work
