"""Helpers of the certificates tests: a completed enrollment, and the text of an fpdf2 PDF read back.

Reading the text back needs no PDF library: fpdf2 writes each string as 2-byte glyph codes and
embeds a ToUnicode map per font; decoding the codes through those maps gives the characters a
viewer would copy. If Cyrillic were lost (a core font, a missing glyph) the names would not come back.
"""

from __future__ import annotations

import re
import zlib

from django.utils import timezone

from tropa.courses.models import Enrollment, EnrollmentStatus


def completed_enrollment(*, user, course, cohort=None) -> Enrollment:
    now = timezone.now()
    return Enrollment.objects.create(
        user=user,
        course=course,
        cohort=cohort,
        status=EnrollmentStatus.COMPLETED,
        enrolled_at=now,
        completed_at=now,
        progress_percent=100,
    )


_ESCAPES = {"n": b"\n", "r": b"\r", "t": b"\t", "b": b"\b", "f": b"\f", "(": b"(", ")": b")", "\\": b"\\"}


def _unescape(literal: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(literal):
        char = literal[i : i + 1]
        if char != b"\\":
            out += char
            i += 1
            continue
        following = literal[i + 1 : i + 2].decode("latin-1")
        octal = re.match(rb"[0-7]{1,3}", literal[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(), 8))
            i += 1 + len(octal.group())
        elif following in _ESCAPES:
            out += _ESCAPES[following]
            i += 2
        else:  # a backslash before a newline continues the line
            i += 2
    return bytes(out)


def _to_unicode_maps(data: bytes) -> list[dict[int, str]]:
    maps = []
    for cmap in re.findall(rb"begincmap(.*?)endcmap", data, re.S):
        mapping: dict[int, str] = {}
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
            for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                mapping[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
            for first, last, start in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                for offset in range(int(last, 16) - int(first, 16) + 1):
                    mapping[int(first, 16) + offset] = chr(int(start, 16) + offset)
        maps.append(mapping)
    return maps


def pdf_text(data: bytes) -> str:
    """Every string shown in an uncompressed fpdf2 PDF, one per line, decoded through the fonts' ToUnicode maps.

    A string is decoded with each font's map that knows all its codes (a string belongs to one font).
    """
    maps = _to_unicode_maps(data)
    lines = []
    for literal in re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", data, re.S):
        raw = _unescape(literal)
        codes = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw) - 1, 2)]
        for mapping in maps:
            if codes and all(code in mapping for code in codes):
                lines.append("".join(mapping[code] for code in codes))
    return "\n".join(lines)


def inflated(data: bytes) -> bytes:
    """The PDF's streams, decompressed where they are Flate-encoded (as served), one after another."""
    chunks = []
    # Cut each stream by its /Length: compressed bytes may themselves end in "\r", which a pattern up to
    # "\r?\nendstream" would swallow, leaving a stream that no longer inflates.
    for match in re.finditer(rb"/Length (\d+)\s[^<>]*?>>\s*stream\r?\n", data, re.S):
        start = match.end()
        stream = data[start : start + int(match.group(1))]
        try:
            chunks.append(zlib.decompress(stream))
        except zlib.error:
            chunks.append(stream)
    return b"\n".join(chunks)
