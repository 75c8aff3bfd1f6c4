"""The activity spine: every state change that matters becomes an ActivityEvent that consumers subscribe to."""

from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "tropa.activity"
    label = "activity"
