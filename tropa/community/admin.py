"""Admin of the community app."""
