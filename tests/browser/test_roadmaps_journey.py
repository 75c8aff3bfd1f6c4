"""A newcomer's first steps, in a real browser: sign up, confirm, the diagnostic (stopping halfway and coming
back), the skill profile chart, the roadmap, recommendations. Russian and English; phone and desktop screenshots
go to test-artifacts/screenshots/roadmaps-<lang>/; axe checks each page.
"""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.core import mail

from tropa.courses.models import Skill
from tropa.courses.tests.conftest import build_course
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role

pytest.importorskip("playwright.sync_api", reason="the browser tests need the playwright package")
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="the browser tests need Debian's chromium"),
]

PASSWORD = "Tropinka-2026-secure"


@pytest.fixture
def catalogue(transactional_db, make_user):
    # Transactional tests flush the rows that data migrations seeded: put the taxonomy back.
    import_module("tropa.courses.migrations.0002_directions_and_skills").add_starter_set(apps, None)
    import_module("tropa.roadmaps.migrations.0002_default_taxonomy").seed(apps, None)
    school = Organization.objects.create(name="Школа Данных", slug="data-school", kind=OrganizationKind.SCHOOL)
    author = make_user("author@school.example")
    Membership.objects.create(organization=school, user=author, role=Role.AUTHOR)
    for title, slugs, level in [
        ("SQL с нуля", ["sql"], "beginner"),
        ("Python для анализа данных", ["python", "pandas"], "intermediate"),
        ("Статистика для аналитиков", ["statistics", "excel"], "intermediate"),
        ("Дашборды в Power BI", ["power-bi", "data-visualization"], "intermediate"),
        ("Визуализация данных", ["data-visualization"], "beginner"),
    ]:
        course = build_course(school, author=author, title=title, level=level, duration_weeks=3, weekly_hours=4)
        course.skills.set(Skill.objects.filter(slug__in=slugs))


def _link(pattern: str) -> str:
    match = re.search(rf"https?://[^/\s]+({pattern}[^\s]*)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_newcomer_signs_up_takes_the_diagnostic_and_gets_a_roadmap(page, shots_factory, check_axe, catalogue, lang):
    shot = shots_factory(f"roadmaps-{lang}")
    page.goto("/")
    if lang == "en":
        page.context.add_cookies([{"name": "tropa_language", "value": "en", "url": page.url}])
    page.goto("/accounts/signup/")
    page.fill("#id_email", f"newcomer-{lang}@example.com")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("form.form-signup button[type=submit]").click()
    page.wait_for_url("**/accounts/confirm-email/")
    page.goto(_link("/accounts/confirm-email/"))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")
    panel = page.locator("#panel-roadmap").locator("xpath=..")
    expect(panel.locator("a[href='/roadmap/diagnostic/']")).to_be_visible()
    shot("dashboard-offer")

    panel.locator("a[href='/roadmap/diagnostic/']").click()
    shot("intro")
    check_axe(page, "diagnostic intro")
    page.locator("form[action='/roadmap/diagnostic/start/'] button").click()
    page.wait_for_url("**/roadmap/diagnostic/")

    # Half an answer, then "save and finish later": kept. "Next" with out-of-range hours names the field.
    page.select_option("#id_role", label="Data analyst" if lang == "en" else "Аналитик данных")
    with page.expect_navigation():
        page.locator("button[value=save]").click()
    page.goto("/dashboard/")
    page.goto("/roadmap/diagnostic/")
    assert page.locator("#id_role option:checked").inner_text() in ("Data analyst", "Аналитик данных")
    page.select_option("#id_experience", "study")
    page.fill("#id_hours_per_week", "500")
    page.locator("button[value=next]").click()
    expect(page.locator("#id_hours_per_week_error")).to_be_visible()
    shot("goal-error")
    shot("goal-error", mobile=True)
    check_axe(page, "goal with an error")
    page.fill("#id_hours_per_week", "6")
    # Every step posts back to the same URL: wait for each answer's page, not for a URL change.
    with page.expect_navigation():
        page.locator("button[value=next]").click()

    # Self-assessment: SQL rated high, the rest left empty.
    sql = Skill.objects.get(slug="sql").pk
    page.select_option(f"#id_skill_{sql}", "3")
    shot("skills")
    check_axe(page, "self-assessment")
    with page.expect_navigation():
        page.locator("button[value=next]").click()
    expect(page.locator("#question-prompt")).to_be_visible()

    # The quiz: answer the first option each time until it ends.
    for _question in range(12):
        if not page.locator("#question-prompt").count():
            break
        if _question == 0:
            shot("quiz")
            shot("quiz", mobile=True)
            check_axe(page, "quiz")
        page.locator("input[name=choice]").first.check()
        with page.expect_navigation():
            page.locator("button[value=answer]").click()

    expect(page.locator("#question-prompt")).to_have_count(0)
    page.goto("/roadmap/skills/")
    expect(page.locator("canvas#skill-profile")).to_be_visible()
    page.wait_for_timeout(500)
    shot("profile")
    shot("profile", mobile=True)
    check_axe(page, "skill profile")

    page.goto("/roadmap/")
    expect(page.locator("h1")).to_contain_text("roadmap" if lang == "en" else "трек")
    expect(page.locator("ol.list-unstyled > li").first).to_be_visible()
    shot("roadmap")
    shot("roadmap", mobile=True)
    check_axe(page, "roadmap")

    page.goto("/roadmap/recommendations/")
    shot("recommendations")
    check_axe(page, "recommendations")
