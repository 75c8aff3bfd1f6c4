"""Seed the demo career centre through the real services: a verified company with an employer page, an
internship with a fast-track rule, a job and a paid project, learners with accepted projects opted in to talent
search, an application in the pipeline and a fast-track offer. Northwind stays unverified (pending verification).
Skips everything when the company already has opportunities.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tropa.careers.models import Opportunity, OpportunityKind, OpportunityLevel
from tropa.careers.services import applications, candidates, companies, fasttrack
from tropa.careers.services import opportunities as opportunity_services
from tropa.courses.models import Skill
from tropa.organizations.models import Organization
from tropa.projects.selectors.quality import accepted_projects


def seed_careers(*, users: dict) -> int:
    company = (
        Organization.objects.filter(slug__startswith="technosoft").first()
        or Organization.objects.filter(name="ТехноСофт").first()
    )
    if company is None or Opportunity.objects.filter(organization=company).exists():
        return 0
    admin, hr = users["admin@tropa.local"], users["hr@technosoft.local"]
    companies.company_verify(actor=admin, organization=company, verified=True)
    company.refresh_from_db()
    companies.employer_profile_save(
        actor=hr, organization=company, tagline="Растим аналитиков из стажёров за полгода", response_days=5
    )
    skills = {skill.slug: skill.pk for skill in Skill.objects.all()}
    best = accepted_projects().first()
    deadline = timezone.localdate() + timedelta(days=30)
    specs = [
        (OpportunityKind.INTERNSHIP, "Стажёр-аналитик данных", OpportunityLevel.TRAINEE, 50000, 70000, True),
        (OpportunityKind.JOB, "Junior Data Analyst", OpportunityLevel.JUNIOR, 110000, 150000, False),
        (OpportunityKind.PAID_PROJECT, "Дашборд оттока клиентов (проект на месяц)", OpportunityLevel.JUNIOR, 40000,
         None, False),
        (OpportunityKind.UNPAID_PROJECT, "Open-source: чистка открытых данных города", OpportunityLevel.TRAINEE, None,
         None, False),
    ]  # fmt: skip
    created = 0
    published = []
    for kind, title, level, low, high, fast in specs:
        opportunity = opportunity_services.opportunity_save(
            actor=hr,
            organization=company,
            kind=kind,
            title=title,
            description=(
                "Работа с реальными данными продукта: SQL, Python, дашборды. Наставник из команды, "
                "еженедельные ревью кода, понятный план на первые три месяца."
            ),
            level=level,
            skill_ids=[pk for slug, pk in skills.items() if slug in {"python", "sql", "data-analysis", "pandas"}][:3],
            city="Санкт-Петербург",
            is_remote=kind != OpportunityKind.JOB,
            salary_min=low,
            salary_max=high,
            deadline=deadline,
            fast_track_course_id=best.project.course_id if (fast and best) else None,
            fast_track_min_score=85 if (fast and best) else None,
        )
        published.append(opportunity_services.opportunity_publish(actor=hr, opportunity=opportunity))
        created += 1
    for work in accepted_projects()[:5]:
        if not work.user.is_minor:
            candidates.candidate_profile_save(
                actor=work.user, is_visible=True, availability="now", level="trainee", city="Москва"
            )
            created += 1
    learner = users.get("learner@tropa.local")
    if learner is not None and not learner.is_minor:
        applications.application_submit(
            actor=learner, opportunity=published[1], cover_note="Прошла курс аналитики, хочу в продуктовую команду."
        )
        created += 1
    if best is not None and not best.user.is_minor and published[0].has_fast_track and best.quality_score >= 85:
        fasttrack.fast_track_offer(
            actor=hr, opportunity=published[0], candidate=best.user, message="Ваш проект нам очень понравился!"
        )
        created += 1
    candidates.shortlist_create(actor=hr, organization=company, name="Стажёры весна")
    return created + 1
