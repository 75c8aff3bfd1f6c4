"""The world of the projects access table: a school's long course with a final project reviewed by an anonymous
peer and the curator, a learner's work with a file, a peer review, an appeal, and the learner's public portfolio.

Built through the real services, like the courses world.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tropa.accounts.models import Profile
from tropa.courses.models import Skill
from tropa.courses.services import authoring, authoring_structure, cohorts, enrollment, workflow
from tropa.organizations import services as org_services
from tropa.organizations.models import OrganizationKind, Role
from tropa.projects.models import Review
from tropa.projects.services import appeals, definition, reviews, submissions, teams

from .world import ANONYMOUS, PASSWORD, World

# Column order of the projects table.
PROJECT_ROLES = (ANONYMOUS, "learner", "peer", "classmate", "author", "curator", "owner", "outsider")


def _person(key: str):
    from tropa.accounts.services import user_create

    return user_create(email=f"{key}@projects.example", password=PASSWORD, language="en", email_verified=True,
                       first_name=key.title())  # fmt: skip


def build_projects_world() -> World:
    people = {key: _person(key) for key in ("learner", "peer", "classmate", "author", "curator", "owner", "outsider")}
    school = org_services.organization_create(
        actor=people["owner"], name="Epsilon School", kind=OrganizationKind.SCHOOL
    )
    org_services.organization_create(actor=people["outsider"], name="Zeta School", kind=OrganizationKind.SCHOOL)
    for key, role in [("author", Role.AUTHOR), ("curator", Role.CURATOR)]:
        invitation = org_services.invitation_create(
            actor=people["owner"], organization=school, email=people[key].email, role=role
        )
        org_services.invitation_accept(actor=people[key], invitation_id=invitation.pk)
    author = people["author"]
    course = authoring.course_create(actor=author, organization=school, title="Project Course", format="long")
    course = authoring.course_update(actor=author, course=course, title="Project Course", summary="Build it.",
                                     mode="cohort", format="long", language="en")  # fmt: skip
    module = authoring_structure.module_create(actor=author, course=course, title="Level 1")
    lesson = authoring_structure.lesson_create(actor=author, course=course, module_id=module.pk, title="Lesson 1")
    step = authoring_structure.step_create(actor=author, course=course, lesson_id=lesson.pk, kind="final_project",
                                           title="Final project", body="Build.")  # fmt: skip
    course = workflow.course_submit_for_review(actor=author, course=course)
    course = workflow.course_approve(actor=people["owner"], course=course)
    course = workflow.course_publish(actor=people["owner"], course=course)
    project = definition.project_save(actor=author, course=course, step=step, title="Capstone", brief="Build **it**.",
                                      peer_count=1, peer_anonymous=True, review_by_curator=True,
                                      max_team_size=3)  # fmt: skip
    skill, _ = Skill.objects.get_or_create(slug="python", defaults={"name_ru": "Python", "name_en": "Python"})
    criterion = definition.criterion_create(actor=author, project=project, title="Code", weight=2,
                                            levels=["Weak", "Good", "Great"], skill_ids=[skill.pk])  # fmt: skip
    today = timezone.localdate()
    cohort = cohorts.cohort_create(
        actor=people["owner"], course=course, title="Now", starts_on=today - timedelta(days=3),
        ends_on=today + timedelta(days=60), capacity=None, enrollment_policy="open",
    )  # fmt: skip
    cohorts.cohort_curators_set(actor=people["owner"], cohort=cohort, users=[people["curator"]])
    for key in ("learner", "peer", "classmate"):
        enrollment.enrollment_create(actor=people[key], course=course, cohort=cohort)
    version = submissions.work_submit(
        actor=people["learner"], project=project, repository_url="https://git.example/learner/capstone",
        writeup="My capstone.", files=[SimpleUploadedFile("learner-report.pdf", b"%PDF-1.4 report")],
    )  # fmt: skip
    submissions.work_submit(actor=people["peer"], project=project, repository_url="https://git.example/p/c",
                            writeup="Mine.")  # fmt: skip
    work = version.work
    peer_review = reviews.review_submit(actor=people["peer"], work_id=work.pk, levels={criterion.pk: 1},
                                        feedback="Decent.")  # fmt: skip
    appeal = appeals.appeal_create(actor=people["learner"], review_id=peer_review.pk, reason="The peer skipped tests.")
    # A classmate is invited to a team by someone outside the matrix's columns: only the two of them may act on it.
    inviter = _person("inviter")
    enrollment.enrollment_create(actor=inviter, course=course, cohort=cohort)
    invite = teams.team_invite(actor=inviter, project=project, email=people["classmate"].email)
    Profile.objects.filter(user=people["learner"]).update(visibility="public")
    assert Review.objects.filter(work=work, reviewer=people["peer"]).exists()
    world = World(users=people)
    world.refs.update(
        slug=course.slug,
        work_id=work.pk,
        review_id=peer_review.pk,
        appeal_id=appeal.pk,
        file_id=version.files.get().pk,
        criterion_id=criterion.pk,
        cohort_id=cohort.pk,
        user_id=people["learner"].pk,
        invite_id=invite.pk,
        member_id=inviter.pk,
    )
    return world
