"""Services of the mentorship app: the only place that writes its models (mentoring here, AMA in `ama`)."""

from tropa.mentorship.services.mentoring import (
    consent_set,
    mentor_profile_save,
    request_accept,
    request_create,
    request_decline,
    requests_expire_overdue,
    session_cancel,
    session_close,
    session_feedback,
    session_notes_save,
    session_reminders_record,
    session_schedule,
    slot_add,
)

__all__ = [
    "consent_set",
    "mentor_profile_save",
    "request_accept",
    "request_create",
    "request_decline",
    "requests_expire_overdue",
    "session_cancel",
    "session_close",
    "session_feedback",
    "session_notes_save",
    "session_reminders_record",
    "session_schedule",
    "slot_add",
]
