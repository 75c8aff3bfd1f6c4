"""Markdown from authors renders as HTML, and no payload in it can run script."""

import pytest

from tropa.core.markdown import render_markdown

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<svg/onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives(payload):
    html = render_markdown(payload).lower()
    for dangerous in ("<script", "onerror", "onload", "javascript:", "<iframe", "<svg", "style=", "data:text"):
        assert dangerous not in html


def test_markdown_still_renders_headings_lists_code_and_tables():
    html = render_markdown("## Title\n\n- one\n- two\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<h2>Title</h2>" in html and "<li>one</li>" in html and "<pre><code>code" in html and "<td>1</td>" in html


def test_links_get_rel_noopener():
    html = render_markdown("[site](https://example.org)")
    assert 'href="https://example.org"' in html and "noopener" in html
