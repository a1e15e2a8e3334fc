"""What a search box holds: words, and #tags."""

from __future__ import annotations

from coreg_tui.core.entries import search_terms


def test_words_and_tags_are_told_apart() -> None:
    assert search_terms("coffee #work  late #Work #home") == ("coffee late", ("work", "home"))
    assert search_terms("#family") == (None, ("family",))
    assert search_terms("  ") == (None, ())
    assert search_terms("# alone") == ("# alone", ())  # a lone # is a word


def test_a_new_id_is_a_uuid4_as_uuid_writes_it() -> None:
    import uuid

    from coreg_tui.core.entries import new_id

    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for made in ids:
        parsed = uuid.UUID(made)
        assert str(parsed) == made
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
