"""The studio's pages: home, the structure editor (full pages and htmx partials), step forms and the preview."""

import pytest
from django.urls import reverse

from tropa.activity.models import ActivityEvent
from tropa.courses.models import CourseFormat, CourseStatus, Lesson, Module, Step, StepKind, StepProgress
from tropa.courses.services.authoring_structure import step_delete
from tropa.courses.tests.authoring_helpers import learner_opens, steps_of, studio_url

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


# Home


def test_home_lists_the_teams_courses_with_their_status(school, make_course, client_for):
    make_course(status=CourseStatus.DRAFT, title="Draft course")
    make_course(status=CourseStatus.PUBLISHED, title="Live course")
    page = client_for(school.people.author).get(reverse("courses:studio")).content.decode()
    assert "Draft course" in page and "Live course" in page
    assert ">Draft</span>" in page and ">Published</span>" in page


def test_home_puts_reviews_first_for_editors_and_publishing_first_for_admins(school, make_course, client_for):
    make_course(status=CourseStatus.REVIEW, title="Needs review")
    make_course(status=CourseStatus.APPROVED, title="Ready to go")
    editor = client_for(school.people.editor).get(reverse("courses:studio"))
    assert [c.title for c in editor.context["actions"]] == ["Needs review"]
    admin = client_for(school.people.admin).get(reverse("courses:studio"))
    assert [c.title for c in admin.context["actions"]] == ["Needs review", "Ready to go"]
    author = client_for(school.people.author).get(reverse("courses:studio"))
    assert author.context["actions"] == []


def test_home_tells_writers_about_a_returned_draft(school, make_course, client_for):
    make_course(status=CourseStatus.DRAFT, title="Came back", review_note="Add a summary")
    response = client_for(school.people.methodologist).get(reverse("courses:studio"))
    assert [c.title for c in response.context["actions"]] == ["Came back"]
    assert "Returned with a note" in response.content.decode()


def test_the_editor_cannot_create_courses_and_is_not_offered_to(school, client_for):
    response = client_for(school.people.editor).get(reverse("courses:studio"))
    assert response.status_code == 200
    assert reverse("courses:studio_create") not in response.content.decode()


# The structure editor


def test_the_course_page_shows_the_tree(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=2, steps=("text", "quiz"))
    page = client_for(school.people.author).get(studio_url("studio_course", course)).content.decode()
    for module in Module.objects.filter(course=course):
        assert f'id="module-{module.pk}"' in page
    for step in steps_of(course):
        assert f'id="step-{step.pk}"' in page
    assert "1 question" in page


