"""The forum, feedback on solutions, reputation and trust, moderation, follows, the activity feed and digests."""
