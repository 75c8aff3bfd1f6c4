"""The CV as an A4 PDF (fpdf2 with the DejaVu fonts the certificates vendor, so Cyrillic prints everywhere).

Headings and dates come out in the language active while drawing (the view wraps the call in
`translation.override`); what the owner and the schools wrote (titles, summaries) prints as written.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos

from tropa.assistant.cv_document import CVDocument
from tropa.courses.pdf import BRAND, FONT, FONT_DIR, INK, MUTED

MARGIN = 18
WIDTH = 210 - 2 * MARGIN


def _date(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATE_FORMAT") if value else ""


class _CVPDF(FPDF):
    def __init__(self):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))

    def para(self, value: str, *, size: float = 10, bold: bool = False, color=INK, gap: float = 0.6,
             wrap: WrapMode = WrapMode.WORD) -> None:  # fmt: skip
        if not value:
            return
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*color)
        self.set_x(MARGIN)
        self.multi_cell(WIDTH, size * 0.48, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=wrap)
        self.ln(gap)

    def heading(self, value: str) -> None:
        if self.get_y() > self.h - MARGIN - 25:
            self.add_page()
        self.ln(3)
        self.para(value.upper(), size=11, bold=True, color=BRAND, gap=0.8)
        self.set_draw_color(*BRAND)
        self.set_line_width(0.3)
        self.line(MARGIN, self.get_y(), MARGIN + WIDTH, self.get_y())
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7)
        self.set_text_color(*MUTED)
        self.cell(WIDTH, 4, f"{self.page_no()}", align="R")


def cv_pdf(document: CVDocument, *, compress: bool = True) -> bytes:
    """The CV in the active language. `compress=False` leaves the text readable (tests look for it)."""
    edits = document.edits
    pdf = _CVPDF()
    pdf.set_compression(compress)
    pdf.set_title(_("CV of %(name)s") % {"name": document.name})
    pdf.set_author(document.name)
    pdf.set_creator("Tropa")
    pdf.set_lang(get_language() or "ru")
    pdf.add_page()

    pdf.para(document.name, size=20, bold=True, gap=1)
    pdf.para(edits.headline, size=12, color=BRAND, gap=1)
    contacts = [value for value in (edits.email, edits.phone, edits.location) if value]
    pdf.para(" · ".join(contacts), size=9, color=MUTED)
    for link in edits.link_list:
        pdf.para(link, size=9, color=MUTED, gap=0.2, wrap=WrapMode.CHAR)

    if edits.summary:
        pdf.heading(_("Summary"))
        pdf.para(edits.summary, size=10)
    if document.skills:
        pdf.heading(_("Skills evidenced by projects"))
        pdf.para(", ".join(skill.name for skill in document.skills), size=10)
    if document.projects:
        pdf.heading(_("Projects"))
        for work in document.projects:
            title = work.title or work.project.title
            if work.quality_score is not None:
                title += "  —  " + _("quality %(score)s/100") % {"score": f"{work.quality_score:.0f}"}
            pdf.para(title, size=10.5, bold=True, gap=0.3)
            where = [work.project.course.title, work.project.course.organization.name, _date(work.accepted_at)]
            pdf.para(" · ".join(part for part in where if part), size=8.5, color=MUTED, gap=0.3)
            pdf.para(work.summary, size=9.5, gap=0.3)
            if work.skills:
                pdf.para(_("Skills") + ": " + ", ".join(skill.name for skill in work.skills), size=9, gap=0.3)
            link = (work.latest.demo_url or work.latest.repository_url) if work.latest else ""
            pdf.para(link, size=8.5, color=MUTED, gap=0.3, wrap=WrapMode.CHAR)
            pdf.ln(1.5)
    if document.experience:
        pdf.heading(_("Experience"))
        for entry in document.experience:
            pdf.para(entry.title, size=10.5, bold=True, gap=0.3)
            pdf.para(entry.details, size=9.5)
            pdf.ln(1)
    if document.education or document.courses:
        pdf.heading(_("Education"))
        for entry in document.education:
            pdf.para(entry.title, size=10.5, bold=True, gap=0.3)
            pdf.para(entry.details, size=9.5)
            pdf.ln(1)
        for enrollment in document.courses:
            pdf.para(enrollment.course.title, size=10, bold=True, gap=0.3)
            pdf.para(
                " · ".join([enrollment.course.organization.name, _("finished %(date)s") % {
                    "date": _date(enrollment.completed_at)}]),
                size=8.5, color=MUTED,
            )  # fmt: skip
    if document.certificates:
        pdf.heading(_("Certificates"))
        for row in document.certificates:
            certificate = row["certificate"]
            pdf.para(certificate.course_title, size=10, bold=True, gap=0.3)
            pdf.para(
                " · ".join([certificate.organization_name, _date(certificate.issued_at), certificate.code]),
                size=8.5, color=MUTED, gap=0.2,
            )  # fmt: skip
            pdf.para(row["verify_url"], size=8, color=MUTED, wrap=WrapMode.CHAR)
    pdf.ln(4)
    portfolio = settings.SITE_URL.rstrip("/") + reverse("projects:portfolio", args=[document.owner.pk])
    pdf.para(_("Courses, certificates and projects in this CV are verified on Tropa: %(url)s") % {"url": portfolio},
             size=7.5, color=MUTED, wrap=WrapMode.CHAR)  # fmt: skip
    return bytes(pdf.output())
