"""Revoking a certificate: only the school's owners and administrators, always with a reason, once."""

import pytest
from django.test import Client
from django.urls import reverse

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events
from tropa.courses.models import Certificate
from tropa.courses.services.certificates import certificate_issue, certificate_revoke
from tropa.courses.tests.certificate_helpers import completed_enrollment


@pytest.fixture
def certificate(school, make_course):
    return certificate_issue(enrollment=completed_enrollment(user=school.people.learner, course=make_course()))


def _url(certificate):
    return reverse("courses:certificate_verify", args=[certificate.code])


def _unchanged(certificate) -> bool:
    fresh = Certificate.objects.get(pk=certificate.pk)
    return (
        fresh.revoked_at is None
        and fresh.revoke_reason == ""
        and not ActivityEvent.objects.filter(verb=events.CERTIFICATE_REVOKED).exists()
    )


@pytest.mark.parametrize("role", ["owner", "admin"])
def test_an_owner_or_admin_revokes_with_a_reason(client_for, certificate, school, role):
    manager = getattr(school.people, role)
    client = client_for(manager)
    page = client.get(_url(certificate)).content.decode()
    assert 'name="reason"' in page and "Revoke certificate" in page
    response = client.post(_url(certificate), {"reason": "  Plagiarism in the final project  "})
    assert response.status_code == 302 and response.url == _url(certificate)
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None and certificate.revoke_reason == "Plagiarism in the final project"
    event = ActivityEvent.objects.get(verb=events.CERTIFICATE_REVOKED)
    assert event.actor == manager and event.object_id == str(certificate.pk)
    assert event.organization_id == school.pk
    follow = client.get(_url(certificate)).content.decode()
    assert "The certificate was revoked." in follow and 'name="reason"' not in follow


@pytest.mark.parametrize(
    "who", ["learner", "other_learner", "author", "methodologist", "editor", "curator", "support", "outsider"]
)
def test_nobody_else_can_revoke_and_they_are_told_not_found(client_for, certificate, school, who):
    client = client_for(getattr(school.people, who))
    assert 'name="reason"' not in client.get(_url(certificate)).content.decode()
    response = client.post(_url(certificate), {"reason": "I do not like it"})
    assert response.status_code == 404
    assert _unchanged(certificate)


def test_an_anonymous_post_is_not_found(certificate):
    response = Client().post(_url(certificate), {"reason": "x"})
    assert response.status_code == 404
    assert _unchanged(certificate)


def test_the_owner_of_another_school_cannot_revoke_through_the_service(certificate, school):
    with pytest.raises(NotFound):
        certificate_revoke(actor=school.people.outsider, certificate=certificate, reason="x")
    assert _unchanged(certificate)


def test_the_holder_cannot_revoke_their_own_certificate_through_the_service(certificate, school):
    with pytest.raises(NotFound):
        certificate_revoke(actor=school.people.learner, certificate=certificate, reason="x")


@pytest.mark.parametrize("reason", ["", "   \n  "])
def test_a_reason_is_required_and_the_field_is_named(client_for, certificate, school, reason):
    response = client_for(school.people.owner).post(_url(certificate), {"reason": reason})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    assert _unchanged(certificate)


def test_the_service_names_the_reason_field_when_it_is_blank(certificate, school):
    with pytest.raises(ServiceError) as error:
        certificate_revoke(actor=school.people.owner, certificate=certificate, reason="  ")
    assert error.value.field == "reason"


def test_an_overlong_reason_is_refused_with_the_field_named(client_for, certificate, school):
    response = client_for(school.people.owner).post(_url(certificate), {"reason": "x" * 1001})
    assert response.status_code == 400
    assert "reason" in response.context["form"].errors
    assert _unchanged(certificate)


def test_revoking_twice_keeps_the_first_reason(client_for, certificate, school):
    certificate_revoke(actor=school.people.owner, certificate=certificate, reason="First")
    client = client_for(school.people.admin)
    response = client.post(_url(certificate), {"reason": "Second"}, follow=True)
    assert "already been revoked" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoke_reason == "First"
    assert ActivityEvent.objects.filter(verb=events.CERTIFICATE_REVOKED).count() == 1
    with pytest.raises(ServiceError):
        certificate_revoke(actor=school.people.owner, certificate=certificate, reason="Third")


def test_a_script_in_the_reason_is_shown_as_text(client_for, certificate, school):
    client = client_for(school.people.owner)
    client.post(_url(certificate), {"reason": "<script>alert(1)</script>"})
    html = Client().get(_url(certificate)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
