"""Page layout rules on small hand-made pages: each shape in general, not one article."""

from __future__ import annotations

import pytest

from storyline.clean import clean
from storyline.clean.layout import parse_layout
from storyline.clean.normalize import normalize
from storyline.model import Document

BODY = (
    "Officials in the capital confirmed on Tuesday that the talks would resume next week.\n\n"
    "The delegations are expected to discuss a ceasefire and the exchange of prisoners."
)


def test_date_line_gives_date_and_title_and_repeat_is_dropped():
    page = f"date 2021-05-04 Talks to resume next week\n\nTalks to resume next week\n\n{BODY}"
    layout = parse_layout(page)
    assert (layout.title, layout.published) == ("Talks to resume next week", "2021-05-04")
    assert layout.body == BODY


@pytest.mark.parametrize(
    "dateline, iso",
    [
        ("January 29th, 2018", "2018-01-29"),
        ("26 December, 2017", "2017-12-26"),
        ("Mon 4 Mar 2024 10.05 GMT", "2024-03-04"),
        ("Sept. 3, 2019 World, Politics 42 comments", "2019-09-03"),
        ("2020-02-29", "2020-02-29"),
    ],
)
def test_datelines_give_the_date_and_leave_the_body(dateline, iso):
    layout = parse_layout(f"Talks to resume\n{dateline}\n{BODY}")
    assert layout.published == iso
    assert layout.body == BODY
    assert ("dateline", dateline) in layout.dropped


def test_dateline_tail_gives_section_and_comment_count():
    layout = parse_layout(
        f"Talks to resume\n\nJanuary 29th, 2018 Middle East, Russia 11 comments\n\n{BODY}"
    )
    assert layout.section == "Middle East, Russia"
    assert layout.comment_count == 11


@pytest.mark.parametrize(
    "line",
    [
        "3 min read",
        "12 minute read",
        "Advertisement",
        "Share this article",
        "Read more: Why talks failed",
        "Protesters in the square on Friday [Reuters]",
        "A convoy near the border (AFP/Getty Images)",
        "Photograph: Jane Doe/AP",
        "Sign up for our free daily newsletter",
    ],
)
def test_boilerplate_lines_never_reach_the_body(line):
    layout = parse_layout(f"Talks to resume\n\n{line}\n\n{BODY}\n\n{line}")
    assert layout.body == BODY


def test_short_line_right_above_the_body_is_a_caption_long_one_a_standfirst():
    standfirst = "Mediators hope a short truce will open the way to a broader political agreement"
    page = f"Talks to resume\n{standfirst}\n4 min read\nThe foreign minister in Geneva\n{BODY}"
    layout = parse_layout(page)
    assert layout.description == standfirst
    assert ("caption", "The foreign minister in Geneva") in layout.dropped
    assert layout.body == BODY


def test_byline_becomes_author():
    layout = parse_layout(f"Talks to resume\nBy Jane Smith and Omar Haddad\n{BODY}")
    assert layout.author == "Jane Smith and Omar Haddad"
    assert layout.body == BODY


def test_hard_wrapped_paragraphs_are_unwrapped_and_short_lines_kept():
    wrapped = (
        "The minister said the government was ready to resume negotiations with\n"
        "the opposition as soon as the ceasefire had held for a full week, and\n"
        "that observers from the region would be welcome."
    )
    layout = parse_layout(f"Talks\n\n{wrapped}\n\nHEADING\n\n{BODY}")
    paragraphs = layout.body.split("\n\n")
    assert paragraphs[0] == " ".join(wrapped.split("\n"))
    assert paragraphs[1] == "HEADING"


def test_single_line_body_without_header_is_kept_whole():
    text = "Police arrested 12 people after clashes near the parliament building on Sunday night."
    layout = parse_layout(text)
    assert layout.title is None and layout.body == text


def test_structured_title_is_not_taken_from_the_body():
    doc = Document(source="x.csv#1", format="csv", text=BODY, title="Given title")
    article, problems = clean(doc)
    assert article.title == "Given title" and article.body == BODY and problems == []


def test_bullet_inside_a_paragraph_is_not_a_comment_thread():
    text = BODY + " • Jane Doe is a research fellow at the institute."
    layout = parse_layout(text)
    assert layout.comments == [] and layout.body == text


def test_normalize_spaces_newlines_and_keeps_curly_quotes():
    raw = "“Yes,”\u00a0she said.\r\nNext\u200b line\u2028e\u0301"
    assert normalize(raw) == "“Yes,” she said.\nNext line\né"


def test_clean_refuses_text_with_nothing_left():
    article, problems = clean(
        Document(source="a.txt", format="text", text="Advertisement\n\n3 min read")
    )
    assert article is None and "no article text" in problems[0].reason
