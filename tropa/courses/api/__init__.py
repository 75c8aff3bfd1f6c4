"""The courses API for the mobile client, one router per area, mounted at /api/v1/courses."""

from ninja import Router

from tropa.courses.api import catalogue, learning

router = Router()
router.add_router("", learning.router)  # /courses/my, /courses/steps/... before /courses/{slug}
router.add_router("", catalogue.router)
