"""A merge reads its entries a batch at a time: an id given twice is found wherever the
two fall (one batch, two batches, an id the journal already held), and either way the
whole merge is undone."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from coreg_tui.core.entries import Entry
from coreg_tui.core.errors import InputError
from coreg_tui.journal import store
from coreg_tui.journal.store import Journal
from coreg_tui.paths import journal_path
from tests.journal.builders import entry


@pytest.fixture
def journal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Journal]:
    monkeypatch.setattr(store, "MERGE_BATCH", 3)
    with Journal.open(journal_path()) as j:
        yield j


def twin_of(e: Entry, minutes: float) -> Entry:
    return dataclasses.replace(e, at=e.at.replace(minute=int(minutes)))


@pytest.mark.parametrize("second", [1, 2, 3, 7])  # the same batch, the next, a later one
@pytest.mark.parametrize("held_before", [False, True])
def test_an_id_given_twice_undoes_the_merge_wherever_it_falls(
    journal: Journal, second: int, held_before: bool
) -> None:
    old = [entry(100 + i) for i in range(4)]
    journal.add_many(old)
    first = old[1] if held_before else entry(0)
    given = [entry(i + 1) for i in range(9)]
    given.insert(0, first)
    given.insert(second, twin_of(first, 30))
    with pytest.raises(InputError, match=f"entry {second + 1} has the same id as an earlier"):
        journal.merge(iter(given), twins_in="x.json")
    assert journal.count() == 4
    # Without a source to name, the second is left out and the rest are kept.
    merged = journal.merge(iter(given))
    assert merged.added == 9 + (not held_before) and journal.count() == 13 + (not held_before)


def test_a_journal_left_unchanged_after_an_id_given_twice(tmp_path: Path) -> None:
    with Journal.open(journal_path()) as j:
        j.add_many([entry(i) for i in range(3)])
    before = journal_path().read_bytes()
    with Journal.open(journal_path()) as j:
        held = next(iter(j.entries()))
        with pytest.raises(InputError):
            j.merge(iter([held, entry(50), held]), twins_in="x.json")
    assert journal_path().read_bytes() == before


def test_conflicts_are_all_counted_and_the_first_named(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "CONFLICTS_KEPT", 4)
    old = [entry(i, note="as it was") for i in range(10)]
    journal.add_many(old)
    changed = [dataclasses.replace(e, note="changed") for e in old]
    merged = journal.merge(iter([*changed[:7], *old[7:], entry(60)]), twins_in="x.json")
    assert (merged.added, merged.same, merged.differ) == (1, 3, 7)
    assert merged.conflicts == [e.id for e in old[:4]]
    assert {e.note for e in journal.entries()} == {"as it was", ""}
    # The table of ids met is gone with the merge: a second merge meets them afresh.
    assert journal.merge(iter(old), twins_in="x.json").same == 10
