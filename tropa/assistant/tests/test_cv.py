"""The CV: verified achievements plus the owner's edits, PDF in Russian and English, JSON Resume, LinkedIn links,
the opt-in revocable shared link, and minors never public."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tropa.accounts.models import User
from tropa.activity.models import ActivityEvent
from tropa.assistant.models import CurriculumVitae
from tropa.assistant.services.cv import cv_share_set
from tropa.core.exceptions import ServiceError

pytestmark = pytest.mark.django_db


@pytest.fixture
def me_client(client, learning):
    client.force_login(learning.me)
    return client


def edits(learning, **overrides) -> dict:
    data = {
        "headline": "Junior data analyst",
        "summary": "I turn churn data into decisions.",
        "email": "me@example.com",
        "phone": "+7 900 000-00-00",
        "location": "Казань",
        "links": "https://github.com/me",
        "experience": "Intern analyst, Bank (2024)\nReports in SQL.\n\nSales assistant, Shop (2022-2023)",
        "education": "KFU, economics (2019-2023)",
        "language": "en",
        "include_0": "on",
        "position_0": "1",
        "include_1": "on",
        "position_1": "2",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_cv_page_shows_verified_items_and_linkedin_links(me_client, learning):
    body = me_client.get(reverse("assistant:cv")).content.decode()
    assert "Churn model" in body and "Quality 67/100" in body
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in body
    assert "Zebra" not in body


def test_saving_edits_and_choices(me_client, learning):
    response = me_client.post(reverse("assistant:cv"), edits(learning, include_1=None, position_0="2", position_1="1"))
    assert response.status_code == 302
    cv = CurriculumVitae.objects.get(user=learning.me)
    assert cv.summary == "I turn churn data into decisions." and cv.language == "en"
    assert len(cv.hidden_items) == 1 and cv.hidden_items[0].startswith("course:")
    assert cv.item_order[-1].startswith("project:")


def test_a_bad_link_is_refused_with_the_field_named(me_client, learning):
    response = me_client.post(reverse("assistant:cv"), edits(learning, links="javascript:alert(1)"))
    assert response.status_code == 400
    assert "is not a web address" in response.content.decode()
    assert not CurriculumVitae.objects.filter(user=learning.me).exists()


def test_a_bad_position_is_refused(me_client, learning):
    response = me_client.post(reverse("assistant:cv"), edits(learning, position_0="0"))
    assert response.status_code == 400
    assert not CurriculumVitae.objects.exists()


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_pdf_downloads_in_both_languages_and_records_the_event(me_client, learning, language):
    response = me_client.get(reverse("assistant:cv_download", args=["pdf"]), {"lang": language})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and f"-cv-{language}.pdf" in response["Content-Disposition"]
    event = ActivityEvent.objects.get(verb="cv.generated")
    assert event.payload == {"format": "pdf", "language": language}


def test_a_bad_language_or_format_is_a_400(me_client):
    assert me_client.get(reverse("assistant:cv_download", args=["pdf"]), {"lang": "de"}).status_code == 400
    assert me_client.get(reverse("assistant:cv_download", args=["docx"])).status_code == 400


def test_the_json_resume_reuses_the_portfolio_export_with_the_edits(me_client, learning):
    me_client.post(reverse("assistant:cv"), edits(learning, include_1=None))
    data = json.loads(me_client.get(reverse("assistant:cv_download", args=["json"])).content)
    assert data["basics"]["summary"] == "I turn churn data into decisions."
    assert data["basics"]["email"] == "me@example.com"
    assert data["work"][0]["position"] == "Intern analyst, Bank (2024)"
    assert data["education"][0]["institution"] == "KFU, economics (2019-2023)"
    project = data["projects"][0]
    assert project["name"] == "Churn model" and project["x-qualityScore"] == pytest.approx(66.67, abs=0.01)
    assert data["certificates"] == []  # the course was left out, so its certificate is too


def test_sharing_is_opt_in_and_revocable(client, learning):
    client.force_login(learning.me)
    client.post(reverse("assistant:cv_share"), {"shared": "on"})
    first = CurriculumVitae.objects.get(user=learning.me).share_token
    client.logout()
    shared = client.get(reverse("assistant:cv_shared", args=[first]))
    assert shared.status_code == 200 and shared.content.startswith(b"%PDF")
    client.force_login(learning.me)
    client.post(reverse("assistant:cv_share"), {"shared": "off"})
    assert client.get(reverse("assistant:cv_shared", args=[first])).status_code == 404
    client.post(reverse("assistant:cv_share"), {"shared": "on"})
    second = CurriculumVitae.objects.get(user=learning.me).share_token
    assert second != first
    assert client.get(reverse("assistant:cv_shared", args=[first])).status_code == 404


def test_a_guessed_token_is_a_404(client):
    assert client.get(reverse("assistant:cv_shared", args=["x" * 43])).status_code == 404


def test_a_minor_cannot_share_a_cv(make_user):
    child = make_user("kid@example.com", is_minor=True)
    with pytest.raises(ServiceError) as refused:
        cv_share_set(actor=child, shared=True)
    assert refused.value.field == "share"


def test_a_link_stops_working_when_its_owner_is_marked_a_minor(client, learning):
    cv = cv_share_set(actor=learning.me, shared=True)
    User.objects.filter(pk=learning.me.pk).update(is_minor=True)
    assert client.get(reverse("assistant:cv_shared", args=[cv.share_token])).status_code == 404


def test_the_cv_page_is_the_owners_own(client, learning):
    client.force_login(learning.other)
    body = client.get(reverse("assistant:cv")).content.decode()
    assert "Zebra" not in body or "Churn model" not in body
    assert "Churn model" not in body
