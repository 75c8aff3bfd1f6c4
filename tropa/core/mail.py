"""Render an email from templates and queue it after the current transaction commits."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def queue_email(*, to: str | list[str], template: str, context: dict, language: str | None = None) -> None:
    """Render `<template>_subject.txt`, `_message.txt` and (when present) `_message.html`, then queue them.

    Rendering happens now, in the recipient's language; sending happens on commit, so a rolled-back
    service never mails anyone.
    """
    from django.template import TemplateDoesNotExist

    from tropa.core.tasks import send_email_task

    recipients = [to] if isinstance(to, str) else list(to)
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_message.txt", context)
        try:
            html = render_to_string(f"{template}_message.html", context)
        except TemplateDoesNotExist:
            html = None
    transaction.on_commit(lambda: send_email_task(to=recipients, subject=subject, body=body, html=html))
