"""Every link to a user is accounted for: exported and erased by some app's section, or kept with a reason."""

from __future__ import annotations

from collections import Counter

from django.apps import apps
from django.contrib.auth import get_user_model

from tropa.accounts import data_registry


def user_links() -> set[str]:
    """ "app_label.Model.field" for every foreign key, one-to-one and many-to-many to the user model."""
    user_model = get_user_model()
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.auto_created or not field.is_relation or field.related_model is not user_model:
                continue
            if field.many_to_one or field.one_to_one or field.many_to_many:
                found.add(f"{model._meta.label}.{field.name}")
    return found


def named_links() -> Counter:
    named = Counter()
    for section in data_registry.sections():
        named.update(section.covers)
        named.update(list(section.kept))
    return named


def test_every_link_to_a_user_is_exported_and_erased_or_kept_with_a_reason():
    missing = user_links() - set(named_links())
    assert not missing, (
        "Models linking to a user that no personal_data.py section covers or keeps (add them to the app's "
        f"personal_data.py, see docs/privacy.md): {sorted(missing)}"
    )


def test_no_section_names_a_link_that_does_not_exist():
    assert set(named_links()) - user_links() == set()


def test_each_link_is_named_by_one_section_only():
    assert [link for link, count in named_links().items() if count > 1] == []


def test_every_kept_link_says_why():
    for section in data_registry.sections():
        assert all(reason.strip() for reason in section.kept.values()), section.key


def test_the_coverage_check_would_catch_a_new_model(monkeypatch):
    """A section that forgets a link leaves it missing: the check above can fail."""
    courses = next(section for section in data_registry.sections() if section.key == "courses")
    monkeypatch.setitem(
        data_registry._SECTIONS, "courses", data_registry.Section(**{**courses.__dict__, "covers": frozenset()})
    )
    assert "courses.Enrollment.user" in user_links() - set(named_links())


def test_every_app_holding_personal_data_contributes_a_section():
    keys = {section.key for section in data_registry.sections()}
    assert keys >= {
        "accounts",
        "organizations",
        "notifications",
        "courses",
        "projects",
        "gamification",
        "analytics",
        "careers",
        "messaging",
        "mentorship",
        "community",
        "roadmaps",
        "assistant",
    }
