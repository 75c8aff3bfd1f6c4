"""A learner's day in a real browser: find a course, enroll, learn a step, answer a quiz with instant feedback.

Screenshots of every page (desktop and phone) go to test-artifacts/screenshots/courses-<lang>/; axe checks each.
"""

from __future__ import annotations

import pytest
from django.test import TestCase
from playwright.sync_api import expect

from tests.access.courses_world import build_courses_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def course_world(transactional_db):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return build_courses_world()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_learner_finds_enrolls_and_learns_with_progress_everywhere(
    page, shots_factory, check_axe, make_user, course_world, lang
):
    shot = shots_factory(f"courses-{lang}")
    user = make_user(f"newcomer-{lang}@example.com", first_name="Nika", language=lang)
    page.goto("/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", "correct horse battery")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/**")

    # The catalogue: live search narrows the list.
    page.goto("/courses/")
    shot("catalogue")
    shot("catalogue", mobile=True)
    check_axe(page, "catalogue")
    page.fill("input[name=q]", "Short")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=Short**")
    expect(page.locator("main a[href*='/courses/cohort-course/']")).to_have_count(0)
    cards = page.locator("main a[href*='/courses/short-course/']")
    assert cards.count() >= 1
    shot("catalogue-search")

    # The course page presents the course and enrolls in one click.
    cards.first.click()
    page.wait_for_url("**/courses/short-course/")
    shot("course-page")
    shot("course-page", mobile=True)
    check_axe(page, "course page")
    page.locator("main form[action$='/enroll/'] button[type=submit]:visible").first.click()
    page.wait_for_url("**/courses/short-course/learn/")
    shot("outline")
    check_axe(page, "outline")
    bar = page.locator("[role=progressbar]").first
    assert bar.get_attribute("aria-valuenow") == "0"
    assert page.locator("main").get_by_text("Level 2").count() >= 1  # the locked level is shown with its reason

    # A text step: done and on to the next, the quiz.
    page.locator("main a.btn-primary[href*='/steps/']").first.click()
    page.wait_for_url("**/steps/**")
    shot("text-step")
    check_axe(page, "text step")
    page.locator("form[action$='/done/'] button[type=submit]").click()
    page.wait_for_url("**/steps/**")

    # The quiz answers in place (htmx): a wrong answer shows the feedback, the right one completes the step.
    number = page.locator("#quiz input[type=number]")
    number.fill("5")
    page.locator("#quiz button[type=submit]").click()
    page.wait_for_selector("#quiz .is-invalid, #quiz .text-danger, #quiz .alert-danger, #quiz .alert-warning")
    shot("quiz-wrong")
    check_axe(page, "quiz feedback")
    page.locator("#quiz input[type=number]").fill("4")
    page.locator("#quiz button[type=submit]").click()
    page.wait_for_selector("#quiz .alert-success, #quiz .text-success")
    shot("quiz-right")
    shot("quiz-right", mobile=True)
    # The bell's poll is aborted when a page is left mid-request; htmx reports that on the console. Nothing else.
    errors = [e for e in page.console_errors if not e.startswith(("htmx:sendAbort", "htmx:afterRequest"))]
    assert not errors, errors

    # Progress shows on the dashboard of my courses.
    page.goto("/courses/my/")
    shot("my-courses")
    check_axe(page, "my courses")
    values = [
        int(v)
        for v in page.locator("[role=progressbar]").evaluate_all("els => els.map(e => e.getAttribute('aria-valuenow'))")
    ]
    assert any(value > 0 for value in values), values
