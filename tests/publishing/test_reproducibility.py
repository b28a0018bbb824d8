"""Reproducibility: two builds of the same commit produce the same files.

Only the build date may differ, and only in one file: MkDocs gzips the sitemap with
the build time in the gzip header of sitemap.xml.gz. (The sitemap itself takes its dates
from the content: standards_site/mkdocs/theme/sitemap.xml.) CI sets SOURCE_DATE_EPOCH to the commit's
time (see .github/workflows/publish.yml), so there even that file is identical.
Pagefind's filter and metadata chunks are written in a varying order by Pagefind
itself; they are compared by what they index (see builds.py).

The first build of each pair is made once per test run (`shared_build`) and each test
compares a fresh build of its own with it: still two builds, one of them shared.
"""

from tests.publishing.builds import build, differing_files, same_search_index, shared_build

COMMIT_TIME = 1_700_000_000          # any fixed time stands in for a commit's
A_DAY_LATER = COMMIT_TIME + 86_400

#: Files that must differ between builds made on different days, and why.
DATED_FILES = {
    "sitemap.xml.gz": "MkDocs writes the build time into the gzip header",
}


def test_two_builds_of_the_same_commit_are_identical(tmp_path, shared_builds):
    first = shared_build(shared_builds, source_date_epoch=COMMIT_TIME)
    second = build(tmp_path / "second", source_date_epoch=COMMIT_TIME)
    assert differing_files(first, second) == set()
    assert same_search_index(first, second)


def test_only_the_sitemap_records_the_build_date(tmp_path, shared_builds):
    first = shared_build(shared_builds, source_date_epoch=COMMIT_TIME)
    later = build(tmp_path / "later", source_date_epoch=A_DAY_LATER)
    assert differing_files(first, later) == set(DATED_FILES)
