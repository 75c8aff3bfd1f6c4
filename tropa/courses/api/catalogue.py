"""API of the courses app: catalogue."""

from ninja import Router

router = Router(tags=["courses"])
