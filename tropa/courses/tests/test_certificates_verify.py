"""The public verification page: anyone can check a code; it shows only what is safe to show."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from tropa.courses.services.certificates import certificate_issue, certificate_revoke
from tropa.courses.tests.certificate_helpers import completed_enrollment

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def certificate(school, make_course):
    course = make_course(title="Python для анализа данных")
    return certificate_issue(enrollment=completed_enrollment(user=school.people.learner, course=course))


def _url(certificate, name="courses:certificate_verify"):
    return reverse(name, args=[certificate.code])


def test_anyone_without_an_account_can_verify_a_certificate(client, certificate, settings):
    response = client.get(_url(certificate))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lena Learner" in html
    assert "Python для анализа данных" in html
    assert "Школа Данных" in html
    assert certificate.code in html
    assert "Valid certificate" in html
    assert "<svg" in html and "certificate-qr" in html  # the QR of the page itself
    assert settings.SITE_URL + _url(certificate) in html
    assert 'name="robots" content="noindex' in html


def test_a_visitor_sees_no_pdf_link_no_linkedin_link_and_no_revoke_form(client, certificate):
    html = client.get(_url(certificate)).content.decode()
    assert _url(certificate, "courses:certificate_pdf") not in html
    assert "linkedin.com" not in html
    assert 'name="reason"' not in html


def test_another_learner_and_an_outsider_see_the_public_page_only(client_for, certificate, school):
    for user in (school.people.other_learner, school.people.outsider, school.people.author):
        html = client_for(user).get(_url(certificate)).content.decode()
        assert "Lena Learner" in html
        assert "linkedin.com" not in html and 'name="reason"' not in html
        assert _url(certificate, "courses:certificate_pdf") not in html


def test_an_unknown_code_is_not_found(client, db):
    assert client.get(reverse("courses:certificate_verify", args=["ABCD-EFGH-JKMN"])).status_code == 404
    assert client.get(reverse("courses:certificate_verify", args=["nonsense"])).status_code == 404


def test_a_code_typed_in_lower_case_or_without_dashes_leads_to_the_certificate(client, certificate):
    typed = certificate.code.replace("-", "").lower()
    response = client.get(reverse("courses:certificate_verify", args=[typed]))
    assert response.status_code == 302 and response.url == _url(certificate)


def test_the_holder_gets_a_linkedin_link_filled_in_and_url_encoded(client_for, certificate, school, settings):
    response = client_for(school.people.learner).get(_url(certificate))
    link = response.context["linkedin_url"]
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.linkedin.com", "/profile/add")
    assert " " not in link and "&name=Python%20" in link
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    issued = timezone.localtime(certificate.issued_at)
    assert query == {
        "startTask": "CERTIFICATION_NAME",
        "name": "Python для анализа данных",
        "organizationName": "Школа Данных",
        "issueYear": str(issued.year),
        "issueMonth": str(issued.month),
        "certUrl": settings.SITE_URL + _url(certificate),
        "certId": certificate.code,
    }
    html = response.content.decode()
    assert "LinkedIn: add to profile" in html
    assert link.replace("&", "&amp;") in html
    assert _url(certificate, "courses:certificate_pdf") in html


def test_names_and_titles_with_markup_are_shown_as_text(client, school, make_course, make_user):
    learner = make_user("hacker@example.com", first_name=XSS, last_name="Smith")
    school.name = f"School {XSS}"
    school.save(update_fields=["name"])
    course = make_course(title=f"Course {XSS}")
    certificate = certificate_issue(enrollment=completed_enrollment(user=learner, course=course))
    certificate_revoke(actor=school.people.owner, certificate=certificate, reason=f"Because {XSS}")
    html = client.get(_url(certificate)).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_holder_sees_a_linkedin_link_built_from_hostile_titles_safely(client_for, school, make_course):
    course = make_course(title='A"&B <x>')
    certificate = certificate_issue(enrollment=completed_enrollment(user=school.people.learner, course=course))
    response = client_for(school.people.learner).get(_url(certificate))
    query = parse_qs(urlsplit(response.context["linkedin_url"]).query)
    assert query["name"] == ['A"&B <x>']
    assert "<x>" not in response.content.decode()


def test_a_minors_certificate_shows_only_initials_to_the_public(school, make_course, make_user):
    child = make_user("kid@example.com", first_name="Анна", last_name="Смирнова", is_minor=True)
    certificate = certificate_issue(enrollment=completed_enrollment(user=child, course=make_course()))
    assert certificate.learner_name == "Анна Смирнова"  # the PDF, which only she and her school get, has it in full
    anonymous = Client()
    html = anonymous.get(_url(certificate)).content.decode()
    assert "А. С." in html
    assert "Анна" not in html and "Смирнова" not in html


def test_a_minors_full_name_is_hidden_from_other_signed_in_users_too(client_for, school, make_course, make_user):
    child = make_user("kid@example.com", first_name="Kolya", last_name="Ivanov", is_minor=True)
    certificate = certificate_issue(enrollment=completed_enrollment(user=child, course=make_course()))
    for user in (school.people.outsider, school.people.curator, school.people.author):
        html = client_for(user).get(_url(certificate)).content.decode()
        assert "K. I." in html and "Kolya" not in html and "Ivanov" not in html


def test_a_minor_holder_sees_their_name_and_why_others_do_not(client_for, school, make_course, make_user):
    child = make_user("kid@example.com", first_name="Kolya", last_name="Ivanov", is_minor=True)
    certificate = certificate_issue(enrollment=completed_enrollment(user=child, course=make_course()))
    html = client_for(child).get(_url(certificate)).content.decode()
    assert "Kolya Ivanov" in html
    assert "visitors see only your initials (K. I.)" in html


def test_a_revoked_certificate_says_so_with_the_date_and_the_reason(client, certificate, school):
    certificate_revoke(actor=school.people.admin, certificate=certificate, reason="Plagiarism in the final project")
    html = client.get(_url(certificate)).content.decode()
    assert "This certificate has been revoked." in html
    with translation.override("en"):
        revoked_on = date_format(timezone.localtime(certificate.revoked_at), "DATE_FORMAT")
    assert f"Revoked on {revoked_on}:" in html
    assert "Plagiarism in the final project" in html
    assert "Valid certificate" not in html


def test_a_revoked_certificate_offers_no_linkedin_link_to_its_holder(client_for, certificate, school):
    certificate_revoke(actor=school.people.owner, certificate=certificate, reason="Issued by mistake")
    html = client_for(school.people.learner).get(_url(certificate)).content.decode()
    assert "linkedin.com" not in html


def test_the_page_costs_a_fixed_number_of_queries(client, certificate, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assert client.get(_url(certificate)).status_code == 200
