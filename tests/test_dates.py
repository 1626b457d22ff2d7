"""Publication dates from metadata fields and datelines."""

from __future__ import annotations

import pytest

from storyline.clean.dates import parse_date


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2019-04-10", "2019-04-10"),
        ("2019-04-10T12:30:00Z", "2019-04-10"),
        ("2019/4/1", "2019-04-01"),
        ("April 10, 2019", "2019-04-10"),
        ("10 April 2019", "2019-04-10"),
        ("Wednesday 10th of April, 2019", "2019-04-10"),
        ("Apr. 10 2019", "2019-04-10"),
        ("2019-02-30", None),
        ("next week", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso
