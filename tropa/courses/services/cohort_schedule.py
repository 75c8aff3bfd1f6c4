"""A cohort's rhythm: the schedule of module openings and deadlines, and announcing each opening when it comes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events, permissions
from tropa.courses.models import Cohort, CohortModule, Enrollment, EnrollmentStatus, UnlockRule
from tropa.courses.services.cohorts import cohort_locked

logger = logging.getLogger(__name__)

# Final projects are often due a few weeks after the last lesson; anything later is most likely a typo.
DEADLINE_GRACE_DAYS = 30


@dataclass(frozen=True)
class ScheduleRow:
    """One module's dates in a schedule; both may be empty."""

    module_id: int
    opens_at: datetime | None = None
    deadline: datetime | None = None


def _to_minute(row: ScheduleRow) -> ScheduleRow:
    """A schedule is kept to the minute, as the form shows it: saving an unchanged form changes nothing."""

    def trim(value: datetime | None) -> datetime | None:
        return value.replace(second=0, microsecond=0) if value is not None else None

    return ScheduleRow(module_id=row.module_id, opens_at=trim(row.opens_at), deadline=trim(row.deadline))


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _day_end(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def _check_row(row: ScheduleRow, cohort: Cohort, title: str) -> None:
    start, end = _day_start(cohort.starts_on), _day_end(cohort.ends_on)
    dates = {
        "start": formats.date_format(cohort.starts_on, "DATE_FORMAT"),
        "end": formats.date_format(cohort.ends_on, "DATE_FORMAT"),
        "module": title,
    }
    for value, name in ((row.opens_at, "opens_at"), (row.deadline, "deadline")):
        if value is not None and timezone.is_naive(value):
            raise ServiceError(_("“%(module)s”: the time has no time zone.") % dates, field=f"{name}_{row.module_id}")
    if row.opens_at is not None and not start <= row.opens_at <= end:
        raise ServiceError(
            _("“%(module)s” must open while the cohort runs, between %(start)s and %(end)s.") % dates,
            field=f"opens_at_{row.module_id}",
        )
    if row.deadline is not None:
        if row.opens_at is not None and row.deadline <= row.opens_at:
            raise ServiceError(
                _("The deadline of “%(module)s” must come after it opens.") % dates, field=f"deadline_{row.module_id}"
            )
        latest = _day_end(cohort.ends_on + timedelta(days=DEADLINE_GRACE_DAYS))
        if not start < row.deadline <= latest:
            dates["latest"] = formats.date_format(latest.date(), "DATE_FORMAT")
            raise ServiceError(
                _(
                    "The deadline of “%(module)s” must fall between the start of the cohort (%(start)s) "
                    "and %(latest)s, a month after it ends."
                )
                % dates,
                field=f"deadline_{row.module_id}",
            )


@transaction.atomic
def cohort_schedule_set(*, actor, cohort: Cohort, rows: list[ScheduleRow | dict]) -> list[CohortModule]:
    """Set when each given module opens for the cohort and when its work is due.

    `rows` are ScheduleRow or dicts of the same keys. Modules not in `rows` keep their dates. A row
    with both dates empty clears them (the row itself stays, so an opening already announced is not
    announced twice). Moving an opening into the future makes the task announce it again when the
    new date comes.
    """
    course = cohort.course
    if not permissions.can_manage_cohorts(actor, course):
        raise NotFound()
    cohort = cohort_locked(cohort)
    rows = [_to_minute(ScheduleRow(**row) if isinstance(row, dict) else row) for row in rows]
    modules = {module.pk: module for module in course.modules.all()}
    seen = set()
    for row in rows:
        module = modules.get(row.module_id)
        if module is None or row.module_id in seen:
            raise ServiceError(_("The schedule names a module that is not in this course."), field="schedule")
        seen.add(row.module_id)
        _check_row(row, cohort, module.title)

    existing = {entry.module_id: entry for entry in CohortModule.objects.filter(cohort=cohort, module_id__in=seen)}
    now = timezone.now()
    changed, to_create = [], []
    for row in rows:
        entry = existing.get(row.module_id)
        if entry is None:
            if row.opens_at is None and row.deadline is None:
                continue
            to_create.append(
                CohortModule(cohort=cohort, module_id=row.module_id, opens_at=row.opens_at, deadline=row.deadline)
            )
            continue
        if (entry.opens_at, entry.deadline) == (row.opens_at, row.deadline):
            continue
        fields = ["opens_at", "deadline"]
        if entry.announced_at is not None and row.opens_at is not None and row.opens_at > now:
            entry.announced_at = None  # locked again until the new date
            fields.append("announced_at")
        entry.opens_at, entry.deadline = row.opens_at, row.deadline
        entry.save(update_fields=fields)
        changed.append(entry)
    created = CohortModule.objects.bulk_create(to_create)
    if changed or created:
        record(
            actor=actor,
            verb=events.COHORT_SCHEDULE_CHANGED,
            obj=cohort,
            organization_id=course.organization_id,
            course_id=course.pk,
            payload={"cohort_id": cohort.pk, "module_ids": sorted(e.module_id for e in [*changed, *created])},
        )
    return list(CohortModule.objects.filter(cohort=cohort).select_related("module"))


@transaction.atomic
def _announce(entry_id: int, now: datetime) -> int:
    """Record module.unlocked for each active learner of one opening; the number of events recorded."""
    with transaction.atomic():
        entry = (
            CohortModule.objects.select_for_update(of=("self",))
            .select_related("cohort__course", "module")
            .filter(pk=entry_id, announced_at__isnull=True, opens_at__lte=now)
            .first()
        )
        if entry is None:  # another worker got there first, or the date moved
            return 0
        recorded = 0
        if entry.module.unlock_rule == UnlockRule.ON_DATE:
            course = entry.cohort.course
            learners = Enrollment.objects.filter(cohort_id=entry.cohort_id, status=EnrollmentStatus.ACTIVE)
            for enrollment in learners.select_related("user").order_by("pk").iterator(chunk_size=500):
                record(
                    actor=enrollment.user,
                    verb=events.MODULE_UNLOCKED,
                    obj=entry.module,
                    organization_id=course.organization_id,
                    course_id=course.pk,
                    payload={
                        "module_id": entry.module_id,
                        "reason": "date",
                        "enrollment_id": enrollment.pk,
                        "cohort_id": entry.cohort_id,
                    },
                    occurred_at=entry.opens_at,
                )
                recorded += 1
        entry.announced_at = now
        entry.save(update_fields=["announced_at"])
        return recorded


def cohort_modules_announce_due(*, now: datetime | None = None, batch_size: int = 100) -> int:
    """Announce every scheduled opening whose time has come: module.unlocked once per active learner.

    Each opening is its own transaction, so a failure leaves the others done and this one to retry on
    the next run; announced openings are marked, so running twice records nothing new. The cost is one
    insert per learner (record() runs no bulk path): fine for cohorts of hundreds, a bulk insert is the
    next step for thousands.
    Openings of modules whose rule is not "on a date" are marked without events: they never were locked.
    """
    now = now or timezone.now()
    total = 0
    last_id = 0
    while True:
        batch = list(
            CohortModule.objects.filter(announced_at__isnull=True, opens_at__lte=now, pk__gt=last_id)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not batch:
            return total
        for entry_id in batch:
            total += _announce(entry_id, now)
        last_id = batch[-1]
