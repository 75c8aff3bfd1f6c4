"""Template tags of the courses app."""
