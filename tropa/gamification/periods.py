"""Period keys of the leaderboards, in the site's time zone: "2026-W48" (ISO week), "2026-11" and "all"."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

ALL = "all"


def local_day(moment: datetime | None = None) -> date:
    return timezone.localdate(moment or timezone.now())


def week_key(day: date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_key(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def keys_for(day: date) -> dict[str, str]:
    return {"week": week_key(day), "month": month_key(day), "all": ALL}
