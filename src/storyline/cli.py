"""The `storyline` command: a thin layer over pipeline, store and output."""

from __future__ import annotations

import functools
import operator
import sys
from pathlib import Path
from typing import Any

import click

from . import output, pipeline
from .ingest import MAX_DOC_BYTES
from .store import DEFAULT_DB, Store, StoreError

ARTICLE_COLUMNS: list[output.Column] = [
    ("id", lambda r: r["id"]),
    ("published", lambda r: r["published"]),
    ("outlet", lambda r: r["outlet"]),
    ("comments", lambda r: len(r["comments"])),
    ("words", lambda r: len(r["body"].split())),
    ("title", lambda r: r["title"] or r["body"][:80]),
]
ARTICLE_FIELDS = (
    "id",
    "source",
    "title",
    "published",
    "outlet",
    "description",
    "author",
    "url",
    "format",
    "body",
    "comments",
    "copies",
    "metadata",
)


def db_option(f):
    """The --db option every command shares."""
    return click.option(
        "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="DuckDB database file."
    )(f)


def format_option(*choices: str):
    """A --format option with the given choices, the first being the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def friendly_errors(f):
    """Turn store errors into one clear line and exit status 2."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except StoreError as e:
            raise click.ClickException(str(e)) from e

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main() -> None:
    """storyline: news coverage in, a source-traced record of political events out."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--batch-size",
    default=pipeline.BATCH_SIZE,
    show_default=True,
    help="Articles per database transaction.",
)
@click.option(
    "--max-doc-mb",
    default=MAX_DOC_BYTES / 1e6,
    show_default=True,
    help="Largest single document (text or HTML file, record) accepted, in MB.",
)
@click.option(
    "--analyze/--no-analyze",
    default=True,
    show_default=True,
    help="Parse bodies with spaCy and extract actors and events (off: only clean and store).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: only when stderr is a terminal).",
)
@friendly_errors
def run(
    paths: tuple[str, ...],
    db: str,
    batch_size: int,
    max_doc_mb: float,
    analyze: bool,
    progress: bool | None,
) -> None:
    """Read PATHS (files, folders, globs, - for stdin); clean, analyse and store the articles.

    Formats: plain text, HTML, WARC, JSONL/JSON and CSV/TSV, any of them gzipped.
    Bad items are reported one line each on stderr; the rest goes on, and the
    exit status is 1 if anything failed.
    """
    with Store(db) as store:
        summary = pipeline.run(
            list(paths),
            store,
            batch_size=batch_size,
            max_bytes=int(max_doc_mb * 1e6),
            progress=progress,
            analyze=analyze,
        )
    click.echo(summary.line(), err=True)
    if summary.interrupted:
        sys.exit(130)
    if summary.failed:
        sys.exit(1)


@main.command()
@db_option
@format_option("table", "jsonl", "csv")
@click.option("--limit", type=int, default=None, help="Show at most N articles.")
@friendly_errors
def articles(db: str, fmt: str, limit: int | None) -> None:
    """List stored articles in date order."""
    with Store(db, read_only=True) as store:
        rows = store.list_articles(limit)
    if fmt == "jsonl":
        output.jsonl([{k: r[k] for k in ARTICLE_FIELDS} for r in rows])
    elif fmt == "csv":
        output.csv_rows(rows, [(k, operator.itemgetter(k)) for k in ARTICLE_FIELDS])
    else:
        output.table(rows, ARTICLE_COLUMNS)


def _article_text(r: dict[str, Any]) -> str:
    lines = [r["title"] or "(no title)", "=" * min(len(r["title"] or "(no title)"), 88)]
    facts = [
        ("id", r["id"]),
        ("published", r["published"]),
        ("outlet", r["outlet"]),
        ("author", r["author"]),
        ("source", r["source"]),
        ("url", r["url"]),
    ]
    lines += [f"{k}: {v}" for k, v in facts if v]
    lines += [f"copy: {c}" for c in r["copies"]]
    if r["description"]:
        lines += ["", output.wrap(r["description"], indent="  ")]
    lines += ["", output.wrap(r["body"])]
    if r["comments"]:
        lines += ["", f"--- {len(r['comments'])} comments ---"]
        for k, c in enumerate(r["comments"]):
            pad = "    " * c["depth"]
            reply = f" (reply to #{c['parent']})" if c["parent"] is not None else ""
            lines += [
                "",
                f"{pad}#{k} {c['author'] or 'anonymous'}{reply}",
                output.wrap(c["text"], 88 - len(pad), pad + "  "),
            ]
    return "\n".join(lines)


@main.command()
@click.argument("article_id", metavar="ID")
@db_option
@format_option("text", "jsonl")
@friendly_errors
def article(article_id: str, db: str, fmt: str) -> None:
    """Show one article (ID or a unique prefix of it) with its comments."""
    with Store(db, read_only=True) as store:
        row = store.get_article(article_id)
    if fmt == "jsonl":
        output.jsonl([{k: row[k] for k in ARTICLE_FIELDS}])
    else:
        click.echo(_article_text(row))


EVENT_COLUMNS: list[output.Column] = [
    (
        "date",
        lambda e: (
            (e["date"] or "")
            + ("" if e["date_precision"] == "day" else f" ({e['date_precision']})")
        ),
    ),
    ("type", lambda e: e["type"] + (f"/{e['mode']}" if e["mode"] else "")),
    ("source", lambda e: _actors(e["source"])),
    ("target", lambda e: _actors(e["target"])),
    ("modality", lambda e: e["modality"] + (" bg" if e["background"] else "")),
    ("place", lambda e: e["place"]["name"] if e["place"] else ""),
    ("trigger", lambda e: e["trigger"]),
    ("sentence", lambda e: e["sentence"]),
]
EVENT_FIELDS = (
    "id", "article_id", "type", "mode", "cameo", "score", "source", "target", "trigger",
    "modality", "background", "date", "date_precision", "place", "sentence", "start", "end",
    "trigger_start", "trigger_end", "confidence",
)  # fmt: skip


def _actors(actors: list[dict]) -> str:
    """Actors as 'name (COUNTRY SECTOR)' for the table."""
    out = []
    for a in actors:
        tags = " ".join(x for x in (a.get("country"), a.get("sector")) if x)
        out.append(f"{a.get('name') or a['text']}" + (f" ({tags})" if tags else ""))
    return "; ".join(out)


@main.command()
@db_option
@format_option("table", "jsonl", "csv")
@click.option("--type", "type_", metavar="T", help="Only this PLOVER type (e.g. REJECT).")
@click.option("--actor", metavar="COUNTRY_OR_NAME", help="Only events with this actor.")
@click.option("--since", metavar="D", help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", metavar="D", help="Only events on or before this date (YYYY-MM-DD).")
@click.option("--article", metavar="ID", help="Only events of this article (id or prefix).")
@click.option("--limit", type=int, default=None, help="Show at most N events.")
@friendly_errors
def events(
    db: str,
    fmt: str,
    type_: str | None,
    actor: str | None,
    since: str | None,
    until: str | None,
    article: str | None,
    limit: int | None,
) -> None:
    """List extracted events with their actors, dates, places and evidence."""
    with Store(db, read_only=True) as store:
        rows = store.list_events(type_, article, since, until, actor, limit)
    if fmt == "jsonl":
        output.jsonl([{k: r[k] for k in EVENT_FIELDS} for r in rows])
    elif fmt == "csv":
        output.csv_rows(rows, [(k, operator.itemgetter(k)) for k in EVENT_FIELDS])
    else:
        output.table(rows, EVENT_COLUMNS)


QUOTE_COLUMNS: list[output.Column] = [
    ("date", lambda q: q["published"] or ""),
    ("article", lambda q: q["article_id"][:8] + (f" c{q['comment']}" if q["in_comment"] else "")),
    ("speaker", lambda q: _actors([q["speaker"]]) if q["speaker"] else "?"),
    ("kind", lambda q: q["kind"]),
    ("verb", lambda q: q["verb"] or ""),
    ("text", lambda q: q["text"]),
]
QUOTE_FIELDS = (
    "id", "article_id", "text", "kind", "speaker", "verb", "start", "end", "in_comment",
    "comment",
)  # fmt: skip


@main.command()
@db_option
@format_option("table", "jsonl")
@click.option("--speaker", metavar="NAME_OR_COUNTRY", help="Only quotes by this speaker.")
@click.option("--article", metavar="ID", help="Only quotes of this article (id or prefix).")
@click.option("--comments", is_flag=True, help="Also quotes inside reader comments.")
@click.option("--limit", type=int, default=None, help="Show at most N quotes.")
@friendly_errors
def quotes(
    db: str, fmt: str, speaker: str | None, article: str | None, comments: bool,
    limit: int | None,
) -> None:  # fmt: skip
    """List who said what: direct and reported statements with their speakers."""
    with Store(db, read_only=True) as store:
        rows = store.list_quotes(speaker, article, comments, limit)
    if fmt == "jsonl":
        output.jsonl([{k: r[k] for k in QUOTE_FIELDS} for r in rows])
    else:
        output.table(rows, QUOTE_COLUMNS)


@main.group(name="eval")
def evaluate() -> None:
    """Score extraction on the development gold sets."""


@evaluate.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N sentences.")
def plover(path: Path, limit: int | None) -> None:
    """Event type and source/target accuracy on PLOVER-annotated sentences (TSV)."""
    from .evaluation import plover as task

    click.echo(task.report(path, limit))


@evaluate.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
def location(path: Path, limit: int | None) -> None:
    """Event place precision/recall/F1 on span-labelled sentences (Prodigy JSONL)."""
    from .evaluation import location as task

    click.echo(task.report(path, limit))


@evaluate.command(name="time")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
def time_(path: Path) -> None:
    """TIMEX3 value accuracy against each document's creation time (TimeML folder)."""
    from .evaluation import time as task

    click.echo(task.report(path))


@evaluate.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def places(path: Path) -> None:
    """Toponym resolution on LGL: exact GeoNames id, right country, within 161 km."""
    from .evaluation import places as task

    click.echo(task.report(path))


@evaluate.command(name="quotes")
@click.argument("path", type=click.Path(exists=True, path_type=Path), required=False)
@click.option(
    "--polnear", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Score on a PolNeAR folder (text/ and attributions/) instead.",
)  # fmt: skip
@click.option(
    "--shared", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Folder the file's article paths are relative to (default: ../shared).",
)  # fmt: skip
def quotes_(path: Path | None, polnear: Path | None, shared: Path | None) -> None:
    """Precision/recall of quote spans and speakers (our JSONL file, or --polnear DIR)."""
    from .evaluation import quotes as task

    if (path is None) == (polnear is None):
        raise click.UsageError("give either FILE or --polnear DIR")
    if polnear is not None:
        click.echo(task.report(polnear, polnear=True))
    else:
        click.echo(task.report(path, shared=shared or Path("../shared")))


@evaluate.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N sentences.")
def police(path: Path, limit: int | None) -> None:
    """Police killings/arrests/force detected per sentence (india_police_events folder)."""
    from .evaluation import police as task

    click.echo(task.report(path, limit))
