"""Script or HTML typed into any text the catalogue and the course page show is rendered harmless."""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.accounts.models import Visibility
from tropa.courses.models import Cohort, CourseReview, Enrollment, Lesson, Module

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "<a href=\"javascript:alert('x')\">click</a>",
    '<iframe src="https://evil.example"></iframe>',
]


class _ActiveContent(HTMLParser):
    """Collects what a browser would run or load from the payloads: scripts, handlers, javascript: links, frames."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in {"iframe", "object", "embed"}:
            self.found.append(f"<{tag}>")
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in {"href", "src"} and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert" in data:
            self.found.append("script with alert")


def assert_harmless(content: str) -> None:
    parser = _ActiveContent()
    parser.feed(content)
    assert parser.found == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_catalogue_cards_escape_course_text(client, make_course, school, payload):
    make_course(title=f"T {payload}", summary=f"S {payload}", description=f"D {payload}", modules=0)
    school.name = f"Org {payload}"
    school.save(update_fields=["name"])
    content = client.get(reverse("courses:catalogue")).content.decode()
    assert "T &lt;" in content or "T &quot;&gt;" in content
    assert_harmless(content)
    htmx = client.get(reverse("courses:catalogue"), {"q": "T"}, headers={"HX-Request": "true"}).content.decode()
    assert_harmless(htmx)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_course_page_escapes_every_text_field(client_for, make_course, school, make_user, payload):
    course = make_course(
        title=f"T {payload}",
        summary=f"S {payload}",
        description=f"**Bold**\n\nD {payload}\n\n[link](javascript:alert(1))",
        outcomes=f"O {payload}\nsecond",
        modules=0,
    )
    module = Module.objects.create(course=course, title=f"M {payload}", summary=f"MS {payload}")
    Lesson.objects.create(module=module, title=f"L {payload}")
    today = timezone.localdate()
    Cohort.objects.create(course=course, title=f"C {payload}", starts_on=today, ends_on=today + timedelta(days=30))
    reviewer = make_user(first_name=f"R {payload}", last_name=payload)
    enrollment = Enrollment.objects.create(user=reviewer, course=course, enrolled_at=timezone.now())
    CourseReview.objects.create(enrollment=enrollment, course=course, rating=5, text=f"Review {payload}")
    author = school.people.author
    author.first_name = f"A {payload}"
    author.save(update_fields=["first_name"])
    author.profile.headline = f"H {payload}"[:140]
    author.profile.about = f"About {payload}"
    author.profile.visibility = Visibility.PUBLIC
    author.profile.save()
    response = client_for(school.people.learner).get(reverse("courses:detail", args=[course.slug]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Review &lt;" in content or "Review &quot;&gt;" in content
    assert "<strong>Bold</strong>" in content  # Markdown still renders; only the dangerous part is gone
    assert_harmless(content)
