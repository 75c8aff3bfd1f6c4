"""Badges: the catalogue (criteria, names and descriptions in both languages, images) and the Open Badges export."""
