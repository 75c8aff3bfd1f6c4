"""Template filters for text that users write: `{{ step.body|markdown }}`."""

from django import template

from tropa.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    return render_markdown(text)
