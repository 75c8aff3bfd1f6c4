"""Employer ratings after the process (moderated, aggregated) and CV reviews."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from tropa.careers.models import CVReviewStatus, EmployerProfile
from tropa.careers.services.applications import application_status_change, application_submit
from tropa.careers.services.feedback import cv_review_give, cv_review_request, employer_rate, rating_moderate
from tropa.careers.tests.conftest import pdf_upload
from tropa.core.exceptions import ServiceError

pytestmark = pytest.mark.django_db


def test_rating_comes_after_the_process_and_counts_once_approved(world, client):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    with pytest.raises(ServiceError):
        employer_rate(actor=world.p.visible, application=application, score=5)
    application_status_change(actor=world.p.hr, application=application, status="rejected", reason="Нужен опыт SQL")
    application.refresh_from_db()
    with pytest.raises(ServiceError) as error:
        employer_rate(actor=world.p.visible, application=application, score=9)
    assert error.value.field == "score"
    rating = employer_rate(actor=world.p.visible, application=application, score=4, comment="Быстро ответили")
    assert not EmployerProfile.objects.filter(organization=world.company, rating_count__gt=0).exists()
    rating_moderate(actor=world.p.staff, rating=rating, approve=True)
    profile = EmployerProfile.objects.get(organization=world.company)
    assert (profile.rating_average, profile.rating_count) == (Decimal("4.00"), 1)
    assert "Быстро ответили".encode() in client.get(reverse("careers:company", args=["lab"])).content


def test_only_staff_moderate(world, client_for):
    assert client_for(world.p.hr).get(reverse("careers:staff")).status_code == 404
    assert client_for(world.p.staff).get(reverse("careers:staff")).status_code == 200


def test_cv_review_request_and_comments(world, client_for):
    review = cv_review_request(actor=world.p.visible, organization=world.company, cv=pdf_upload(), question="Ок?")
    file_url = reverse("careers:cv_review_file", args=[review.pk])
    assert client_for(world.p.rival_hr).get(file_url).status_code == 404
    assert client_for(world.p.hr).get(file_url).status_code == 200
    assert (
        client_for(world.p.rival_hr).get(reverse("careers:hr_cv_review", args=["rival", review.pk])).status_code == 404
    )
    cv_review_give(actor=world.p.hr, review=review, comments="Добавьте ссылки на проекты")
    review.refresh_from_db()
    assert review.status == CVReviewStatus.GIVEN
    with pytest.raises(ServiceError):
        cv_review_give(actor=world.p.hr, review=review, comments="again")
    with pytest.raises(ServiceError) as error:
        cv_review_request(actor=world.p.visible, organization=world.unverified, cv=pdf_upload())
    assert error.value.field == "organization"
