"""Offline negative-sentiment check for short Russian and English comments: a lexicon of stems and negations.

Good enough to flag a comment for a human to read, not to judge it: it never leaves the server and needs
no model file. A negated positive word ("not useful", "не понятно") counts as negative.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[a-zа-яё]+", re.IGNORECASE)

NEGATIVE_STEMS = (
    # Russian
    "скучн", "непонят", "сложн", "трудн", "бесполез", "ужас", "плох", "отврат", "надоел", "запута", "тоскл",
    "разочаров", "зря", "ошибк", "медлен", "нудн", "кошмар", "слаб", "неинтерес", "устал", "бросит", "брошу",
    "глуп", "туп", "хуж", "жаль", "непонятн", "нелогич", "неудоб", "раздража", "бред",
    # English
    "boring", "bore", "confus", "useless", "terribl", "awful", "bad", "worst", "wors", "hate", "difficult",
    "hard", "unclear", "waste", "slow", "frustrat", "annoy", "disappoint", "pointless", "mess", "broken",
    "poor", "stupid", "tired", "quit", "lost",
)  # fmt: skip
POSITIVE_STEMS = (
    "понятн", "полезн", "интерес", "хорош", "отличн", "класс", "супер", "нрав", "ясн", "удобн", "спасиб",
    "useful", "clear", "great", "good", "interest", "love", "like", "helpful", "excellent", "nice", "thank",
)  # fmt: skip
NEGATIONS = {"не", "нет", "ни", "not", "no", "never", "nothing", "isn", "wasn", "don", "doesn", "didn"}


def _matches(word: str, stems: tuple[str, ...]) -> bool:
    return any(word.startswith(stem) for stem in stems)


def sentiment_score(text: str) -> int:
    """Positive minus negative hits; a positive word right after a negation counts as negative."""
    words = [w.lower() for w in WORD.findall(text or "")]
    score = 0
    for i, word in enumerate(words):
        negated = i > 0 and words[i - 1] in NEGATIONS
        if _matches(word, NEGATIVE_STEMS):
            score += 1 if negated else -1
        elif _matches(word, POSITIVE_STEMS):
            score += -1 if negated else 1
    return score


def is_negative(text: str) -> bool:
    return sentiment_score(text) < 0
