"""Forms of the messaging app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.messaging.models import ModerationVerb


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": _("Write a message… Markdown and @name work")}),
    )
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)
    attachment = forms.FileField(label=_("Attach a file"), required=False)


class EditForm(forms.Form):
    body = forms.CharField(label=_("Message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("What is wrong with this message?"), max_length=500)


class ModerationForm(forms.Form):
    verb = forms.ChoiceField(label=_("Action"), choices=ModerationVerb.choices)
    minutes = forms.IntegerField(label=_("Mute for (minutes)"), required=False, min_value=1)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
