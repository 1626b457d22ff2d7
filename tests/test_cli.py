"""The commands as a user types them: formats, ids, help."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import ROOT, jsonl, storyline


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "examples.duckdb"
    storyline("run", str(ROOT / "examples"), "--db", str(db), check=True)
    return db


def test_articles_table_jsonl_csv(examples_db):
    table = storyline("articles", "--db", str(examples_db), check=True).stdout.decode().splitlines()
    assert table[0].split() == ["id", "published", "outlet", "comments", "words", "title"]
    assert len(table) == 2 + 6
    rows = jsonl(storyline("articles", "--db", str(examples_db), "--format", "jsonl", check=True))
    assert [r["published"] for r in rows] == sorted(r["published"] for r in rows)
    required = {"id", "source", "title", "published", "outlet", "description", "body", "comments"}
    assert all(required <= set(r) for r in rows)
    out = storyline(
        "articles", "--db", str(examples_db), "--format", "csv", check=True
    ).stdout.decode()
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert [p["id"] for p in parsed] == [r["id"] for r in rows]


def test_article_by_prefix_as_text_and_jsonl(examples_db):
    rows = jsonl(storyline("articles", "--db", str(examples_db), "--format", "jsonl", check=True))
    walkout = next(r for r in rows if r["title"].startswith("Sudan army delegation"))
    text = storyline(
        "article", walkout["id"][:6], "--db", str(examples_db), check=True
    ).stdout.decode()
    assert text.startswith("Sudan army delegation walks out of Jeddah ceasefire talks\n")
    assert "--- 4 comments ---" in text and "#2 Amira K. (reply to #1)" in text
    [one] = jsonl(
        storyline("article", walkout["id"], "--db", str(examples_db), "--format", "jsonl")
    )
    assert one == walkout


def test_unknown_and_ambiguous_ids(examples_db):
    proc = storyline("article", "zzzz", "--db", str(examples_db))
    assert proc.returncode == 1 and b"no article with id 'zzzz'" in proc.stderr
    proc = storyline("article", "", "--db", str(examples_db))
    assert proc.returncode == 1 and b"ambiguous" in proc.stderr


def test_help_lists_the_commands():
    out = storyline("--help", check=True).stdout.decode()
    for command in ("run", "articles", "article"):
        assert f"  {command} " in out
