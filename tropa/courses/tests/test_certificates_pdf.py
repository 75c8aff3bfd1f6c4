"""The certificate PDF: A4 landscape, Cyrillic intact, for the holder and the school's managers only."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tropa.courses.pdf import certificate_pdf
from tropa.courses.selectors.certificates import certificate_verify_url
from tropa.courses.services.certificates import certificate_issue, certificate_revoke
from tropa.courses.tests.certificate_helpers import completed_enrollment, inflated, pdf_text


@pytest.fixture
def anna(make_user):
    return make_user("anna@example.com", first_name="Анна", last_name="Смирнова")


@pytest.fixture
def certificate(school, make_course, anna):
    course = make_course(title="Python для анализа данных")
    return certificate_issue(enrollment=completed_enrollment(user=anna, course=course))


def _pdf_url(certificate):
    return reverse("courses:certificate_pdf", args=[certificate.code])


def _uncompressed(certificate) -> bytes:
    with translation.override("en"):
        return certificate_pdf(certificate=certificate, verify_url=certificate_verify_url(certificate), compress=False)


def test_the_holder_downloads_their_certificate_as_a_pdf(client_for, certificate, anna):
    response = client_for(anna).get(_pdf_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="certificate-{certificate.code}.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")
    assert response.content.rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize("role", ["owner", "admin"])
def test_the_schools_owner_and_admin_can_download_it(client_for, certificate, school, role):
    response = client_for(getattr(school.people, role)).get(_pdf_url(certificate))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


@pytest.mark.parametrize("who", ["learner", "author", "editor", "curator", "support", "outsider"])
def test_anyone_else_signed_in_gets_not_found(client_for, certificate, school, who):
    assert client_for(getattr(school.people, who)).get(_pdf_url(certificate)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(certificate):
    response = Client().get(_pdf_url(certificate))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_an_unknown_code_is_not_found(client_for, anna):
    assert client_for(anna).get(reverse("courses:certificate_pdf", args=["ABCD-EFGH-JKMN"])).status_code == 404


def test_the_page_is_a4_landscape(certificate):
    data = _uncompressed(certificate)
    assert re.search(rb"/MediaBox \[0 0 841\.89 595\.28\]", data)
    assert b"/Count 1" in data


def test_cyrillic_names_titles_and_the_school_survive_in_the_pdf(certificate):
    text = pdf_text(_uncompressed(certificate))
    assert "Анна Смирнова" in text.splitlines()
    assert "Python для анализа данных" in text.splitlines()
    assert "Школа Данных" in text.splitlines()
    assert certificate.code in text
    assert certificate_verify_url(certificate) in text
    assert "CERTIFICATE OF COMPLETION" in text


def test_the_vendored_dejavu_fonts_are_embedded(certificate):
    data = _uncompressed(certificate)
    assert re.search(rb"/BaseFont /[A-Z]{6}\+DejaVuSansBook\b", data)
    assert re.search(rb"/BaseFont /[A-Z]{6}\+DejaVuSansBold\b", data)
    assert b"/FontFile2" in data and b"/ToUnicode" in data


def test_the_pdf_carries_a_qr_code_drawn_from_the_verification_address(certificate):
    import segno

    data = _uncompressed(certificate)
    matrix = [list(row) for row in segno.make(certificate_verify_url(certificate), error="m").matrix_iter(border=0)]
    dark_runs = sum(1 for row in matrix for i, module in enumerate(row) if module and (i == 0 or not row[i - 1]))
    filled_rectangles = len(re.findall(rb" re f\b", data))
    assert filled_rectangles >= dark_runs  # one rectangle per run of dark modules, plus the white quiet zone


def test_a_revoked_certificate_is_stamped_revoked_with_the_reason(certificate, school, client_for, anna):
    certificate_revoke(actor=school.people.owner, certificate=certificate, reason="Списывание на экзамене")
    text = pdf_text(_uncompressed(certificate))
    assert "REVOKED" in text.splitlines()
    assert any(line.startswith("Revoked on ") and line.endswith("Списывание на экзамене") for line in text.splitlines())
    # Still downloadable by its holder: it is their record, and it cannot pass for valid.
    assert client_for(anna).get(_pdf_url(certificate)).status_code == 200


def test_a_valid_certificate_is_not_stamped(certificate):
    assert "REVOKED" not in pdf_text(_uncompressed(certificate))


def test_very_long_names_and_titles_still_fit_on_one_page(school, make_course, make_user):
    learner = make_user("long@example.com", first_name="Анна-Мария " * 9, last_name="Смирнова-Оглы " * 7)
    course = make_course(title="Очень длинное название курса " * 6)
    certificate = certificate_issue(enrollment=completed_enrollment(user=learner, course=course))
    data = _uncompressed(certificate)
    assert b"/Count 1" in data
    assert "Очень длинное" in pdf_text(data)


def test_the_pdf_speaks_the_language_of_the_request(certificate, anna):
    with translation.override("ru"):
        data = certificate_pdf(certificate=certificate, verify_url="https://x.example/", compress=False)
    assert b"/Lang (ru)" in data


def test_the_served_pdf_is_compressed_and_still_carries_the_cyrillic_name(client_for, certificate, anna):
    served = client_for(anna).get(_pdf_url(certificate)).content
    assert b"/FlateDecode" in served
    assert "Анна Смирнова" in pdf_text(inflated(served)).splitlines()


def test_a_download_after_revoking_is_stamped_even_if_an_earlier_one_was_kept(client_for, certificate, school, anna):
    client = client_for(anna)
    first = client.get(_pdf_url(certificate)).content
    assert client.get(_pdf_url(certificate)).content == first  # kept, not drawn again
    certificate_revoke(actor=school.people.owner, certificate=certificate, reason="Issued by mistake")
    after = client.get(_pdf_url(certificate)).content
    assert "REVOKED" in pdf_text(inflated(after)).splitlines()
    assert "REVOKED" not in pdf_text(inflated(first))
