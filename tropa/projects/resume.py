"""A portfolio as JSON Resume (https://jsonresume.org/schema): what the viewer may see, and nothing else."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tropa.courses.selectors.certificates import certificate_verify_url


def _date(value) -> str | None:
    return timezone.localtime(value).date().isoformat() if value else None


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def json_resume(portfolio) -> dict:
    owner, profile = portfolio.owner, portfolio.profile
    page = _absolute(reverse("projects:portfolio", args=[owner.pk]))
    return {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": {
            "name": owner.display_name,
            "label": profile.headline,
            "summary": profile.about,
            "url": page,
            "location": {"city": profile.city} if profile.city else {},
            "profiles": [{"network": "web", "url": link} for link in profile.links or []],
        },
        "education": [
            {
                "institution": enrollment.course.organization.name,
                "area": enrollment.course.title,
                "studyType": "Course",
                "startDate": _date(enrollment.enrolled_at),
                "endDate": _date(enrollment.completed_at),
                "url": _absolute(reverse("courses:detail", args=[enrollment.course.slug])),
            }
            for enrollment in portfolio.courses
        ],
        "certificates": [
            {
                "name": enrollment.valid_certificate.course_title,
                "issuer": enrollment.valid_certificate.organization_name,
                "date": _date(enrollment.valid_certificate.issued_at),
                "url": certificate_verify_url(enrollment.valid_certificate),
            }
            for enrollment in portfolio.courses
            if enrollment.valid_certificate
        ],
        "projects": [
            {
                "name": work.title or work.project.title,
                "description": work.summary,
                "highlights": work.highlights,
                "keywords": [skill.name for skill in work.skills],
                "startDate": _date(work.created_at),
                "endDate": _date(work.accepted_at),
                "url": (work.latest.demo_url or work.latest.repository_url) if work.latest else "",
                "entity": work.project.course.organization.name,
                "type": "application",
                "roles": [],
                "x-qualityScore": float(work.quality_score) if work.quality_score is not None else None,
            }
            for work in portfolio.projects
        ],
        "skills": [{"name": skill.name, "keywords": []} for skill in portfolio.skills],
        "meta": {"canonical": page, "version": "v1.0.0", "lastModified": timezone.now().isoformat()},
    }
