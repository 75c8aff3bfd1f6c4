"""Teams on a final project: invitations by email, joining by consent, one work per learner, fixed once handed in."""

from __future__ import annotations

from datetime import date

import pytest

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import Cohort, Enrollment, StepProgress
from tropa.notifications.models import Notification
from tropa.projects.models import ProjectWork, TeamInviteStatus, WorkStatus
from tropa.projects.selectors.portfolio import portfolio_get_for
from tropa.projects.selectors.quality import project_quality_for
from tropa.projects.selectors.work import my_works, work_for_learner
from tropa.projects.services import teams
from tropa.projects.services.reviews import review_submit
from tropa.projects.tests.conftest import levels_all, make_project, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_project(school):
    return make_project(school, max_team_size=3)


def _refused(field: str, call, *args, **kwargs) -> str:
    with pytest.raises(ServiceError) as caught:
        call(*args, **kwargs)
    assert caught.value.field == field
    return caught.value.message


def test_a_classmate_joins_by_accepting_and_the_team_shares_the_work(
    team_project, school, django_capture_on_commit_callbacks
):
    people = school.people
    with django_capture_on_commit_callbacks(execute=True):
        invite = teams.team_invite(actor=people.l1, project=team_project, email="L2@example.com")
    assert Notification.objects.filter(recipient=people.l2, kind="project_team").exists()
    assert work_for_learner(user=people.l2, project=team_project) is None  # not a member before answering
    with django_capture_on_commit_callbacks(execute=True):
        teams.team_invite_answer(actor=people.l2, invite_id=invite.pk, accept=True)
    assert Notification.objects.filter(recipient=people.l1, kind="project_team").exists()
    work = work_for_learner(user=people.l2, project=team_project)
    assert work.user == people.l1 and [mate.pk for mate in work.teammates.all()] == [people.l2.pk]
    assert [w.pk for w in my_works(user=people.l2)] == [work.pk]

    # Either member hands in; it is one work, reviewed once, and acceptance counts for both.
    version = submit(team_project, people.l2)
    assert version.work_id == work.pk and ProjectWork.objects.filter(project=team_project).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        review_submit(actor=people.curator, work_id=work.pk, levels=levels_all(team_project, 3), feedback="Good.",
                      decision="accept")  # fmt: skip
    accepted = ActivityEvent.objects.filter(verb="project.accepted")
    assert sorted(event.payload["learner_id"] for event in accepted) == sorted([people.l1.pk, people.l2.pk])
    for member in (people.l1, people.l2):
        enrollment = Enrollment.objects.get(user=member, course=team_project.course)
        assert StepProgress.objects.filter(enrollment=enrollment, step=team_project.step).exclude(completed_at=None)
        assert project_quality_for(member) == work.__class__.objects.get(pk=work.pk).quality_score
    portfolio = portfolio_get_for(people.l2, people.l2.pk)
    assert [item.pk for item in portfolio.projects] == [work.pk]


def test_a_solo_project_takes_no_invitations(project, school):
    message = _refused("email", teams.team_invite, actor=school.people.l1, project=project, email="l2@example.com")
    assert "alone" in message


@pytest.mark.parametrize("email", ["nobody@example.com", "stranger@example.com", "curator@school.example"])
def test_only_classmates_can_be_invited_and_strangers_are_not_told_apart(team_project, school, email):
    message = _refused("email", teams.team_invite, actor=school.people.l1, project=team_project, email=email)
    assert message == "No classmate in your cohort has this email."


def test_teams_form_within_a_cohort(team_project, school):
    cohort = Cohort.objects.create(course=team_project.course, title="B", starts_on=date(2026, 1, 1),
                                   ends_on=date(2026, 12, 1))  # fmt: skip
    Enrollment.objects.filter(user=school.people.l3, course=team_project.course).update(cohort=cohort)
    _refused("email", teams.team_invite, actor=school.people.l1, project=team_project, email="l3@example.com")


def test_without_a_cohort_children_are_never_invited_by_strangers(team_project, school):
    school.people.l2.is_minor = True
    school.people.l2.save(update_fields=["is_minor"])
    _refused("email", teams.team_invite, actor=school.people.l1, project=team_project, email="l2@example.com")


