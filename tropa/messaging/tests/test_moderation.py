"""Moderation: participants report, moderators hide, warn, mute or ban, each action logged; others get 404."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.core.exceptions import ServiceError
from tropa.messaging.models import ModerationAction, Report, ReportStatus
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(make_user):
    user = make_user("mod@example.com", first_name="Mo")
    org = Organization.objects.create(name="School", slug="school", kind=OrganizationKind.SCHOOL)
    Membership.objects.create(organization=org, user=user, role=Role.MODERATOR)
    return user


@pytest.fixture
def report(client_for, alice, carol, chat, say):
    message = say(carol, chat, "rude words")
    client_for(alice).post(reverse("messaging:message_report", args=[message.pk]), {"reason": "rude"})
    return Report.objects.get()


def test_a_participant_reports_a_message(report, alice):
    assert report.reporter == alice and report.status == ReportStatus.OPEN


def test_report_without_reason_is_refused(client_for, alice, carol, chat, say):
    message = say(carol, chat, "x")
    response = client_for(alice).post(reverse("messaging:message_report", args=[message.pk]), {"reason": ""})
    assert response.status_code == 302
    assert not Report.objects.exists()


def test_moderator_sees_the_queue(client_for, moderator, report):
    response = client_for(moderator).get(reverse("messaging:moderation"))
    assert response.status_code == 200 and "rude words" in response.content.decode()


@pytest.mark.parametrize("role", ["alice", "carol", "bob"])
def test_non_moderators_get_404_on_the_queue_and_actions(client_for, report, role, request):
    client = client_for(request.getfixturevalue(role))
    assert client.get(reverse("messaging:moderation")).status_code == 404
    assert client.post(reverse("messaging:moderation_act", args=[report.pk]), {"verb": "ban"}).status_code == 404
    assert not ModerationAction.objects.exists()


def test_hide_removes_the_text_for_everyone(client_for, moderator, report, alice, chat):
    client_for(moderator).post(reverse("messaging:moderation_act", args=[report.pk]), {"verb": "hide"})
    report.refresh_from_db()
    assert report.status == ReportStatus.RESOLVED
    assert ModerationAction.objects.get().verb == "hide"
    html = client_for(alice).get(reverse("messaging:conversation", args=[chat.pk])).content.decode()
    assert "rude words" not in html and "Hidden by a moderator." in html


def test_mute_stops_sending_until_it_ends(client_for, moderator, report, carol, chat, say):
    client_for(moderator).post(reverse("messaging:moderation_act", args=[report.pk]), {"verb": "mute", "minutes": 10})
    with pytest.raises(ServiceError):
        say(carol, chat, "again")
    later = timezone.now() + timedelta(minutes=11)
    with mock.patch("django.utils.timezone.now", return_value=later):
        say(carol, chat, "sorry")


def test_mute_needs_a_duration(client_for, moderator, report):
    response = client_for(moderator).post(reverse("messaging:moderation_act", args=[report.pk]), {"verb": "mute"})
    assert response.status_code == 400 and not ModerationAction.objects.exists()


def test_ban_stops_sending(client_for, moderator, report, carol, chat, say):
    client_for(moderator).post(reverse("messaging:moderation_act", args=[report.pk]), {"verb": "ban"})
    with pytest.raises(ServiceError):
        say(carol, chat, "again")
    assert ModerationAction.objects.get().target == carol


def test_platform_staff_moderate_too(client_for, make_user, report):
    staff = make_user("staff@example.com", is_staff=True)
    assert client_for(staff).get(reverse("messaging:moderation")).status_code == 200


def test_a_warning_notifies_the_author_with_the_reason_but_not_who_reported(
    client_for, report, moderator, alice, carol, django_capture_on_commit_callbacks
):
    from tropa.notifications.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(moderator).post(
            reverse("messaging:moderation_act", args=[report.pk]), {"verb": "warn", "note": "Be kind"}
        )
    assert response.status_code == 302
    notice = Notification.objects.get(recipient=carol, kind="message_moderated")
    assert notice.title == "A moderator warned you about a message" and "Be kind" in notice.body
    assert "Alice" not in notice.title + notice.body
    assert notice.url == reverse("messaging:conversation", args=[report.message.conversation_id])
    assert not Notification.objects.filter(recipient=alice, kind="message_moderated").exists()


def test_a_dismissed_report_notifies_nobody(client_for, report, moderator, django_capture_on_commit_callbacks):
    from tropa.notifications.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        client_for(moderator).post(reverse("messaging:moderation_act", args=[report.pk]), {"verb": "dismiss"})
    assert not Notification.objects.filter(kind="message_moderated").exists()
