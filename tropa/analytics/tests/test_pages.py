"""Course analytics, reports, the model, settings and impact pages: content, downloads, access, query counts."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tropa.analytics.models import AnalyticsSettings, Intervention, RiskModelVersion
from tropa.analytics.services.interventions import intervention_log
from tropa.analytics.services.rollup import history_rollup
from tropa.courses.models import LessonRating
from tropa.courses.services.enrollment import enrollment_create
from tropa.courses.services.progress import step_open


def _url(world, name, *args):
    return reverse(f"analytics:{name}", args=[world.school.slug, *args])


def test_course_list_compares_completion_with_the_target(world, client_for):
    response = client_for(world.methodologist).get(_url(world, "courses"))

    assert response.status_code == 200
    assert response.context["target"] == 70
    assert "Python basics" in response.content.decode()


def test_the_funnel_marks_where_learners_stop(world, client_for):
    steps = list(world.course.steps.order_by("lesson__module__position", "lesson__position", "position"))
    for user in (world.keen, world.quiet, world.minor):
        step_open(actor=user, step=steps[0])
    step_open(actor=world.keen, step=steps[1])

    response = client_for(world.owner).get(_url(world, "course", world.course.pk))

    funnel = response.context["funnel"]
    assert [step.reached for step in funnel][:2] == [3, 1]
    assert funnel[1].steepest


def test_retention_curves_per_cohort(world, client_for):
    history_rollup(organization_id=world.school.pk)

    response = client_for(world.owner).get(_url(world, "course", world.course.pk))

    series = response.context["retention"]["series"]
    assert series[0]["label"] == "Spring"
    assert series[0]["data"][0] == 100
    assert series[0]["data"][1] < 100  # quiet stopped in the first week


def test_negative_comments_are_flagged(world, client_for):
    lesson = world.step.lesson
    enrollment = world.quiet.enrollments.get()
    LessonRating.objects.create(
        enrollment=enrollment, lesson=lesson, useful=False, comment="Скучно и непонятно", created_at=lesson.created_at
    )

    response = client_for(world.author).get(_url(world, "course", world.course.pk))

    assert response.context["comments"][0]["negative"] is True


def test_a_course_of_another_school_is_404(world, client_for):
    assert client_for(world.outsider).get(_url(world, "course", world.course.pk)).status_code == 404


@pytest.mark.parametrize("group", ["course", "cohort", "curator"])
def test_reports_by_course_cohort_and_curator(world, client_for, group):
    history_rollup(organization_id=world.school.pk)

    response = client_for(world.owner).get(_url(world, "reports"), {"group": group, "days": 28})

    rows = response.context["rows"]
    assert rows[0].enrolled == 3 and rows[0].active_in_period == 3


def test_report_downloads_as_csv_and_xlsx(world, client_for):
    client = client_for(world.admin)

    csv = client.get(_url(world, "report_export", "csv"), {"group": "cohort"})
    xlsx = client.get(_url(world, "report_export", "xlsx"), {"group": "cohort"})

    assert "Python basics — Spring,3,3" in csv.content.decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A2"].value == "Python basics — Spring"


def test_report_cells_cannot_become_formulas(world, client_for):
    world.course.title = "=HYPERLINK(1)"
    world.course.save(update_fields=["title"])

    xlsx = client_for(world.admin).get(_url(world, "report_export", "xlsx"))

    assert load_workbook(io.BytesIO(xlsx.content)).active["A2"].value == "'=HYPERLINK(1)"


def test_reports_cost_the_same_queries_for_more_courses(world, client_for, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tropa.courses.tests.conftest import build_course

    client = client_for(world.owner)
    with CaptureQueriesContext(connection) as few:
        client.get(_url(world, "reports"))
    for n in range(3):
        course = build_course(world.school, author=world.author, title=f"More {n}")
        enrollment_create(actor=world.keen, course=course)

    with django_assert_max_num_queries(len(few)):
        client.get(_url(world, "reports"))


def test_the_model_page_explains_the_rules_in_plain_words(world, client_for):
    from tropa.analytics.services.modeling import risk_model_train

    risk_model_train(organization=world.school)

    body = client_for(world.owner).get(_url(world, "model")).content.decode()
    assert "Rule-based score" in body
    assert "Not enough history for a model" in body


def test_training_on_demand_creates_a_version(world, client_for):
    response = client_for(world.owner).post(_url(world, "model"))

    assert response.status_code == 302
    assert RiskModelVersion.objects.filter(organization=world.school).count() == 1


def test_score_now_scores_the_learners(world, client_for):
    client_for(world.admin).post(_url(world, "score_now"))

    assert world.school.pk and len(client_for(world.admin).get(_url(world, "desk")).context["page"].object_list) == 3


def test_settings_are_saved_and_bad_values_named(world, client_for):
    client = client_for(world.owner)
    data = {"alert_threshold": 55, "alert_jump": 15, "holdout_percent": 10, "completion_target": 80}

    assert client.post(_url(world, "settings"), {**data, "notify_guardians": "on"}).status_code == 302
    assert AnalyticsSettings.objects.get(organization=world.school).notify_guardians is True

    response = client.post(_url(world, "settings"), {**data, "holdout_percent": 90})
    assert response.status_code == 400 and response.context["form"].errors["holdout_percent"]


def test_a_curator_cannot_change_settings(world, client_for):
    assert client_for(world.curator).get(_url(world, "settings")).status_code == 404


def test_impact_shows_who_came_back(world, client_for):
    from datetime import timedelta

    from django.utils import timezone

    from tropa.analytics.models import HistoryEnrollment
    from tropa.analytics.services.alerts import outcomes_measure

    history_rollup(organization_id=world.school.pk)
    row = HistoryEnrollment.objects.select_related("enrollment").get(enrollment__user=world.keen)
    done = intervention_log(actor=world.curator, history=row, kind="contacted")
    Intervention.objects.filter(pk=done.pk).update(created_at=timezone.now() - timedelta(days=8))
    outcomes_measure(organization_id=world.school.pk)

    response = client_for(world.curator).get(_url(world, "impact"))

    assert response.context["impact"]["by_kind"][0].rate_7 == 100


def test_home_leads_to_the_only_school(world, client_for):
    response = client_for(world.curator).get(reverse("analytics:home"))
    assert response.status_code == 302 and response.url == _url(world, "desk")


def test_home_for_someone_without_a_desk(world, client_for):
    assert client_for(world.quiet).get(reverse("analytics:home")).context["organizations"] == []
