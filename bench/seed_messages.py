"""Row generators for messaging: direct conversations with their two seats and messages.

Conversation 1 is the persona's with the public user (the one the chat benchmark and the conversation page use:
`conversation_open_direct` finds it by its pair key); the persona has a number of other conversations that grows
with the size (its inbox), and the rest are between pairs of learners. Every participant has read all but the
last three messages of each conversation.
"""

from __future__ import annotations

from collections.abc import Iterator

from bench.seed_rows import DAY, Plan

UNREAD = 3
LINES = ["Привет! Как продвигается проект?", "Посмотрел твой код, есть пара замечаний.", "Спасибо, поправлю вечером.",
         "Созвонимся завтра?", "Да, давай в 19:00."]  # fmt: skip


def persona_conversations(plan: Plan) -> int:
    """The persona's conversations besides conversation 1: grows with the size (3 at tiny, 40 at large)."""
    return max(3, min(40, plan.size.conversations // 10))


def _pairs(plan: Plan) -> list[tuple[int, int]]:
    """(low user, high user) of each conversation; index 0 is conversation 1."""
    pairs = [(1, 2)] + [(1, 4 + index) for index in range(persona_conversations(plan))]
    user_id = plan.staff_count + 1
    while len(pairs) < plan.size.conversations and user_id + 1 <= plan.size.users:
        pairs.append((user_id, user_id + 1))
        user_id += 2
    return pairs


def _message_counts(plan: Plan) -> list[int]:
    pairs = _pairs(plan)
    first = max(40, min(2000, plan.size.messages // 50))
    rest = max(UNREAD + 1, (plan.size.messages - first) // max(len(pairs) - 1, 1))
    return [first] + [rest] * (len(pairs) - 1)


def _spans(plan: Plan) -> Iterator[tuple[int, tuple[int, int], int, int]]:
    """(conversation id, pair, first message id, message count)."""
    next_id = 1
    for index, (pair, count) in enumerate(zip(_pairs(plan), _message_counts(plan), strict=True)):
        yield index + 1, pair, next_id, count
        next_id += count


def _sent_ago(index: int, count: int, conversation_id: int) -> float:
    """Seconds ago message `index` of `count` was sent: a minute apart, the newest conversations first."""
    return (conversation_id % 30) * DAY / 4 + (count - index) * 60


def conversations(plan: Plan) -> Iterator[tuple]:
    """messaging_conversation: id, kind, title, context_key, pair_key, cohort, course, organization, is_closed,
    created_at, last_message_at."""
    for conversation_id, (low, high), _first, count in _spans(plan):
        created = plan.ago(_sent_ago(0, count, conversation_id) + 60)
        last = plan.ago(_sent_ago(count - 1, count, conversation_id))
        yield (conversation_id, "direct", "", "", f"{low}:{high}", None, None, None, 1, created, last)


def participants(plan: Plan) -> Iterator[tuple]:
    """messaging_participant: id, conversation, user, last_read_id, digested_id, joined_at, left_at."""
    row_id = 0
    for conversation_id, pair, first, count in _spans(plan):
        read = first + count - 1 - UNREAD
        joined = plan.ago(_sent_ago(0, count, conversation_id) + 60)
        for user_id in pair:
            row_id += 1
            yield (row_id, conversation_id, user_id, read, read, joined, None)


def messages(plan: Plan) -> Iterator[tuple]:
    """messaging_message: id, conversation, author, body, reply_to, created_at, edited_at, deleted_at, hidden_at."""
    for conversation_id, pair, first, count in _spans(plan):
        for index in range(count):
            yield (first + index, conversation_id, pair[index % 2], LINES[index % len(LINES)], None,
                   plan.ago(_sent_ago(index, count, conversation_id)), None, None, None)  # fmt: skip
