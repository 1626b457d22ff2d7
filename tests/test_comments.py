"""Reader comment threads: authors, depth from indentation, parents."""

from __future__ import annotations

from storyline.clean.layout import parse_layout

PAGE = """Ceasefire holds

The ceasefire held overnight for the first time in weeks, officials said on Monday.

  • anna_k

    First comment, first paragraph.

    Second paragraph.

    • Rami

      A reply.
      On two lines.

      • anna_k

        A reply to the reply.

  • third person

    A new thread.
"""


def test_thread_depths_parents_authors_and_texts():
    layout = parse_layout(PAGE)
    assert (
        layout.body
        == "The ceasefire held overnight for the first time in weeks, officials said on Monday."
    )
    got = [(c.author, c.depth, c.parent) for c in layout.comments]
    assert got == [("anna_k", 0, None), ("Rami", 1, 0), ("anna_k", 2, 1), ("third person", 0, None)]
    assert layout.comments[0].text == "First comment, first paragraph.\n\nSecond paragraph."
    assert layout.comments[1].text == "A reply.\nOn two lines."


def test_bulleted_list_in_the_body_is_not_a_thread():
    page = (
        "Demands\n\nThe protesters made three demands on Friday, their leaders said.\n\n"
        "• the release of prisoners\n• new elections\n• an end to the curfew\n"
    )
    layout = parse_layout(page)
    assert layout.comments == []
    assert "• new elections" in layout.body
