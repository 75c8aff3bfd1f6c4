"""URL routes of the careers app (under /careers/)."""

from django.urls import path

from tropa.careers.views import hr, hr_talent, learner, public

app_name = "careers"

urlpatterns = [
    path("", learner.opportunities, name="opportunities"),
    path("projects/", learner.company_projects, name="projects"),
    path("o/<int:opportunity_id>/", learner.opportunity, name="opportunity"),
    path("o/<int:opportunity_id>/save/", learner.opportunity_save, name="opportunity_save"),
    path("o/<int:opportunity_id>/apply/", learner.apply, name="apply"),
    path("saved/", learner.saved, name="saved"),
    path("applications/", learner.my_applications, name="my_applications"),
    path("applications/<int:application_id>/", learner.application, name="application"),
    path("applications/<int:application_id>/withdraw/", learner.application_withdraw, name="application_withdraw"),
    path("applications/<int:application_id>/cv/", learner.application_cv, name="application_cv"),
    path("applications/<int:application_id>/rate/", learner.application_rate, name="application_rate"),
    path("me/", learner.candidate_settings, name="candidate_settings"),
    path("fast-track/<int:offer_id>/answer/", learner.fast_track_answer, name="fast_track_answer"),
    path("interviews/<int:interview_id>/pick/", learner.interview_pick, name="interview_pick"),
    path("interviews/<int:interview_id>/cancel/", learner.interview_cancel, name="interview_cancel"),
    path("interviews/<int:interview_id>/interview.ics", learner.interview_ics, name="interview_ics"),
    path("cv-review/", public.cv_review_request, name="cv_review_request"),
    path("cv-review/<int:review_id>/cv/", hr_talent.cv_review_file, name="cv_review_file"),
    path("companies/<slug:slug>/", public.company, name="company"),
    path("staff/", public.staff, name="staff"),
    path("staff/companies/<slug:slug>/verify/", public.company_verify, name="company_verify"),
    path("staff/ratings/<int:rating_id>/", public.rating_moderate, name="rating_moderate"),
    path("hr/", hr.home, name="hr_home"),
    path("hr/<slug:slug>/", hr.pipeline, name="hr_pipeline"),
    path("hr/<slug:slug>/settings/", hr.employer_settings, name="hr_settings"),
    path("hr/<slug:slug>/opportunities/new/", hr.opportunity_new, name="hr_opportunity_new"),
    path("hr/<slug:slug>/opportunities/<int:opportunity_id>/", hr.opportunity_hr, name="hr_opportunity"),
    path("hr/<slug:slug>/opportunities/<int:opportunity_id>/edit/", hr.opportunity_edit, name="hr_opportunity_edit"),
    path(
        "hr/<slug:slug>/opportunities/<int:opportunity_id>/publish/",
        hr.opportunity_publish,
        name="hr_opportunity_publish",
    ),
    path(
        "hr/<slug:slug>/opportunities/<int:opportunity_id>/fast-track/",
        hr_talent.fast_track_offer,
        name="hr_fast_track",
    ),
    path("hr/<slug:slug>/applications/<int:application_id>/status/", hr.application_status, name="hr_status"),
    path("hr/<slug:slug>/applications/<int:application_id>/interview/", hr.interview_propose, name="hr_interview"),
    path("hr/<slug:slug>/talent/", hr_talent.search, name="hr_search"),
    path("hr/<slug:slug>/talent/<int:user_id>/", hr_talent.candidate, name="hr_candidate"),
    path("hr/<slug:slug>/talent/<int:user_id>/note/", hr_talent.candidate_note, name="hr_note"),
    path("hr/<slug:slug>/talent/<int:user_id>/shortlist/", hr_talent.candidate_shortlist, name="hr_shortlist_add"),
    path("hr/<slug:slug>/shortlists/", hr_talent.shortlists, name="hr_shortlists"),
    path("hr/<slug:slug>/cv-reviews/<int:review_id>/", hr_talent.cv_review, name="hr_cv_review"),
]
