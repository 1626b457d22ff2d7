"""The two reference articles must come out exactly as the foundation issue says."""

from __future__ import annotations

from conftest import SEEDS, needs_shared, stored, storyline

pytestmark = needs_shared


def _by_prefix(articles: list[dict], prefix: str) -> dict:
    [article] = [a for a in articles if a["source"].split("/")[-1].startswith(prefix)]
    return article


def test_000_title_date_body_and_comment_thread(db):
    storyline("run", str(SEEDS), "--db", str(db), check=True)
    a = _by_prefix(stored(db), "000_")
    assert a["title"] == "Kremlin unfazed by Syrian opposition boycott of peace conference"
    assert a["published"] == "2018-01-29"
    assert a["body"].startswith("The Kremlin shrugged off a Syrian opposition decision")
    assert a["body"].endswith("when it opens on Tuesday.")
    assert "Russian President Vladimir Putin\n" not in a["body"]
    assert not a["body"].startswith("Russian President")
    assert "\u00a0" not in a["body"]
    assert "IMMEDIATE BREAKTHROUGHS IMPROBABLE" in a["body"]  # a section heading stays
    comments = a["comments"]
    assert [c["depth"] for c in comments] == [0, 0, 0, 1, 2, 3, 4, 5, 2, 3, 4]
    assert [c["parent"] for c in comments] == [None, None, None, 2, 3, 4, 5, 6, 3, 8, 9]
    assert [c["author"] for c in comments][:2] == ["Guest", "Gold51"]
    assert comments[2]["author"].startswith("#’~A*[email protected]")
    assert comments[10]["author"] == "elbmw"
    assert comments[0]["text"] == "The “opposition” are not interested in peace, anyway."
    assert (
        comments[1]["text"].splitlines()[-1]
        == "Kurds lives are meaningless as we have just discovered."
    )
    assert comments[10]["text"].endswith("against a terrorist invasion?")
    for c in comments:  # comment text never leaks into the body
        assert c["text"][:40] not in a["body"]


def test_004_title_once_standfirst_no_caption_no_comments(db):
    storyline("run", str(SEEDS), "--db", str(db), check=True)
    a = _by_prefix(stored(db), "004_")
    assert a["title"] == "Syrian rebel groups reject Russia's Sochi conference"
    assert a["published"] == "2017-12-26"
    assert a["description"] == (
        "Syrian rebel groups rejected the planned Sochi conference claiming that Moscow is "
        "hoping to bypass the UN-led peace talks"
    )
    assert a["body"].startswith("Moscow is trying to bypass")
    assert a["body"].endswith("principal term for any peace deal.")
    assert "min read" not in a["body"]
    assert "Anadolu" not in a["body"] and "pinning much hope" not in a["body"]
    assert "Syrian rebel groups reject Russia's Sochi conference" not in a["body"]
    assert a["comments"] == []


def test_reference_articles_rerun_changes_nothing(db):
    first = storyline("run", str(SEEDS), "--db", str(db), check=True)
    before = stored(db)
    second = storyline("run", str(SEEDS), "--db", str(db), check=True)
    assert stored(db) == before
    assert b"2 stored" in first.stderr
    assert b"0 stored" in second.stderr and b"2 already stored" in second.stderr
