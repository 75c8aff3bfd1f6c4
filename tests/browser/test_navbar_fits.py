"""The signed-in navigation bar fits the viewport at every width, with the longest Russian labels and a long
organization name: nothing of the bar (language switch, user menu) is pushed off screen."""

from __future__ import annotations

import pytest

from tropa.organizations.models import Membership, Organization, OrganizationKind, Role

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [390, 768, 1024, 1199, 1200, 1280, 1366, 1440]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_signed_in_bar_fits_every_width(page, make_user, lang):
    user = make_user(f"curator-{lang}@example.com", first_name="Александра", last_name="Константинопольская")
    school = Organization.objects.create(
        name="Центр дополнительного образования «Юные программисты»", slug=f"cdo-{lang}", kind=OrganizationKind.SCHOOL
    )
    Membership.objects.create(organization=school, user=user, role=Role.CURATOR)
    page.goto("/")
    page.context.add_cookies([{"name": "tropa_language", "value": lang, "url": page.url}])
    page.goto("/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", "correct horse battery")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/**")
    overflowing = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_timeout(100)
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            overflowing.append(width)
        # The switcher or the menu button must be on screen and usable.
        visible = page.locator(".lang-switch").is_visible() or page.locator(".navbar-toggler").is_visible()
        assert visible, width
    assert overflowing == [], f"the page is wider than the viewport at {overflowing} px"
