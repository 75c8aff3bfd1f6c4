"""Errors raised by services; views turn them into form errors, messages or 4xx responses."""

from __future__ import annotations


class ServiceError(Exception):
    """A request the domain refuses. `field` names the input at fault, when there is one."""

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code


class NotFound(ServiceError):
    """Missing, or not visible to this user: both look the same from outside."""

    def __init__(self, message: str = "Not found", **kwargs):
        super().__init__(message, code="not_found", **kwargs)
