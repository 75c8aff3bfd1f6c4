"""URL routes of the analytics app: /analytics/<organization>/..."""

from django.urls import path

from tropa.analytics.views import courses, desk, history, reports, surveys

app_name = "analytics"

urlpatterns = [
    path("", desk.home, name="home"),
    path("survey/<slug:course>/<str:milestone>/", surveys.survey, name="survey"),
    path("<slug:org>/", desk.desk, name="desk"),
    path("<slug:org>/learners/<int:history_id>/", desk.learner, name="learner"),
    path("<slug:org>/learners/<int:history_id>/act/", desk.act, name="act"),
    path("<slug:org>/learners/<int:history_id>/extend/", desk.extend, name="extend"),
    path("<slug:org>/alerts/<int:alert_id>/mark/", desk.alert_mark, name="alert_mark"),
    path("<slug:org>/score/", history.score_now, name="score_now"),
    path("<slug:org>/history/", history.history, name="history"),
    path("<slug:org>/history/export/", history.export, name="export"),
    path("<slug:org>/model/", history.model, name="model"),
    path("<slug:org>/settings/", history.settings_page, name="settings"),
    path("<slug:org>/impact/", history.impact, name="impact"),
    path("<slug:org>/courses/", courses.course_list, name="courses"),
    path("<slug:org>/courses/<int:course_id>/", courses.course_detail, name="course"),
    path("<slug:org>/reports/", reports.report, name="reports"),
    path("<slug:org>/reports/export.<str:fmt>", reports.report_export, name="report_export"),
]
