"""Views of the messaging app: conversations, messages, moderation."""
