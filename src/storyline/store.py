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
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
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
    (
        "0004_links",
        """
        ALTER TABLE events ADD COLUMN object VARCHAR;  -- what is acted on, as written
        ALTER TABLE sources ADD COLUMN outlet VARCHAR; -- who published the copy read there
        -- who is for, against or conditional on whom or what, with the sentence saying so
        CREATE TABLE stances (
            article_id   VARCHAR NOT NULL,
            idx          INTEGER NOT NULL,
            actor        JSON NOT NULL,       -- {text, name, country, sector, start, end}
            stance       VARCHAR NOT NULL,    -- for | against | conditional
            object       VARCHAR NOT NULL,
            object_kind  VARCHAR NOT NULL,    -- actor | proposal
            object_actor JSON,
            sentence     INTEGER NOT NULL,
            start_char   INTEGER NOT NULL,
            end_char     INTEGER NOT NULL,
            via          VARCHAR NOT NULL,    -- the event or quote it was read from
            PRIMARY KEY (article_id, idx)
        );
        -- one row per linked article, in linking order: what later articles are compared to
        CREATE TABLE links (
            article_id  VARCHAR PRIMARY KEY,
            seq         INTEGER NOT NULL,     -- linking order; merged event ids follow it
            minhash     UBIGINT[] NOT NULL,
            shingles    INTEGER NOT NULL,
            vector      FLOAT[] NOT NULL,
            terms       JSON NOT NULL,
            copy_of     VARCHAR,              -- the earliest article this one copies
            similarity  DOUBLE,
            story_id    VARCHAR NOT NULL,
            story_score DOUBLE NOT NULL
        );
        CREATE TABLE stories (
            id          VARCHAR PRIMARY KEY,
            title       VARCHAR,
            first       DATE,
            last        DATE,
            articles    INTEGER NOT NULL,
            outlets     JSON NOT NULL,
            actors      JSON NOT NULL,        -- the most mentioned, with counts
            summary     JSON NOT NULL         -- [{text, article_id, start, end}]
        );
        -- one event from many reports; its id is its first report's
        CREATE TABLE merged_events (
            id             VARCHAR PRIMARY KEY,
            story_id       VARCHAR NOT NULL,
            source         JSON,
            target         JSON,
            date           DATE,
            date_precision VARCHAR NOT NULL,
            reports        INTEGER NOT NULL,
            sources        INTEGER NOT NULL
        );
        CREATE TABLE event_links (
            event_id   VARCHAR PRIMARY KEY,
            merged_id  VARCHAR NOT NULL
        );
        """,
    ),
    (
        "0005_shown_report",
        """
        -- the report that stands for a merged event: what happened before what was planned
        -- ("boycotted" before "said it would boycott"); the id stays the first report's
        ALTER TABLE merged_events ADD COLUMN shown VARCHAR;
        """,
    ),
    (
        "0006_guessed_roles",
        """
        -- roles (source, target) taken from the nearest actor, not from the sentence's syntax
        ALTER TABLE events ADD COLUMN guessed VARCHAR[];
        """,
    ),
]
# The tables an analysis fills; a newer extractor version replaces their rows.
ANALYSIS_TABLES = ("sentences", "mentions", "events", "quotes", "stances")

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
SOURCE_COLUMNS = {"source": "VARCHAR", "article_id": "VARCHAR", "outlet": "VARCHAR"}
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
    "place": "JSON", "confidence": "DOUBLE", "object": "VARCHAR", "guessed": "VARCHAR[]",
}  # fmt: skip
STANCE_COLUMNS = {
    "article_id": "VARCHAR", "idx": "INTEGER", "actor": "JSON", "stance": "VARCHAR",
    "object": "VARCHAR", "object_kind": "VARCHAR", "object_actor": "JSON",
    "sentence": "INTEGER", "start_char": "INTEGER", "end_char": "INTEGER", "via": "VARCHAR",
}  # fmt: skip
LINK_COLUMNS = {
    "article_id": "VARCHAR", "seq": "INTEGER", "minhash": "UBIGINT[]", "shingles": "INTEGER",
    "vector": "FLOAT[]", "terms": "JSON", "copy_of": "VARCHAR", "similarity": "DOUBLE",
    "story_id": "VARCHAR", "story_score": "DOUBLE",
}  # fmt: skip
STORY_COLUMNS = {
    "id": "VARCHAR", "title": "VARCHAR", "first": "DATE", "last": "DATE", "articles": "INTEGER",
    "outlets": "JSON", "actors": "JSON", "summary": "JSON",
}  # fmt: skip
MERGED_COLUMNS = {
    "id": "VARCHAR", "story_id": "VARCHAR", "source": "JSON", "target": "JSON", "date": "DATE",
    "date_precision": "VARCHAR", "reports": "INTEGER", "sources": "INTEGER", "shown": "VARCHAR",
}  # fmt: skip
EVENT_LINK_COLUMNS = {"event_id": "VARCHAR", "merged_id": "VARCHAR"}
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
    copied: set[str] = field(default_factory=set)  # stored articles read again elsewhere


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
        reason = str(e).splitlines()[0]  # DuckDB appends a stack trace to internal errors
        if "replaying WAL" in reason:
            reason += f"; moving {path}.wal aside opens the database as of its last checkpoint"
        raise StoreError(f"cannot open {path} as a DuckDB database: {reason}") from e


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


