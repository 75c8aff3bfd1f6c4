"""Render a bound field's widget with Bootstrap classes and ARIA links to its help and errors."""

from django import template

register = template.Library()

_SELECTS = {"select", "selectmultiple"}


@register.filter
def bs(field):
    widget = field.field.widget
    input_type = getattr(widget, "input_type", None) or widget.__class__.__name__.lower()
    css = "form-select" if input_type in _SELECTS else "form-control"
    if field.errors:
        css += " is-invalid"
    attrs = {"class": f"{widget.attrs.get('class', '')} {css}".strip()}
    described = []
    if field.help_text:
        described.append(f"{field.id_for_label}_help")
    if field.errors:
        described.append(f"{field.id_for_label}_error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