def test_the_team_never_grows_past_its_size_counting_pending_invitations(team_project, school):
    people = school.people
    teams.team_invite(actor=people.l1, project=team_project, email="l2@example.com")
    teams.team_invite(actor=people.l1, project=team_project, email="l3@example.com")
    message = _refused("email", teams.team_invite, actor=people.l1, project=team_project, email="l4@example.com")
    assert "at most 3" in message
    _refused("email", teams.team_invite, actor=people.l1, project=team_project, email="l2@example.com")  # again


def test_only_the_invitee_answers_and_only_once(team_project, school):
    people = school.people
    invite = teams.team_invite(actor=people.l1, project=team_project, email="l2@example.com")
    for outsider in (people.l3, people.l1, people.curator, people.outsider):
        with pytest.raises(NotFound):
            teams.team_invite_answer(actor=outsider, invite_id=invite.pk, accept=True)
    with pytest.raises(NotFound):
        teams.team_invite_cancel(actor=people.l2, invite_id=invite.pk)  # only the inviter cancels
    teams.team_invite_answer(actor=people.l2, invite_id=invite.pk, accept=False)
    invite.refresh_from_db()
    assert invite.status == TeamInviteStatus.DECLINED
    _refused("invite", teams.team_invite_answer, actor=people.l2, invite_id=invite.pk, accept=True)


def test_whoever_handed_in_their_own_work_cannot_join_another_team(team_project, school):
    people = school.people
    submit(team_project, people.l2)
    _refused("email", teams.team_invite, actor=people.l1, project=team_project, email="l2@example.com")


def test_joining_drops_the_invitees_empty_draft(team_project, school):
    people = school.people
    teams.team_invite(actor=people.l2, project=team_project, email="l3@example.com")  # l2 starts a draft
    invite = teams.team_invite(actor=people.l1, project=team_project, email="l4@example.com")
    teams.team_invite_answer(actor=people.l4, invite_id=invite.pk, accept=True)
    # l2's draft has a pending invitation but no teammates: l2 may still join l1 and the draft goes.
    second = teams.team_invite(actor=people.l1, project=team_project, email="l2@example.com")
    teams.team_invite_answer(actor=people.l2, invite_id=second.pk, accept=True)
    assert not ProjectWork.objects.filter(project=team_project, user=people.l2).exists()


def test_the_team_is_fixed_once_handed_in(team_project, school):
    people = school.people
    invite = teams.team_invite(actor=people.l1, project=team_project, email="l2@example.com")
    teams.team_invite_answer(actor=people.l2, invite_id=invite.pk, accept=True)
    submit(team_project, people.l1)
    _refused("email", teams.team_invite, actor=people.l1, project=team_project, email="l3@example.com")
    _refused("email", teams.team_member_remove, actor=people.l2, project=team_project, member_id=people.l2.pk)
    assert work_for_learner(user=people.l2, project=team_project).status == WorkStatus.SUBMITTED


def test_a_teammate_leaves_or_is_removed_only_by_the_author(team_project, school):
    people = school.people
    for name in ("l2", "l3"):
        invite = teams.team_invite(actor=people.l1, project=team_project, email=f"{name}@example.com")
        teams.team_invite_answer(actor=getattr(people, name), invite_id=invite.pk, accept=True)
    with pytest.raises(NotFound):
        teams.team_member_remove(actor=people.l2, project=team_project, member_id=people.l3.pk)
    teams.team_member_remove(actor=people.l2, project=team_project, member_id=people.l2.pk)  # leaves
    teams.team_member_remove(actor=people.l1, project=team_project, member_id=people.l3.pk)  # removed
    assert not work_for_learner(user=people.l1, project=team_project).teammates.exists()


def test_the_project_page_shows_the_team_and_names_the_field_of_a_refusal(team_project, school, client):
    people = school.people
    teams.team_invite(actor=people.l1, project=team_project, email="l2@example.com")
    client.force_login(people.l1)
    url = f"/projects/course/{team_project.course.slug}/"
    page = client.get(url).content.decode()
    assert "Team" in page and "Learner2 Smith" in page and "invited" in page
    response = client.post(f"{url}team/invite/", {"email": "nobody@example.com"})
    assert response.status_code == 400
    assert "No classmate in your cohort has this email." in response.content.decode()
    client.force_login(people.l2)
    page = client.get(url).content.decode()
    assert "invites you to their team" in page
