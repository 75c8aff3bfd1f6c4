"""Reactions of the courses app to activity events (its own and other apps')."""
