"""The courses API for the mobile client: the learner's routers under /api/v1/courses, the public catalogue beside.

The catalogue's own paths are /courses and /courses/{slug}; it is mounted after the learner's routers so that
/courses/my and /courses/steps/... are matched before /courses/{slug}.
"""

from ninja import Router

from tropa.courses.api import catalogue, learning, player

router = Router()
router.add_router("", learning.router)
router.add_router("", player.router)

catalogue_router = catalogue.router
