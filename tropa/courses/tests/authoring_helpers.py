"""Helpers of the studio tests: learners' work through the real services, uploads, and the studio's URLs."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tropa.courses.models import Enrollment, Step
from tropa.courses.services.enrollment import enrollment_create
from tropa.courses.services.progress import step_complete, step_open

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
WEBM_HEAD = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01"


def mp4(name: str = "lecture.mp4", size: int = 256, content_type: str = "video/mp4") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, MP4_HEAD + b"\x00" * max(size - len(MP4_HEAD), 0), content_type=content_type)


def webm(name: str = "lecture.webm") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, WEBM_HEAD + b"\x00" * 64, content_type="video/webm")


def image(name: str = "cover.png", fmt: str = "PNG", size=(120, 80), content_type: str = "image/png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (31, 111, 92)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def steps_of(course, kind: str | None = None) -> list[Step]:
    steps = Step.objects.filter(course=course).order_by("lesson__module__position", "lesson__position", "position")
    return list(steps.filter(kind=kind) if kind else steps)


def learner_opens(learner, step: Step, *, complete: bool = False):
    """The learner enrolls (if needed) and opens the step, as the player does; returns the enrollment."""
    enrollment = Enrollment.objects.filter(user=learner, course_id=step.course_id).first()
    if enrollment is None:
        enrollment = enrollment_create(actor=learner, course=step.course)
    step_open(actor=learner, step=step)
    if complete:
        step_complete(enrollment=enrollment, step=step)
    enrollment.refresh_from_db()
    return enrollment


def studio_url(name: str, course, *ids) -> str:
    return reverse(f"courses:{name}", args=[course.slug, *ids])
