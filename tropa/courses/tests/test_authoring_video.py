"""Video steps: links to an allow-list of hosts become players, uploads must be MP4 or WebM within the size limit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import translation

from tropa.core.exceptions import ServiceError
from tropa.courses.models import CourseStatus, Lesson, Step, StepKind
from tropa.courses.services.authoring_structure import step_create, step_update
from tropa.courses.tests.authoring_helpers import mp4, steps_of, studio_url, webm
from tropa.courses.video import embed_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("link", "player"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://vimeo.com/76979871/abc123def", "https://player.vimeo.com/video/76979871?h=abc123def"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871"),
        (
            "https://rutube.ru/video/c6cc4d620b1d4338901770a44b3e82f4/",
            "https://rutube.ru/play/embed/c6cc4d620b1d4338901770a44b3e82f4",
        ),
        ("https://vk.com/video-22822305_456239018", "https://vk.com/video_ext.php?oid=-22822305&id=456239018"),
        ("https://vkvideo.ru/video-22822305_456239018", "https://vk.com/video_ext.php?oid=-22822305&id=456239018"),
        (
            "https://vk.com/video_ext.php?oid=-1&id=2&hash=ab12",
            "https://vk.com/video_ext.php?oid=-1&id=2&hash=ab12",
        ),
    ],
)
def test_links_to_allowed_hosts_become_their_players(link, player):
    assert embed_url(link) == player


@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evilyoutube.com/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
        "https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ",
        'https://www.youtube.com/watch?v="><script>alert(1)</script>',
        "https://vimeo.com/channels/staffpicks",
        "ftp://vimeo.com/76979871",
        "https://rutube.ru/video/not-an-id/",
        "",
    ],
)
def test_anything_else_has_no_player(link):
    assert embed_url(link) is None


@pytest.fixture
def lesson(make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("text",))
    return Lesson.objects.get(module__course=course)


def add_video(school, lesson, **fields):
    return step_create(
        actor=school.people.author, course=lesson.module.course, lesson_id=lesson.pk, kind="video", title="V", **fields
    )


def test_a_video_step_takes_an_allowed_link(school, lesson):
    step = add_video(school, lesson, video_url="https://youtu.be/dQw4w9WgXcQ")
    assert step.video_url == "https://youtu.be/dQw4w9WgXcQ" and not step.video_file


def test_a_link_outside_the_allow_list_is_refused_naming_the_field(school, lesson):
    with pytest.raises(ServiceError) as error:
        add_video(school, lesson, video_url="https://evil.example/movie.mp4")
    assert error.value.field == "video_url"
    assert error.value.message.startswith("Video link:")
    assert not Step.objects.filter(kind="video").exists()


def test_a_video_step_needs_a_file_or_a_link_but_not_both(school, lesson, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ServiceError) as error:
        add_video(school, lesson)
    assert error.value.field == "video_file"
    with pytest.raises(ServiceError) as error:
        add_video(school, lesson, video_file=mp4(), video_url="https://youtu.be/dQw4w9WgXcQ")
    assert error.value.field == "video_url"


def test_mp4_and_webm_uploads_are_stored(school, lesson, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert add_video(school, lesson, video_file=mp4()).video_file.name.endswith(".mp4")
    assert add_video(school, lesson, video_file=webm()).video_file.name.endswith(".webm")


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("clip.avi", b"RIFF\x00\x00\x00\x00AVI LIST", content_type="video/x-msvideo"),
        SimpleUploadedFile("clip.mp4", b"<html><script>alert(1)</script></html>", content_type="video/mp4"),
        SimpleUploadedFile("clip.webm", b"\x00\x00\x00\x18ftypmp42", content_type="video/mp4"),
        SimpleUploadedFile("clip.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
    ],
    ids=["avi", "html named mp4", "type does not match the name", "exe"],
)
def test_uploads_that_are_not_mp4_or_webm_are_refused_naming_the_field(school, lesson, settings, tmp_path, upload):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ServiceError) as error:
        add_video(school, lesson, video_file=upload)
    assert error.value.field == "video_file"
    assert error.value.message.startswith("Video file:")


def test_an_upload_over_the_size_limit_is_refused(school, lesson, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.COURSE_VIDEO_MAX_BYTES = 1024
    with pytest.raises(ServiceError) as error, translation.override("en"):
        add_video(school, lesson, video_file=mp4(size=2048))
    assert error.value.field == "video_file"
    assert "larger than 1.0\xa0KB" in error.value.message


def test_the_size_limit_is_a_setting_of_500_mb_by_default(settings):
    from tropa.courses.video import video_max_bytes

    assert settings.COURSE_VIDEO_MAX_BYTES == 500 * 1024 * 1024
    settings.COURSE_VIDEO_MAX_BYTES = 1234
    assert video_max_bytes() == 1234


def test_replacing_a_file_with_a_link_needs_the_file_removed(school, lesson, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    step = add_video(school, lesson, video_file=mp4())
    course = lesson.module.course
    link = "https://vimeo.com/76979871"
    with pytest.raises(ServiceError) as error:
        step_update(actor=school.people.author, course=course, step_id=step.pk, title="V", video_url=link)
    assert error.value.field == "video_url"
    step_update(
        actor=school.people.author, course=course, step_id=step.pk, title="V", video_url=link, remove_video_file=True
    )
    step.refresh_from_db()
    assert (step.video_url, step.video_file.name) == (link, "")


# The pages


def test_the_step_page_rejects_a_bad_upload_with_the_field_named(school, lesson, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(school.people.author)
    url = studio_url("studio_step_create", lesson.module.course, lesson.pk)
    fake = SimpleUploadedFile("talk.mp4", b"not a video at all", content_type="video/mp4")
    response = client.post(url, {"kind": "video", "title": "Talk", "video_file": fake, "required": "on"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "video_file" in errors and "Video file" in str(errors["video_file"])
    assert not Step.objects.filter(title="Talk").exists()


def test_the_step_page_rejects_a_file_over_the_limit(school, lesson, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.COURSE_VIDEO_MAX_BYTES = 1024
    client = client_for(school.people.author)
    url = studio_url("studio_step_create", lesson.module.course, lesson.pk)
    response = client.post(url, {"kind": "video", "title": "Talk", "video_file": mp4(size=4096)})
    assert response.status_code == 400
    assert "larger than" in str(response.context["form"].errors["video_file"])


def test_the_step_page_rejects_a_link_outside_the_allow_list(school, lesson, client_for):
    client = client_for(school.people.author)
    url = studio_url("studio_step_create", lesson.module.course, lesson.pk)
    response = client.post(url, {"kind": "video", "title": "Talk", "video_url": "https://evil.example/v/1"})
    assert response.status_code == 400
    assert "Video link" in str(response.context["form"].errors["video_url"])


def test_the_step_page_adds_a_video_from_an_upload(school, lesson, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(school.people.author)
    url = studio_url("studio_step_create", lesson.module.course, lesson.pk)
    response = client.post(url, {"kind": "video", "title": "Talk", "video_file": mp4(), "body": "Watch *this*"})
    assert response.status_code == 302
    assert Step.objects.get(title="Talk").video_file.name.startswith("courses/videos/")


# What learners see


def test_a_linked_video_renders_as_the_hosts_player(make_course):
    course = make_course(modules=1, steps=("text",))
    step = steps_of(course)[0]
    step.kind, step.video_url = StepKind.VIDEO, "https://youtu.be/dQw4w9WgXcQ"
    html = render_to_string("courses/partials/_step_body.html", {"step": step})
    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert "<p>Read <strong>this</strong>.</p>" in html  # the body as Markdown, under the player


def test_a_link_that_is_no_longer_allowed_renders_no_player(make_course):
    course = make_course(modules=1, steps=("text",))
    step = steps_of(course)[0]
    step.kind, step.video_url = StepKind.VIDEO, "https://evil.example/x"
    html = render_to_string("courses/partials/_step_body.html", {"step": step})
    assert "<iframe" not in html and "evil.example" not in html


def test_an_uploaded_video_renders_in_a_video_tag(make_course, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    course = make_course(modules=1, steps=("text",))
    step = steps_of(course)[0]
    step.kind = StepKind.VIDEO
    step.video_file.save("talk.webm", webm(), save=False)
    html = render_to_string("courses/partials/_step_body.html", {"step": step})
    assert "<video controls" in html and 'type="video/webm"' in html
