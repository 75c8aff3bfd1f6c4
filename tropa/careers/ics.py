"""An interview as an iCalendar file (RFC 5545) for the candidate and the company's team.

Careers keeps its own small writer rather than moving mentorship's: the two events differ in every field but the
escaping, and sharing would couple two apps for twenty lines.
"""

from __future__ import annotations

from datetime import UTC, timedelta

from django.conf import settings
from django.utils import timezone


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _stamp(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def interview_calendar(interview) -> str:
    application = interview.application
    opportunity = application.opportunity
    end = interview.starts_at + timedelta(minutes=interview.minutes)
    summary = f"Tropa: {opportunity.organization.name} / {opportunity.title}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Tropa//Careers//EN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:interview-{interview.pk}@tropa",
        f"DTSTAMP:{_stamp(timezone.now())}",
        f"DTSTART:{_stamp(interview.starts_at)}",
        f"DTEND:{_stamp(end)}",
        f"SUMMARY:{_escape(summary)}",
        f"LOCATION:{_escape(interview.location)}",
        f"URL:{settings.SITE_URL}/careers/applications/{application.pk}/",
        "BEGIN:VALARM",
        "TRIGGER:-PT1H",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(summary)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"
