"""The 209 Guardian articles: none comes out empty, none loses a paragraph; syndicated
copies of them are found and add sources, not events."""

from __future__ import annotations

import csv
import sys
from datetime import date, timedelta

from conftest import GUARDIAN, jsonl, needs_shared, stored, storyline

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


def _edited_copies(rows: list[dict], n: int) -> list[dict]:
    """Every seventh article again, as another outlet ran it: a wire credit and a newsletter
    line added, the last paragraph cut, one word changed, a day later."""
    outlets = ["Wire Daily", "Evening Courier", "Global Post", "Morning Ledger", "Metro Times"]
    out = []
    for k, row in enumerate(rows[::7][:n]):
        paragraphs = [p for p in row["text"].split("\n") if p.strip()]
        body = "\n\n".join(paragraphs[:-1] if len(paragraphs) > 3 else paragraphs)
        body = body.replace(" said ", " told reporters ", 1)
        day = (date.fromisoformat(row["date"]) + timedelta(days=1)).isoformat()
        out.append(
            {
                "date": day,
                "source": outlets[k % len(outlets)],
                "text": "(Reuters) -\n\n" + body + "\n\nSign up for our daily newsletter.",
            }
        )
    return out  # fmt: skip


def test_thirty_syndicated_copies_are_found_and_add_no_events(db, tmp_path):
    csv.field_size_limit(sys.maxsize)
    with open(GUARDIAN, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    storyline("run", str(GUARDIAN), "--db", str(db), check=True)
    events = jsonl(storyline("events", "--db", str(db), "--format", "jsonl", check=True))
    listed = storyline("stories", "--db", str(db), check=True).stdout.decode()
    print(listed)  # the Guardian corpus as stories, for the log
    copies = tmp_path / "copies.csv"
    with open(copies, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["date", "text", "source"])
        writer.writeheader()
        writer.writerows(_edited_copies(rows, 30))
    proc = storyline("run", str(copies), "--db", str(db), check=True)
    assert b"30 stored" in proc.stderr and b"linked 30 articles (30 copies" in proc.stderr
    articles = stored(db)
    found = [a for a in articles if a["copy_of"]]
    assert len(found) == 30
    originals = {a["id"]: a for a in articles if a["outlet"] == "Guardian"}
    assert all(originals[a["copy_of"]]["published"] < a["published"] for a in found)
    after = jsonl(storyline("events", "--db", str(db), "--format", "jsonl", check=True))
    assert len(after) == len(events)
    assert sum(e["reports"] for e in after) > sum(e["reports"] for e in events)
    assert max(e["sources"] for e in after) >= 2
