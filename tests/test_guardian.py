"""The 209 Guardian articles: none comes out empty, none loses a paragraph."""

from __future__ import annotations

import csv
import sys

from conftest import GUARDIAN, needs_shared, stored, storyline

from storyline.clean.normalize import normalize

pytestmark = needs_shared


def test_every_guardian_article_is_stored_whole(db):
    csv.field_size_limit(sys.maxsize)
    with open(GUARDIAN, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    proc = storyline("run", str(GUARDIAN), "--db", str(db), check=True)
    assert b"209 articles read: 209 stored" in proc.stderr
    articles = stored(db)
    assert len(articles) == 209
    by_source = {a["source"]: a for a in articles}
    for n, row in enumerate(rows, 1):
        a = by_source[f"{GUARDIAN}#{n}"]
        assert a["body"].strip(), n
        assert a["published"] == row["date"] and a["outlet"] == "Guardian"
        expected = [p.strip() for p in normalize(row["text"]).split("\n") if p.strip()]
        got = a["body"].split("\n\n")
        missing = [p for p in expected if p not in got]
        assert not missing, f"row {n} lost {missing[0][:80]!r}"
