"""Notices on pages of superseded, withdrawn and draft editions, rendered from the fixture content."""

import dataclasses
from pathlib import Path

import pytest

from standards_site.site.content import load_content
from standards_site.framework.history_pages import edition_notice
from standards_site.framework.editions import Framework, FrameworkEdition
from standards_site.framework.model import EditionStatus

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "two-editions" / "standards"


@pytest.fixture(scope="module")
def content():
    return load_content(FIXTURE)


def with_status(content, changes: dict[str, EditionStatus]):
    """A copy of `content` whose editions have the given statuses."""
    editions = {}
    for edition_id, item in content.framework.editions.items():
        status = changes.get(edition_id, item.edition.status)
        editions[edition_id] = FrameworkEdition(item.edition.model_copy(update={"status": status}), item.standards)
    return dataclasses.replace(content, framework=Framework(editions))


def notice_for(content, edition_id, standard_id=None):
    edition = content.framework.editions[edition_id]
    standard = edition.standards[standard_id] if standard_id else None
    here = f"standards/{edition_id}/{standard_id}/index.md" if standard_id else f"standards/{edition_id}/index.md"
    return " ".join(edition_notice(content, edition, standard, here).split())


def test_current_edition_pages_have_no_notice(content):
    assert notice_for(content, "2021", "2.1") == ""


def test_withdrawn_edition_says_so_and_still_links_the_current_equivalent(content):
    withdrawn = with_status(content, {"2018": EditionStatus.WITHDRAWN})
    text = notice_for(withdrawn, "2018", "1.3")
    assert text.startswith('!!! warning "Withdrawn edition" This page is part of the Fixture framework 2018, '
                           "which has been withdrawn. The current edition is the [Fixture framework 2021]"
                           "(../../2021/index.md).")
    assert "[2.1 Partnerships](../../2021/2.1/index.md)" in text


def test_without_a_current_edition_the_notice_says_none_is_current(content):
    none_current = with_status(content, {"2021": EditionStatus.SUPERSEDED})
    text = notice_for(none_current, "2018", "1.3")
    assert "No edition is current." in text
    assert "current equivalent" not in text


def test_superseded_edition_page_links_its_crosswalk(content):
    text = notice_for(content, "2018")
    assert ("[How each standard of this edition maps to the Fixture framework 2021]"
            "(../crosswalk/2018/2021/index.md)") in text


def test_draft_notice(content):
    assert notice_for(content, "2024", "1.1").startswith('!!! danger "Draft edition: not published"')
