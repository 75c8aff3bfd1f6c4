"""Organization addresses: transliterated, readable, unique and never a page name."""

import pytest

from tropa.core.text import transliterate
from tropa.organizations import services
from tropa.organizations.slugs import base_slug


def test_cyrillic_names_are_transliterated():
    assert transliterate("Щука и Ёж") == "Shchuka i Ezh"
    assert base_slug("Центр «Юный программист»") == "tsentr-yunyy-programmist"


def test_names_without_letters_get_a_fallback_slug():
    assert base_slug("!!!") == "org"


def test_reserved_page_names_are_not_used_as_slugs():
    assert base_slug("New") == "new-org"
    assert base_slug("Family") == "family-org"


@pytest.mark.django_db
def test_same_name_gets_a_numbered_slug(alice):
    first = services.organization_create(actor=alice, name="Acme", kind="company")
    second = services.organization_create(actor=alice, name="ACME", kind="company")
    third = services.organization_create(actor=alice, name="acme!", kind="company")
    assert [first.slug, second.slug, third.slug] == ["acme", "acme-2", "acme-3"]
