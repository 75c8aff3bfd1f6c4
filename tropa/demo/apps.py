"""Demo world for `make run`: organizations and users of every role, created through the real services."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "tropa.demo"
    label = "demo"
