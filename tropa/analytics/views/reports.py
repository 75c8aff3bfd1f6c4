"""Reports: completion and activity per course, cohort or curator over a period; CSV and XLSX downloads."""

from __future__ import annotations

import csv
import io

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tropa.analytics import permissions
from tropa.analytics.selectors import reports as selectors
from tropa.analytics.views.common import organization_or_404

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _choices(request) -> tuple[str, int]:
    group = request.GET.get("group", "course")
    group = group if group in selectors.GROUPS else "course"
    try:
        days = int(request.GET.get("days", 28))
    except ValueError:
        days = 28
    return group, days if days in selectors.PERIODS else 28


@login_required
@require_GET
def report(request, org: str):
    organization = organization_or_404(request, org, permissions.can_view_course_analytics)
    group, days = _choices(request)
    context = {
        "organization": organization,
        "rows": selectors.report_rows(organization=organization, group=group, days=days),
        "group": group,
        "days": days,
        "groups": selectors.GROUPS,
        "periods": selectors.PERIODS,
        "query": f"group={group}&days={days}",
    }
    return render(request, "analytics/reports.html", context)


def _cell(value):
    """A label starting with = + - @ would run as a formula in a spreadsheet: keep it as text."""
    return f"'{value}" if isinstance(value, str) and value[:1] in "=+-@" else value


def _xlsx(table: list[list]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Report"
    for row in table:
        sheet.append([_cell(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv(table: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in table:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode()


@login_required
@require_GET
def report_export(request, org: str, fmt: str):
    organization = organization_or_404(request, org, permissions.can_view_course_analytics)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    group, days = _choices(request)
    table = selectors.report_table(
        selectors.report_rows(organization=organization, group=group, days=days), group=group
    )
    content, content_type = (_csv(table), "text/csv; charset=utf-8") if fmt == "csv" else (_xlsx(table), XLSX)
    response = HttpResponse(content, content_type=content_type)
    name = f"{organization.slug}-{group}-{days}d-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
