"""A guardian follows their child's learning: read only, confirmed links only, never another child's."""

import pytest
from django.urls import reverse

from tropa.courses.models import Question, Step, StepKind
from tropa.courses.services.enrollment import enrollment_create
from tropa.courses.services.progress import step_complete, step_open
from tropa.courses.services.quiz import quiz_attempt_submit
from tropa.organizations.services import guardian_link_confirm, guardian_link_request, guardian_link_revoke

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(school, make_user, make_course):
    """Lena learns (a text step done, a quiz passed); her mother follows her; Oleg learns the same course."""
    child = school.people.learner
    course = make_course(title="Robotics for kids")
    enrollment = enrollment_create(actor=child, course=course)
    text = Step.objects.filter(course=course, kind=StepKind.TEXT).order_by("pk").first()
    step_open(actor=child, step=text)
    step_complete(enrollment=enrollment, step=text)
    quiz = Step.objects.filter(course=course, kind=StepKind.QUIZ).order_by("pk").first()
    question = Question.objects.get(step=quiz)
    quiz_attempt_submit(actor=child, step=quiz, answers={question.pk: question.choices.get(is_correct=True).pk})
    enrollment_create(actor=school.people.other_learner, course=course)
    mother = make_user("mother@example.com", first_name="Maria")
    link = guardian_link_request(actor=mother, child_email=child.email, relation="mother")
    guardian_link_confirm(actor=child, link_id=link.pk)
    return {"child": child, "mother": mother, "link": link, "course": course}


def page(child):
    return reverse("courses:child_learning", kwargs={"child_id": child.pk})


def test_guardian_sees_the_childs_courses_progress_and_results(client_for, family):
    response = client_for(family["mother"]).get(page(family["child"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lena Learner: learning" in html
    assert "Robotics for kids" in html
    assert 'aria-valuenow="50"' in html  # two of four steps done: the text read, the quiz passed
    assert "quiz 1.1" in html and "100%" in html


def test_guardian_never_sees_classmates(client_for, family, school):
    html = client_for(family["mother"]).get(page(family["child"])).content.decode()
    assert "Oleg" not in html


def test_guardian_page_offers_no_way_into_the_lessons(client_for, family):
    html = client_for(family["mother"]).get(page(family["child"])).content.decode()
    assert reverse("courses:learn", args=[family["course"].slug]) not in html
    assert "/steps/" not in html


def test_pending_request_does_not_open_the_page(client_for, school, make_user):
    father = make_user("father@example.com")
    guardian_link_request(actor=father, child_email=school.people.learner.email)
    assert client_for(father).get(page(school.people.learner)).status_code == 404


def test_revoked_link_closes_the_page(client_for, family):
    guardian_link_revoke(actor=family["child"], link_id=family["link"].pk)
    assert client_for(family["mother"]).get(page(family["child"])).status_code == 404


def test_guardian_cannot_open_another_child(client_for, family, school):
    assert client_for(family["mother"]).get(page(school.people.other_learner)).status_code == 404


def test_the_child_and_the_school_staff_get_404(client_for, family, school):
    assert client_for(family["child"]).get(page(family["child"])).status_code == 404
    assert client_for(school.people.curator).get(page(family["child"])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, family):
    response = client.get(page(family["child"]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_family_page_links_confirmed_children_only(client_for, family):
    html = client_for(family["mother"]).get(reverse("organizations:family")).content.decode()
    assert page(family["child"]) in html


def test_query_count_does_not_grow_with_courses(client_for, family, make_course, django_assert_max_num_queries):
    client = client_for(family["mother"])
    client.get(page(family["child"]))  # warm the session and the site's caches
    with django_assert_max_num_queries(14) as before:
        client.get(page(family["child"]))
    for n in range(3):
        enrollment_create(actor=family["child"], course=make_course(title=f"Extra {n}"))
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(page(family["child"]))
