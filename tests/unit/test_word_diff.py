"""Word-level differences: marked with <ins>/<del> and with words for screen readers."""

from standards_site.core.word_diff import word_diff


def diff_paragraphs(old, new):
    return word_diff(old, new).paragraphs


def diff_stats(old, new):
    return word_diff(old, new).stats

INSERT_OPEN = '<ins><span class="diff-marker">[inserted: </span>'
DELETE_OPEN = '<del><span class="diff-marker">[deleted: </span>'
CLOSE = '<span class="diff-marker">]</span>'


def test_unchanged_text_has_no_marks():
    assert [str(p) for p in diff_paragraphs(["Staff are supported."], ["Staff are supported."])] == [
        "Staff are supported."
    ]
    assert diff_stats(["Staff are supported."], ["Staff are supported."]).unchanged


def test_a_replaced_word_is_a_deletion_then_an_insertion():
    (paragraph,) = diff_paragraphs(["Practice is sound and reviewed."], ["Practice is good and reviewed."])
    assert str(paragraph) == (
        f"Practice is {DELETE_OPEN}sound{CLOSE}</del> {INSERT_OPEN}good{CLOSE}</ins> and reviewed."
    )
    stats = diff_stats(["Practice is sound and reviewed."], ["Practice is good and reviewed."])
    assert (stats.inserted, stats.deleted) == (1, 1)


def test_an_added_paragraph_is_its_own_inserted_paragraph():
    paragraphs = diff_paragraphs(["One."], ["One.", "Two more words."])
    assert [str(p) for p in paragraphs] == ["One.", f"{INSERT_OPEN}Two more words.{CLOSE}</ins>"]


def test_a_removed_paragraph_is_kept_and_marked_deleted():
    paragraphs = diff_paragraphs(["One.", "Gone now."], ["One."])
    assert [str(p) for p in paragraphs] == ["One.", f"{DELETE_OPEN}Gone now.{CLOSE}</del>"]


def test_content_text_is_escaped_not_markup():
    (paragraph,) = diff_paragraphs(["a"], ["<script>alert(1)</script> *b*"])
    assert "<script>" not in str(paragraph)
    assert "&#60;script&#62;" in str(paragraph)
    assert "&#42;b&#42;" in str(paragraph)


def test_paragraphs_are_compared_with_their_counterparts_when_there_are_as_many():
    paragraphs = diff_paragraphs(["Staff are supported.", "Leaders are visible."],
                                 ["Staff are well supported.", "Leaders are visible."])
    assert [str(p) for p in paragraphs] == [
        f"Staff are {INSERT_OPEN}well{CLOSE}</ins> supported.", "Leaders are visible."
    ]
    stats = diff_stats(["Staff are supported.", "Leaders are visible."],
                       ["Staff are well supported.", "Leaders are visible."])
    assert (stats.inserted, stats.deleted) == (1, 0)
