"""Two people chat in real browsers: one writes, the other sees it and answers; with no websocket server
(the live server is WSGI) the page falls back to polling every 5 s, which this journey relies on.

Screenshots (desktop and phone) go to test-artifacts/screenshots/messaging-<lang>/; axe checks each page.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tropa.messaging.services.conversations import conversation_open_direct

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, user):
    page.goto("/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", "correct horse battery")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/**")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_two_people_chat_and_the_reply_arrives_without_reload(
    page, chromium, live_server, shots_factory, check_axe, make_user, lang
):
    shot = shots_factory(f"messaging-{lang}")
    alice = make_user(f"alice-{lang}@example.com", first_name="Alice", language=lang)
    carol = make_user(f"carol-{lang}@example.com", first_name="Carol", language=lang)
    conversation = conversation_open_direct(actor=alice, other=carol)
    url = f"/messages/{conversation.pk}/"

    _sign_in(page, alice)
    page.goto(url)
    check_axe(page, "empty conversation")
    page.fill("#composer textarea", "Hi @Carol, **ready** for the review? <script>alert(1)</script>")
    page.locator("#composer button[type=submit]").click()
    expect(page.locator("#message-list")).to_contain_text("ready")
    expect(page.locator("#message-list strong", has_text="ready")).to_have_count(1)
    shot("alice-sent")

    other = chromium.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    carol_page = other.new_page()
    try:
        _sign_in(carol_page, carol)
        carol_page.goto("/messages/")
        expect(carol_page.locator("main .badge")).to_have_count(1)  # one unread conversation
        carol_page.screenshot(path=str(shot.folder / "carol-inbox-phone.png"), full_page=True)
        carol_page.goto(url)
        expect(carol_page.locator("#message-list")).to_contain_text("ready")
        carol_page.fill("#composer textarea", "Yes, send the link")
        carol_page.locator("#composer button[type=submit]").click()
        expect(carol_page.locator("#message-list")).to_contain_text("send the link")
        carol_page.screenshot(path=str(shot.folder / "carol-conversation-phone.png"), full_page=True)
        check_axe(carol_page, "conversation on a phone")
    finally:
        other.close()

    # Alice's open page receives the answer by polling (no reload).
    expect(page.locator("#message-list")).to_contain_text("send the link", timeout=12_000)
    shot("alice-received")
    shot("alice-received", mobile=True)
    check_axe(page, "conversation")
    page.goto("/messages/")
    shot("inbox")
    check_axe(page, "inbox")
    assert not page.console_errors or all("WebSocket" in error for error in page.console_errors)


def _mentorship_scene(make_user, lang):
    """A mentor (Carol, a mentor of the school that teaches the course) and her mentee (Alice), who learns a
    course; one session that has already taken place (moved into the past after booking)."""
    from datetime import timedelta

    from django.utils import timezone

    from tropa.courses.models import Skill
    from tropa.courses.services.enrollment import enrollment_create
    from tropa.courses.tests.conftest import build_course
    from tropa.mentorship import services
    from tropa.mentorship.models import MentoringSession
    from tropa.organizations.models import Membership, Organization, OrganizationKind, Role

    alice = make_user(f"mentee-{lang}@example.com", first_name="Alice", last_name="Ivanova", language=lang)
    carol = make_user(f"mentor-{lang}@example.com", first_name="Carol", last_name="Smirnova", language=lang)
    school = Organization.objects.create(name="Школа данных", slug=f"school-{lang}", kind=OrganizationKind.SCHOOL)
    author = make_user(f"author-{lang}@example.com", first_name="Anna", language=lang)
    course = build_course(school, author=author, title="SQL для аналитиков", slug=f"sql-{lang}")
    Membership.objects.create(organization=school, user=carol, role=Role.CURATOR)
    enrollment_create(actor=alice, course=course)
    skill, _ = Skill.objects.get_or_create(slug="sql", defaults={"name_ru": "SQL", "name_en": "SQL"})
    profile = services.mentor_profile_save(
        actor=carol, company="ТехноСофт", expertise=[skill], languages=["ru", "en"], capacity=3,
        rules="Созвоны раз в неделю.", is_published=True,
    )  # fmt: skip
    services.slot_add(actor=carol, starts_at=timezone.now() + timedelta(days=1))
    request = services.request_create(actor=alice, mentor=profile, goal="Найти работу аналитиком", topics=[skill])
    services.request_accept(actor=carol, request=request)
    session = services.session_schedule(actor=alice, request=request, slot_id=profile.slots.get().pk)
    MentoringSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(hours=2))
    return alice, carol, course, request, session


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_mentoring_session_consent_course_qa_and_a_live_ama(
    page, chromium, live_server, shots_factory, check_axe, make_user, lang
):
    from datetime import timedelta

    from django.utils import timezone

    from tropa.mentorship.models import AmaSession
    from tropa.mentorship.services import ama

    shot = shots_factory(f"messaging-{lang}", start=50)
    alice, carol, course, request, session = _mentorship_scene(make_user, lang)

    # The mentee shares her progress with the mentor.
    _sign_in(page, alice)
    page.goto("/mentors/my/")
    page.locator(f"form[action='/mentors/requests/{request.pk}/consent/'] button").click()
    expect(page.locator("form[action$='/consent/'] button[value=off]")).to_have_count(1)
    shot("mentee-consent")
    check_axe(page, "my mentorship")

    mentor_context = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    mentor = mentor_context.new_page()
    try:
        _sign_in(mentor, carol)
        mentor.goto("/mentors/my/")
        mentor.locator(f"a[href='/mentors/mentees/{request.pk}/']").click()
        expect(mentor.locator("main")).to_contain_text("SQL для аналитиков")
        mentor.screenshot(path=str(shot.folder / "mentor-mentee-page.png"), full_page=True)
        check_axe(mentor, "mentee page")

        # The mentor records the outcome: an empty form is refused with the field named, then it is saved.
        mentor.goto(f"/mentors/sessions/{session.pk}/")
        mentor.locator("form[action$='/outcome/'] button[type=submit]").click()
        expect(mentor.locator("#id_outcome_error")).to_be_visible()
        mentor.screenshot(path=str(shot.folder / "mentor-outcome-error.png"), full_page=True)
        mentor.locator("#id_outcome_0").check()
        mentor.fill("#id_feedback", "Потренируйте JOIN и оконные функции.")
        mentor.fill("form[action$='/outcome/'] #id_notes", "Слабое место: GROUP BY.")
        mentor.locator("form[action$='/outcome/'] button[type=submit]").click()
        expect(mentor.locator("#messages .alert-success")).to_have_count(1)
        mentor.screenshot(path=str(shot.folder / "mentor-session-held.png"), full_page=True)
        check_axe(mentor, "session page (mentor)")
    finally:
        mentor_context.close()

    # The mentee sees the feedback, never the mentor's private notes, and rates the session.
    page.goto(f"/mentors/sessions/{session.pk}/")
    expect(page.locator("main")).to_contain_text("оконные функции")
    expect(page.locator("main")).not_to_contain_text("GROUP BY")
    page.locator("label[for=id_rating_4]").click()
    page.locator("form[action$='/rating/'] button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("5")
    shot("mentee-session-rated")
    shot("mentee-session-rated", mobile=True)
    check_axe(page, "session page (mentee)")

    # The course's Q&A channel, reached from the learning page.
    page.goto(f"/courses/{course.slug}/learn/")
    page.locator(f"a[href='/messages/course/{course.slug}/']").first.click()
    page.fill("#composer textarea", "Чем LEFT JOIN отличается от INNER JOIN?")
    page.locator("#composer button[type=submit]").click()
    expect(page.locator("#message-list")).to_contain_text("LEFT JOIN")
    shot("course-qa")
    check_axe(page, "course Q&A")

    # An AMA that is running: the host's answer appears on the participant's page without a reload.
    host = make_user(f"host-{lang}@example.com", first_name="Eva", language=lang)
    talk = AmaSession.objects.create(
        host=host, title="Карьера в данных", starts_at=timezone.now() - timedelta(minutes=5), minutes=60
    )
    question = ama.ama_question_ask(actor=alice, session=talk, text="С чего начать портфолио?")
    page.goto(f"/mentors/ama/{talk.pk}/")
    ama.ama_answer(actor=host, question=question, answer="С **одного** законченного проекта.")
    expect(page.locator("#ama-live")).to_contain_text("законченного", timeout=15_000)
    shot("ama-live")
    shot("ama-live", mobile=True)
    check_axe(page, "live AMA")
