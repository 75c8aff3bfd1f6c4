"""Forms of the notifications app. They validate; services write."""

from django import forms

from tropa.notifications import kinds


class EmailPreferencesForm(forms.Form):
    """The preferences table: the kinds whose checkbox is ticked get email."""

    email = forms.MultipleChoiceField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].choices = [(kind.key, kind.label) for kind in kinds.all_kinds()]
