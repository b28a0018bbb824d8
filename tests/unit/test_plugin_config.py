"""The plugin's typed options: what `!ENV` hands them, and the messages for bad values."""

from __future__ import annotations

from datetime import date

import pytest
from mkdocs.config.base import ValidationError

from standards_site.mkdocs.config import Flag, IsoDate, StandardsSiteConfig


@pytest.mark.parametrize("value, expected", [
    (None, False), (True, True), (False, False),
    ("1", True), ("true", True), ("YES", True), ("on", True),
    ("", False), ("0", False), ("no", False), ("False", False),
])
def test_flag_reads_what_an_environment_variable_holds(value, expected):
    assert Flag().validate(value) is expected


def test_flag_refuses_anything_else():
    with pytest.raises(ValidationError, match=r"^expected true or false \(or 1 or 0\), found 'maybe'$"):
        Flag().validate("maybe")


@pytest.mark.parametrize("value", [date(2020, 6, 1), "2020-06-01", " 2020-06-01 "])
def test_iso_date_from_yaml_or_the_environment(value):
    assert IsoDate().validate(value) == date(2020, 6, 1)


def test_iso_date_refuses_other_formats():
    with pytest.raises(ValidationError, match=r"^expected a date written YYYY-MM-DD, e.g. 2021-03-04, found '04/03/2021'$"):
        IsoDate().validate("04/03/2021")


def test_every_option_has_a_default_except_the_organisation_name():
    config = StandardsSiteConfig()
    config.load_dict({"organisation": {"name": "Example Inspectorate"}})
    failed, warnings = config.validate()
    assert (failed, warnings) == ([], [])
    assert config.organisation.name == "Example Inspectorate"
    assert config.organisation.short_name == ""      # the plugin falls back to the name
    assert (config.content_dir, config.preview, config.overdue_as_of, config.search) == ("standards", False, None, True)
    assert config.contact.response_days is None     # never a made-up promise


def test_the_organisation_name_is_required():
    config = StandardsSiteConfig()
    config.load_dict({})
    failed, _ = config.validate()
    assert [name for name, _ in failed] == ["organisation"]
