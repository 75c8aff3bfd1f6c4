"""Form helpers shared by every app."""

from django import forms

from tropa.core.exceptions import ServiceError


def apply_service_error(form: forms.Form, error: ServiceError) -> None:
    """Show a service's refusal on the field it names, or on the form as a whole."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
