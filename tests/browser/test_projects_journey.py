"""A final project in a real browser: an anonymous peer reviews, the author reads the reviews and rates one, the
curator scores from the queue with the rubric beside the work, the portfolio shows the accepted project.

Screenshots (desktop and phone) go to test-artifacts/screenshots/projects-<lang>/; axe checks each page.
"""

from __future__ import annotations

import pytest
from django.test import TestCase
from playwright.sync_api import expect

from tests.access.projects_world import build_projects_world
from tests.access.world import PASSWORD
from tropa.accounts.models import User

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def project_world(transactional_db):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return build_projects_world()


def sign_in(page, user) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/**")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_peer_author_curator_and_portfolio(page, shots_factory, check_axe, project_world, lang):
    User.objects.filter(pk__in=[u.pk for u in project_world.users.values()]).update(language=lang)
    shot = shots_factory(f"projects-{lang}")
    users, refs = project_world.users, project_world.refs

    # The author: status, brief, rubric beside, the peer's review with scores; rates it helpful in place (htmx).
    sign_in(page, users["learner"])
    page.goto(f"/projects/course/{refs['slug']}/")
    shot("learner-project")
    shot("learner-project", mobile=True)
    check_axe(page, "learner project page")
    page.locator(f"#rate-{refs['review_id']} button[value=yes]").click()
    expect(page.locator(f"#rate-{refs['review_id']} button[value=yes][aria-pressed=true]")).to_have_count(1)

    # The anonymous peer: the queue and the work, never the author's name.
    sign_in(page, users["peer"])
    page.goto("/projects/reviews/")
    shot("peer-queue")
    check_axe(page, "peer queue")
    page.goto(f"/projects/reviews/{refs['work_id']}/")
    assert users["learner"].first_name not in page.locator("main").inner_text()
    shot("peer-work")

    # The curator scores against the rubric and accepts.
    sign_in(page, users["curator"])
    page.goto("/projects/reviews/")
    shot("curator-queue")
    shot("curator-queue", mobile=True)
    check_axe(page, "curator queue")
    page.locator(f"main a[href$='/projects/reviews/{refs['work_id']}/']").first.click()
    page.wait_for_url(f"**/projects/reviews/{refs['work_id']}/")
    shot("curator-review")
    shot("curator-review", mobile=True)
    check_axe(page, "curator review")
    page.locator(f"input[name=c{refs['criterion_id']}][value='2']").check()
    page.fill("textarea[name=feedback]", "Clean, tested and well explained.")
    page.locator("input[name=decision][value=accept]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/projects/reviews/")
    shot("curator-after")

    # The portfolio, public: the accepted project with its score and skills, for anyone.
    page.context.clear_cookies()
    page.goto(f"/projects/people/{refs['user_id']}/")
    expect(page.locator("main")).to_contain_text("Capstone")
    assert page.locator("meta[property='og:title']").count() == 1
    shot("portfolio")
    shot("portfolio", mobile=True)
    check_axe(page, "portfolio")

    # The course team's studio.
    sign_in(page, users["author"])
    page.goto(f"/projects/studio/{refs['slug']}/")
    shot("studio")
    check_axe(page, "studio")
    errors = [e for e in page.console_errors if not e.startswith(("htmx:sendAbort", "htmx:afterRequest"))]
    assert not errors, errors
