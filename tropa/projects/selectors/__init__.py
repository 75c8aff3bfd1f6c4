"""Reads of the projects app, scoped to who is asking; other apps (careers) use `quality`."""
