"""Admin of the mentorship app."""
