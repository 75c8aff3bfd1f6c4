"""Mentor profiles, matching, requests, sessions with notes and feedback, reliability records and AMA sessions."""
