"""Conversations in real time (direct, HR and candidate, mentoring, cohort groups, course Q&A) and their moderation."""
