"""The end of the path in a real browser: a learner whose final project was accepted with a high score opts in to
talent search and applies to a job with a cover note; HR finds her in talent search, opens her card, shortlists her
and sends a fast-track offer for the internship; she accepts it; HR invites her to an interview with three times;
she picks one; HR sees the booked time; she follows her other application's status track.

Russian and English; phone and desktop screenshots go to test-artifacts/screenshots/careers-<lang>/; axe checks
the key pages. Every form that posts back to the page it was on is clicked inside `expect_navigation`, so that
nothing is read from the page before the POST's answer has loaded.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.test import TestCase
from django.utils import dateformat, timezone, translation

from tests.browser.careers_world import PASSWORD, build_careers_journey_world
from tropa.careers.models import ApplicationStatus, InterviewStatus

pytest.importorskip("playwright.sync_api", reason="the browser tests need the playwright package")
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="the browser tests need Debian's chromium"),
]

WORDS = {
    "ru": {"shortlist": "Аналитики, весна", "note": "Сильный проект: позвать на стажировку.",
           "cover": "Делала модель оттока на курсе; хочу к вам в команду продаж.", "offer": "Ждём вас!",
           "place": "Видеозвонок"},
    "en": {"shortlist": "Analysts, spring", "note": "Strong project: invite to the internship.",
           "cover": "I built a churn model on the course; I would like to join your sales team.",
           "offer": "We look forward to meeting you!", "place": "Video call"},
}  # fmt: skip


@pytest.fixture
def careers_world(transactional_db, request):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return build_careers_journey_world(request.node.callspec.params["lang"])


def settle(page) -> None:
    """Wait for the requests a page makes after loading (the navbar's message badge and XP toasts) to answer.

    The test database is SQLite's shared-cache memory database, where a request that overlaps another one's
    table lock fails at once ("database table is locked") instead of waiting: the next click waits for quiet.
    """
    page.wait_for_load_state("networkidle")


def go(page, url: str) -> None:
    settle(page)
    page.goto(url)


def sign_in(page, user) -> None:
    settle(page)
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    settle(page)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/**")


def submit(page, locator) -> None:
    """Click a button or link and wait for the next page: most forms here post back to the page they are on."""
    settle(page)
    with page.expect_navigation():
        locator.click()


def fits(page) -> None:
    """Nothing sticks out sideways (the viewport is a phone's when this runs before a mobile shot)."""
    width, viewport = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= viewport, f"{page.url} is {width}px wide in a {viewport}px window"


def _slots() -> list[datetime]:
    day = timezone.localdate() + timedelta(days=3)
    zone = timezone.get_current_timezone()
    return [
        datetime(day.year, day.month, day.day, 10, 0, tzinfo=zone),
        datetime(day.year, day.month, day.day, 15, 30, tzinfo=zone) + timedelta(days=1),
        datetime(day.year, day.month, day.day, 12, 0, tzinfo=zone) + timedelta(days=2),
    ]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_fast_track_to_an_interview_slot(page, shots_factory, check_axe, careers_world, lang):
    world, words = careers_world, dict(WORDS[lang])
    with translation.override(lang):
        words.update(scheduled=str(InterviewStatus.SCHEDULED.label), viewed=str(ApplicationStatus.VIEWED.label))
    learner, hr, slug = world.people.learner, world.people.hr, world.company.slug
    shots = shots_factory(f"careers-{lang}")

    def shot(step: str, *, mobile: bool = False) -> None:
        shots(step, mobile=mobile, before=(lambda: fits(page)) if mobile else None)

    # The learner opts in to talent search, browses, sees the fast-track rule and applies to the job.
    sign_in(page, learner)
    go(page, "/careers/me/")
    page.check("#id_is_visible")
    page.select_option("#id_availability", "now")
    page.select_option("#id_level", "trainee")
    page.fill("#id_city", world.text["city"])
    shot("candidate-settings")
    shot("candidate-settings", mobile=True)
    check_axe(page, "visibility to companies")
    submit(page, page.locator("main form button[type=submit]"))
    expect(page.locator("#id_is_visible")).to_be_checked()
    expect(page.locator(".alert-success")).to_be_visible()

    go(page, "/careers/?matching=1")
    expect(page.locator("main article")).to_have_count(2)
    shot("opportunities")
    shot("opportunities", mobile=True)
    check_axe(page, "opportunities")
    submit(page, page.locator(f"main article a[href='/careers/o/{world.internship.pk}/']"))
    page.wait_for_url(f"**/careers/o/{world.internship.pk}/")
    expect(page.locator("main .alert-warning")).to_contain_text(world.course.title)
    expect(page.locator("main .alert-success")).to_contain_text(world.text["project"])
    shot("internship")
    shot("internship", mobile=True)
    check_axe(page, "opportunity")

    go(page, f"/careers/o/{world.job.pk}/")
    page.fill("#id_cover_note", words["cover"])
    submit(page, page.locator("form[action$='/apply/'] button[type=submit]"))
    expect(page).to_have_url(re.compile(r"/careers/applications/\d+/$"))
    job_application_url = page.url
    expect(page.locator("main")).to_contain_text(words["cover"])
    shot("job-applied")

    # HR: a shortlist, talent search by evidenced skill and score, the candidate card, into the shortlist.
    sign_in(page, hr)
    go(page, "/careers/hr/")
    page.wait_for_url(f"**/careers/hr/{slug}/")
    expect(page.locator("main table")).to_contain_text(learner.display_name)
    shot("hr-pipeline")
    shot("hr-pipeline", mobile=True)
    check_axe(page, "HR pipeline")
    submit(page, page.locator("main nav a[href$='/shortlists/']"))
    page.fill("#id_name", words["shortlist"])
    submit(page, page.locator("main form button[type=submit]"))
    expect(page.locator("main")).to_contain_text(words["shortlist"])

    submit(page, page.locator("main nav a[href$='/talent/']"))
    page.select_option("#t-skill", "python")
    page.fill("#t-score", "85")
    submit(page, page.locator("main aside form button[type=submit]"))
    assert "skill=python" in page.url and "min_score=85" in page.url
    expect(page.locator("main nav a[aria-current=page]")).to_have_attribute("href", f"/careers/hr/{slug}/talent/")
    expect(page.locator("main article")).to_have_count(1)
    expect(page.locator("main article")).to_contain_text(learner.display_name)
    shot("hr-talent-search")
    shot("hr-talent-search", mobile=True)
    check_axe(page, "talent search")

    submit(page, page.locator("main article h2 a"))
    page.wait_for_url(f"**/talent/{learner.pk}/")
    expect(page.locator("#verified-title").locator("xpath=..")).to_contain_text(world.text["project"])
    submit(page, page.locator("form[action$='/shortlist/'] button[type=submit]"))
    expect(page.locator("#sl option:checked")).to_contain_text("✓")
    expect(page.locator("[aria-labelledby=sl-in]")).to_contain_text(words["shortlist"])
    page.fill("#id_body", words["note"])
    submit(page, page.locator("form[action$='/note/'] button[type=submit]"))
    expect(page.locator("main")).to_contain_text(words["note"])
    shot("hr-candidate")
    shot("hr-candidate", mobile=True)
    check_axe(page, "candidate card")

    # The internship's page: the learner is a fast-track suggestion; HR sends the offer.
    go(page, f"/careers/hr/{slug}/")
    submit(page, page.locator(f"main aside a[href$='/opportunities/{world.internship.pk}/']"))
    page.wait_for_url(f"**/opportunities/{world.internship.pk}/")
    offer_form = page.locator("form[action$='/fast-track/']")
    expect(offer_form).to_contain_text(learner.display_name)
    offer_form.locator("input[name=message]").fill(words["offer"])
    shot("hr-opportunity")
    shot("hr-opportunity", mobile=True)
    check_axe(page, "HR opportunity")
    submit(page, offer_form.locator("button[type=submit]"))
    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator("form[action$='/fast-track/']")).to_have_count(0)
    # Opening the job application marks it viewed: the learner's track shows it did not vanish.
    go(page, job_application_url)
    expect(page.locator("main h1")).to_contain_text(learner.display_name)

    # The learner accepts the fast-track offer: the application starts shortlisted.
    sign_in(page, learner)
    go(page, "/careers/applications/")
    offers = page.locator("#offers-title").locator("xpath=..")
    expect(offers).to_contain_text(world.internship.title)
    expect(offers).to_contain_text(words["offer"])
    shot("learner-offer")
    shot("learner-offer", mobile=True)
    check_axe(page, "my applications with an offer")
    submit(page, offers.locator("button[name=accept][value='1']"))
    expect(page.locator("main h1")).to_contain_text(world.internship.title)
    internship_application_url = page.url
    shot("learner-fast-track-accepted")

    # HR invites to an interview with three times.
    sign_in(page, hr)
    go(page, f"/careers/hr/{slug}/?status=shortlisted")
    submit(page, page.locator("main table a", has_text=learner.display_name))
    page.wait_for_url(internship_application_url)
    slots = _slots()
    interview_form = page.locator("form[action$='/interview/']")
    for number, moment in enumerate(slots, start=1):
        interview_form.locator(f"input[name=slot{number}]").fill(moment.strftime("%Y-%m-%dT%H:%M"))
    interview_form.locator("input[name=location]").fill(words["place"])
    # The interview form's fields have their own ids: the status form's note is #id_reason.
    expect(page.locator("#id_reason")).to_have_count(1)
    expect(interview_form.locator("input[name=reason]")).to_have_count(0)
    shot("hr-invite")
    shot("hr-invite", mobile=True)
    check_axe(page, "HR application with the interview form")
    submit(page, interview_form.locator("button[type=submit]"))
    expect(page.locator("#interviews-title").locator("xpath=..")).to_contain_text(words["place"])

    # The candidate opens the invitation and picks the second time.
    sign_in(page, learner)
    go(page, "/careers/applications/")
    submit(page, page.locator("main table a", has_text=world.internship.title))
    page.wait_for_url(internship_application_url)
    expect(page.locator("input[name=slot]")).to_have_count(3)
    shot("learner-invitation")
    shot("learner-invitation", mobile=True)
    check_axe(page, "interview invitation")
    page.locator("input[name=slot]").nth(1).check()
    submit(page, page.locator("form[action$='/pick/'] button[type=submit]"))
    with translation.override(lang):
        booked = dateformat.format(timezone.localtime(slots[1]), "j E Y, H:i")
    interviews = page.locator("#interviews-title").locator("xpath=..")
    expect(interviews).to_contain_text(words["scheduled"])
    expect(interviews).to_contain_text(booked)
    expect(interviews.locator("a[href$='.ics']")).to_be_visible()
    shot("learner-interview-booked")

    # Her other application: applied, then viewed, with the dates.
    go(page, job_application_url)
    track = page.locator("#track-title").locator("xpath=..")
    expect(track.locator("li")).to_have_count(2)
    expect(track).to_contain_text(words["viewed"])
    shot("learner-status-track")
    shot("learner-status-track", mobile=True)
    check_axe(page, "application status track")

    # HR sees the booked time.
    sign_in(page, hr)
    go(page, internship_application_url)
    interviews = page.locator("#interviews-title").locator("xpath=..")
    expect(interviews).to_contain_text(words["scheduled"])
    expect(interviews).to_contain_text(booked)
    # The form now proposes new times for this interview, with a reason, instead of a second invitation.
    expect(page.locator("form[action$='/interview/'] input[name=reason]")).to_be_visible()
    shot("hr-interview-booked")
    shot("hr-interview-booked", mobile=True)

    assert not page.console_errors, page.console_errors
    assert not page.failed_responses, page.failed_responses
