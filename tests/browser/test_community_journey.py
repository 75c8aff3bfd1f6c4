"""A learner in the forum, in a real browser: the index, a course category, a topic, a reply, the feed.

Screenshots (desktop and phone) go to test-artifacts/screenshots/community-<lang>/; axe checks each page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import TestCase

from tropa.community.services import forum as services
from tropa.community.tests.conftest import build_forum

pytest.importorskip("playwright.sync_api", reason="the browser tests need the playwright package")
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="the browser tests need Debian's chromium"),
]


@pytest.fixture
def forum_world(transactional_db, make_user):
    with TestCase.captureOnCommitCallbacks(execute=True):
        built = build_forum(make_user)
        topic = services.topic_create(
            actor=built.people.alumnus, category=built.c.course, title="Почему read_csv ломает кириллицу?",
            body="Вместо букв — кракозябры.\n\n```python\npd.read_csv('data.csv')\n```", tags="pandas",
        )  # fmt: skip
        services.post_create(actor=built.people.curator, topic=topic, body="Укажите `encoding='cp1251'`.")
        built.topic = topic
        return built


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_learner_reads_replies_and_marks_a_solution(page, shots_factory, check_axe, forum_world, lang):
    shot = shots_factory(f"community-{lang}")
    learner = forum_world.people.alumnus
    learner.language = lang
    learner.save(update_fields=["language"])
    page.goto("/accounts/login/")
    page.fill("#id_login", learner.email)
    page.fill("#id_password", "correct horse battery")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/**")

    page.goto("/community/")
    shot("index")
    shot("index", mobile=True)
    check_axe(page, "forum index")

    page.goto(f"/community/c/{forum_world.c.course.slug}/")
    shot("category")
    check_axe(page, "category")

    page.goto(f"/community/t/{forum_world.topic.pk}/")
    shot("topic")
    shot("topic", mobile=True)
    check_axe(page, "topic")
    page.fill("#id_body", "Спасибо, помогло!")
    page.locator("#reply button[type=submit]").click()
    page.wait_for_url(f"**/community/t/{forum_world.topic.pk}/**")
    expect(page.locator("#post-3")).to_contain_text("Спасибо, помогло!")
    page.locator("#post-2 form[action$='/solution/'] button").click()
    expect(page.locator("#post-2 .badge.text-bg-success")).to_have_count(1)
    shot("topic-solved")

    page.goto("/community/feed/")
    shot("feed")
    shot("feed", mobile=True)
    check_axe(page, "feed")

    page.select_option("#id_frequency", "weekly")
    page.locator("form[action$='/feed/digest/'] button[type=submit]").click()
    page.wait_for_url("**/community/feed/")
    expect(page.locator("#id_frequency")).to_have_value("weekly")
    shot("feed-digest")

    page.goto(f"/community/courses/{forum_world.course.slug}/")
    page.locator("form[action$='/follow/'] input[value=course] + button").click()
    page.wait_for_url(f"**/community/courses/{forum_world.course.slug}/")
    expect(page.locator("main")).to_contain_text(forum_world.c.alumni.name)
    shot("course-community")
    shot("course-community", mobile=True)
    check_axe(page, "course community")

    page.goto(f"/community/authors/{forum_world.course.author_id}/")
    expect(page.locator("h1")).to_have_text(forum_world.people.author.display_name)
    shot("author")
    shot("author", mobile=True)
    check_axe(page, "author page")


def test_staff_open_a_category_and_merge_a_duplicate(page, shots_factory, check_axe, forum_world):
    shot = shots_factory("community-staff-ru")
    owner = forum_world.people.owner
    owner.language = "ru"
    owner.save(update_fields=["language"])
    page.goto("/accounts/login/")
    page.fill("#id_login", owner.email)
    page.fill("#id_password", "correct horse battery")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/**")

    page.goto("/community/manage/categories/")
    shot("categories")
    shot("categories", mobile=True)
    check_axe(page, "category manager")
    page.goto("/community/manage/categories/new/")
    page.fill("#id_name", "Проекты потока")
    page.fill("#id_slug", "cohort-projects")
    page.select_option("#id_kind", "cohort")
    shot("category-new-empty")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("нужен его поток")
    shot("category-new-error")
    check_axe(page, "category form with an error")
    page.select_option("#id_cohort", str(forum_world.cohort.pk))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/community/c/cohort-projects/")

    duplicate = services.topic_create(
        actor=forum_world.people.learner, category=forum_world.c.course, title="Кракозябры в pandas", body="Тоже!"
    )
    page.goto(f"/community/t/{duplicate.pk}/moderate/")
    page.select_option("#id_action", "merge")
    page.fill("#id_reason", "Тот же вопрос")
    page.fill("#id_into", str(forum_world.topic.pk))
    shot("merge")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/community/t/{forum_world.topic.pk}/")
    expect(page.locator("main")).to_contain_text("Тоже!")
    page.goto(f"/community/t/{duplicate.pk}/")
    page.wait_for_url(f"**/community/t/{forum_world.topic.pk}/")
    shot("merged")
