"""Certificate artwork: the PDF (A4 landscape, vendored DejaVu fonts, a QR code to the verification page)
and the same QR as SVG for the page itself.

The fonts are vendored (see fonts/README.md) because a fresh machine may have none, and the core PDF
fonts cannot print Cyrillic. Texts come out in the language active when the PDF is drawn.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import segno
from django.core.cache import cache
from django.utils import formats, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from tropa.courses.models import Certificate

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
BRAND = (31, 111, 92)  # the site's theme colour, #1f6f5c
INK = (33, 37, 41)
MUTED = (108, 117, 125)
RED = (200, 35, 51)
PAGE_WIDTH, PAGE_HEIGHT = 297, 210  # A4 landscape, mm
MARGIN = 24
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
QR_SIZE = 38  # mm: about 1.1 mm a module for a verification address, easy for any phone
PDF_CACHE_SECONDS = 24 * 3600  # drawing takes ~0.25 s of CPU (font subsetting); the result rarely changes
REVOKE_NOTE_LIMIT = 200  # characters of the reason on paper; the verification page shows all of it


def _qr(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


def verification_qr_svg(url: str, *, title: str = "") -> SafeString:
    """The QR code of a verification address as inline SVG (path data only: nothing from users but the URL)."""
    svg = _qr(url).svg_inline(
        scale=4, border=2, dark="#212529", light="#ffffff", omitsize=True, svgclass="certificate-qr", title=title
    )
    svg = svg.replace("<svg ", '<svg role="img" ', 1)  # so that screen readers announce its <title>
    return mark_safe(svg)  # segno escapes the title; the rest is generated geometry


def _date(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATE_FORMAT")


class _CertificatePDF(FPDF):
    def __init__(self):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))

    def centred(self, text: str, *, y: float, size: float, bold: bool = False, color=INK) -> float:
        """One centred line; returns the y under it."""
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*color)
        self.set_xy(MARGIN, y)
        height = size * 0.5
        self.cell(TEXT_WIDTH, height, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return self.get_y()

    def fitted(self, text: str, *, y: float, sizes: tuple[int, ...], bold: bool = True, color=INK) -> float:
        """Centred text at the largest size that fits in two lines (long names and titles shrink); returns the y
        under it."""
        style = "B" if bold else ""
        for size in sizes:
            self.set_font(FONT, style, size)
            lines = self.multi_cell(
                TEXT_WIDTH, size * 0.45, text, align="C", dry_run=True, output=MethodReturnValue.LINES
            )
            if len(lines) <= 2:
                break
        self.set_text_color(*color)
        self.set_xy(MARGIN, y)
        self.multi_cell(TEXT_WIDTH, self.font_size_pt * 0.45, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return self.get_y()

    def frame(self) -> None:
        self.set_draw_color(*BRAND)
        self.set_line_width(1.2)
        self.rect(10, 10, PAGE_WIDTH - 20, PAGE_HEIGHT - 20)
        self.set_line_width(0.3)
        self.rect(13, 13, PAGE_WIDTH - 26, PAGE_HEIGHT - 26)

    def qr(self, url: str, *, x: float, y: float, size: float) -> None:
        """The QR drawn as vector rectangles (one per run of dark modules): sharp at any zoom, no image library."""
        rows = [list(row) for row in _qr(url).matrix_iter(scale=1, border=0)]
        module = size / len(rows)
        self.set_fill_color(255, 255, 255)
        self.rect(x - 2 * module, y - 2 * module, size + 4 * module, size + 4 * module, style="F")
        self.set_fill_color(*INK)
        for r, row in enumerate(rows):
            c = 0
            while c < len(row):
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < len(row) and row[c]:
                    c += 1
                self.rect(x + start * module, y + r * module, (c - start) * module, module, style="F")

    def revoked_stamp(self, certificate: Certificate) -> None:
        word = _("REVOKED")
        with self.local_context(fill_opacity=0.18, text_color=RED):
            self.set_font(FONT, "B", 110)
            width = self.get_string_width(word)
            with self.rotation(angle=25, x=PAGE_WIDTH / 2, y=PAGE_HEIGHT / 2):
                self.set_xy((PAGE_WIDTH - width) / 2, PAGE_HEIGHT / 2 - 20)
                self.cell(width, 40, word)
        self.set_font(FONT, "B", 9)
        self.set_text_color(*RED)
        self.set_xy(MARGIN, 16)
        reason = " ".join(certificate.revoke_reason.split())
        if len(reason) > REVOKE_NOTE_LIMIT:
            reason = reason[: REVOKE_NOTE_LIMIT - 1] + "…"
        note = _("Revoked on %(date)s: %(reason)s") % {"date": _date(certificate.revoked_at), "reason": reason}
        self.multi_cell(TEXT_WIDTH, 4.5, note, align="C")  # two lines at most above the school's name


def certificate_pdf(*, certificate: Certificate, verify_url: str, compress: bool = True) -> bytes:
    """The certificate as a one-page PDF; a revoked one is stamped REVOKED with the date and the reason.

    `compress=False` leaves the content streams readable (tests look for the text in them).
    """
    pdf = _CertificatePDF()
    pdf.set_compression(compress)
    pdf.set_title(_("Certificate %(code)s") % {"code": certificate.code})
    pdf.set_author(certificate.organization_name)
    pdf.set_subject(certificate.course_title)
    pdf.set_creator("Tropa")
    pdf.set_lang(get_language() or "ru")
    pdf.add_page()
    pdf.frame()

    y = pdf.fitted(certificate.organization_name, y=30, sizes=(14, 12, 10, 9), color=BRAND)
    y = pdf.centred(_("Certificate of completion").upper(), y=y + 8, size=26, bold=True)
    y = pdf.centred(_("This certifies that"), y=y + 10, size=12, color=MUTED)
    y = pdf.fitted(certificate.learner_name, y=y + 4, sizes=(30, 26, 22, 18, 15, 12))
    y = pdf.centred(_("has completed the course"), y=y + 4, size=12, color=MUTED)
    pdf.fitted(certificate.course_title, y=y + 4, sizes=(20, 18, 16, 14, 12, 10), color=BRAND)

    qr_x, qr_y = PAGE_WIDTH - MARGIN - QR_SIZE, PAGE_HEIGHT - MARGIN - QR_SIZE - 4
    pdf.qr(verify_url, x=qr_x, y=qr_y, size=QR_SIZE)
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(*MUTED)
    pdf.set_xy(qr_x - 4, qr_y + QR_SIZE + 1)
    pdf.cell(QR_SIZE + 8, 4, _("Scan to verify"), align="C")

    details = [
        (_("Issued on"), _date(certificate.issued_at)),
        (_("Certificate code"), certificate.code),
        (_("Verify at"), verify_url),
    ]
    y = qr_y
    for label, value in details:
        pdf.set_xy(MARGIN, y)
        pdf.set_font(FONT, "", 8)
        pdf.set_text_color(*MUTED)
        pdf.cell(120, 4, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FONT, "B", 11)
        pdf.set_text_color(*INK)
        pdf.multi_cell(qr_x - MARGIN - 10, 5.5, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = pdf.get_y() + 2.5

    if not certificate.is_valid:
        pdf.revoked_stamp(certificate)
    return bytes(pdf.output())


def certificate_pdf_cached(*, certificate: Certificate, verify_url: str) -> bytes:
    """certificate_pdf, kept in the cache per language and revocation state, so repeated downloads cost no CPU."""
    facts = "|".join(
        [
            certificate.code,
            get_language() or "",
            str(certificate.revoked_at or ""),
            certificate.revoke_reason,
            verify_url,
        ]
    )
    key = "courses:certificate-pdf:" + hashlib.sha256(facts.encode()).hexdigest()
    data = cache.get(key)
    if data is None:
        data = certificate_pdf(certificate=certificate, verify_url=verify_url)
        cache.set(key, data, PDF_CACHE_SECONDS)
    return data
