"""Forms of the certificates pages. They validate input; services write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.courses.services.certificates import REVOKE_REASON_MAX_LENGTH


class CertificateRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=REVOKE_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the public verification page together with the date. Revoking cannot be undone."),
    )
