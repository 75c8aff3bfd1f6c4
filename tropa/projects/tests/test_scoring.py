"""The combining rule of docs/projects.md, as properties: bounds, order, staff weight, outliers, penalty."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tropa.projects.scoring import OUTLIER_POINTS, combine, rubric_score

roles = st.sampled_from(["curator", "expert", "mentor", "peer"])
scores = st.integers(min_value=0, max_value=100)
reviews = st.lists(st.tuples(roles, scores), min_size=1, max_size=8)


@given(reviews)
def test_the_combined_score_lies_between_the_lowest_and_highest_review(items):
    result = combine(items).score
    values = [score for _, score in items]
    assert min(values) - Decimal("0.01") <= result <= max(values) + Decimal("0.01")


@given(reviews, st.randoms())
def test_the_order_of_reviews_does_not_matter(items, random):
    shuffled = list(items)
    random.shuffle(shuffled)
    assert combine(items).score == combine(shuffled).score


@given(st.lists(roles, min_size=1, max_size=8), scores)
def test_agreeing_reviewers_give_their_score(role_list, score):
    assert combine([(role, score) for role in role_list]).score == Decimal(score)


@given(st.sampled_from(["curator", "expert"]), scores, scores)
def test_a_staff_review_outweighs_a_peer_review(staff, staff_score, peer_score):
    result = float(combine([(staff, staff_score), ("peer", peer_score)]).score)
    assert abs(result - staff_score) <= abs(result - peer_score)


@given(scores, st.integers(min_value=0, max_value=100))
def test_an_outlying_peer_is_flagged_and_does_not_count(base, other):
    items = [("curator", base), ("peer", base), ("peer", other)]
    combined = combine(items)
    if abs(other - base) > OUTLIER_POINTS:
        assert combined.outliers == (2,)
        assert combined.score == Decimal(base)
    else:
        assert combined.outliers == ()


def test_an_outlying_staff_review_is_flagged_but_still_counts():
    combined = combine([("peer", 80), ("peer", 82), ("curator", 20)])
    assert combined.outliers == (2,)
    assert combined.score == Decimal("44.40")  # (80 + 82 + 3 * 20) / 5


@given(reviews, st.integers(min_value=0, max_value=100))
def test_a_late_penalty_comes_off_last(items, penalty):
    plain = combine(items).score
    assert combine(items, penalty_percent=penalty).score == (plain * (100 - penalty) / 100).quantize(
        Decimal("0.01")
    ) or abs(combine(items, penalty_percent=penalty).score - plain * (100 - penalty) / 100) <= Decimal("0.01")


def test_no_reviews_no_score():
    assert combine([]).score is None


@given(st.lists(st.tuples(st.integers(1, 10), st.integers(0, 5), st.integers(1, 5)), min_size=1, max_size=6))
def test_a_rubric_score_is_between_0_and_100(rows):
    assert Decimal(0) <= rubric_score(rows) <= Decimal(100)


def test_the_rubric_is_weighted():
    # Code (weight 3) at the top, write-up (weight 1) at the bottom: 75.
    assert rubric_score([(3, 3, 3), (1, 0, 3)]) == Decimal("75.00")
