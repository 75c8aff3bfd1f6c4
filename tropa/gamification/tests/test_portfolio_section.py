"""Level, XP and badges on the portfolio: shown to others only when public-minded; never for minors."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.accounts.models import Profile
from tropa.gamification.models import BadgeAward, GamerProfile


@pytest.fixture
def player(alice):
    Profile.objects.filter(user=alice).update(visibility="public")
    GamerProfile.objects.create(user=alice, total_xp=420, level=3)
    BadgeAward.objects.create(user=alice, badge="first_step", earned_at=timezone.now())
    return alice


def _page(client, user):
    return client.get(reverse("projects:portfolio", args=[user.pk])).content.decode()


def test_others_see_level_xp_and_badges_on_a_public_portfolio(client, player):
    html = _page(client, player)
    assert "Level, XP and badges" in html
    assert "420 XP" in html
    assert "Level 3" in html


def test_hidden_from_boards_hides_the_section_from_others_but_not_the_owner(client, player):
    GamerProfile.objects.filter(user=player).update(hidden_from_boards=True)
    assert "420 XP" not in _page(client, player)
    client.force_login(player)
    html = _page(client, player)
    assert "420 XP" in html
    assert "only you see this section" in html


def test_a_minor_section_is_never_shown_to_others(client, player, bob):
    type(player).objects.filter(pk=player.pk).update(is_minor=True)
    client.force_login(bob)
    assert "420 XP" not in _page(client, player)


def test_nothing_earned_means_no_section(client, alice):
    Profile.objects.filter(user=alice).update(visibility="public")
    assert "Level, XP and badges" not in _page(client, alice)
