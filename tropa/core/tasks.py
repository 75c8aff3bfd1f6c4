"""Queue-backed email: every outgoing message leaves through Huey so that requests never wait on SMTP."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from huey.contrib.djhuey import db_task


@db_task(retries=3, retry_delay=30)
def send_email_task(
    *, to: list[str], subject: str, body: str, html: str | None = None, from_email: str | None = None
) -> None:
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=from_email, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
