"""Core: shared base models, helpers and the site shell; imports no domain app."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tropa.core"
    label = "core"
