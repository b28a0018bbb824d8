"""Reading a due date and a status from an action plan's free-text target date.

One case per form found in the action plan (tests/sources/002_6b4df4c5353a35e1.txt).
"""

from datetime import date

import pytest

from standards_site.inspections.target_dates import PATTERNS, TargetStatus, UnreadableTarget, read_target


@pytest.mark.parametrize(
    "text, status, due, pattern",
    [
        # text as the plan writes it       status                  due (end of month)   pattern
        ("Completed",                        TargetStatus.COMPLETED, None,                "completed"),
        ("Ongoing",                          TargetStatus.ONGOING,   None,                "ongoing"),
        ("Completed and ongoing",            TargetStatus.ONGOING,   None,                "completed-and-ongoing"),
        ("March 2020",                       TargetStatus.DUE,       date(2020, 3, 31),   "dates"),
        ("August 2021",                      TargetStatus.DUE,       date(2021, 8, 31),   "dates"),
        # two dates in one cell, in either order: the later is when all is due
        ("March 2020 June 2020",             TargetStatus.DUE,       date(2020, 6, 30),   "dates"),
        ("June 2020 March 2020",             TargetStatus.DUE,       date(2020, 6, 30),   "dates"),
        ("December 2020 December 2020",      TargetStatus.DUE,       date(2020, 12, 31),  "dates"),
        # dates, and then the cell says it was done
        ("March 2020 June 2020 Completed",   TargetStatus.COMPLETED, None,                "dates-then-completed"),
        # a financial year cut short in the source ("2020/202")
        ("Completed April 2020/202 September 2020", TargetStatus.DUE, date(2020, 9, 30), "dates"),
        ("Completed Ongoing – and to be completed by December 2021",
                                             TargetStatus.DUE,       date(2021, 12, 31),  "to-be-completed-by"),
        ("Ongoing – and to be completed by December 2021",
                                             TargetStatus.DUE,       date(2021, 12, 31),  "to-be-completed-by"),
        ("2020 – 2021 is the first year of delivery of what is a five year programme",
                                             TargetStatus.ONGOING,   None,                "programme-years"),
        ("2020 – 2021 is the first year of delivery of what is a five year programme "
         "(under the governance of the Probation Reform Programme)",
                                             TargetStatus.ONGOING,   None,                "programme-years"),
        (None,                               TargetStatus.NOT_STATED, None,               "empty"),
        ("  ",                               TargetStatus.NOT_STATED, None,               "empty"),
    ],
)
def test_each_form_in_the_source_is_read(text, status, due, pattern):
    reading = read_target(text)
    assert (reading.status, reading.due, reading.pattern) == (status, due, pattern)


def test_every_pattern_reads_its_own_example():
    for pattern in PATTERNS:
        assert read_target(pattern.example).pattern == pattern.name


def test_line_breaks_inside_the_text_do_not_matter():
    assert read_target("March 2020\nJune 2020").due == date(2020, 6, 30)


@pytest.mark.parametrize("text", ["Soon", "Q4 2020", "Marhc 2020", "Completed, mostly"])
def test_text_no_pattern_reads_is_an_error_that_lists_the_forms(text):
    with pytest.raises(UnreadableTarget) as caught:
        read_target(text)
    message = str(caught.value)
    assert message.startswith(f"cannot read a date or status from target '{text}': write it in one of the forms")
    assert "'March 2020 June 2020 Completed'" in message
    assert "standards_site/inspections/target_dates.py" in message


@pytest.mark.parametrize(
    "text, as_of, overdue",
    [
        # target             judged as of          overdue?
        ("March 2020",       date(2020, 3, 31),    False),  # due by the end of the month
        ("March 2020",       date(2020, 4, 1),     True),
        ("Completed",        date(2030, 1, 1),     False),  # done: never overdue
        ("Ongoing",          date(2030, 1, 1),     False),  # no end date: never overdue
        (None,               date(2030, 1, 1),     False),  # no target: never overdue
        ("March 2020 June 2020", date(2020, 5, 1), False),
        ("March 2020 June 2020", date(2020, 7, 1), True),
        ("March 2020 June 2020 Completed", date(2030, 1, 1), False),  # the cell says it was done
    ],
)
def test_overdue_means_due_and_the_month_has_ended(text, as_of, overdue):
    assert read_target(text).overdue(as_of) is overdue
