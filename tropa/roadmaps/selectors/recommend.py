"""Recommendations with their "why this": courses (content + collaborative), mentors and study groups.

Each kind is a source in `tropa.roadmaps.sources`; the careers app registers opportunities from its own package.
What the learner dismissed is left out of every kind.
Every source runs a constant number of queries, whatever the size of the catalogue.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tropa.courses.models import Cohort, CohortEnrollmentPolicy, Course, CourseStatus, Enrollment, EnrollmentStatus
from tropa.mentorship import selectors as mentorship_selectors
from tropa.roadmaps import recommender
from tropa.roadmaps.models import DismissedRecommendation
from tropa.roadmaps.selectors import facts
from tropa.roadmaps.selectors.profile import skill_gaps
from tropa.roadmaps.sources import Context, Recommendation, Source, register, sources
from tropa.roadmaps.sources import source as source_of

NEIGHBOUR_ROWS = 20_000  # completions read for co-occurrence: the most recent, enough for a stable signal
SHOWN = 4


def context_for(*, user) -> Context:
    gap_rows = skill_gaps(user=user)
    history = list(
        Enrollment.objects.filter(user=user)
        .exclude(status=EnrollmentStatus.LEFT)
        .order_by("enrolled_at")
        .values_list("course_id", flat=True)
    )
    diagnostic = facts.last_completed_diagnostic(user=user)
    return Context(
        gap={row.skill_id: row.need - row.have for row in gap_rows},
        skill_names={row.skill_id: row.name for row in gap_rows},
        history=history,
        direction_id=diagnostic.direction_id if diagnostic else None,
        dismissed=frozenset(DismissedRecommendation.objects.filter(user=user).values_list("kind", "item_id")),
    )


def _cooccurrence_for(history: list[int], *, exclude_user_id: int) -> recommender.CoOccurrence:
    """Co-occurrence among learners who finished what this learner took (their recent completions only)."""
    if not history:
        return recommender.CoOccurrence(pairs={}, counts={})
    neighbours = Enrollment.objects.filter(course_id__in=history, status=EnrollmentStatus.COMPLETED).exclude(
        user_id=exclude_user_id
    )
    rows = (
        Enrollment.objects.filter(status=EnrollmentStatus.COMPLETED, user_id__in=neighbours.values("user_id"))
        .order_by("-completed_at")
        .values_list("user_id", "course_id")[:NEIGHBOUR_ROWS]
    )
    by_learner: dict[int, set[int]] = {}
    for learner, course in rows:
        by_learner.setdefault(learner, set()).add(course)
    model = recommender.cooccurrence(by_learner.values())
    # Normalize by each course's completions on the whole platform, kept on the course row.
    counts = dict(Course.objects.filter(pk__in=list(model.counts)).values_list("pk", "completed_count"))
    for pk, count in counts.items():
        model.counts[pk] = max(count, model.counts[pk])
    return model


def courses_for(user, context: Context, limit: int = SHOWN) -> list[Recommendation]:
    taken = set(context.history) | {item_id for kind, item_id in context.dismissed if kind == "course"}
    skill_rows = Course.objects.filter(status=CourseStatus.PUBLISHED, skills__in=list(context.gap)).values_list(
        "pk", "skills"
    )
    item_skills: dict[int, set[int]] = {}
    for course_id, skill_id in skill_rows:
        item_skills.setdefault(course_id, set()).add(skill_id)
    content = recommender.content_scores(context.gap, item_skills, exclude=taken)
    collaborative = {
        pk: pair
        for pk, pair in recommender.collaborative_scores(
            context.history, _cooccurrence_for(context.history, exclude_user_id=user.pk)
        ).items()
        if pk not in taken
    }
    scores = recommender.blend(
        {pk: score for pk, (score, _s) in content.items()}, {pk: score for pk, (score, _b) in collaborative.items()}
    )
    chosen = recommender.top(scores, limit * 2)
    courses = {
        course.pk: course
        for course in Course.objects.filter(pk__in=chosen, status=CourseStatus.PUBLISHED).select_related("organization")
    }
    titles = dict(Course.objects.filter(pk__in=[b for _s, b in collaborative.values()]).values_list("pk", "title"))
    items = []
    for pk in chosen:
        course = courses.get(pk)
        if course is None:
            continue
        reasons, kinds = [], []
        if pk in content:
            names = ", ".join(context.skill_names.get(skill, "") for skill in content[pk][1][:3])
            reasons.append(_("Closes your gaps: %(skills)s") % {"skills": names})
            kinds.append("content")
        if pk in collaborative:
            reasons.append(
                _("Learners who took “%(title)s” finished this too") % {"title": titles.get(collaborative[pk][1], "")}
            )
            kinds.append("collaborative")
        source = "hybrid" if len(kinds) == 2 else kinds[0]
        items.append(
            Recommendation(
                kind="course",
                id=pk,
                title=course.title,
                url=reverse("courses:detail", args=[course.slug]),
                reasons=reasons,
                source=source,
                score=scores[pk],
                reason_key=source,
                extra={"organization": course.organization.name, "weeks": course.duration_weeks},
            )
        )
    return items[:limit]


def mentors_for(user, context: Context, limit: int = 3) -> list[Recommendation]:
    if not context.gap:
        return []
    matches = mentorship_selectors.mentor_ranking(user=user, topic_ids=list(context.gap), language=user.language)
    items = []
    for match in matches:
        knows = [skill.name for skill in match.mentor.expertise.all() if skill.pk in context.gap]
        if not knows:
            continue
        items.append(
            Recommendation(
                kind="mentor",
                id=match.mentor.pk,
                title=match.mentor.user.display_name,
                url=reverse("mentorship:detail", args=[match.mentor.pk]),
                reasons=[
                    _("Knows what you are missing: %(skills)s") % {"skills": ", ".join(knows[:3])},
                    *match.reasons,
                ],
                source="content",
                score=match.score,
                reason_key="content",
                extra={"company": match.mentor.company},
            )
        )
    return items[:limit]


def groups_for(user, context: Context, limit: int = 3) -> list[Recommendation]:
    """Open cohorts starting soon of courses that close the learner's gaps: study with a group."""
    if not context.gap:
        return []
    cohorts = (
        Cohort.objects.filter(
            course__status=CourseStatus.PUBLISHED,
            course__skills__in=list(context.gap),
            starts_on__gte=timezone.localdate(),
            enrollment_policy=CohortEnrollmentPolicy.OPEN,
        )
        .exclude(course_id__in=context.history)
        .select_related("course")
        .prefetch_related("course__skills")
        .distinct()
        .order_by("starts_on", "pk")[: limit * 3]
    )
    items = []
    for cohort in cohorts:
        if cohort.is_full:
            continue
        names = [skill.name for skill in cohort.course.skills.all() if skill.pk in context.gap]
        items.append(
            Recommendation(
                kind="group",
                id=cohort.pk,
                title=f"{cohort.course.title} — {cohort.title}",
                url=reverse("courses:detail", args=[cohort.course.slug]),
                reasons=[
                    _("Starts on %(date)s") % {"date": cohort.starts_on.strftime("%d.%m.%Y")},
                    _("Covers %(skills)s") % {"skills": ", ".join(names[:3])},
                ],
                source="content",
                reason_key="content",
            )
        )
    return items[:limit]


register(Source("course", gettext_lazy("Courses"), courses_for, order=10))
register(Source("mentor", gettext_lazy("Mentors"), mentors_for, order=30))
register(Source("group", gettext_lazy("Study groups"), groups_for, order=40))
# Opportunities (internships, jobs, projects) come from the careers app, which registers its own source here.


def _kept(items: list[Recommendation], context: Context) -> list[Recommendation]:
    """A source that does not look at `context.dismissed` still never shows a dismissed item."""
    return [item for item in items if (item.kind, item.id) not in context.dismissed]


def recommendation_sections(*, user) -> list[tuple[Source, list[Recommendation]]]:
    context = context_for(user=user)
    return [(source, _kept(source.fn(user, context), context)) for source in sources()]


def recommendation_find(*, user, kind: str, item_id: int) -> Recommendation | None:
    """The recommendation the learner acts on, if it is (still) among theirs: no arbitrary redirects."""
    found = source_of(kind)
    if found is None:
        return None
    context = context_for(user=user)
    return next((item for item in _kept(found.fn(user, context), context) if item.id == item_id), None)
