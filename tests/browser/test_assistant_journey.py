"""The assistant and the CV in a real browser: ask from the navbar panel and from the page (no model connected, so
the built-in assistant answers with a notice), then edit the CV and download it as PDF.

Screenshots (desktop and phone) go to test-artifacts/screenshots/assistant-<lang>/; axe checks each page.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tropa.accounts.models import User
from tropa.assistant.tests.conftest import _learning
from tropa.projects.tests.conftest import school  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery"  # make_user's


@pytest.fixture
def learner(school, settings):  # noqa: F811
    settings.LLM_BASE_URL = None
    return _learning(school).me


def sign_in(page, user) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/**")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_ask_in_the_panel_and_the_page_then_build_and_download_the_cv(page, shots_factory, check_axe, learner, lang):
    User.objects.filter(pk=learner.pk).update(language=lang)
    shot = shots_factory(f"assistant-{lang}")
    sign_in(page, learner)

    # The navbar's side panel: opens, loads the chat, a suggested question gets an answer from the user's data.
    page.locator("[data-testid=assistant-open]").click()
    panel = page.locator("#assistant-panel")
    expect(panel.locator("[data-assistant-suggest]").first).to_be_visible()
    panel.locator("[data-assistant-suggest]").nth(1).click()  # "How am I doing?"
    expect(panel.locator("[data-testid=assistant-assistant]")).to_have_count(1)
    expect(panel.locator("[data-testid=assistant-notice]")).to_have_count(1)
    expect(panel.locator("[data-testid=assistant-assistant]")).to_contain_text("1")
    shot("panel")
    check_axe(page, "assistant panel")

    # The page: the conversation so far, and a typed question.
    page.goto("/assistant/")
    page.fill("#id_question_page", "Improve my CV" if lang == "en" else "Помоги улучшить резюме")
    page.locator("form[data-assistant-form] button[type=submit]").first.click()
    expect(page.locator("#assistant-log-page [data-testid=assistant-assistant]")).to_have_count(2)
    expect(page.locator("#assistant-log-page")).to_contain_text("Churn model")
    shot("chat")
    shot("chat", mobile=True)
    check_axe(page, "assistant page")

    # The CV: edit, save, see the verified items and the LinkedIn link, download the PDF.
    page.goto("/assistant/cv/")
    page.fill("#id_summary", "I turn churn data into decisions." if lang == "en" else "Превращаю данные в решения.")
    page.fill("#id_experience", "Intern analyst, Bank (2024)\nReports in SQL.")
    page.locator("main form button[type=submit].w-100").click()
    page.wait_for_url("**/assistant/cv/")
    expect(page.locator("main")).to_contain_text("Churn model")
    expect(page.locator("[data-testid=cv-linkedin]")).to_have_count(1)
    shot("cv")
    shot("cv", mobile=True)
    check_axe(page, "cv page")
    with page.expect_download() as download_info:
        page.locator(f"[data-testid=cv-pdf-{lang}]").click()
    download = download_info.value
    assert download.suggested_filename.endswith(f"-cv-{lang}.pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    errors = [e for e in page.console_errors if not e.startswith(("htmx:sendAbort", "htmx:afterRequest"))]
    assert not errors, errors
