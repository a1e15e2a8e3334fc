"""Where coreg reaches into a library through a name it does not publish. There are
two such places, each for a reason, and each is named here: the version of the
library that moves or changes the name fails these tests, not a person's screen.

- `DataTable`'s row bookkeeping (`_data`, `_row_locations`, `_new_rows`,
  `_updated_cells`, `_clear_caches`, `_require_update_dimensions`, `_update_count`,
  and `textual._two_way_dict.TwoWayDict`) in the journal screen's `keep_rows`
  (tui/screens/journal.py): the screen holds a window of rows and drops a page at a
  time; `remove_row` renumbers every row for each row it removes, and clearing and
  refilling the table (tried) loses the scroll it must keep.
- `typer._click.exceptions.ClickException` (cli/errors.py): typer 0.28 ships its own
  copy of click, and its parsing errors are turned into one line of coreg's own words.
"""

from __future__ import annotations

from tests.installed import coreg


def test_typer_still_has_the_click_exceptions_errors_reads() -> None:
    import typer
    from typer._click.exceptions import ClickException, UsageError

    assert issubclass(typer.BadParameter, UsageError) and issubclass(UsageError, ClickException)
    said = UsageError("No such option: --nope")
    assert (said.exit_code, said.format_message()) == (2, "No such option: --nope")


def test_through_that_name_a_wrong_option_is_one_line_of_coreg_s_own() -> None:
    done = coreg("breathe", "--nope")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "coreg breathe: No such option: --nope (see 'coreg breathe --help')"
    ]


def test_textual_s_data_table_still_keeps_its_rows_as_keep_rows_expects() -> None:
    from textual._two_way_dict import TwoWayDict
    from textual.widgets import DataTable
    from textual.widgets.data_table import CellKey, RowKey

    table: DataTable[str] = DataTable()
    assert isinstance(table._row_locations, TwoWayDict)
    assert table._data == {} and isinstance(table._new_rows, set)
    assert isinstance(table._updated_cells, set) and isinstance(table._update_count, int)
    assert isinstance(table._require_update_dimensions, bool)
    assert callable(table._clear_caches)
    assert RowKey("x") == "x" and CellKey(RowKey("x"), RowKey("a")).row_key == "x"
