"""What a circle leaves in each person's journal: with whom."""

from __future__ import annotations

from coreg_tui.together.outcome import Company, with_whom


def test_a_crowd_is_named_in_the_journal_by_its_first_few() -> None:
    company = Company()
    company.saw(["Sam", "someone", "Kit"])
    company.saw(["Kit", "someone", "Lou"])  # each name once, in the order they came
    assert with_whom(tuple(company.names)) == "Sam, someone, Kit, Lou"
    crowd = Company()
    crowd.saw([f"p{n}" for n in range(5000)])  # names tried without end are not all kept
    assert len(crowd.names) == Company.MOST
    assert with_whom(tuple(crowd.names), shown=3) == f"p0, p1, p2 and {Company.MOST - 3} more"
    assert with_whom(()) is None
