"""A curator's and an admin's morning in a real browser: the desk, a learner's reasons, one-click actions,
course analytics and reports; an admin uploads a broken bundle and reads the report.

Screenshots (desktop and phone) go to test-artifacts/screenshots/analytics-<lang>/; axe checks each page.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone
from playwright.sync_api import expect

from tests.access.analytics_world import build_analytics_world
from tests.access.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _busy_world():
    """The access world's cohort, plus two learners: one who keeps going and one who went quiet a week ago."""
    from tropa.activity.services import record
    from tropa.analytics.services.rollup import history_rollup
    from tropa.analytics.services.scoring import risk_score_organization
    from tropa.courses.models import Cohort
    from tropa.courses.services.enrollment import enrollment_create

    world = build_analytics_world()
    cohort = Cohort.objects.get(course_id=world.refs["course_id"])
    from tests.access.courses_world import _person

    for key, days in (("steady", range(10, 0, -1)), ("faded", (10, 9, 8, 7))):
        user = _person(f"an-{key}", first_name=key.title())
        enrollment_create(actor=user, course=cohort.course, cohort=cohort)
        for ago in days:
            record(
                actor=user, verb="step.viewed", organization_id=cohort.course.organization_id,
                course_id=cohort.course_id, payload={}, occurred_at=timezone.now() - timedelta(days=ago),
            )  # fmt: skip
    history_rollup(organization_id=cohort.course.organization_id)
    risk_score_organization(organization_id=cohort.course.organization_id)
    return world


@pytest.fixture
def analytics_world(transactional_db):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return _busy_world()


def _sign_in(page, user, lang):
    user.language = lang
    user.save(update_fields=["language"])
    page.goto("/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/**")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_curator_sees_why_and_acts_in_one_click(page, shots_factory, check_axe, analytics_world, lang):
    shot = shots_factory(f"analytics-{lang}")
    org = analytics_world.refs["org"]
    _sign_in(page, analytics_world.users["curator"], lang)

    page.goto(f"/analytics/{org}/")
    rows = page.locator("#desk-rows tbody tr")
    expect(rows).to_have_count(3)
    shot("desk")
    shot("desk", mobile=True)
    check_axe(page, "desk")

    rows.first.locator("th a").click()
    page.wait_for_url("**/learners/**")
    shot("learner")
    shot("learner", mobile=True)
    check_axe(page, "learner")
    marks = page.locator("[id^=alert-] button[value='1']")
    if marks.count():  # the alert is marked in place (htmx)
        marks.first.click()
        page.wait_for_selector("[id^=alert-] span.text-body-secondary")
    page.locator("#act input[value=contacted]").check()
    page.locator("#act button[type=submit]").click()
    page.wait_for_url("**/learners/**")
    expect(page.locator(".alert-success, .alert-info").first).to_be_visible()
    shot("learner-after-action")

    for name, path in (("impact", "impact/"), ("courses", "courses/"), ("reports", "reports/")):
        page.goto(f"/analytics/{org}/{path}")
        shot(name)
        check_axe(page, name)
    page.goto(f"/analytics/{org}/courses/{analytics_world.refs['course_id']}/")
    shot("course")
    shot("course", mobile=True)
    check_axe(page, "course analytics")
    errors = [e for e in page.console_errors if not e.startswith(("htmx:sendAbort", "htmx:afterRequest"))]
    assert not errors, errors


def test_admin_uploads_a_broken_bundle_and_reads_the_report(page, shots_factory, check_axe, analytics_world, tmp_path):
    shot = shots_factory("analytics-admin-en")
    org = analytics_world.refs["org"]
    _sign_in(page, analytics_world.users["admin"], "en")
    bad = tmp_path / "enrollments.csv"
    bad.write_text(
        "enrollment_id,learner_id,course_id,enrolled_on,start_on,end_on,outcome,outcome_on\n"
        "e1,u1,c1,2024-01-01,2024-01-08,,dropped,2024-01-20\ne1,u2,c1,2024-01-01,someday,,,\n"
    )

    page.goto(f"/analytics/{org}/history/")
    check_axe(page, "history")
    page.set_input_files("input[name=files]", str(bad))
    page.locator("main form[enctype] button[type=submit]").click()
    expect(page.locator("#report-title")).to_be_visible()
    shot("import-report")
    shot("import-report", mobile=True)
    check_axe(page, "import report")

    page.goto(f"/analytics/{org}/model/")
    shot("model")
    check_axe(page, "model")
    page.goto(f"/analytics/{org}/settings/")
    shot("settings")
    check_axe(page, "settings")
