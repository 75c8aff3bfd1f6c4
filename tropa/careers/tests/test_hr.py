"""The HR cabinet: talent search (opt-in adults only), candidate cards, shortlists and notes kept within a company."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tropa.careers.models import CandidateNote, CandidateProfile, Shortlist
from tropa.careers.selectors.candidates import TalentFilters, recommended_for, talent_list
from tropa.careers.services.candidates import (
    candidate_note_add,
    candidate_profile_save,
    shortlist_add,
    shortlist_create,
)
from tropa.careers.tests.conftest import accept_work
from tropa.core.exceptions import ServiceError

pytestmark = pytest.mark.django_db


def _found(response) -> set[int]:
    return {candidate.user_id for candidate in response.context["page"].object_list}


def test_only_opted_in_adults_appear_in_search(world, client_for):
    found = _found(client_for(world.p.hr).get(reverse("careers:hr_search", args=["lab"])))
    assert found == {world.p.visible.pk}
    assert world.p.hidden.pk not in found  # did not opt in
    assert world.p.minor.pk not in found  # a minor, even with a visible row


def test_a_minor_cannot_opt_in(world):
    with pytest.raises(ServiceError) as error:
        candidate_profile_save(actor=world.p.minor, is_visible=True, availability="now")
    assert error.value.field == "is_visible"


def test_opting_in_on_the_page(world, client_for):
    client = client_for(world.p.hidden)
    response = client.post(reverse("careers:candidate_settings"), {"is_visible": "on", "availability": "soon"})
    assert response.status_code == 302
    assert CandidateProfile.objects.get(user=world.p.hidden).is_visible
    assert world.p.hidden.pk in _found(client_for(world.p.hr).get(reverse("careers:hr_search", args=["lab"])))


def test_search_filters_by_evidence(world):
    assert {c.user_id for c in talent_list(filters=TalentFilters(skill="python", min_score=90))} == {world.p.visible.pk}
    assert not talent_list(filters=TalentFilters(min_score=95)).exists()
    assert not talent_list(filters=TalentFilters(skill="sql")).exists()
    assert {c.user_id for c in talent_list(filters=TalentFilters(course=world.course.pk, city="Москва"))} == {
        world.p.visible.pk
    }


def test_an_unverified_company_and_outsiders_cannot_search(world, client_for):
    assert client_for(world.p.shady_hr).get(reverse("careers:hr_search", args=["shady"])).status_code == 404
    assert client_for(world.p.outsider).get(reverse("careers:hr_search", args=["lab"])).status_code == 404
    assert client_for(world.p.rival_hr).get(reverse("careers:hr_search", args=["lab"])).status_code == 404


def test_hidden_and_minor_candidate_cards_are_404(world, client_for):
    client = client_for(world.p.hr)
    assert client.get(reverse("careers:hr_candidate", args=["lab", world.p.visible.pk])).status_code == 200
    for person in (world.p.hidden, world.p.minor):
        assert client.get(reverse("careers:hr_candidate", args=["lab", person.pk])).status_code == 404


def test_notes_and_shortlists_stay_within_the_company(world, client_for):
    candidate_note_add(actor=world.p.hr, organization=world.company, candidate=world.p.visible, body="Сильная")
    shortlist = shortlist_create(actor=world.p.hr, organization=world.company, name="Аналитики")
    shortlist_add(actor=world.p.hr, shortlist=shortlist, candidate=world.p.visible)
    owner_page = client_for(world.p.owner).get(reverse("careers:hr_candidate", args=["lab", world.p.visible.pk]))
    assert [n.body for n in owner_page.context["notes"]] == ["Сильная"]  # shared with the team
    rival = client_for(world.p.rival_hr)
    card = rival.get(reverse("careers:hr_candidate", args=["rival", world.p.visible.pk]))
    assert card.context["notes"] == [] and card.context["shortlists"] == []
    assert "Сильная".encode() not in card.content
    lists = rival.get(reverse("careers:hr_shortlists", args=["rival"]))
    assert lists.context["shortlists"] == []
    assert rival.get(reverse("careers:hr_shortlists", args=["lab"])).status_code == 404
    response = rival.post(
        reverse("careers:hr_shortlist_add", args=["rival", world.p.visible.pk]), {"shortlist": shortlist.pk}
    )
    assert response.status_code == 302
    assert shortlist.entries.count() == 1  # nothing added through another company's id
    assert rival.post(reverse("careers:hr_note", args=["lab", world.p.visible.pk]), {"body": "x"}).status_code == 404
    assert CandidateNote.objects.count() == 1
    # The candidate never sees the notes either.
    assert "Сильная".encode() not in client_for(world.p.visible).get(reverse("careers:my_applications")).content


def test_a_duplicate_shortlist_name_is_refused(world):
    shortlist_create(actor=world.p.hr, organization=world.company, name="A")
    with pytest.raises(ServiceError) as error:
        shortlist_create(actor=world.p.hr, organization=world.company, name="A")
    assert error.value.field == "name"
    assert Shortlist.objects.count() == 1


def test_recommended_candidates_give_the_reason(world):
    ranked = recommended_for(opportunity=world.opportunity)
    assert [c.user_id for c in ranked] == [world.p.visible.pk]
    assert "Python" in ranked[0].reason and "91" in ranked[0].reason


def test_search_queries_do_not_grow(world, client_for, make_user, django_assert_max_num_queries):
    client = client_for(world.p.hr)
    url = reverse("careers:hr_search", args=["lab"])
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    for n in range(10):
        person = make_user(f"talent{n}@example.com", first_name=f"T{n}")
        accept_work(world.project, person, "88")
        CandidateProfile.objects.create(user=person, is_visible=True)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"].object_list) == 11
