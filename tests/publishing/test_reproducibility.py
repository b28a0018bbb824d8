"""Reproducibility: two builds of the same commit produce the same files.

Only the build date may differ, and only in the sitemap: MkDocs writes it as each
page's <lastmod> (there is no per-page date in our content) and as the gzip header
time of sitemap.xml.gz. CI sets SOURCE_DATE_EPOCH to the commit's time (see
.github/workflows/publish.yml), so there even those are identical.
"""

from builds import build, differing_files

COMMIT_TIME = 1_700_000_000          # any fixed time stands in for a commit's
A_DAY_LATER = COMMIT_TIME + 86_400

#: Files that must differ between builds made on different days, and why.
DATED_FILES = {
    "sitemap.xml": "each <lastmod> is the build date",
    "sitemap.xml.gz": "the same sitemap, and the gzip header's time is the build date",
}


def test_two_builds_of_the_same_commit_are_identical(tmp_path):
    first = build(tmp_path / "first", source_date_epoch=COMMIT_TIME)
    second = build(tmp_path / "second", source_date_epoch=COMMIT_TIME)
    assert differing_files(first, second) == set()


def test_only_the_sitemap_records_the_build_date(tmp_path):
    first = build(tmp_path / "first", source_date_epoch=COMMIT_TIME)
    later = build(tmp_path / "later", source_date_epoch=A_DAY_LATER)
    assert differing_files(first, later) == set(DATED_FILES)
