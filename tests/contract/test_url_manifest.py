"""The URL contract: every URL in the committed manifest is still produced (as a page
or a redirect), and every URL the site produces is in the manifest."""

import json
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import EXAMPLE, ROOT, TWO_EDITIONS, STANDARDS_SITE
from standards_site.site.url_manifest import broken, published_urls, read_manifest, resolve_relative, unlisted, why_unresolved

SITES = {
    # name           manifest file                           built-site fixture
    "real": (ROOT / "url-manifest.txt", "built_site"),
    "two-editions": (TWO_EDITIONS / "url-manifest.txt", "two_editions_site"),
    "example": (EXAMPLE / "url-manifest.txt", "example_site"),
}


@pytest.fixture(params=sorted(SITES))
def site_and_manifest(request):
    manifest, fixture = SITES[request.param]
    return request.getfixturevalue(fixture), read_manifest(manifest)


def test_every_manifest_url_still_resolves(site_and_manifest):
    site, manifest = site_and_manifest
    assert len(manifest) > 30
    assert broken(site, manifest) == {}


def test_every_published_url_is_in_the_manifest(site_and_manifest):
    site, manifest = site_and_manifest
    assert unlisted(site, manifest) == [], "new URLs: run `standards-site urls --update` and commit the manifest"


def test_the_manifest_covers_pages_level_anchors_current_urls_and_data(built_site):
    manifest = set(read_manifest(ROOT / "url-manifest.txt"))
    for expected in ["/standards/2018/1.2/", "/standards/2018/1.2/#requires-improvement",
                     "/standards/current/1.2/", "/api/v1/editions/2018/standards.csv", "/how-to-cite/"]:
        assert expected in manifest


@pytest.mark.parametrize("fixture", ["built_site", "two_editions_site", "example_site"])
def test_every_url_in_the_objects_index_resolves(request, fixture):
    site = request.getfixturevalue(fixture)
    index = json.loads((site / "api" / "v1" / "objects.json").read_text(encoding="utf-8"))
    assert index["targets"]
    for target in index["targets"]:
        url = urlparse(target["url"])
        path = url.path + (f"#{url.fragment}" if url.fragment else "")
        assert why_unresolved(site, path) is None, target["url"]
        for anchor in target["anchors"]:
            assert why_unresolved(site, f"{url.path}#{anchor}") is None, f"{target['url']}#{anchor}"


@pytest.mark.parametrize("fixture", ["built_site", "two_editions_site", "example_site"])
def test_every_url_in_the_data_index_resolves(request, fixture):
    site = request.getfixturevalue(fixture)
    index = json.loads((site / "api" / "v1" / "index.json").read_text(encoding="utf-8"))
    urls = [index["objects"], *index["schemas"].values()]
    urls += [e[key] for e in index["editions"] for key in ("standards_json", "standards_csv", "characteristics_csv")]
    for url in urls:
        assert why_unresolved(site, urlparse(url).path) is None, url


# -- the rules, on a hand-made site --------------------------------------------------------------

def make_site(root: Path, pages: dict[str, str]) -> Path:
    for path, html in pages.items():
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(html, encoding="utf-8")
    return root


REDIRECT = '<meta http-equiv="refresh" content="0; url={}">'


def test_a_removed_page_is_reported_until_a_redirect_replaces_it(tmp_path):
    site = make_site(tmp_path, {"new/index.html": '<input id="good">'})
    assert broken(site, ["/old/", "/old/#good"]) == {"/old/": "no longer produced", "/old/#good": "no longer produced"}
    make_site(tmp_path, {"old/index.html": REDIRECT.format("../new/")})
    assert broken(site, ["/old/", "/old/#good"]) == {}


def test_a_redirect_to_nowhere_or_a_missing_anchor_is_reported(tmp_path):
    site = make_site(tmp_path, {"a/index.html": REDIRECT.format("../gone/"), "b/index.html": "<p>no anchors</p>"})
    assert why_unresolved(site, "/a/") == "redirects to /gone/, which does not exist"
    assert why_unresolved(site, "/b/#good") == "the page exists but has no anchor #good"


def test_published_urls_lists_pages_level_anchors_and_data(tmp_path):
    site = make_site(tmp_path, {
        "index.html": "",
        # the level tabs' radio buttons are the level anchors, whatever the scale; other inputs are not
        "s/index.html": '<input id="other"><div class="levels">\n<div class="tabbed-set tabbed-alternate" '
                        'data-tabs="1:2"><input checked="checked" id="good" name="__tabbed_1" type="radio" />'
                        '<input id="fair" name="__tabbed_1" type="radio" /><div class="tabbed-labels">',
        "api/v1/x.json": "{}",
        "assets/style.css": "",
    })
    assert published_urls(site) == {"/", "/s/", "/s/#good", "/s/#fair", "/api/v1/x.json"}


def test_resolve_relative():
    assert resolve_relative("/standards/current/1.2/", "../../2018/1.2/") == "/standards/2018/1.2/"


def test_the_command_reports_a_url_that_disappeared(tmp_path, two_editions_site):
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
    listed = read_manifest(TWO_EDITIONS / "url-manifest.txt") + ["/standards/2018/9.9/"]
    (tmp_path / "url-manifest.txt").write_text("\n".join(listed) + "\n", encoding="utf-8")
    result = subprocess.run(
        [STANDARDS_SITE, "urls", "--check", "--config", str(tmp_path / "mkdocs.yml"),
         "--site", str(two_editions_site)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "/standards/2018/9.9/: no longer produced" in result.stderr


def test_update_adds_new_urls_and_keeps_old_ones(tmp_path, two_editions_site):
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
    listed = read_manifest(TWO_EDITIONS / "url-manifest.txt")
    (tmp_path / "url-manifest.txt").write_text("\n".join(listed[:-5]) + "\n", encoding="utf-8")
    result = subprocess.run(
        [STANDARDS_SITE, "urls", "--update", "--config", str(tmp_path / "mkdocs.yml"),
         "--site", str(two_editions_site)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "5 URL(s) added" in result.stdout
    assert read_manifest(tmp_path / "url-manifest.txt") == sorted(listed)
