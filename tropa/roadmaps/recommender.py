"""The recommender's arithmetic, shared by the live pages and the offline evaluation. Pure, no database.

Content: a course scores by the level-points of the learner's gaps it teaches. Collaborative: item-item
co-occurrence of completions ("learners who finished X also finished Y"), cosine-normalized so that popular
courses do not win everything. Hybrid: both, each scaled to [0, 1], blended.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

CONTENT_WEIGHT = 0.4  # docs/roadmaps.md: offline, more weight on co-occurrence ranked better


@dataclass(frozen=True)
class CoOccurrence:
    pairs: dict[int, Counter]  # item -> Counter(other item -> learners who finished both)
    counts: Counter  # item -> learners who finished it


def cooccurrence(histories: Iterable[Iterable[int]]) -> CoOccurrence:
    pairs: dict[int, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    for history in histories:
        items = set(history)
        counts.update(items)
        for item in items:
            pairs[item].update(other for other in items if other != item)
    return CoOccurrence(pairs=dict(pairs), counts=counts)


def collaborative_scores(
    history: Iterable[int], model: CoOccurrence, own: frozenset[int] = frozenset()
) -> dict[int, tuple[float, int]]:
    """{candidate: (score, the finished item that contributed most)} for items not in `history`.

    `own`: the learner's complete set of items, when `model` was counted with them (offline evaluation); their
    own contribution is taken out, so that the held-back item is found only through other learners.
    """
    history = set(history)
    scores: dict[int, float] = defaultdict(float)
    because: dict[int, tuple[float, int]] = {}
    for item in history:
        for other, together in model.pairs.get(item, {}).items():
            if other in history:
                continue
            mine = 1 if item in own and other in own else 0
            count_item = model.counts[item] - (item in own)
            count_other = model.counts[other] - (other in own)
            if together - mine <= 0 or count_item <= 0 or count_other <= 0:
                continue
            part = (together - mine) / math.sqrt(count_item * count_other)
            scores[other] += part
            if part > because.get(other, (0.0, 0))[0]:
                because[other] = (part, item)
    return {other: (score, because[other][1]) for other, score in scores.items()}


def content_scores(
    gap: dict[int, int], item_skills: dict[int, Iterable[int]], exclude: Iterable[int] = ()
) -> dict[int, tuple[float, list[int]]]:
    """{item: (level-points of `gap` it teaches, those skills)} for items teaching at least one gap skill."""
    exclude = set(exclude)
    scores = {}
    for item, skills in item_skills.items():
        if item in exclude:
            continue
        matched = sorted((skill for skill in set(skills) if skill in gap), key=lambda skill: -gap[skill])
        if matched:
            scores[item] = (float(sum(gap[skill] for skill in matched)), matched)
    return scores


def _scaled(scores: dict[int, float]) -> dict[int, float]:
    top = max(scores.values(), default=0.0)
    return {item: score / top for item, score in scores.items()} if top else {}


def blend(content: dict[int, float], collaborative: dict[int, float]) -> dict[int, float]:
    content, collaborative = _scaled(content), _scaled(collaborative)
    return {
        item: CONTENT_WEIGHT * content.get(item, 0.0) + (1 - CONTENT_WEIGHT) * collaborative.get(item, 0.0)
        for item in set(content) | set(collaborative)
    }


def top(scores: dict[int, float], k: int, tiebreak: dict[int, float] | None = None) -> list[int]:
    tiebreak = tiebreak or {}
    return [item for item, _s in sorted(scores.items(), key=lambda p: (-p[1], -tiebreak.get(p[0], 0), p[0]))[:k]]


# Offline evaluation: leave the last completion of each learner out, recommend from the rest.


def hit_rate_and_ndcg(ranked: list[list[int]], held_out: list[int], k: int) -> tuple[float, float]:
    """Mean hit rate@k and NDCG@k with one relevant item per learner (ideal DCG = 1)."""
    if not held_out:
        return 0.0, 0.0
    hits, gain = 0, 0.0
    for items, target in zip(ranked, held_out, strict=True):
        items = items[:k]
        if target in items:
            hits += 1
            gain += 1 / math.log2(items.index(target) + 2)
    return hits / len(held_out), gain / len(held_out)


Recommender = Callable[[list[int], CoOccurrence, frozenset], dict[int, float]]


def leave_last_out(histories: dict[object, list[int]]) -> tuple[dict[object, list[int]], dict[object, int]]:
    """Split ordered histories: every learner with at least two items keeps all but the last as history."""
    train, held = {}, {}
    for learner, items in histories.items():
        if len(items) >= 2:
            train[learner], held[learner] = items[:-1], items[-1]
    return train, held


def evaluate(histories: dict[object, list[int]], methods: dict[str, Recommender], ks=(5, 10)) -> dict[str, dict]:
    """{method: {"hit@5": ..., "ndcg@5": ..., ...}} on the held-back last completion of each learner.

    The co-occurrence model is counted once on everything; each learner's own items are taken out of it when
    they are scored (leave-one-learner-out), which is exact and avoids one model per learner.
    """
    train, held = leave_last_out(histories)
    model = cooccurrence(histories.values())
    learners = sorted(held, key=str)
    results = {}
    for name, recommend in methods.items():
        ranked = []
        for learner in learners:
            history, own = train[learner], frozenset(histories[learner])
            scores = {item: s for item, s in recommend(history, model, own).items() if item not in set(history)}
            ranked.append(top(scores, max(ks)))
        row = {"learners": len(learners)}
        for k in ks:
            hit, ndcg = hit_rate_and_ndcg(ranked, [held[learner] for learner in learners], k)
            row[f"hit@{k}"], row[f"ndcg@{k}"] = round(hit, 4), round(ndcg, 4)
        results[name] = row
    return results


def _popularity(model: CoOccurrence, own: frozenset) -> dict[int, float]:
    return {item: float(count - (item in own)) for item, count in model.counts.items() if count - (item in own) > 0}


def popularity(history: list[int], model: CoOccurrence, own: frozenset = frozenset()) -> dict[int, float]:
    return _popularity(model, own)


def with_fallback(scores: dict[int, float], model: CoOccurrence, own: frozenset) -> dict[int, float]:
    """Fill the ranks a signal leaves empty with the most finished courses (a tiny weight: ties only)."""
    filled = _scaled(_popularity(model, own))
    return {item: scores.get(item, 0.0) + 1e-3 * filled.get(item, 0.0) for item in set(scores) | set(filled)}


def item_item(history: list[int], model: CoOccurrence, own: frozenset = frozenset()) -> dict[int, float]:
    scores = {item: score for item, (score, _because) in collaborative_scores(history, model, own).items()}
    return with_fallback(_scaled(scores), model, own)


def content_for(item_skills: dict[int, set[int]]) -> Recommender:
    """Content-only: the skills of what the learner finished stand in for their interests (no gaps offline)."""

    def recommend(history: list[int], model: CoOccurrence, own: frozenset = frozenset()) -> dict[int, float]:
        interest: Counter = Counter()
        for item in history:
            interest.update(item_skills.get(item, ()))
        scores = {item: score for item, (score, _skills) in content_scores(dict(interest), item_skills).items()}
        return with_fallback(_scaled(scores), model, own)

    return recommend


def hybrid_for(item_skills: dict[int, set[int]]) -> Recommender:

    def recommend(history: list[int], model: CoOccurrence, own: frozenset = frozenset()) -> dict[int, float]:
        collaborative = {item: s for item, (s, _b) in collaborative_scores(history, model, own).items()}
        interest: Counter = Counter()
        for item in history:
            interest.update(item_skills.get(item, ()))
        by_skill = {item: s for item, (s, _k) in content_scores(dict(interest), item_skills).items()}
        return with_fallback(blend(by_skill, collaborative), model, own)

    return recommend