def test_adding_a_module_then_a_lesson(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    client = client_for(school.people.author)
    assert client.get(studio_url("studio_module_create", course)).status_code == 200
    response = client.post(
        studio_url("studio_module_create", course), {"title": "Level 2", "unlock_rule": "after_previous"}
    )
    module = Module.objects.get(course=course, title="Level 2")
    assert response.status_code == 302 and response.url.endswith(f"#module-{module.pk}")
    response = client.post(studio_url("studio_lesson_create", course, module.pk), {"title": "Joins"})
    assert response.status_code == 302
    assert Lesson.objects.filter(module=module, title="Joins").exists()


def test_a_module_form_with_errors_is_shown_again_with_400(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    response = client_for(school.people.author).post(
        studio_url("studio_module_create", course), {"title": "", "unlock_rule": "whenever"}
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"title", "unlock_rule"}
    assert course.modules.count() == 1


def test_editing_a_module_and_a_lesson(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    module, lesson = course.modules.get(), Lesson.objects.get(module__course=course)
    client = client_for(school.people.author)
    data = {"title": "Basics", "summary": "", "unlock_rule": "open"}
    assert client.post(studio_url("studio_module_edit", course, module.pk), data).status_code == 302
    assert client.post(studio_url("studio_lesson_edit", course, lesson.pk), {"title": "First"}).status_code == 302
    module.refresh_from_db()
    lesson.refresh_from_db()
    assert (module.title, lesson.title) == ("Basics", "First")


def test_adding_a_step_starts_with_its_kind(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    lesson = Lesson.objects.get(module__course=course)
    client = client_for(school.people.author)
    chooser = client.get(studio_url("studio_step_create", course, lesson.pk))
    kinds = [value for value, _label in chooser.context["kinds"]]
    assert kinds == ["text", "video", "quiz", "assignment"]  # no final project in a short course
    assert "kinds" in client.get(studio_url("studio_step_create", course, lesson.pk) + "?kind=final_project").context
    response = client.post(
        studio_url("studio_step_create", course, lesson.pk),
        {"kind": "assignment", "title": "Essay", "body": "Write 300 words", "required": "on"},
    )
    assert response.status_code == 302
    assert Step.objects.get(title="Essay").kind == StepKind.ASSIGNMENT


def test_a_long_course_offers_the_final_project(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1, format=CourseFormat.LONG)
    lesson = Lesson.objects.get(module__course=course)
    chooser = client_for(school.people.author).get(studio_url("studio_step_create", course, lesson.pk))
    assert "final_project" in [value for value, _label in chooser.context["kinds"]]


def test_a_new_quiz_opens_its_editor_for_questions(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    lesson = Lesson.objects.get(module__course=course)
    response = client_for(school.people.author).post(
        studio_url("studio_step_create", course, lesson.pk),
        {"kind": "quiz", "title": "Check", "pass_score": "80", "max_attempts": "3", "required": "on"},
    )
    quiz = Step.objects.get(title="Check")
    assert response.url == studio_url("studio_step_edit", course, quiz.pk)
    assert (quiz.pass_score, quiz.max_attempts) == (80, 3)


def test_editing_a_step(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("text",))
    step = steps_of(course)[0]
    client = client_for(school.people.author)
    assert client.get(studio_url("studio_step_edit", course, step.pk)).status_code == 200
    response = client.post(studio_url("studio_step_edit", course, step.pk), {"title": "Intro", "body": "# Hello"})
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.title, step.body, step.required) == ("Intro", "# Hello", False)


def test_a_step_form_with_a_missing_text_says_so(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("text",))
    step = steps_of(course)[0]
    response = client_for(school.people.author).post(
        studio_url("studio_step_edit", course, step.pk), {"title": "Intro", "body": ""}
    )
    assert response.status_code == 400
    assert "body" in response.context["form"].errors


# Moves and deletes: htmx partial, or a redirect to the full page


def test_moving_with_htmx_returns_the_tree_alone(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("text", "quiz"))
    text, quiz = steps_of(course)
    response = client_for(school.people.author).post(
        studio_url("studio_step_move", course, quiz.pk), {"direction": "up"}, **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="course-tree"') and "<html" not in html
    assert html.index(f'id="step-{quiz.pk}"') < html.index(f'id="step-{text.pk}"')


def test_moving_without_htmx_comes_back_to_the_course_page(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=2)
    first, second = course.modules.order_by("position")
    client = client_for(school.people.author)
    response = client.post(studio_url("studio_module_move", course, second.pk), {"direction": "up"})
    assert response.status_code == 302
    assert response.url == studio_url("studio_course", course) + f"#module-{second.pk}"
    assert list(course.modules.order_by("position").values_list("pk", flat=True)) == [second.pk, first.pk]
    page = client.get(response.url).content.decode()
    assert "Moved." in page and "<html" in page


def test_a_bad_move_with_htmx_is_refused_in_the_tree(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=2)
    module = course.modules.first()
    response = client_for(school.people.author).post(
        studio_url("studio_module_move", course, module.pk), {"direction": "sideways"}, **HTMX
    )
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_deleting_an_untouched_step_with_htmx(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("text", "quiz"))
    quiz = steps_of(course, "quiz")[0]
    response = client_for(school.people.author).post(studio_url("studio_step_delete", course, quiz.pk), **HTMX)
    assert response.status_code == 200
    assert "Step deleted." in response.content.decode()
    assert not Step.objects.filter(pk=quiz.pk).exists()


def test_deleting_a_step_learners_worked_on_archives_it_and_says_so(school, make_course, client_for):
    course = make_course(modules=1, steps=("text", "quiz"))
    text = steps_of(course, "text")[0]
    learner_opens(school.people.learner, text)
    client = client_for(school.people.author)
    tree = client.get(studio_url("studio_course", course)).content.decode()
    assert "learners have started it" in tree and "will be archived, not deleted" in tree
    response = client.post(studio_url("studio_step_delete", course, text.pk), **HTMX)
    html = response.content.decode()
    assert "archived instead of deleted" in html
    assert f'id="step-{text.pk}"' not in html
    assert "1 deleted step is kept in the archive" in html
    text.refresh_from_db()
    assert text.archived_at is not None and StepProgress.objects.filter(step=text).exists()


def test_deleting_a_lesson_without_htmx_redirects_with_the_archive_message(school, make_course, client_for):
    course = make_course(modules=1, steps=("text",))
    lesson = Lesson.objects.get(module__course=course)
    learner_opens(school.people.learner, steps_of(course)[0])
    client = client_for(school.people.author)
    response = client.post(studio_url("studio_lesson_delete", course, lesson.pk))
    assert response.status_code == 302
    assert "archived instead of deleted" in client.get(response.url).content.decode()
    lesson.refresh_from_db()
    assert lesson.archived_at is not None


# Preview


def test_the_preview_shows_a_lesson_as_learners_see_it_and_records_nothing(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=2, steps=("text", "quiz"))
    before = ActivityEvent.objects.count()
    response = client_for(school.people.editor).get(studio_url("studio_preview", course))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<p>Read <strong>this</strong>.</p>" in html  # the step's Markdown, through _step_body.html
    assert "2 + 2 = ?" in html and '<fieldset class="mb-3" disabled>' in html
    assert "Two and two make four." not in html  # explanations come after answering
    assert response.context["lesson"].title == "Lesson 1.1"
    assert not StepProgress.objects.exists() and ActivityEvent.objects.count() == before


def test_the_preview_opens_the_chosen_lesson(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=2)
    second = Lesson.objects.get(module__course=course, title="Lesson 2.1")
    response = client_for(school.people.author).get(studio_url("studio_preview", course) + f"?lesson={second.pk}")
    assert response.context["lesson"] == second


def test_the_preview_does_not_open_a_lesson_of_another_course(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    other = make_course(status=CourseStatus.DRAFT, modules=1, title="Other")
    foreign = Lesson.objects.get(module__course=other)
    response = client_for(school.people.author).get(studio_url("studio_preview", course) + f"?lesson={foreign.pk}")
    assert response.status_code == 404


def test_the_preview_leaves_archived_steps_out(school, make_course, client_for):
    course = make_course(modules=1, steps=("text", "quiz"))
    text = steps_of(course, "text")[0]
    Step.objects.filter(pk=text.pk).update(title="Old text")
    learner_opens(school.people.learner, text)
    step_delete(actor=school.people.author, course=course, step_id=text.pk)
    html = client_for(school.people.author).get(studio_url("studio_preview", course)).content.decode()
    assert "Old text" not in html
