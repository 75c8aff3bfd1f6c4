"""Tropa's performance harness: seed data at size, serve it like production, measure pages and jobs."""