def _event_record(r: dict[str, Any]) -> dict[str, Any]:
    """An events row (with its sentence text) as the dict every reader of events gets."""
    return {
        "id": r["id"], "article_id": r["article_id"], "type": r["type"], "mode": r["mode"],
        "cameo": r["cameo"], "score": r["score"],
        "source": json.loads(r["source"]), "target": json.loads(r["target"]),
        "trigger": r["trigger"], "object": r["object"], "modality": r["modality"],
        "background": r["background"],
        "date": r["date"].isoformat() if r["date"] else None,
        "date_precision": r["date_precision"],
        "place": json.loads(r["place"]) if r["place"] else None,
        "sentence": r["sentence_text"], "start": r["start_char"], "end": r["end_char"],
        "trigger_start": r["trigger_start"], "trigger_end": r["trigger_end"],
        "confidence": r["confidence"], "guessed": list(r["guessed"] or []),
    }  # fmt: skip


def _apply_migrations(
    con: duckdb.DuckDBPyConnection, migrations: Sequence[tuple[str, str]] = MIGRATIONS
) -> None:
    """Run the migrations this database lacks, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS migrations "
        "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {name for (name,) in con.execute("SELECT name FROM migrations").fetchall()}
    for name, sql in migrations:
        if name not in done:
            con.execute("BEGIN")
            con.execute(sql)
            con.execute("INSERT INTO migrations (name) VALUES (?)", [name])
            con.execute("COMMIT")


class Store:
    """One DuckDB file; open read-only for queries, writable for `storyline run`."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        self.con = _connect(path, read_only)
        if not read_only:
            self._migrate()
        elif pending := self._pending():
            self.con.close()
            if len(pending) == len(MIGRATIONS):
                raise StoreError(
                    f"{path} holds no storyline tables (a run stopped before storing "
                    f"anything?): run 'storyline run PATH --db {path}'"
                )
            raise StoreError(
                f"{path} was made by an older storyline: run 'storyline link --db {path}' "
                "once to bring it up to date"
            )

    def _pending(self) -> list[str]:
        """Migrations a read-only database lacks."""
        try:
            done = {n for (n,) in self.con.execute("SELECT name FROM migrations").fetchall()}
        except duckdb.CatalogException:
            return [name for name, _ in MIGRATIONS]
        return [name for name, _ in MIGRATIONS if name not in done]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _migrate(self) -> None:
        """Bring the schema up to date on a copy and swap it in.

        DuckDB 1.5 cannot replay schema changes (a fresh CREATE TABLE, an ALTER
        TABLE) from its log after a crash, so a kill during migrations must never
        leave them in the log: the copy is checkpointed before it replaces the file.
        """
        if not self._pending():
            return
        self.con.execute("CHECKPOINT")  # the file alone holds everything stored so far
        staging = Path(f"{self.path}.migrating")
        for leftover in (staging, Path(f"{staging}.wal")):  # from a run killed here
            leftover.unlink(missing_ok=True)
        shutil.copyfile(self.path, staging)
        con = duckdb.connect(str(staging))
        try:
            _apply_migrations(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        self.con.close()
        os.replace(staging, self.path)
        self.con = _connect(self.path, read_only=False)

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
            pairs = list({(a.source, a.id): (a.source, a.id, a.outlet) for a in batch}.values())
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
        result.copied = {i for s, i in new_pairs if i not in new_ids or s != first_source[i]}
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
             e.confidence, e.object, list(e.guessed))
            for a in todo for e in a.events
        ])  # fmt: skip
        _insert(self.con, "stances", STANCE_COLUMNS, [
            (a.article_id, k, vars(x.actor), x.stance, x.object, x.object_kind,
             vars(x.object_actor) if x.object_actor else None, x.sentence, x.start, x.end, x.via)
            for a in todo for k, x in enumerate(a.stances)
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

    # -- linking --------------------------------------------------------------

    def unlinked(self, limit: int | None = None) -> list[str]:
        """Ids of the analysed articles not linked yet, oldest first: the next to join
        stories."""
        rows = self.con.execute(
            "SELECT a.id FROM articles a JOIN analyses n ON n.article_id = a.id "
            "WHERE a.id NOT IN (SELECT article_id FROM links) "
            "ORDER BY a.published NULLS LAST, a.id" + (" LIMIT ?" if limit else ""),
            [limit] if limit else [],
        ).fetchall()
        return [i for (i,) in rows]

    def stories_of(self, ids: Iterable[str]) -> list[str]:
        """The stories these linked articles belong to."""
        rows = self.con.execute(
            "SELECT DISTINCT story_id FROM links WHERE article_id IN (SELECT unnest(?))",
            [list(ids)],
        ).fetchall()
        return [i for (i,) in rows]

    def story_sizes(self, story_ids: list[str]) -> dict[str, int]:
        """How many articles each of these stories has."""
        rows = self.con.execute(
            "SELECT story_id, count(*) FROM links WHERE story_id IN (SELECT unnest(?)) "
            "GROUP BY story_id",
            [story_ids],
        ).fetchall()
        return {**dict.fromkeys(story_ids, 0), **dict(rows)}

    def link_inputs(self, ids: list[str]) -> list[dict[str, Any]]:
        """What linking reads of these articles, in the order given."""
        rows = {r["id"]: r for r in self._rows(
            "SELECT id, title, body, published, outlet FROM articles "
            "WHERE id IN (SELECT unnest(?))", [ids])}  # fmt: skip
        return [rows[i] for i in ids]

    def link_state(self, chunk: int = 2000) -> Iterator[dict[str, Any]]:
        """Every linked article in linking order, with what newcomers are compared to,
        read a chunk at a time."""
        cursor = self.con.cursor()
        cursor.execute(
            "SELECT l.*, a.published FROM links l JOIN articles a ON a.id = l.article_id "
            "ORDER BY l.seq"
        )
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(chunk):
            yield from (dict(zip(names, row, strict=True)) for row in rows)

    def mention_names(self, ids: list[str]) -> dict[str, list[str]]:
        """The resolved names of each article's actor mentions."""
        out: dict[str, list[str]] = {i: [] for i in ids}
        for article_id, name in self.con.execute(
            "SELECT article_id, name FROM mentions WHERE article_id IN (SELECT unnest(?)) "
            "AND name IS NOT NULL ORDER BY article_id, idx",
            [ids],
        ).fetchall():
            out[article_id].append(name)
        return out

    def story_reports(self, story_ids: list[str]) -> list[dict[str, Any]]:
        """The events of these stories' articles in linking order, as `link.events.merge`
        reads them."""
        rows = self._rows(
            "SELECT e.*, l.story_id, l.seq, a.outlet, "
            "(SELECT list(DISTINCT coalesce(s.outlet, a.outlet)) FROM sources s "
            "WHERE s.article_id = e.article_id) AS outlets, "
            "substr(a.body, e.start_char + 1, e.end_char - e.start_char) AS sentence_text "
            "FROM events e JOIN links l ON l.article_id = e.article_id "
            "JOIN articles a ON a.id = e.article_id WHERE l.story_id IN (SELECT unnest(?)) "
            "ORDER BY l.seq, e.sentence, e.trigger_start",
            [story_ids],
        )
        return [{**_event_record(r), "outlet": r["outlet"], "story_id": r["story_id"],
                 "outlets": [o for o in r["outlets"] or [] if o]} for r in rows]  # fmt: skip

    def story_sentences(self, story_ids: list[str], lead: int) -> list[dict[str, Any]]:
        """The first `lead` sentences of each article of these stories that is not a copy."""
        return self._rows(
            "SELECT l.story_id, s.article_id, s.idx, s.start_char, s.end_char, "
            "substr(a.body, s.start_char + 1, s.end_char - s.start_char) AS text "
            "FROM sentences s JOIN links l ON l.article_id = s.article_id "
            "JOIN articles a ON a.id = s.article_id "
            "WHERE l.story_id IN (SELECT unnest(?)) AND l.copy_of IS NULL AND s.idx < ? "
            "ORDER BY l.seq, s.idx",
            [story_ids, lead],
        )

    def story_members(self, story_ids: list[str]) -> list[dict[str, Any]]:
        """Each article of these stories: title, opening words, date, outlet, vector, and the
        article it copies."""
        return self._rows(
            "SELECT l.story_id, l.article_id, l.vector, l.copy_of, a.title, a.published, "
            "a.outlet, substr(a.body, 1, 400) AS opening, "
            "(SELECT list(DISTINCT coalesce(s.outlet, a.outlet)) FROM sources s "
            "WHERE s.article_id = a.id) AS outlets "
            "FROM links l JOIN articles a ON a.id = l.article_id "
            "WHERE l.story_id IN (SELECT unnest(?)) ORDER BY l.seq",
            [story_ids],
        )

    def story_actors(self, story_ids: list[str]) -> list[dict[str, Any]]:
        """Actor mention counts per story, most mentioned first."""
        return self._rows(
            "SELECT l.story_id, coalesce(m.name, m.text) AS name, m.country, m.sector, "
            "count(*) AS mentions FROM mentions m JOIN links l ON l.article_id = m.article_id "
            "WHERE l.story_id IN (SELECT unnest(?)) AND l.copy_of IS NULL "
            "AND (m.name IS NOT NULL OR m.country IS NOT NULL) "
            "GROUP BY ALL ORDER BY l.story_id, mentions DESC, name",
            [story_ids],
        )

    def write_links(self, links: list[tuple]) -> None:
        """Newly linked articles (rows in LINK_COLUMNS order); a linked article stays put."""
        self._transaction(lambda: _insert(self.con, "links", LINK_COLUMNS, links))

    def replace_stories(
        self, stories: list[tuple], merged: list[tuple], event_links: list[tuple]
    ) -> None:
        """The stories' rows, merged events and event links, replacing the old ones."""
        ids = [row[0] for row in stories]

        def write() -> None:
            self.con.execute(
                "DELETE FROM event_links WHERE merged_id IN "
                "(SELECT id FROM merged_events WHERE story_id IN (SELECT unnest(?)))",
                [ids],
            )
            self.con.execute(
                "DELETE FROM merged_events WHERE story_id IN (SELECT unnest(?))", [ids]
            )
            self.con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?))", [ids])
            _insert(self.con, "stories", STORY_COLUMNS, stories)
            _insert(self.con, "merged_events", MERGED_COLUMNS, merged)
            _insert(self.con, "event_links", EVENT_LINK_COLUMNS, event_links)

        self._transaction(write)

    def _transaction(self, work: Callable[[], Any]) -> None:
        self.con.execute("BEGIN")
        try:
            work()
            self.con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.TransactionException):
                self.con.execute("ROLLBACK")
            raise

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
        story: str | None = None,
        reports: bool = False,
        min_confidence: float | None = None,
    ) -> list[dict[str, Any]]:
        """Events in date order with their evidence sentence: one row per happening (its
        first report, with the actors and date of all its reports), or with `reports` one
        row per report. `actor` is a country code or a name (matched in source or target)."""
        where, params = ["TRUE"], []
        for clause, value in (
            ("e.type = upper(?)", type_),
            ("e.article_id LIKE ? || '%'", article),
            ("coalesce(m.date, e.date) >= CAST(? AS DATE)", since),
            ("coalesce(m.date, e.date) <= CAST(? AS DATE)", until),
            ("m.story_id LIKE ? || '%'", story),
            ("e.confidence >= ?", min_confidence),
        ):
            if value is not None and value != "":
                where.append(clause)
                params.append(value)
        if not reports:
            where.append("(l.merged_id IS NULL OR coalesce(m.shown, l.merged_id) = e.id)")
        rows = self._rows(
            "SELECT e.*, substr(a.body, e.start_char + 1, e.end_char - e.start_char) "
            "AS sentence_text, l.merged_id, m.story_id, m.reports, m.sources, "
            "m.source AS merged_source, m.target AS merged_target, m.date AS merged_date, "
            "m.date_precision AS merged_precision "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN event_links l ON l.event_id = e.id "
            "LEFT JOIN merged_events m ON m.id = l.merged_id "
            f"WHERE {' AND '.join(where)} ORDER BY coalesce(m.date, e.date) NULLS LAST, "
            "e.article_id, e.sentence, e.trigger_start",
            params,
        )
        out = []
        for r in rows:
            event = _event_record(r)
            if r["merged_id"] and not reports:
                for role in ("source", "target"):  # a role another report tells is not a guess
                    merged = json.loads(r[f"merged_{role}"])
                    if merged != event[role]:
                        event["guessed"] = [g for g in event["guessed"] if g != role]
                    event[role] = merged
                event["date"] = r["merged_date"].isoformat() if r["merged_date"] else None
                event["date_precision"] = r["merged_precision"]
            event["merged_id"] = r["merged_id"] or r["id"]
            event["story_id"] = r["story_id"]
            event["reports"] = r["reports"] or 1
            event["sources"] = r["sources"] or 1
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

    def list_stories(
        self, story: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Stories, latest first, with their counts of articles, outlets and events."""
        rows = self._rows(
            "SELECT s.*, "
            "(SELECT count(*) FROM merged_events m WHERE m.story_id = s.id) AS events, "
            "(SELECT list(l.article_id ORDER BY l.seq) FROM links l WHERE l.story_id = s.id) "
            "AS article_ids FROM stories s WHERE (? IS NULL OR s.id LIKE ? || '%') "
            "ORDER BY s.last DESC NULLS LAST, s.articles DESC, s.id"
            + (" LIMIT ?" if limit else ""),
            [story, story, *([limit] if limit else [])],
        )
        for r in rows:
            for k in ("outlets", "actors", "summary"):
                r[k] = json.loads(r[k])
            for k in ("first", "last"):
                r[k] = r[k].isoformat() if r[k] else None
        return rows

    def get_story(self, ref: str) -> dict[str, Any]:
        """One story by id or unambiguous prefix."""
        rows = self.list_stories(ref, 2)
        if not rows:
            raise StoreError(f"no story with id {ref!r}: 'storyline stories' lists them")
        if len(rows) > 1 and rows[0]["id"] != ref:
            raise StoreError(f"story id prefix {ref!r} is ambiguous: give more characters")
        return rows[0]

    def list_stances(
        self, actor: str | None = None, story: str | None = None
    ) -> list[dict[str, Any]]:
        """Sentence-level stances with their story and evidence sentence, in story order."""
        rows = self._rows(
            "SELECT t.*, l.story_id, l.seq, "
            "substr(a.body, t.start_char + 1, t.end_char - t.start_char) AS text "
            "FROM stances t JOIN articles a ON a.id = t.article_id "
            "LEFT JOIN links l ON l.article_id = t.article_id "
            "WHERE (? IS NULL OR l.story_id LIKE ? || '%') ORDER BY l.seq, t.article_id, t.idx",
            [story, story],
        )
        out = []
        for r in rows:
            row = {
                "story_id": r["story_id"], "actor": json.loads(r["actor"]), "stance": r["stance"],
                "object": r["object"], "object_kind": r["object_kind"],
                "object_actor": json.loads(r["object_actor"]) if r["object_actor"] else None,
                "article_id": r["article_id"], "sentence": r["sentence"],
                "start": r["start_char"], "end": r["end_char"], "text": r["text"], "via": r["via"],
            }  # fmt: skip
            if actor and not _involves([row["actor"]], actor):
                continue
            out.append(row)
        return out

    def _complete(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Add comments, the sources it was also read from and the article it copies (if any)
        to article rows; dates as ISO strings."""
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
        linked = dict(
            self.con.execute(
                "SELECT article_id, copy_of FROM links WHERE article_id IN (SELECT unnest(?))",
                [ids],
            ).fetchall()
        )
        for r in rows:
            r["copy_of"] = linked.get(r["id"])
            r["published"] = r["published"].isoformat() if r["published"] else None
            r["stored_at"] = r["stored_at"].isoformat(timespec="seconds")
            r["metadata"] = json.loads(r["metadata"]) if r["metadata"] else {}
            r["comments"] = comments.get(r["id"], [])
            r["copies"] = copies.get(r["id"], [])
        return rows
