"""API of the courses app: learning."""

from ninja import Router

router = Router(tags=["courses"])
