"""“My certificates”: the signed-in user's own certificates with links to their pages and PDFs."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tropa.courses.services.certificates import certificate_issue, certificate_revoke
from tropa.courses.tests.certificate_helpers import completed_enrollment

URL = reverse("courses:my_certificates")


def _certify(user, course):
    return certificate_issue(enrollment=completed_enrollment(user=user, course=course))


def test_a_learner_sees_their_certificates_with_links(client_for, school, make_course):
    learner = school.people.learner
    mine = _certify(learner, make_course(title="Статистика"))
    theirs = _certify(school.people.other_learner, make_course(title="Someone else's course"))
    html = client_for(learner).get(URL).content.decode()
    assert "Статистика" in html and "Школа Данных" in html
    assert reverse("courses:certificate_verify", args=[mine.code]) in html
    assert reverse("courses:certificate_pdf", args=[mine.code]) in html
    assert "Someone else" not in html and theirs.code not in html


def test_a_revoked_certificate_is_listed_as_revoked(client_for, school, make_course):
    certificate = _certify(school.people.learner, make_course())
    certificate_revoke(actor=school.people.owner, certificate=certificate, reason="Mistake")
    html = client_for(school.people.learner).get(URL).content.decode()
    assert "revoked on" in html


def test_a_valid_certificate_carries_an_add_to_linkedin_link_a_revoked_one_does_not(client_for, school, make_course):
    from tropa.courses.selectors.certificates import certificate_linkedin_url

    learner = school.people.learner
    valid = _certify(learner, make_course(title="Статистика"))
    revoked = _certify(learner, make_course(title="Отозванный курс"))
    certificate_revoke(actor=school.people.owner, certificate=revoked, reason="Mistake")
    html = client_for(learner).get(URL).content.decode()
    assert html.count('data-testid="certificate-linkedin"') == 1
    assert certificate_linkedin_url(valid).replace("&", "&amp;") in html
    assert f"certId={revoked.code}" not in html


def test_someone_without_certificates_is_pointed_to_the_catalogue(client_for, school):
    html = client_for(school.people.outsider).get(URL).content.decode()
    assert "No certificates yet" in html


def test_an_anonymous_visitor_is_sent_to_sign_in(db):
    response = Client().get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_list_costs_the_same_queries_for_one_certificate_or_twenty(
    client_for, school, make_course, django_assert_num_queries
):
    learner = school.people.learner
    _certify(learner, make_course())
    client = client_for(learner)
    client.get(URL)  # warm the session and the per-request caches
    with CaptureQueriesContext(connection) as one:
        client.get(URL)
    for _ in range(19):
        _certify(learner, make_course(modules=1, steps=()))
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(URL)
    assert len(response.context["certificates"]) == 20


def test_the_account_menu_links_to_my_certificates(client_for, school):
    html = client_for(school.people.learner).get(reverse("core:dashboard")).content.decode()
    assert f'href="{URL}"' in html
