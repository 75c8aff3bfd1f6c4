"""The navigation registry: apps add their menu entries in AppConfig.ready(); core knows none of them.

An entry names a URL, a label and a predicate on the request deciding who sees it; the predicate
must not query the database beyond what the request already carries (middleware attaches it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str  # a lazy translation
    url_name: str
    section: str  # "main" (top bar), "user" (the account menu) or "org" (organization menu)
    visible: Callable[[object], bool]
    order: int = 100
    icon: str = ""


_ENTRIES: list[NavEntry] = []


def register(entry: NavEntry) -> None:
    if any(existing.key == entry.key for existing in _ENTRIES):
        return
    _ENTRIES.append(entry)
    _ENTRIES.sort(key=lambda e: (e.section, e.order))


def navigation_for(request) -> dict[str, list[dict]]:
    sections: dict[str, list[dict]] = {"main": [], "user": [], "org": []}
    path = getattr(request, "path", "")
    for entry in _ENTRIES:
        if not entry.visible(request):
            continue
        url = reverse(entry.url_name)
        sections.setdefault(entry.section, []).append(
            {"key": entry.key, "label": entry.label, "url": url, "active": False, "icon": entry.icon}
        )
    # One active entry per section: the one whose URL is the longest prefix of the path, so that
    # /courses/studio/ lights "Teaching" and not also "Courses" at /courses/.
    for items in sections.values():
        matching = [
            item for item in items if path == item["url"] or (item["url"] != "/" and path.startswith(item["url"]))
        ]
        if matching:
            max(matching, key=lambda item: len(item["url"]))["active"] = True
    return sections


def is_authenticated(request) -> bool:
    return request.user.is_authenticated


def is_staff(request) -> bool:
    return request.user.is_authenticated and request.user.is_staff


_NAVBAR_TEMPLATES: list[str] = []


def register_navbar_template(template: str) -> None:
    """A partial rendered in the signed-in navbar (organization switcher, bell); it reads only `request`."""
    if template not in _NAVBAR_TEMPLATES:
        _NAVBAR_TEMPLATES.append(template)


def navbar_templates() -> list[str]:
    return list(_NAVBAR_TEMPLATES)
