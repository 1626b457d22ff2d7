"""The DuckDB store: schema migrations, idempotent batch writes, and the queries.

Every write goes through `Store.write_articles`, one transaction per batch, and
every row is keyed by content (article id) or by (source, article id), so a
batch that is killed half-way leaves nothing behind and a re-run adds nothing
that is already there.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from .model import Analysis, Article

DEFAULT_DB = "storyline.duckdb"

# Recorded migrations: each runs once, in order, inside a transaction.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_articles",
        """
        CREATE TABLE articles (
            id          VARCHAR PRIMARY KEY,  -- hash of the normalised title and body
            source      VARCHAR NOT NULL,     -- first path or URL it was read from
            format      VARCHAR NOT NULL,
            title       VARCHAR,
            published   DATE,
            outlet      VARCHAR,
            description VARCHAR,
            author      VARCHAR,
            url         VARCHAR,
            body        VARCHAR NOT NULL,     -- all later offsets refer to this text
            metadata    JSON,
            stored_at   TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE comments (
            article_id  VARCHAR NOT NULL,
            idx         INTEGER NOT NULL,     -- position in the thread, from 0
            author      VARCHAR,
            depth       INTEGER NOT NULL,
            parent      INTEGER,              -- idx of the comment replied to
            text        VARCHAR NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        -- every place an article was read from; more than one row means copies
        CREATE TABLE sources (
            source      VARCHAR NOT NULL,
            article_id  VARCHAR NOT NULL,
            seen_at     TIMESTAMP DEFAULT current_timestamp,
            PRIMARY KEY (source, article_id)
        );
    """,
    ),
    (
        "0002_analysis",
        """
        -- which articles were analysed, by which model and extractor version
        CREATE TABLE analyses (
            article_id  VARCHAR PRIMARY KEY,
            model       VARCHAR NOT NULL,
            version     VARCHAR NOT NULL,
            analyzed_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE sentences (
            article_id  VARCHAR NOT NULL,
            idx         INTEGER NOT NULL,
            start_char  INTEGER NOT NULL,     -- offsets in articles.body
            end_char    INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        -- every actor mention, resolved, with its evidence
        CREATE TABLE mentions (
            article_id  VARCHAR NOT NULL,
            idx         INTEGER NOT NULL,
            text        VARCHAR NOT NULL,
            name        VARCHAR,
            country     VARCHAR,
            sector      VARCHAR,
            start_char  INTEGER,
            end_char    INTEGER,
            PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE events (
            id             VARCHAR PRIMARY KEY,
            article_id     VARCHAR NOT NULL,
            sentence       INTEGER NOT NULL,
            start_char     INTEGER NOT NULL,  -- the sentence's offsets in articles.body
            end_char       INTEGER NOT NULL,
            type           VARCHAR NOT NULL,
            mode           VARCHAR,
            cameo          VARCHAR,
            score          DOUBLE,
            source         JSON,              -- [{text, name, country, sector, start, end}]
            target         JSON,
            trigger        VARCHAR NOT NULL,
            trigger_start  INTEGER,
            trigger_end    INTEGER,
            modality       VARCHAR NOT NULL,
            background     BOOLEAN NOT NULL,
            date           DATE,
            date_precision VARCHAR NOT NULL,
            place          JSON,              -- {name, country, lat, lon, precision} or null
            confidence     DOUBLE NOT NULL
        );
        """,
    ),
    (
        "0003_quotes",
        """
        -- who said what: direct and reported statements with their speaker and evidence
        CREATE TABLE quotes (
            id          VARCHAR PRIMARY KEY,
            article_id  VARCHAR NOT NULL,
            kind        VARCHAR NOT NULL,     -- direct | indirect
            text        VARCHAR NOT NULL,
            speaker     JSON,                 -- {text, name, country, sector, start, end}
            verb        VARCHAR,
            sentence    INTEGER,              -- -1 in a comment
            start_char  INTEGER NOT NULL,     -- offsets in articles.body, or in the comment
            end_char    INTEGER NOT NULL,
            verb_start  INTEGER,
            verb_end    INTEGER,
            in_comment  BOOLEAN NOT NULL,
            comment     INTEGER               -- comments.idx when in_comment
        );
        """,
    ),
]
# The tables an analysis fills; a newer extractor version replaces their rows.
ANALYSIS_TABLES = ("sentences", "mentions", "events", "quotes")

# Column name → type of each table's writable columns, in insert order.
ARTICLE_COLUMNS = {
    "id": "VARCHAR", "source": "VARCHAR", "format": "VARCHAR", "title": "VARCHAR",
    "published": "DATE", "outlet": "VARCHAR", "description": "VARCHAR", "author": "VARCHAR",
    "url": "VARCHAR", "body": "VARCHAR", "metadata": "JSON",
}  # fmt: skip
COMMENT_COLUMNS = {
    "article_id": "VARCHAR", "idx": "INTEGER", "author": "VARCHAR", "depth": "INTEGER",
    "parent": "INTEGER", "text": "VARCHAR",
}  # fmt: skip
SOURCE_COLUMNS = {"source": "VARCHAR", "article_id": "VARCHAR"}
ANALYSIS_COLUMNS = {"article_id": "VARCHAR", "model": "VARCHAR", "version": "VARCHAR"}
SENTENCE_COLUMNS = {
    "article_id": "VARCHAR", "idx": "INTEGER", "start_char": "INTEGER", "end_char": "INTEGER",
}  # fmt: skip
MENTION_COLUMNS = {
    "article_id": "VARCHAR", "idx": "INTEGER", "text": "VARCHAR", "name": "VARCHAR",
    "country": "VARCHAR", "sector": "VARCHAR", "start_char": "INTEGER", "end_char": "INTEGER",
}  # fmt: skip
EVENT_COLUMNS = {
    "id": "VARCHAR", "article_id": "VARCHAR", "sentence": "INTEGER", "start_char": "INTEGER",
    "end_char": "INTEGER", "type": "VARCHAR", "mode": "VARCHAR", "cameo": "VARCHAR",
    "score": "DOUBLE", "source": "JSON", "target": "JSON", "trigger": "VARCHAR",
    "trigger_start": "INTEGER", "trigger_end": "INTEGER",
    "modality": "VARCHAR", "background": "BOOLEAN", "date": "DATE", "date_precision": "VARCHAR",
    "place": "JSON", "confidence": "DOUBLE",
}  # fmt: skip
QUOTE_COLUMNS = {
    "id": "VARCHAR", "article_id": "VARCHAR", "kind": "VARCHAR", "text": "VARCHAR",
    "speaker": "JSON", "verb": "VARCHAR", "sentence": "INTEGER", "start_char": "INTEGER",
    "end_char": "INTEGER", "verb_start": "INTEGER", "verb_end": "INTEGER",
    "in_comment": "BOOLEAN", "comment": "INTEGER",
}  # fmt: skip


class StoreError(RuntimeError):
    """A database problem worded for the person at the terminal."""


@dataclass
class WriteResult:
    """What one batch changed: new articles, new copies, and what was there already."""

    stored: int = 0
    copies: int = 0
    existing: int = 0


def _connect(path: str | Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only and not Path(path).exists():
        raise StoreError(f"no database at {path}: run 'storyline run PATH' first, or pass --db")
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise StoreError(
                f"{path} is in use by another storyline process "
                "(DuckDB allows one writer); wait for it to finish"
            ) from e
        raise StoreError(f"cannot open {path}: {e}") from e
    except duckdb.Error as e:
        raise StoreError(f"cannot open {path} as a DuckDB database: {e}") from e


def _insert(
    con, table: str, columns: dict[str, str], rows: list[tuple], returning: str | None = None
) -> list[tuple]:
    """Bulk INSERT … ON CONFLICT DO NOTHING of rows typed by `columns` (name → SQL type).

    The rows go through a temporary JSON Lines file: DuckDB's JSON reader loads a
    batch about ten times faster than bound parameters do.
    """
    if not rows:
        return []
    names = list(columns)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for row in rows:
            f.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False, default=str))
            f.write("\n")
    spec = "{" + ", ".join(f"'{n}': '{t}'" for n, t in columns.items()) + "}"
    path = f.name.replace("'", "''")
    sql = (
        f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} "
        f"FROM read_json('{path}', format = 'newline_delimited', columns = {spec}, "
        f"maximum_object_size = {1 << 30}) ON CONFLICT DO NOTHING"
        + (f" RETURNING {returning}" if returning else "")
    )
    try:
        cursor = con.execute(sql)
        return cursor.fetchall() if returning else []
    finally:
        os.unlink(f.name)


def _involves(actors: list[dict[str, Any]], actor: str) -> bool:
    """Whether a country code (exact) or a name (substring) is among these actors."""
    wanted = actor.strip().lower()
    for a in actors:
        if (a.get("country") or "").lower() == wanted:
            return True
        if any(wanted in (a.get(k) or "").lower() for k in ("name", "text")):
            return True
    return False


class Store:
    """One DuckDB file; open read-only for queries, writable for `storyline run`."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        self.con = _connect(path, read_only)
        if not read_only:
            self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS migrations "
            "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        done = {name for (name,) in self.con.execute("SELECT name FROM migrations").fetchall()}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            self.con.execute("BEGIN")
            self.con.execute(sql)
            self.con.execute("INSERT INTO migrations (name) VALUES (?)", [name])
            self.con.execute("COMMIT")

    # -- writes ---------------------------------------------------------------

    def write_articles(
        self,
        articles: Iterable[Article],
        analyses: Iterable[Analysis] = (),
        analyzer: tuple[str, str] = ("", ""),
    ) -> WriteResult:
        """Store a batch and its analyses in one transaction; known articles only gain a source.

        `analyzer` is the (model, extractor version) the analyses came from.
        """
        batch = list(articles)
        result = WriteResult()
        if not batch:
            return result
        unique = list({a.id: a for a in reversed(batch)}.values())  # first occurrence wins
        article_rows = [
            (
                a.id,
                a.source,
                a.format,
                a.title,
                a.published,
                a.outlet,
                a.description,
                a.author,
                a.url,
                a.body,
                a.metadata,
            )
            for a in unique
        ]
        self.con.execute("BEGIN")
        try:
            new_ids = {
                i for (i,) in _insert(self.con, "articles", ARTICLE_COLUMNS, article_rows, "id")
            }
            comment_rows = [
                (a.id, k, c.author, c.depth, c.parent, c.text)
                for a in unique
                if a.id in new_ids
                for k, c in enumerate(a.comments)
            ]
            _insert(self.con, "comments", COMMENT_COLUMNS, comment_rows)
            pairs = list(dict.fromkeys((a.source, a.id) for a in batch))
            new_pairs = set(
                _insert(self.con, "sources", SOURCE_COLUMNS, pairs, "source, article_id")
            )
            self._write_analyses(list(analyses), analyzer)
            self.con.execute("COMMIT")
        except BaseException as e:
            with contextlib.suppress(duckdb.TransactionException):
                self.con.execute("ROLLBACK")  # an interrupted query may have ended it already
            if isinstance(e, duckdb.InterruptException) or "interrupted" in str(e).lower():
                raise KeyboardInterrupt from e  # DuckDB turns Ctrl-C inside a query into its own
            raise
        result.stored = len(new_ids)
        first_source = {a.id: a.source for a in unique}
        result.copies = sum(1 for s, i in new_pairs if i not in new_ids or s != first_source[i])
        result.existing = len(batch) - result.stored - result.copies
        return result

    def _write_analyses(self, analyses: list[Analysis], analyzer: tuple[str, str]) -> None:
        """Sentences, mentions, events and quotes of newly analysed articles, in the open
        transaction; an analysis by an older extractor version is replaced."""
        if not analyses:
            return
        ids = [a.article_id for a in analyses]
        stale = self.con.execute(
            "SELECT article_id FROM analyses WHERE article_id IN (SELECT unnest(?)) "
            "AND version <> ?",
            [ids, analyzer[1]],
        ).fetchall()
        if stale:
            old = [i for (i,) in stale]
            for table in (*ANALYSIS_TABLES, "analyses"):
                self.con.execute(
                    f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [old]
                )
        fresh = {
            i
            for (i,) in _insert(
                self.con,
                "analyses",
                ANALYSIS_COLUMNS,
                [(a.article_id, *analyzer) for a in analyses],
                "article_id",
            )
        }
        todo = [a for a in analyses if a.article_id in fresh]
        _insert(self.con, "sentences", SENTENCE_COLUMNS, [
            (s.article_id, s.idx, s.start, s.end) for a in todo for s in a.sentences
        ])  # fmt: skip
        _insert(self.con, "mentions", MENTION_COLUMNS, [
            (a.article_id, k, m.text, m.name, m.country, m.sector, m.start, m.end)
            for a in todo for k, m in enumerate(a.mentions)
        ])  # fmt: skip
        _insert(self.con, "events", EVENT_COLUMNS, [
            (e.id, e.article_id, e.sentence, e.start, e.end, e.type, e.mode, e.cameo, e.score,
             [vars(x) for x in e.source], [vars(x) for x in e.target], e.trigger,
             e.trigger_start, e.trigger_end, e.modality,
             e.background, e.date, e.date_precision, vars(e.place) if e.place else None,
             e.confidence)
            for a in todo for e in a.events
        ])  # fmt: skip
        _insert(self.con, "quotes", QUOTE_COLUMNS, [
            (q.id, q.article_id, q.kind, q.text, vars(q.speaker) if q.speaker else None, q.verb,
             q.sentence, q.start, q.end, q.verb_start, q.verb_end, q.in_comment, q.comment)
            for a in todo for q in a.quotes
        ])  # fmt: skip

    def analyzed_ids(self, ids: list[str], version: str | None = None) -> set[str]:
        """Which of these articles already have an analysis (by this extractor version)."""
        rows = self.con.execute(
            "SELECT article_id FROM analyses WHERE article_id IN (SELECT unnest(?)) "
            "AND (? IS NULL OR version = ?)",
            [ids, version, version],
        ).fetchall()
        return {i for (i,) in rows}

    # -- queries --------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def count_articles(self) -> int:
        """How many distinct articles are stored."""
        return self.con.execute("SELECT count(*) FROM articles").fetchone()[0]

    def list_articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Articles in date order, each with its comments and the sources it was copied from."""
        rows = self._rows(
            "SELECT * FROM articles ORDER BY published NULLS LAST, title, id"
            + (" LIMIT ?" if limit else ""),
            [limit] if limit else [],
        )
        return self._complete(rows)

    def get_article(self, ref: str) -> dict[str, Any]:
        """One article by id or unambiguous id prefix."""
        rows = self._rows(
            "SELECT * FROM articles WHERE id LIKE ? || '%' ORDER BY id LIMIT 2", [ref]
        )
        if not rows:
            raise StoreError(f"no article with id {ref!r}: 'storyline articles' lists them")
        if len(rows) > 1:
            raise StoreError(f"id prefix {ref!r} is ambiguous: give more characters")
        return self._complete(rows)[0]

    def list_events(
        self,
        type_: str | None = None,
        article: str | None = None,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events in date order with their evidence sentence; `actor` is a country code or a
        name (matched in source or target)."""
        where, params = ["TRUE"], []
        for clause, value in (
            ("e.type = upper(?)", type_),
            ("e.article_id LIKE ? || '%'", article),
            ("e.date >= CAST(? AS DATE)", since),
            ("e.date <= CAST(? AS DATE)", until),
        ):
            if value:
                where.append(clause)
                params.append(value)
        rows = self._rows(
            "SELECT e.*, substr(a.body, e.start_char + 1, e.end_char - e.start_char) "
            "AS sentence_text FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE {' AND '.join(where)} ORDER BY e.date NULLS LAST, e.article_id, e.sentence, "
            "e.trigger_start",
            params,
        )
        out = []
        for r in rows:
            event = {
                "id": r["id"], "article_id": r["article_id"], "type": r["type"], "mode": r["mode"],
                "cameo": r["cameo"], "score": r["score"],
                "source": json.loads(r["source"]), "target": json.loads(r["target"]),
                "trigger": r["trigger"], "modality": r["modality"], "background": r["background"],
                "date": r["date"].isoformat() if r["date"] else None,
                "date_precision": r["date_precision"],
                "place": json.loads(r["place"]) if r["place"] else None,
                "sentence": r["sentence_text"], "start": r["start_char"], "end": r["end_char"],
                "trigger_start": r["trigger_start"], "trigger_end": r["trigger_end"],
                "confidence": r["confidence"],
            }  # fmt: skip
            if actor and not _involves(event["source"] + event["target"], actor):
                continue
            out.append(event)
            if limit and len(out) >= limit:
                break
        return out

    def list_quotes(
        self,
        speaker: str | None = None,
        article: str | None = None,
        comments: bool = False,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes in article date and text order; those in reader comments only with
        `comments`. `speaker` is a country code or a name, as for events."""
        where, params = ["TRUE"], []
        if article:
            where.append("q.article_id LIKE ? || '%'")
            params.append(article)
        if not comments:
            where.append("NOT q.in_comment")
        rows = self._rows(
            "SELECT q.*, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE {' AND '.join(where)} "
            "ORDER BY a.published NULLS LAST, q.article_id, q.in_comment, q.comment, q.start_char",
            params,
        )
        out = []
        for r in rows:
            quote = {
                "id": r["id"], "article_id": r["article_id"], "text": r["text"],
                "kind": r["kind"], "speaker": json.loads(r["speaker"]) if r["speaker"] else None,
                "verb": r["verb"], "start": r["start_char"], "end": r["end_char"],
                "in_comment": r["in_comment"], "comment": r["comment"],
                "published": r["published"].isoformat() if r["published"] else None,
            }  # fmt: skip
            if speaker and not (quote["speaker"] and _involves([quote["speaker"]], speaker)):
                continue
            out.append(quote)
            if limit and len(out) >= limit:
                break
        return out

    def _complete(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Add comments and copies to article rows; dates as ISO strings."""
        if not rows:
            return rows
        ids = [r["id"] for r in rows]
        comments: dict[str, list[dict]] = {}
        for c in self._rows(
            "SELECT * FROM comments WHERE article_id IN (SELECT unnest(?)) "
            "ORDER BY article_id, idx",
            [ids],
        ):
            comments.setdefault(c.pop("article_id"), []).append(
                {
                    "author": c["author"],
                    "depth": c["depth"],
                    "parent": c["parent"],
                    "text": c["text"],
                }
            )
        copies: dict[str, list[str]] = {}
        for s in self._rows(
            "SELECT s.article_id, s.source FROM sources s JOIN articles a "
            "ON a.id = s.article_id AND a.source <> s.source "
            "WHERE s.article_id IN (SELECT unnest(?)) ORDER BY s.seen_at, s.source",
            [ids],
        ):
            copies.setdefault(s["article_id"], []).append(s["source"])
        for r in rows:
            r["published"] = r["published"].isoformat() if r["published"] else None
            r["stored_at"] = r["stored_at"].isoformat(timespec="seconds")
            r["metadata"] = json.loads(r["metadata"]) if r["metadata"] else {}
            r["comments"] = comments.get(r["id"], [])
            r["copies"] = copies.get(r["id"], [])
        return rows
