"""Redirect pages' canonical links, made absolute (standards_site/mkdocs/redirect_pages.py)."""

import pytest

from standards_site.mkdocs.redirect_pages import absolute_canonical

SITE = "https://example.org/hmi/"


@pytest.mark.parametrize("href, page_path, expected", [
    # as mkdocs-redirects writes it    the redirect page                   the canonical link
    ("../../2018/1.2/", "standards/current/1.2/index.html", "https://example.org/hmi/standards/2018/1.2/"),
    ("../2018/", "standards/current/index.html", "https://example.org/hmi/standards/2018/"),
    ("../../2021/2.1/#good", "standards/current/1.3/index.html", "https://example.org/hmi/standards/2021/2.1/#good"),
    ("https://other.example/x/", "old/index.html", "https://other.example/x/"),            # external: as it is
    ("../a/?x=1&amp;y=2", "old/index.html", "https://example.org/hmi/a/?x=1&amp;y=2"),     # escaped once, not twice
])
def test_the_canonical_link_is_made_absolute(href, page_path, expected):
    page = f'<head>\n    <link rel="canonical" href="{href}">\n    <meta http-equiv="refresh" content="0; url={href}">'
    assert absolute_canonical(page, page_path, SITE) == (
        f'<head>\n    <link rel="canonical" href="{expected}">\n    <meta http-equiv="refresh" content="0; url={href}">')


def test_a_page_without_the_canonical_link_is_refused():
    with pytest.raises(ValueError, match=r'^no <link rel="canonical" href="..."> as mkdocs-redirects writes it$'):
        absolute_canonical("<head></head>", "old/index.html", SITE)
