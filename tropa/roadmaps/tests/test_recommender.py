"""The recommender's arithmetic and its offline evaluation."""

import pytest

from tropa.roadmaps import recommender


def test_cooccurrence_counts_learners_who_finished_both():
    model = recommender.cooccurrence([[1, 2], [1, 2, 3], [2, 3]])
    assert model.pairs[1][2] == 2 and model.counts[2] == 3


def test_collaborative_scores_name_the_course_behind_them():
    model = recommender.cooccurrence([[1, 2], [1, 2], [1, 3], [4, 5]])
    scores = recommender.collaborative_scores([1], model)
    assert set(scores) == {2, 3}
    assert scores[2][0] > scores[3][0] and scores[2][1] == 1


def test_a_learners_own_items_are_taken_out_when_evaluating():
    model = recommender.cooccurrence([[1, 2]])
    assert recommender.collaborative_scores([1], model, own=frozenset({1, 2})) == {}


def test_content_scores_weigh_the_size_of_the_gap():
    scores = recommender.content_scores({10: 2, 11: 1}, {1: {10}, 2: {11}, 3: {12}}, exclude=[])
    assert scores[1][0] > scores[2][0] and 3 not in scores


def test_hit_rate_and_ndcg():
    hit, ndcg = recommender.hit_rate_and_ndcg([[5, 6], [7, 8], [1, 2]], [5, 8, 9], k=2)
    assert hit == pytest.approx(2 / 3)
    assert ndcg == pytest.approx((1 + 1 / 1.5849625) / 3, rel=1e-4)


def test_item_item_beats_popularity_when_tracks_exist():
    histories = {n: [1, 2] if n % 2 else [3, 4] for n in range(40)}
    histories.update({100 + n: [5] for n in range(60)})  # a popular course nobody pairs
    results = recommender.evaluate(
        histories, {"popularity": recommender.popularity, "item-item": recommender.item_item}, ks=(1,)
    )
    assert results["item-item"]["hit@1"] == 1.0
    assert results["popularity"]["hit@1"] < 0.5


def test_evaluate_command_says_when_there_is_nothing_to_hold_back(db, capsys):
    from django.core.management import call_command

    call_command("roadmaps_evaluate", "--k", "3")
    assert "no learner with two completions" in capsys.readouterr().out


def test_evaluate_command_reads_a_bundle(tmp_path, capsys):
    from django.core.management import call_command

    rows = ["enrollment_id,learner_id,course_id,enrolled_on,start_on,end_on,outcome,outcome_on"]
    for n in range(6):
        rows.append(f"e{n}a,u{n},A,2024-01-01,2024-01-01,2024-02-01,completed,2024-02-01")
        rows.append(f"e{n}b,u{n},B,2024-03-01,2024-03-01,2024-04-01,completed,2024-04-01")
    (tmp_path / "enrollments.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    call_command("roadmaps_evaluate", "--bundle", str(tmp_path), "--k", "1")
    out = capsys.readouterr().out
    assert "| item-item | 6 | 1.000 | 1.000 |" in out


def test_evaluate_command_refuses_a_bad_cut_off(db):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--k"):
        call_command("roadmaps_evaluate", "--k", "0")
