"""A learner hands in a version of their final project; late work follows the project's policy."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import Enrollment
from tropa.courses.selectors.deadlines import deadline_extension_get
from tropa.projects import events
from tropa.projects.models import (
    CohortDeadline,
    FinalProject,
    LatePolicy,
    ProjectWork,
    Version,
    VersionFile,
    WorkStatus,
)
from tropa.projects.permissions import LEARNING_STATUSES
from tropa.projects.selectors.work import step_lock_reason
from tropa.projects.services.files import check_file, check_link
from tropa.projects.services.peers import peers_assign

MAX_WRITEUP = 50_000


def project_deadline_base(project: FinalProject, cohort_id: int | None) -> datetime | None:
    """The deadline of a run: the cohort's own when it has one, else the project's."""
    if cohort_id is not None:
        own = CohortDeadline.objects.filter(project=project, cohort_id=cohort_id).values_list("deadline", flat=True)
        for deadline in own:
            return deadline
    return project.deadline


def deadline_for(project: FinalProject, cohort_id: int | None, enrollment: Enrollment | None = None) -> datetime | None:
    """The learner's deadline: their own extension of the project's course step (courses app) when given one,
    else the cohort's deadline, else the project's."""
    if enrollment is not None and project.step_id:
        extension = deadline_extension_get(enrollment_id=enrollment.pk, step_id=project.step_id)
        if extension is not None:
            return extension.due_at
    return project_deadline_base(project, cohort_id)


def step_deadline_source(step, enrollment: Enrollment) -> datetime | None:
    """The final project's deadline for a course step (registered with the courses app's deadline sources)."""
    project = FinalProject.objects.filter(step=step).first()
    return project_deadline_base(project, enrollment.cohort_id) if project else None


def _check_deliverables(project: FinalProject, *, repository_url, demo_url, writeup, files) -> None:
    if project.require_repository and not repository_url:
        raise ServiceError(_("Give the link to your repository."), field="repository_url")
    if project.require_demo and not demo_url:
        raise ServiceError(_("Give the link to your demo."), field="demo_url")
    if project.require_writeup and not writeup:
        raise ServiceError(_("Write what you did and how."), field="writeup")
    if project.require_files and not files:
        raise ServiceError(_("Attach your files."), field="files")
    if not (repository_url or demo_url or writeup or files):
        raise ServiceError(_("Hand in a link, a write-up or files."), field="writeup")
    if len(writeup) > MAX_WRITEUP:
        raise ServiceError(_("The write-up is too long: at most %(count)d characters.") % {"count": MAX_WRITEUP},
                           field="writeup")  # fmt: skip
    if len(files) > settings.PROJECT_MAX_FILES:
        raise ServiceError(
            _("At most %(count)d files in one version.") % {"count": settings.PROJECT_MAX_FILES}, field="files"
        )


def _lock_work(actor, project: FinalProject) -> ProjectWork:
    enrollment = Enrollment.objects.filter(
        user=actor, course_id=project.course_id, status__in=LEARNING_STATUSES
    ).first()
    if enrollment is None:
        raise ServiceError(_("Enroll in the course to hand in its project."), code="not_enrolled")
    # A teammate hands in the team's work; everyone else their own.
    team_work = ProjectWork.objects.filter(project=project, teammates=actor).values_list("pk", flat=True).first()
    if team_work is None:
        work, _created = ProjectWork.objects.get_or_create(
            project=project, user=actor, defaults={"enrollment": enrollment}
        )
        team_work = work.pk
    return ProjectWork.objects.select_for_update(of=("self",)).select_related("enrollment").get(pk=team_work)


@transaction.atomic
def work_submit(
    *,
    actor,
    project: FinalProject,
    repository_url: str = "",
    demo_url: str = "",
    writeup: str = "",
    files: list | tuple = (),
    title: str = "",
    summary: str = "",
) -> Version:
    """Hand in a version: every version is kept; a revision is allowed only when a reviewer asked for one.

    Past the deadline the project's policy decides: refuse, accept marked late, or accept with a penalty
    (kept on the version, taken off the combined score). Files are checked before anything is written and a
    failure after storing removes the stored files, so a failed upload leaves no version behind.
    """
    if not getattr(actor, "is_authenticated", False):
        raise NotFound()
    work = _lock_work(actor, project)
    reason = step_lock_reason(project=project, enrollment=work.enrollment)
    if reason:  # the project opens with its course step, so acceptance can complete the step
        raise ServiceError(reason, code="locked")
    if work.status == WorkStatus.SUBMITTED:
        raise ServiceError(_("Your project is in review; you can hand in a new version if a revision is asked for."))
    if work.status in (WorkStatus.ACCEPTED, WorkStatus.NOT_ACCEPTED):
        raise ServiceError(_("Your project has been reviewed for good."))
    repository_url = check_link(repository_url, field="repository_url")
    demo_url = check_link(demo_url, field="demo_url")
    writeup = (writeup or "").strip()
    files = list(files or [])
    _check_deliverables(project, repository_url=repository_url, demo_url=demo_url, writeup=writeup, files=files)
    checked = [(upload, *check_file(upload)) for upload in files]
    now = timezone.now()
    deadline = deadline_for(project, work.enrollment.cohort_id, work.enrollment)
    is_late = deadline is not None and now > deadline
    if is_late and project.late_policy == LatePolicy.REFUSE:
        raise ServiceError(_("The deadline has passed and this project does not accept late work."), code="late")
    penalty = project.late_penalty_percent if is_late and project.late_policy == LatePolicy.PENALTY else 0
    number = work.versions.count() + 1
    stored: list[VersionFile] = []
    try:
        version = Version.objects.create(
            work=work,
            number=number,
            repository_url=repository_url,
            demo_url=demo_url,
            writeup=writeup,
            submitted_at=now,
            is_late=is_late,
            penalty_percent=penalty,
        )
        for upload, storage_name, original, extension in checked:
            row = VersionFile(version=version, original_name=original, size=upload.size, extension=extension)
            row.file.save(storage_name, upload, save=False)
            stored.append(row)
            row.save()
        work.status = WorkStatus.SUBMITTED
        if title.strip():
            work.title = title.strip()[:200]
        if summary.strip():
            work.summary = summary.strip()[:500]
        work.save(update_fields=["status", "title", "summary", "updated_at"])
        record(
            actor=actor,
            verb=events.PROJECT_SUBMITTED,
            obj=work,
            organization_id=project.course.organization_id,
            course_id=project.course_id,
            payload={"work_id": work.pk, "version": number, "is_late": is_late, "resubmission": number > 1},
        )
        peers_assign(project=project, actor=actor)
    except Exception:
        for row in stored:  # nothing half-written: no stored file without its row
            row.file.storage.delete(row.file.name)
        raise
    return version
