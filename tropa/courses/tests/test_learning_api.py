"""The learning API: my courses, enrolling and the outline; shapes, errors and the outsider's side."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tropa.accounts.services import api_token_create
from tropa.courses.models import (
    Cohort,
    CohortEnrollmentPolicy,
    CohortModule,
    CourseMode,
    CourseStatus,
    Enrollment,
    Module,
    Step,
    StepKind,
    UnlockRule,
)
from tropa.courses.services.enrollment import enrollment_create
from tropa.courses.services.progress import step_complete, step_open

pytestmark = pytest.mark.django_db


def make_cohort(course, **fields) -> Cohort:
    today = timezone.localdate()
    fields.setdefault("starts_on", today)
    fields.setdefault("ends_on", today + timedelta(days=60))
    return Cohort.objects.create(course=course, title=fields.pop("title", "Spring"), **fields)


def steps_of(course) -> list[Step]:
    return list(Step.objects.filter(course=course).order_by("lesson__module__position", "lesson__position", "position"))


@pytest.fixture
def api(client, school):
    """The API as the learner, with a personal token (as the mobile client calls it)."""
    _token, raw = api_token_create(actor=school.people.learner, name="phone")
    headers = {"Authorization": f"Bearer {raw}"}

    class Caller:
        def get(self, path):
            return client.get(f"/api/v1{path}", headers=headers)

        def post(self, path, body=None):
            return client.post(f"/api/v1{path}", body or {}, content_type="application/json", headers=headers)

    return Caller()


def test_anonymous_gets_401(client, make_course):
    course = make_course()
    assert client.get("/api/v1/courses/my").status_code == 401
    assert client.post(f"/api/v1/courses/{course.slug}/enroll", {}, content_type="application/json").status_code == 401
    assert client.get(f"/api/v1/courses/{course.slug}/outline").status_code == 401


def test_my_courses_shape(api, school, make_course):
    course = make_course(title="API course", mode=CourseMode.COHORT, modules=1, steps=(StepKind.TEXT, StepKind.TEXT))
    cohort = make_cohort(course)
    deadline = timezone.now() + timedelta(days=3)
    CohortModule.objects.create(cohort=cohort, module=Module.objects.get(course=course), deadline=deadline)
    enrollment = enrollment_create(actor=school.people.learner, course=course, cohort=cohort)
    first, second = steps_of(course)
    step_open(actor=school.people.learner, step=first)
    step_complete(enrollment=enrollment, step=first)

    response = api.get("/courses/my")
    assert response.status_code == 200
    [item] = response.json()
    assert set(item) == {
        "id",
        "course",
        "cohort",
        "status",
        "progress_percent",
        "enrolled_at",
        "completed_at",
        "last_activity_at",
        "continue_step_id",
        "next_deadline",
        "waitlist_position",
        "certificate_code",
    }
    assert item["course"]["slug"] == course.slug and item["course"]["organization"] == school.name
    assert item["status"] == "active" and item["progress_percent"] == 50
    assert item["cohort"]["id"] == cohort.pk
    assert item["continue_step_id"] == second.pk
    assert item["next_deadline"]["module"] == "Level 1"
    assert item["waitlist_position"] is None and item["certificate_code"] is None


def test_my_courses_lists_only_mine(api, school, make_course):
    enrollment_create(actor=school.people.other_learner, course=make_course(title="Theirs"))
    assert api.get("/courses/my").json() == []


def test_enroll_self_paced_is_201_active(api, school, make_course):
    course = make_course()
    response = api.post(f"/courses/{course.slug}/enroll")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "active" and body["cohort"] is None and body["waitlist_position"] is None
    assert Enrollment.objects.get(pk=body["id"]).user == school.people.learner


def test_enroll_in_a_full_cohort_is_201_waitlisted_with_position(api, school, make_course):
    course = make_course(mode=CourseMode.COHORT)
    cohort = make_cohort(course, capacity=1)
    enrollment_create(actor=school.people.other_learner, course=course, cohort=cohort)
    response = api.post(f"/courses/{course.slug}/enroll", {"cohort": cohort.pk})
    assert response.status_code == 201
    assert response.json()["status"] == "waitlisted" and response.json()["waitlist_position"] == 1


def test_enroll_by_invitation_code_alone(api, school, make_course):
    course = make_course(mode=CourseMode.COHORT)
    cohort = make_cohort(course, enrollment_policy=CohortEnrollmentPolicy.INVITE, invite_code="INV1TE")
    response = api.post(f"/courses/{course.slug}/enroll", {"code": "INV1TE"})
    assert response.status_code == 201 and response.json()["cohort"]["id"] == cohort.pk


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "cohort"), ({"cohort": 999999}, "cohort"), ({"code": "nope"}, "cohort")],
)
def test_enroll_errors_name_the_field(api, make_course, body, field):
    course = make_course(mode=CourseMode.COHORT)
    make_cohort(course)
    response = api.post(f"/courses/{course.slug}/enroll", body)
    assert response.status_code == 400 and response.json()["field"] == field
    assert not Enrollment.objects.exists()


def test_enroll_with_a_wrong_code_names_code(api, make_course):
    course = make_course(mode=CourseMode.COHORT)
    cohort = make_cohort(course, enrollment_policy=CohortEnrollmentPolicy.INVITE, invite_code="RIGHT")
    response = api.post(f"/courses/{course.slug}/enroll", {"cohort": cohort.pk, "code": "WRONG"})
    assert response.status_code == 400 and response.json()["field"] == "code"


def test_enroll_with_a_bad_type_is_422(api, make_course):
    course = make_course()
    assert api.post(f"/courses/{course.slug}/enroll", {"cohort": "abc"}).status_code == 422


def test_enroll_twice_is_400(api, make_course):
    course = make_course()
    api.post(f"/courses/{course.slug}/enroll")
    response = api.post(f"/courses/{course.slug}/enroll")
    assert response.status_code == 400 and "already" in response.json()["detail"]


def test_enroll_in_a_draft_or_missing_course_is_404(api, make_course):
    draft = make_course(status=CourseStatus.DRAFT)
    assert api.post(f"/courses/{draft.slug}/enroll").status_code == 404
    assert api.post("/courses/missing/enroll").status_code == 404


def test_outline_shape_with_locks_and_progress(api, school, make_course):
    course = make_course(unlock_rule=UnlockRule.AFTER_PREVIOUS)
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    first = steps_of(course)[0]
    step_complete(enrollment=enrollment, step=first)
    response = api.get(f"/courses/{course.slug}/outline")
    assert response.status_code == 200
    body = response.json()
    assert body["percent"] == 25 and body["required_done"] == 1 and body["required_total"] == 4
    assert body["continue_step_id"] == steps_of(course)[1].pk
    opened, locked = body["modules"]
    assert (opened["locked"], opened["percent"]) == (False, 50)
    assert (locked["locked"], locked["lock_reason"]) == (True, "Finish “Level 1” first")
    step = opened["lessons"][0]["steps"][0]
    assert step == {
        "id": first.pk,
        "title": first.title,
        "kind": "text",
        "required": True,
        "status": "done",
        "locked": False,
        "done": True,
        "score": None,
        "archived": False,
    }
    assert locked["lessons"][0]["steps"][0]["status"] == "locked"


def test_outline_is_404_for_anyone_but_its_learner(client, school, make_course):
    course = make_course()
    enrollment_create(actor=school.people.learner, course=course)
    for person in (school.people.other_learner, school.people.outsider, school.people.owner):
        client.force_login(person)
        assert client.get(f"/api/v1/courses/{course.slug}/outline").status_code == 404
    client.force_login(school.people.learner)
    assert client.get(f"/api/v1/courses/{course.slug}/outline").status_code == 200
    assert client.get("/api/v1/courses/missing/outline").status_code == 404
