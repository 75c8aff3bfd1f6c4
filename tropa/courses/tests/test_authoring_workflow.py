"""A course's way to learners: draft -> in review -> approved or returned -> published -> archived; who may do each."""

import pytest
from django.utils import translation

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events
from tropa.courses.models import Course, CourseFormat, CourseStatus, Question, StepKind
from tropa.courses.services import workflow
from tropa.courses.services.authoring import course_create
from tropa.courses.tests.authoring_helpers import steps_of, studio_url

pytestmark = pytest.mark.django_db

EVERYONE = ["owner", "admin", "author", "methodologist", "editor", "curator", "support", "learner", "outsider"]
TRANSITIONS = {
    # action: (status before, status after, who may)
    "submit": (CourseStatus.DRAFT, CourseStatus.REVIEW, {"owner", "admin", "author", "methodologist"}),
    "approve": (CourseStatus.REVIEW, CourseStatus.APPROVED, {"owner", "admin", "editor"}),
    "return": (CourseStatus.REVIEW, CourseStatus.DRAFT, {"owner", "admin", "editor"}),
    "publish": (CourseStatus.APPROVED, CourseStatus.PUBLISHED, {"owner", "admin"}),
    "archive": (CourseStatus.PUBLISHED, CourseStatus.ARCHIVED, {"owner", "admin"}),
}


def act(action: str, actor, course: Course):
    if action == "submit":
        return workflow.course_submit_for_review(actor=actor, course=course)
    if action == "approve":
        return workflow.course_approve(actor=actor, course=course)
    if action == "return":
        return workflow.course_return(actor=actor, course=course, note="Add exercises to level 2.")
    if action == "publish":
        return workflow.course_publish(actor=actor, course=course)
    return workflow.course_archive(actor=actor, course=course)


@pytest.mark.parametrize("person", EVERYONE)
@pytest.mark.parametrize("action", list(TRANSITIONS))
def test_each_step_of_the_workflow_is_for_its_roles_only(school, make_course, action, person):
    before, after, allowed = TRANSITIONS[action]
    course = make_course(status=before)
    actor = getattr(school.people, person)
    if person in allowed:
        act(action, actor, course)
        course.refresh_from_db()
        assert course.status == after
    else:
        with pytest.raises(NotFound):
            act(action, actor, course)
        course.refresh_from_db()
        assert course.status == before


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("submit", CourseStatus.REVIEW),
        ("approve", CourseStatus.DRAFT),
        ("return", CourseStatus.APPROVED),
        ("publish", CourseStatus.REVIEW),
        ("archive", CourseStatus.APPROVED),
    ],
)
def test_the_right_person_at_the_wrong_moment_gets_a_message(school, make_course, action, status):
    course = make_course(status=status)
    with pytest.raises(ServiceError) as error:
        act(action, school.people.owner, course)
    assert error.value.code == "status"
    course.refresh_from_db()
    assert course.status == status


def test_a_course_without_modules_lessons_and_steps_cannot_go_to_review(school):
    course = course_create(actor=school.people.author, organization=school, title="Empty")
    with translation.override("en"), pytest.raises(ServiceError, match="Add at least one module"):
        workflow.course_submit_for_review(actor=school.people.author, course=course)
    course.refresh_from_db()
    assert course.status == CourseStatus.DRAFT


def test_a_module_without_lessons_is_not_enough(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, lessons=0)
    with translation.override("en"), pytest.raises(ServiceError, match="Add at least one lesson"):
        workflow.course_submit_for_review(actor=school.people.author, course=course)


def test_a_lesson_without_steps_is_not_enough(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=())
    with translation.override("en"), pytest.raises(ServiceError, match="Add at least one step"):
        workflow.course_submit_for_review(actor=school.people.author, course=course)


def test_a_quiz_without_questions_holds_the_course_back(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=(StepKind.QUIZ,))
    Question.objects.filter(step__course=course).delete()
    with translation.override("en"), pytest.raises(ServiceError, match="has no questions yet"):
        workflow.course_submit_for_review(actor=school.people.author, course=course)


def test_a_long_course_is_published_only_with_a_final_project(school, make_course):
    course = make_course(status=CourseStatus.APPROVED, format=CourseFormat.LONG, modules=1)
    with translation.override("en"), pytest.raises(ServiceError, match="final project"):
        workflow.course_publish(actor=school.people.owner, course=course)
    with_project = make_course(
        status=CourseStatus.APPROVED, format=CourseFormat.LONG, modules=1, steps=("text", "final_project"), title="B"
    )
    assert workflow.course_publish(actor=school.people.owner, course=with_project).status == CourseStatus.PUBLISHED


def test_publishing_sets_the_publication_date(school, make_course):
    course = make_course(status=CourseStatus.APPROVED)
    course.published_at = None
    course.save(update_fields=["published_at"])
    published = workflow.course_publish(actor=school.people.admin, course=course)
    assert published.published_at is not None


