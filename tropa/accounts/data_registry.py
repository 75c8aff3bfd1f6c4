"""The personal-data registry: each app says what it exports and erases about a person, and which links it keeps.

Every app that holds data about a user has a `personal_data.py` that calls `register(...)`. The modules are found
by name (`autodiscover_modules`), so accounts never imports the apps above it. Each link to the user model
("app_label.Model.field") must be named by exactly one section, either in `covers` (exported, then erased or
anonymized) or in `kept` with the reason it stays pointing at the deleted account's tombstone; a test fails for a
link nobody named, so a new model cannot quietly hold personal data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Section:
    key: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None]
    covers: frozenset[str] = frozenset()
    kept: Mapping[str, str] = field(default_factory=dict)
    # Reasons the account cannot be deleted yet (the last owner of an organization), as user-facing sentences.
    blockers: Callable[[Any], list[str]] | None = None
    order: int = 100


_SECTIONS: dict[str, Section] = {}
_discovered = False


def register(
    key: str,
    *,
    export: Callable[[Any], Any],
    erase: Callable[[Any], None],
    covers: Iterable[str] = (),
    kept: Mapping[str, str] | None = None,
    blockers: Callable[[Any], list[str]] | None = None,
    order: int = 100,
) -> Section:
    """Add an app's section; `order` runs erasers from low to high (accounts itself goes last)."""
    section = Section(
        key=key,
        export=export,
        erase=erase,
        covers=frozenset(covers),
        kept=dict(kept or {}),
        blockers=blockers,
        order=order,
    )
    _SECTIONS[key] = section
    return section


def sections() -> list[Section]:
    """Every registered section, in erase order (apps' modules imported on first use)."""
    global _discovered
    if not _discovered:
        autodiscover_modules("personal_data")
        _discovered = True
    return sorted(_SECTIONS.values(), key=lambda section: (section.order, section.key))


def rows(queryset, *fields: str) -> list[dict]:
    """Plain rows for the export: `values()` of the given fields, in the queryset's order."""
    return list(queryset.values(*fields))


class ExportEncoder(DjangoJSONEncoder):
    """Dates, decimals and UUIDs as DjangoJSONEncoder writes them; sets and file names as lists and strings."""

    def default(self, o):
        if isinstance(o, set | frozenset):
            return sorted(o)
        if hasattr(o, "name") and hasattr(o, "storage"):  # a FieldFile
            return o.name or ""
        return super().default(o)
