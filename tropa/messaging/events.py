"""Verbs the messaging app records on the activity spine (payloads carry counts and ids, never message text)."""

MESSAGE_SENT = "message.sent"
# Recorded by the digest task for one recipient: how many unread messages in how many conversations.
MESSAGES_UNREAD = "messages.unread"
MESSAGE_MODERATED = "message.moderated"
