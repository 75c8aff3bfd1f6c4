"""Tropa: one platform from learning to a job."""
