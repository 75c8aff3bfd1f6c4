"""Who reaches the studio: the organization's course team; everyone else gets 404 on every studio URL."""

import pytest
from django.urls import reverse

from tropa.core.navigation import navigation_for
from tropa.courses.models import CourseFormat, CourseStatus, Lesson, Module, Step
from tropa.courses.tests.authoring_helpers import learner_opens, steps_of

pytestmark = pytest.mark.django_db


def studio_urls(course) -> list[tuple[str, str]]:
    """(method, url) of every studio page and action of one course."""
    module = Module.objects.filter(course=course).first()
    lesson = Lesson.objects.filter(module=module).first()
    quiz = Step.objects.filter(course=course, kind="quiz").first()
    question = quiz.questions.first()
    slug = course.slug

    def url(name, *ids):
        return reverse(f"courses:{name}", args=[slug, *ids])

    gets = [
        url("studio_course"),
        url("studio_settings"),
        url("studio_preview"),
        url("studio_module_create"),
        url("studio_module_edit", module.pk),
        url("studio_lesson_create", module.pk),
        url("studio_lesson_edit", lesson.pk),
        url("studio_step_create", lesson.pk),
        url("studio_step_edit", quiz.pk),
        url("studio_question_create", quiz.pk),
        url("studio_question_edit", quiz.pk, question.pk),
    ]
    posts = [
        url("studio_settings"),
        url("studio_submit"),
        url("studio_approve"),
        url("studio_return"),
        url("studio_publish"),
        url("studio_archive"),
        url("studio_module_create"),
        url("studio_module_edit", module.pk),
        url("studio_module_move", module.pk),
        url("studio_module_delete", module.pk),
        url("studio_lesson_create", module.pk),
        url("studio_lesson_edit", lesson.pk),
        url("studio_lesson_move", lesson.pk),
        url("studio_lesson_delete", lesson.pk),
        url("studio_step_create", lesson.pk),
        url("studio_step_edit", quiz.pk),
        url("studio_step_move", quiz.pk),
        url("studio_step_delete", quiz.pk),
        url("studio_question_create", quiz.pk),
        url("studio_question_edit", quiz.pk, question.pk),
        url("studio_question_move", quiz.pk, question.pk),
        url("studio_question_delete", quiz.pk, question.pk),
    ]
    return [("get", u) for u in gets] + [("post", u) for u in posts]


def snapshot(course):
    """What a refused request must leave unchanged: the course, its modules and its steps."""
    course.refresh_from_db()
    return (
        (course.title, course.status, course.review_note),
        list(Module.objects.filter(course=course).values_list("pk", "title", "position", "archived_at")),
        list(Step.objects.filter(course=course).values_list("pk", "title", "position", "archived_at")),
    )


POST_DATA = {"title": "Hijacked", "note": "x", "direction": "down", "kind": "text", "body": "x", "prompt": "x"}


@pytest.mark.parametrize("person", ["outsider", "learner", "other_learner", "curator", "support"])
@pytest.mark.parametrize("status", [CourseStatus.DRAFT, CourseStatus.PUBLISHED])
def test_everyone_outside_the_course_team_gets_404_everywhere(school, make_course, client_for, person, status):
    course = make_course(status=status, format=CourseFormat.LONG)
    if status == CourseStatus.PUBLISHED and person == "learner":
        learner_opens(school.people.learner, steps_of(course)[0])  # even a learner of the course
    client = client_for(getattr(school.people, person))
    before = snapshot(course)
    for method, url in studio_urls(course):
        response = client.get(url) if method == "get" else client.post(url, POST_DATA)
        assert response.status_code == 404, (method, url, response.status_code)
    assert snapshot(course) == before


def test_anonymous_visitors_are_sent_to_sign_in(make_course, client):
    course = make_course(status=CourseStatus.DRAFT)
    for method, url in studio_urls(course) + [
        ("get", reverse("courses:studio")),
        ("get", reverse("courses:studio_create")),
    ]:
        response = client.get(url) if method == "get" else client.post(url, POST_DATA)
        assert response.status_code == 302 and "/login/" in response.url, url


@pytest.mark.parametrize("person", ["owner", "admin", "author", "methodologist"])
def test_writers_open_every_studio_page(school, make_course, client_for, person):
    course = make_course(status=CourseStatus.DRAFT)
    client = client_for(getattr(school.people, person))
    for method, url in studio_urls(course):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_the_editor_reads_the_course_and_its_preview_but_editing_pages_are_404(school, make_course, client_for):
    course = make_course(status=CourseStatus.REVIEW)
    client = client_for(school.people.editor)
    readable = {reverse(f"courses:{name}", args=[course.slug]) for name in ("studio_course", "studio_preview")}
    for method, url in studio_urls(course):
        if method == "get":
            assert client.get(url).status_code == (200 if url in readable else 404), url


def test_writers_cannot_edit_an_archived_course_but_still_read_it(school, make_course, client_for):
    course = make_course(status=CourseStatus.ARCHIVED)
    client = client_for(school.people.author)
    assert client.get(reverse("courses:studio_course", args=[course.slug])).status_code == 200
    assert client.get(reverse("courses:studio_settings", args=[course.slug])).status_code == 404
    step = steps_of(course)[0]
    assert client.post(reverse("courses:studio_step_delete", args=[course.slug, step.pk])).status_code == 404
    assert Step.objects.filter(pk=step.pk).exists()


def test_a_member_of_another_organization_does_not_see_its_courses_in_the_studio(school, make_course, client_for):
    make_course(status=CourseStatus.DRAFT, title="Secret draft")
    response = client_for(school.people.outsider).get(reverse("courses:studio"))
    assert response.status_code == 200  # they own the rival school
    assert "Secret draft" not in response.content.decode()


@pytest.mark.parametrize("person", ["learner", "curator", "support"])
def test_the_studio_home_is_404_for_people_without_a_course_team_role(school, client_for, person):
    assert client_for(getattr(school.people, person)).get(reverse("courses:studio")).status_code == 404


def _menu_keys(client, rf, user):
    from tropa.organizations.middleware import OrganizationContext

    request = rf.get("/")
    request.user = user
    request.session = {}
    request.org = OrganizationContext(request)
    return [entry["key"] for entry in navigation_for(request)["main"]]


@pytest.mark.parametrize(
    ("person", "shown"),
    [("author", True), ("editor", True), ("owner", True), ("curator", False), ("learner", False)],
)
def test_the_teaching_menu_entry_is_for_the_course_team(school, client, rf, person, shown):
    assert ("studio" in _menu_keys(client, rf, getattr(school.people, person))) is shown


def test_the_teaching_menu_entry_is_hidden_from_anonymous_visitors(client, rf):
    from django.contrib.auth.models import AnonymousUser

    assert "studio" not in _menu_keys(client, rf, AnonymousUser())
