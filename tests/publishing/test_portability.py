"""Portability: ProperDocs (the maintained fork of MkDocs 1.x) builds the same site.

MkDocs 1.6 is the last MkDocs 1.x release. If it stops working, switching to
ProperDocs must be a one-line change: so it builds our mkdocs.yml with --strict, and
its output equals MkDocs' byte for byte, apart from the generator's name in a <meta>.
"""

import re

import properdocs

from tests.publishing.builds import build, differing_files, shared_build

GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')
SAME_TIME = 1_700_000_000


def test_properdocs_is_the_pinned_version():
    assert properdocs.__version__ == "1.6.7"


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path, shared_builds):
    with_mkdocs = shared_build(shared_builds, source_date_epoch=SAME_TIME)   # test_reproducibility's too
    with_properdocs = build(tmp_path / "properdocs", generator="properdocs", source_date_epoch=SAME_TIME)
    differing = differing_files(with_mkdocs, with_properdocs)
    assert differing, "expected the generator <meta> to differ"  # else this test compares nothing
    for name in sorted(differing):
        ours = (with_mkdocs / name).read_bytes()
        theirs = (with_properdocs / name).read_bytes()
        assert GENERATOR_META.sub(b"", ours) == GENERATOR_META.sub(b"", theirs), f"{name} differs beyond the generator"
