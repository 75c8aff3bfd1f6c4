"""The world of the roadmaps access table: a learner's roadmap with a consenting mentor, a mentor the learner did
not let see their progress, a minor with a roadmap and the same consenting mentor, and an outsider. Built through
the real services (the diagnostic, mentorship requests).
"""

from __future__ import annotations

from tropa.accounts.services import user_create
from tropa.courses.models import CourseLevel, CourseStatus, Skill
from tropa.courses.tests.conftest import build_course
from tropa.mentorship import services as mentorship
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role
from tropa.roadmaps.models import Roadmap, TargetRole
from tropa.roadmaps.tests.helpers import take_diagnostic

from .world import ANONYMOUS, PASSWORD, World

# Column order of the roadmaps table.
ROADMAPS_ROLES = (ANONYMOUS, "learner", "mentor", "other_mentor", "child", "outsider")


def _person(key: str, **kwargs):
    return user_create(email=f"{key}@roadmaps.example", password=PASSWORD, language="en", email_verified=True, **kwargs)


def build_roadmaps_world() -> World:
    people = {key: _person(key, first_name=key.title()) for key in ("learner", "mentor", "other_mentor", "outsider")}
    people["child"] = _person("child", first_name="Kid", is_minor=True)
    school = Organization.objects.create(name="Roadmap School", slug="roadmap-school", kind=OrganizationKind.SCHOOL)
    author = _person("author")
    Membership.objects.create(organization=school, user=author, role=Role.AUTHOR)
    skills = {skill.slug: skill for skill in Skill.objects.filter(slug__in=["sql", "python", "statistics"])}
    for title, slug, level in [("SQL 1", "sql", CourseLevel.BEGINNER), ("SQL 2", "sql", CourseLevel.BEGINNER),
                               ("Python", "python", CourseLevel.INTERMEDIATE)]:  # fmt: skip
        course = build_course(school, author=author, title=title, status=CourseStatus.PUBLISHED, level=level)
        course.skills.set([skills[slug]])
    role = TargetRole.objects.get(slug="data-analyst")
    take_diagnostic(people["learner"], role, right=False)
    take_diagnostic(people["child"], role, right=False)
    mentor_profile = mentorship.mentor_profile_save(
        actor=people["mentor"], company="Co", expertise=[skills["sql"]], languages=["en"], capacity=5, rules="",
        is_published=True,
    )  # fmt: skip
    other_profile = mentorship.mentor_profile_save(
        actor=people["other_mentor"], company="Co", expertise=[skills["sql"]], languages=["en"], capacity=5, rules="",
        is_published=True,
    )  # fmt: skip
    for mentee, profile, consent in [(people["learner"], mentor_profile, True), (people["child"], mentor_profile, True),
                                     (people["learner"], other_profile, False)]:  # fmt: skip
        request = mentorship.request_create(
            actor=mentee, mentor=profile, goal="A job", topics=[skills["sql"]], progress_consent=consent
        )
        mentorship.request_accept(actor=profile.user, request=request)
    roadmap = Roadmap.objects.get(user=people["learner"])
    child_roadmap = Roadmap.objects.get(user=people["child"])
    step = roadmap.steps.filter(kind="course").first()
    from tropa.roadmaps.selectors.recommend import recommendation_sections

    courses = next(
        items for source, items in recommendation_sections(user=people["learner"]) if source.kind == "course"
    )
    refs = {
        "recommended_course_id": courses[0].id,
        "roadmap_id": roadmap.pk,
        "step_id": step.pk,
        "minor": {"roadmap_id": child_roadmap.pk, "step_id": child_roadmap.steps.first().pk},
    }
    return World(users=people, refs=refs)
