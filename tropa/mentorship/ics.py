"""A mentoring session as an iCalendar file (RFC 5545), for any calendar application."""

from __future__ import annotations

from datetime import UTC, timedelta

from django.conf import settings
from django.utils import timezone


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _stamp(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def session_calendar(session) -> str:
    request = session.request
    end = session.starts_at + timedelta(minutes=session.minutes)
    summary = f"Tropa: {request.mentor.user.display_name} / {request.mentee.display_name}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Tropa//Mentorship//EN",
        "BEGIN:VEVENT",
        f"UID:mentoring-session-{session.pk}@tropa",
        f"DTSTAMP:{_stamp(timezone.now())}",
        f"DTSTART:{_stamp(session.starts_at)}",
        f"DTEND:{_stamp(end)}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(request.goal)}",
        f"URL:{settings.SITE_URL}/mentors/my/",
        "BEGIN:VALARM",
        "TRIGGER:-PT30M",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(summary)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"