def test_returning_needs_a_note_and_the_authors_see_it(school, make_course):
    course = make_course(status=CourseStatus.REVIEW)
    with pytest.raises(ServiceError) as error:
        workflow.course_return(actor=school.people.editor, course=course, note="   ")
    assert error.value.field == "note"
    workflow.course_return(actor=school.people.editor, course=course, note="Level 2 is thin.")
    course.refresh_from_db()
    assert (course.status, course.review_note) == (CourseStatus.DRAFT, "Level 2 is thin.")
    workflow.course_submit_for_review(actor=school.people.author, course=course)
    workflow.course_approve(actor=school.people.editor, course=course)
    course.refresh_from_db()
    assert course.review_note == ""


def test_every_transition_is_recorded_on_the_activity_spine(school, make_course):
    course = make_course(status=CourseStatus.DRAFT)
    workflow.course_submit_for_review(actor=school.people.author, course=course)
    workflow.course_return(actor=school.people.editor, course=course, note="More examples")
    workflow.course_submit_for_review(actor=school.people.author, course=course)
    workflow.course_approve(actor=school.people.editor, course=course)
    workflow.course_publish(actor=school.people.owner, course=course)
    workflow.course_archive(actor=school.people.admin, course=course)
    recorded = list(
        ActivityEvent.objects.filter(course_id=course.pk, verb__startswith="course.")
        .order_by("pk")
        .values_list("verb", "actor_id", "organization_id")
    )
    people = school.people
    assert recorded == [
        (events.COURSE_SUBMITTED_FOR_REVIEW, people.author.pk, school.pk),
        (events.COURSE_RETURNED, people.editor.pk, school.pk),
        (events.COURSE_SUBMITTED_FOR_REVIEW, people.author.pk, school.pk),
        (events.COURSE_APPROVED, people.editor.pk, school.pk),
        (events.COURSE_PUBLISHED, people.owner.pk, school.pk),
        (events.COURSE_ARCHIVED, people.admin.pk, school.pk),
    ]
    returned = ActivityEvent.objects.get(verb=events.COURSE_RETURNED)
    assert returned.payload == {"from": "review", "to": "draft", "note": "More examples"}


def test_a_refused_transition_records_nothing(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=())
    with pytest.raises(ServiceError):
        workflow.course_submit_for_review(actor=school.people.author, course=course)
    assert not ActivityEvent.objects.filter(course_id=course.pk).exists()


# The pages


def test_sending_for_review_from_the_course_page(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT)
    response = client_for(school.people.author).post(studio_url("studio_submit", course))
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.status == CourseStatus.REVIEW


def test_an_incomplete_course_stays_a_draft_and_the_page_says_why(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=())
    response = client_for(school.people.author).post(studio_url("studio_submit", course))
    assert response.status_code == 400
    assert "Add at least one step." in response.content.decode()


def test_the_editor_sees_approve_and_return_the_author_does_not(school, make_course, client_for):
    course = make_course(status=CourseStatus.REVIEW)
    editor_page = client_for(school.people.editor).get(studio_url("studio_course", course)).content.decode()
    assert studio_url("studio_approve", course) in editor_page and studio_url("studio_return", course) in editor_page
    author_page = client_for(school.people.author).get(studio_url("studio_course", course)).content.decode()
    assert studio_url("studio_approve", course) not in author_page
    assert studio_url("studio_publish", course) not in author_page


def test_returning_without_a_note_names_the_field(school, make_course, client_for):
    course = make_course(status=CourseStatus.REVIEW)
    response = client_for(school.people.editor).post(studio_url("studio_return", course), {"note": ""})
    assert response.status_code == 400
    assert "note" in response.context["return_form"].errors
    course.refresh_from_db()
    assert course.status == CourseStatus.REVIEW


def test_returning_with_a_note_from_the_page(school, make_course, client_for):
    course = make_course(status=CourseStatus.REVIEW)
    response = client_for(school.people.editor).post(studio_url("studio_return", course), {"note": "Fix typos"})
    assert response.status_code == 302
    course.refresh_from_db()
    assert (course.status, course.review_note) == (CourseStatus.DRAFT, "Fix typos")


def test_publishing_and_archiving_from_the_page(school, make_course, client_for):
    course = make_course(status=CourseStatus.APPROVED)
    client = client_for(school.people.owner)
    assert client.post(studio_url("studio_publish", course)).status_code == 302
    assert client.post(studio_url("studio_archive", course)).status_code == 302
    course.refresh_from_db()
    assert course.status == CourseStatus.ARCHIVED


@pytest.mark.parametrize(
    "name", ["studio_submit", "studio_approve", "studio_return", "studio_publish", "studio_archive"]
)
def test_workflow_actions_are_404_for_people_without_the_role(school, make_course, client_for, name):
    status = {"studio_submit": "draft", "studio_publish": "approved", "studio_archive": "published"}.get(name, "review")
    course = make_course(status=status)
    for person in ("curator", "learner", "outsider", "support"):
        response = client_for(getattr(school.people, person)).post(studio_url(name, course), {"note": "x"})
        assert response.status_code == 404
    course.refresh_from_db()
    assert course.status == status


def test_a_published_course_is_still_editable_and_keeps_its_status(school, make_course, client_for):
    course = make_course(status=CourseStatus.PUBLISHED, modules=1)
    step = steps_of(course, "text")[0]
    url = studio_url("studio_step_edit", course, step.pk)
    response = client_for(school.people.author).post(url, {"title": "Better title", "body": "New", "required": "on"})
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.status == CourseStatus.PUBLISHED
