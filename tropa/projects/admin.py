"""Admin of the projects app."""
