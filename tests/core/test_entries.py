"""What a search box holds: words, and #tags."""

from __future__ import annotations

from coreg_tui.core.entries import search_terms


def test_words_and_tags_are_told_apart() -> None:
    assert search_terms("coffee #work  late #Work #home") == ("coffee late", ("work", "home"))
    assert search_terms("#family") == (None, ("family",))
    assert search_terms("  ") == (None, ())
    assert search_terms("# alone") == ("# alone", ())  # a lone # is a word
