"""Template filters for a step's video: `{{ step.video_url|video_embed }}`, `{{ step.video_file.name|video_type }}`."""

from django import template

from tropa.courses.video import VIDEO_TYPES, embed_url

register = template.Library()


@register.filter
def video_embed(url: str) -> str:
    """The player address of an allowed link, "" for anything else (a link saved before the allow-list changed)."""
    return embed_url(url or "") or ""


@register.filter
def video_type(name: str) -> str:
    """The content type of an uploaded video from its name, for <source type="...">."""
    name = (name or "").lower()
    return next((kind for ext, kind in VIDEO_TYPES.items() if name.endswith(ext)), "video/mp4")
