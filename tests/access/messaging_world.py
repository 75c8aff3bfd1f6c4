"""The world of the messaging access table: a direct conversation with a message and a file, a cohort chat,
a report, a moderator and platform staff. Built through the real services.
"""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tropa.courses.models import Cohort, Enrollment
from tropa.courses.services import authoring
from tropa.messaging.services import conversations, messages, moderation
from tropa.organizations import services as org_services
from tropa.organizations.models import OrganizationKind, Role

from .world import ANONYMOUS, PASSWORD, World, _join

# Column order of the messaging table.
MESSAGING_ROLES = (ANONYMOUS, "member", "other_member", "outsider", "moderator", "staff")


def _person(key: str, **kwargs):
    from tropa.accounts.services import user_create

    return user_create(
        email=f"{key.replace('_', '-')}@messaging.example",
        password=PASSWORD,
        language="en",
        email_verified=True,
        **kwargs,
    )


def build_messaging_world() -> World:
    people = {
        "member": _person("member", first_name="Mila"),
        "other_member": _person("other_member", first_name="Oleg"),
        "outsider": _person("outsider", first_name="Otto"),
        "moderator": _person("moderator", first_name="Mod"),
        "staff": _person("staff", first_name="Stas", is_staff=True),
    }
    # Not a role: the school's owner, who invites the moderator and writes the cohort's course.
    owner = _person("owner", first_name="Olga")
    school = org_services.organization_create(actor=owner, name="Chat School", kind=OrganizationKind.SCHOOL)
    _join(organization=school, inviter=owner, user=people["moderator"], role=Role.MODERATOR)
    course = authoring.course_create(actor=owner, organization=school, title="Chat course", format="short")
    cohort = Cohort.objects.create(
        course=course, title="Chat cohort", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 1)
    )
    Enrollment.objects.create(user=people["member"], course=course, cohort=cohort, enrolled_at=timezone.now())

    chat = conversations.conversation_open_direct(actor=people["member"], other=people["other_member"])
    message = messages.message_send(
        actor=people["other_member"],
        conversation=chat,
        body="Hello",
        files=[SimpleUploadedFile("notes.txt", b"notes", content_type="text/plain")],
    )
    report = moderation.message_report(actor=people["member"], message=message, reason="spam")
    refs = {
        "conversation_id": chat.pk,
        "message_id": message.pk,
        "attachment_id": message.attachments.get().pk,
        "cohort_id": cohort.pk,
        "slug": course.slug,
        "report_id": report.pk,
        "user_id": people["member"].pk,
    }
    return World(users=people, refs=refs)
