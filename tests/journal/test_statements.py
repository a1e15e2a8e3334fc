"""The statements written out as SQL name the columns in the order rows.py gives them."""

from __future__ import annotations

import re

from coreg_tui.journal import statements as sql
from coreg_tui.journal.rows import COLUMNS


def test_the_column_list_is_the_rows_own() -> None:
    assert sql.ENTRY_COLUMNS.split(", ") == list(COLUMNS)


def test_an_insert_takes_every_column_then_when_it_was_made() -> None:
    found = re.search(r"INSERT INTO entries \((.*)\)\s*VALUES \((.*)\)", sql.INSERT_ENTRY, re.S)
    assert found is not None
    assert found[1].split(", ") == [*COLUMNS, "created_us"]
    assert found[2].split(", ") == ["?"] * (len(COLUMNS) + 1)


def test_an_update_sets_every_column_but_the_id_then_when_it_changed() -> None:
    found = re.search(r"SET (.*)\s+WHERE id = \?", sql.UPDATE_ENTRY, re.S)
    assert found is not None
    assignments = " ".join(found[1].split()).split(", ")
    assert assignments == [f"{c} = ?" for c in (*COLUMNS[1:], "updated_us")]
