"""API pagination with bounded inputs (`NINJA_PAGINATION_CLASS` names the limit/offset one as the default).

django-ninja's classes accept any page or offset ≥ 0; a page number past 2**63 reaches the database as an
integer it cannot hold (a 500 found by the schema fuzzer). These refuse it with a 422 naming the parameter, and
the schema documents the bound. A page beyond the last one is still an empty page, as before.
"""

from __future__ import annotations

from ninja import Field, Schema
from ninja.conf import settings as ninja_settings
from ninja.pagination import LimitOffsetPagination, PageNumberPagination

MAX_PAGE = 100_000
MAX_OFFSET = 10_000_000
MAX_PAGE_SIZE = 100


class BoundedPageNumberPagination(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(ninja_settings.PAGINATION_PER_PAGE, ge=1, le=MAX_PAGE_SIZE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)
