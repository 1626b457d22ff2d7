"""Time expressions: finding them, resolving them against the article date, tense, TimeBank."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import token_of

from storyline.extract.time import (
    event_time,
    find_time_expressions,
    resolve_time,
    tense_of,
    timex,
    timex_value,
)
from storyline.model import When

TBAQ = Path(__file__).resolve().parent.parent.parent / "shared" / "gold" / "time" / "tbaq"
MON = date(2018, 1, 29)  # a Monday, the date of the second reference article

RESOLVE = [
    # expression, article date, tense, expected date, precision
    ("on Saturday", MON, "past", "2018-01-27", "day"),
    ("Saturday", MON, "past", "2018-01-27", "day"),
    ("on Tuesday", MON, "future", "2018-01-30", "day"),
    ("Monday", MON, "present", "2018-01-29", "day"),
    ("Monday", MON, "past", "2018-01-29", "day"),  # wire style: the day of the story
    ("last Monday", MON, "past", "2018-01-22", "day"),
    ("next Monday", MON, "future", "2018-02-05", "day"),
    ("Sunday night", MON, "past", "2018-01-28", "day"),
    ("in December", MON, "past", "2017-12-01", "month"),
    ("in March", MON, "future", "2018-03-01", "month"),
    ("in March", date(2018, 5, 2), "future", "2019-03-01", "month"),
    ("last March", MON, "past", "2017-03-01", "month"),
    ("January", MON, "past", "2018-01-01", "month"),
    ("last week", MON, "past", "2018-01-22", "week"),
    ("this week", MON, "present", "2018-01-29", "week"),
    ("next month", MON, "future", "2018-02-01", "month"),
    ("last month", MON, "past", "2017-12-01", "month"),
    ("this year", MON, "past", "2018-01-01", "year"),
    ("last year", MON, "past", "2017-01-01", "year"),
    ("since 2011", MON, "past", "2011-01-01", "year"),
    ("yesterday", MON, "past", "2018-01-28", "day"),
    ("yesterday", date(2018, 1, 1), "past", "2017-12-31", "day"),
    ("tomorrow", date(2017, 12, 31), "future", "2018-01-01", "day"),
    ("today", MON, "present", "2018-01-29", "day"),
    ("two days ago", MON, "past", "2018-01-27", "day"),
    ("three weeks ago", MON, "past", "2018-01-08", "week"),
    ("earlier this month", MON, "past", "2018-01-01", "month"),
    ("Dec. 26", MON, "past", "2017-12-26", "day"),
    ("26 December 2017", MON, "past", "2017-12-26", "day"),
    ("December 26, 2017", MON, "past", "2017-12-26", "day"),
    ("2017-12-26", MON, "past", "2017-12-26", "day"),
    ("Jan. 3", date(1989, 11, 1), "future", "1990-01-03", "day"),
    ("Nov. 17", date(1989, 11, 2), "past", "1989-11-17", "day"),  # a fortnight on, not 1988
    ("Feb. 29", date(2016, 3, 10), "past", "2016-02-29", "day"),  # leap year
    ("Feb. 29", date(2017, 3, 10), "past", "2016-02-29", "day"),  # none in 2017
    ("Feb. 29", date(2019, 3, 10), "future", "2020-02-29", "day"),
    ("the third quarter", date(1989, 11, 2), "past", "1989-07-01", "quarter"),
    ("the 1990s", MON, "past", "1990-01-01", "decade"),
    ("the '80s", date(1998, 5, 1), "past", "1980-01-01", "decade"),
    ("last fall", MON, "past", "2017-09-01", "season"),
    ("August 1988", MON, "past", "1988-08-01", "month"),
    ("June last year", MON, "past", "2017-06-01", "month"),
    ("last weekend", MON, "past", "2018-01-27", "weekend"),
    ("the weekend", MON, "future", "2018-02-03", "weekend"),
    ("recently", MON, "past", None, None),
    ("for years", MON, "past", None, None),
]


@pytest.mark.parametrize(("expression", "anchor", "tense", "expected", "precision"), RESOLVE)
def test_resolve_time(expression, anchor, tense, expected, precision):
    when = resolve_time(expression, anchor, tense)
    if expected is None:
        assert when is None
    else:
        assert when == When(date=expected, precision=precision, text=expression)


def test_timex_values():
    assert timex_value(When("2018-01-27", "day")) == "2018-01-27"
    assert timex_value(When("2018-01-29", "week")) == "2018-W05"
    assert timex_value(When("2017-12-01", "month")) == "2017-12"
    assert timex_value(When("2011-01-01", "year")) == "2011"
    assert timex_value(When("1989-07-01", "quarter")) == "1989-Q3"
    assert timex("now", MON) == "PRESENT_REF"
    assert timex("recently", MON) == "PAST_REF"


def test_year_ago_follows_the_quarter_named_before():
    third = resolve_time("the third quarter", date(1989, 11, 2))
    assert timex("a year ago", date(1989, 11, 2), "past", third) == "1988-Q3"
    assert timex("a year ago", date(1989, 11, 2), "past") == "1988"


def _found(text: str) -> list[str]:
    return [text[a:b] for a, b in find_time_expressions(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The opposition said on Saturday it would boycott.", ["Saturday"]),
        ("Talks began in December 2017 and resume next month.", ["December 2017", "next month"]),
        ("Fighting has raged since 2011, as in the 1990s.", ["2011", "the 1990s"]),
        ("It was signed Dec. 26 and again on 2017-12-26.", ["Dec. 26", "2017-12-26"]),
        ("He left two days ago and returns tonight.", ["two days ago", "tonight"]),
        ("Earlier this month, and last week, he spoke.", ["Earlier this month", "last week"]),
        ("A quarter of the fighters may leave.", []),  # neither "quarter" nor "may"
        ("Net income rose in the third quarter.", ["the third quarter"]),
        ("He paid $1990 for 2,000 rifles.", []),
        ("On Monday night, 26 December 2017, Putin spoke.", ["Monday night", "26 December 2017"]),
    ],
)
def test_find_time_expressions(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "verb", "tense"),
    [
        ("The rebels attacked the base on Saturday.", "attacked", "past"),
        ("The rebels have attacked the base.", "attacked", "past"),
        ("The delegation will attend the talks on Tuesday.", "attend", "future"),
        ("The delegation is going to attend the talks.", "attend", "future"),
        ("The minister plans to visit Moscow next week.", "visit", "future"),
        ("The opposition said it would attend the congress.", "attend", "future"),
        ("The army controls the city.", "controls", "present"),
        ("The army is shelling the city.", "shelling", "present"),
        ("He would have attended the talks.", "attended", "past"),
    ],
)
def test_tense_of(nlp, sentence, verb, tense):
    assert tense_of(token_of(nlp(sentence), verb)) == tense


def test_event_time(nlp):
    doc = nlp("The opposition met on Saturday and will boycott the congress on Tuesday.")
    assert event_time(token_of(doc, "met"), MON).date == "2018-01-27"
    assert event_time(token_of(doc, "boycott"), MON).date == "2018-01-30"
    doc = nlp("The Kremlin shrugged off the decision.")
    assert event_time(token_of(doc, "shrugged"), MON) == When("2018-01-29", "article")


def test_the_quick_test_before_the_regex_never_skips_an_expression():
    import re

    from storyline.extract.time import _finder, _may_hold_time

    texts = [expression for expression, *_ in RESOLVE]
    for tml in sorted(TBAQ.glob("**/*.tml")) if TBAQ.exists() else []:
        body = re.sub(r"<[^>]+>", "", tml.read_text(encoding="utf-8"))
        texts += re.split(r"(?<=[.!?])\s+", body)
    assert all(_may_hold_time(t) for t in texts if _finder().search(t))
    assert not _may_hold_time("The opposition refused to attend the congress.")
