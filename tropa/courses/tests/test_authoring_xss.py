"""Script and HTML that authors type into any text of a course are rendered harmless in the studio and the preview."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tropa.courses.models import Choice, CourseStatus, Lesson, Module, Question, Step
from tropa.courses.tests.authoring_helpers import steps_of, studio_url

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("xss")</script>'
IMG = "<img src=x onerror=alert(1)>"
PAYLOAD = f'{SCRIPT}{IMG}"><svg onload=alert(2)>'
MARKDOWN = f'{PAYLOAD}\n\n[click](javascript:alert(3))\n\n<a href="javascript:alert(4)">x</a>'


class LiveContent(HTMLParser):
    """Collects what a browser would run: on* handler attributes, javascript: links, inline scripts."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value}>")
        self._in_script = tag == "script" and not dict(attrs).get("src")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.found.append(f"<script>{data.strip()[:40]}")


def assert_harmless(html: str):
    parser = LiveContent()
    parser.feed(html)
    assert parser.found == []
    assert SCRIPT not in html


@pytest.fixture
def poisoned(make_course):
    """A course whose every text field holds a payload."""
    course = make_course(
        status=CourseStatus.DRAFT,
        title=f"Course {PAYLOAD}",
        summary=PAYLOAD,
        description=MARKDOWN,
        outcomes=PAYLOAD,
        review_note=PAYLOAD,
        modules=1,
        steps=("text", "quiz", "video"),
    )
    Module.objects.filter(course=course).update(title=f"M {PAYLOAD}", summary=PAYLOAD)
    Lesson.objects.filter(module__course=course).update(title=f"L {PAYLOAD}")
    Step.objects.filter(course=course).update(title=f"S {PAYLOAD}", body=MARKDOWN)
    Step.objects.filter(course=course, kind="video").update(video_url=f"https://youtu.be/{PAYLOAD}")
    Question.objects.filter(step__course=course).update(prompt=MARKDOWN, explanation=PAYLOAD, accepted_answers=PAYLOAD)
    Choice.objects.filter(question__step__course=course).update(text=PAYLOAD)
    return course


def test_studio_pages_render_payloads_as_text(school, poisoned, client_for):
    client = client_for(school.people.author)
    quiz = steps_of(poisoned, "quiz")[0]
    question = quiz.questions.get()
    module = poisoned.modules.get()
    lesson = Lesson.objects.get(module=module)
    urls = [
        reverse("courses:studio"),
        studio_url("studio_course", poisoned),
        studio_url("studio_settings", poisoned),
        studio_url("studio_preview", poisoned),
        studio_url("studio_module_edit", poisoned, module.pk),
        studio_url("studio_lesson_edit", poisoned, lesson.pk),
        studio_url("studio_step_create", poisoned, lesson.pk),
        studio_url("studio_step_edit", poisoned, quiz.pk),
        studio_url("studio_question_edit", poisoned, quiz.pk, question.pk),
    ] + [studio_url("studio_step_edit", poisoned, step.pk) for step in steps_of(poisoned)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_harmless(response.content.decode())


def test_the_escaped_text_is_still_there_for_the_author_to_see(school, poisoned, client_for):
    html = client_for(school.people.author).get(studio_url("studio_course", poisoned)).content.decode()
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html


def test_the_preview_renders_markdown_without_script_or_handlers(school, poisoned, client_for):
    html = client_for(school.people.editor).get(studio_url("studio_preview", poisoned)).content.decode()
    assert_harmless(html)
    assert "<iframe" not in html  # a video link that smuggles markup gets no player
    assert ">click</a>" in html or "click" in html


def test_a_returned_drafts_note_is_shown_as_text(school, make_course, client_for):
    course = make_course(status=CourseStatus.REVIEW)
    client_for(school.people.editor).post(studio_url("studio_return", course), {"note": PAYLOAD})
    for person in ("author", "editor"):
        html = client_for(getattr(school.people, person)).get(studio_url("studio_course", course)).content.decode()
        assert_harmless(html)


def test_payloads_saved_through_the_forms_come_back_harmless(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    lesson = Lesson.objects.get(module__course=course)
    client = client_for(school.people.author)
    client.post(studio_url("studio_module_create", course), {"title": PAYLOAD, "unlock_rule": "open"})
    client.post(
        studio_url("studio_step_create", course, lesson.pk),
        {"kind": "text", "title": PAYLOAD, "body": MARKDOWN, "required": "on"},
    )
    assert Step.objects.filter(title=PAYLOAD).exists()
    for url in (studio_url("studio_course", course), studio_url("studio_preview", course)):
        assert_harmless(client.get(url).content.decode())
