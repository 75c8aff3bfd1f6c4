"""Selectors other apps use: who manages an organization, who may confirm for a child."""

import pytest

from tropa.organizations import services
from tropa.organizations.models import Role
from tropa.organizations.selectors import guardian_link_confirmer_user_ids, manager_user_ids

pytestmark = pytest.mark.django_db


def test_manager_user_ids_are_owners_and_admins(school, alice, bob, make_user, add_member):
    add_member(school, bob, Role.ADMIN)
    add_member(school, make_user(), Role.CURATOR)
    assert manager_user_ids(organization_id=school.pk) == sorted([alice.pk, bob.pk])


def test_confirmers_are_confirming_staff_of_the_childs_schools(school, alice, bob, make_user, add_member):
    kid = make_user()
    add_member(school, kid, Role.LEARNER)
    curator, support, author = make_user(), make_user(), make_user()
    add_member(school, curator, Role.CURATOR)
    add_member(school, support, Role.SUPPORT)
    add_member(school, author, Role.AUTHOR)
    other = services.organization_create(actor=bob, name="Other", kind="school")
    assert sorted(guardian_link_confirmer_user_ids(child_id=kid.pk)) == sorted([alice.pk, curator.pk, support.pk])
    assert bob.pk not in guardian_link_confirmer_user_ids(child_id=kid.pk)
    assert guardian_link_confirmer_user_ids(child_id=bob.pk) == []
    assert other.pk
