"""A learner's evidenced skills, and why an opportunity matches them: the reason is always named.

Evidence is an accepted final project whose rubric names the skill (with its quality score), or a finished course
that teaches it. Self-declared profile skills never count.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from tropa.courses.models import Enrollment, EnrollmentStatus
from tropa.projects.selectors.quality import accepted_projects, skills_evidenced


@dataclass
class Evidence:
    skill_id: int
    text: str  # "project “Churn analysis” scored 91" or "course “SQL basics” finished"
    strength: int  # 2 for a project, 1 for a course


def evidence_for(user) -> dict[int, Evidence]:
    """skill id -> the strongest evidence of it, in two queries plus the projects selector's prefetch."""
    found: dict[int, Evidence] = {}
    if not getattr(user, "is_authenticated", False):
        return found
    finished = Enrollment.objects.filter(user=user, status=EnrollmentStatus.COMPLETED).select_related("course")
    for enrollment in finished.prefetch_related("course__skills"):
        for skill in enrollment.course.skills.all():
            found.setdefault(
                skill.pk, Evidence(skill.pk, _("course “%(course)s” finished") % {"course": enrollment.course.title}, 1)
            )
    for work in accepted_projects().filter(user=user):
        for skill in skills_evidenced(work):
            current = found.get(skill.pk)
            if current is None or current.strength < 2:
                found[skill.pk] = Evidence(
                    skill.pk,
                    _("project “%(title)s” scored %(score)s")
                    % {"title": work.title or work.project.title, "score": f"{work.quality_score:.0f}"},
                    2,
                )
    return found


def match_reasons(skills, evidence: dict[int, Evidence]) -> list[str]:
    """“Python: project “Churn analysis” scored 91” for each of the skills the learner has evidence of."""
    return [f"{skill.name}: {evidence[skill.pk].text}" for skill in skills if skill.pk in evidence]
