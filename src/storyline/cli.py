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
    "copy_of",
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
    "--link/--no-link",
    default=True,
    show_default=True,
    help="Then link: copies, stories, one event from many reports (needs --analyze).",
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
    link: bool,
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
        if analyze and link and not summary.interrupted:
            linked = pipeline.link(store, progress=progress, copied=summary.copied)
            click.echo(linked.line(), err=True)
    if summary.interrupted:
        sys.exit(130)
    if summary.failed:
        sys.exit(1)


@main.command(name="link")
@db_option
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: only when stderr is a terminal).",
)
@friendly_errors
def link_(db: str, progress: bool | None) -> None:
    """Link the analysed articles not linked yet: copies, stories, merged events.

    `storyline run` does this after every run; a re-run links nothing twice.
    """
    with Store(db) as store:
        click.echo(pipeline.link(store, progress=progress).line(), err=True)


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
    if r["copy_of"]:
        lines.append(f"copy of: {r['copy_of']}")
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
    ("source", lambda e: _actors(e["source"], "source" in e["guessed"])),
    ("target", lambda e: _actors(e["target"], "target" in e["guessed"])),
    ("modality", lambda e: e["modality"] + (" bg" if e["background"] else "")),
    ("place", lambda e: e["place"]["name"] if e["place"] else ""),
    ("reports", lambda e: f"{e['reports']}/{e['sources']}"),
    ("trigger", lambda e: e["trigger"]),
    ("sentence", lambda e: e["sentence"]),
]
EVENT_FIELDS = (
    "id", "article_id", "type", "mode", "cameo", "score", "source", "target", "trigger",
    "object", "modality", "background", "date", "date_precision", "place", "sentence", "start",
    "end", "trigger_start", "trigger_end", "confidence", "guessed", "story_id", "reports",
    "sources", "merged_id",
)  # fmt: skip


def _actors(actors: list[dict], guessed: bool = False) -> str:
    """Actors as 'name (COUNTRY SECTOR)' for the table; a guessed role ends in '?'."""
    out = []
    for a in actors:
        tags = " ".join(x for x in (a.get("country"), a.get("sector")) if x)
        out.append(f"{a.get('name') or a['text']}" + (f" ({tags})" if tags else ""))
    return "; ".join(out) + ("?" if guessed and out else "")


@main.command()
@db_option
@format_option("table", "jsonl", "csv")
@click.option("--type", "type_", metavar="T", help="Only this PLOVER type (e.g. REJECT).")
@click.option("--actor", metavar="COUNTRY_OR_NAME", help="Only events with this actor.")
@click.option("--since", metavar="D", help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", metavar="D", help="Only events on or before this date (YYYY-MM-DD).")
@click.option("--article", metavar="ID", help="Only events of this article (id or prefix).")
@click.option("--story", metavar="ID", help="Only events of this story (id or prefix).")
@click.option(
    "--reports", is_flag=True, help="One row per report, not per event (merged_id links them)."
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    metavar="X",
    help="Only events of at least this confidence (0-1); a role guessed from the nearest "
    "actor adds nothing to it.",
)
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
    story: str | None,
    reports: bool,
    min_confidence: float | None,
    limit: int | None,
) -> None:
    """List events with their actors, dates, places and evidence: one row per happening,
    however many articles report it (reports/sources: how many reports, outlets)."""
    with Store(db, read_only=True) as store:
        rows = store.list_events(
            type_, article, since, until, actor, limit, story, reports, min_confidence
        )
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


STORY_COLUMNS: list[output.Column] = [
    ("id", lambda s: s["id"]),
    ("first", lambda s: s["first"] or ""),
    ("last", lambda s: s["last"] or ""),
    ("articles", lambda s: s["articles"]),
    ("outlets", lambda s: len(s["outlets"])),
    ("events", lambda s: s["events"]),
    ("title", lambda s: s["title"] or ""),
]
STORY_FIELDS = ("id", "title", "first", "last", "articles", "outlets", "events", "actors",
                "summary")  # fmt: skip


def _story_record(s: dict[str, Any]) -> dict[str, Any]:
    return {**{k: s[k] for k in STORY_FIELDS}, "articles": s["article_ids"]}


@main.command()
@db_option
@format_option("table", "jsonl")
@click.option("--limit", type=int, default=None, help="Show at most N stories.")
@friendly_errors
def stories(db: str, fmt: str, limit: int | None) -> None:
    """List stories, latest first: articles grouped across outlets and days."""
    with Store(db, read_only=True) as store:
        rows = store.list_stories(limit=limit)
    if fmt == "jsonl":
        output.jsonl([_story_record(s) for s in rows])
    else:
        output.table(rows, STORY_COLUMNS)


STANCE_COLUMNS: list[output.Column] = [
    ("story", lambda s: s["story_id"] or ""),
    ("actor", lambda s: _actors([s["actor"]])),
    ("stance", lambda s: s["stance"]),
    ("object", lambda s: s["object"]),
    ("reports", lambda s: s["reports"]),
    ("evidence", lambda s: s["evidence"][0]["text"]),
]


@main.command()
@db_option
@format_option("table", "jsonl")
@click.option("--actor", metavar="COUNTRY_OR_NAME", help="Only stances of this actor.")
@click.option("--story", metavar="ID", help="Only stances in this story (id or prefix).")
@friendly_errors
def stances(db: str, fmt: str, actor: str | None, story: str | None) -> None:
    """Who is for, against or conditional on whom or what, per story, with evidence."""
    from .link.stances import gather

    with Store(db, read_only=True) as store:
        rows = gather(store.list_stances(actor, story))
    if fmt == "jsonl":
        output.jsonl(rows)
    else:
        output.table(rows, STANCE_COLUMNS)


def _story_text(s: dict[str, Any], events: list[dict], stances: list[dict]) -> str:
    title = s["title"] or "(untitled story)"
    lines = [title, "=" * min(len(title), 88)]
    lines.append(f"id: {s['id']}")
    lines.append(f"dates: {s['first']} to {s['last']}")
    lines.append(f"articles: {s['articles']} from {', '.join(s['outlets']) or 'unknown outlets'}")
    lines.append("actors: " + "; ".join(f"{_actors([a])} ×{a['mentions']}" for a in s["actors"]))
    lines += ["", f"Timeline ({len(events)} events; n× = reported n times)"]
    for e in events:
        day = (e["date"] or "?") + (
            "" if e["date_precision"] == "day" else f" ({e['date_precision']})"
        )
        kind = e["type"] + (f"/{e['mode']}" if e["mode"] else "")
        who = _actors(e["source"], "source" in e["guessed"]) or "?"
        whom = _actors(e["target"], "target" in e["guessed"])
        what = f"{who} → {whom}" if whom else who
        extra = f" [{e['modality']}]" if e["modality"] != "asserted" else ""
        extra += " [background]" if e["background"] else ""
        count = f"{e['reports']}×" if e["reports"] > 1 else "  "
        lines.append(f"  {day:20} {count:>3} {kind:20} {what}{extra}")
        lines.append(f"{'':27}[{e['article_id'][:8]}] {_cut(e['sentence'], 76)}")
    lines += ["", "Stances"]
    for st in stances:
        count = f" ×{st['reports']}" if st["reports"] > 1 else ""
        lines.append(
            f"  {_actors([st['actor']])} {st['stance'].upper()} {st['object']}{count} "
            f"[{st['evidence'][0]['article_id'][:8]}]"
        )
    lines += ["", "Summary"]
    for x in s["summary"]:
        lines.append(output.wrap(f"{' '.join(x['text'].split())} [{x['article_id'][:8]}]",
                                 indent="  "))  # fmt: skip
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    words = " ".join(text.split())
    return words if len(words) <= width else words[: width - 1] + "…"


def _newsworthy(event: dict[str, Any]) -> bool:
    """Timeline events by default: not background, and with an actor known by name or
    country that the sentence's syntax gives (not a guess)."""
    actors = [
        a for role in ("source", "target") if role not in event["guessed"] for a in event[role]
    ]
    return not event["background"] and any(a.get("name") or a.get("country") for a in actors)


@main.command()
@click.argument("story_id", metavar="ID")
@db_option
@format_option("text", "jsonl")
@click.option(
    "--all-events", is_flag=True,
    help="Also background events and events with no known actor in the timeline.",
)  # fmt: skip
@friendly_errors
def story(story_id: str, db: str, fmt: str, all_events: bool) -> None:
    """One story: its timeline of merged events, actors, stances and summary."""
    from .link.stances import gather

    with Store(db, read_only=True) as store:
        s = store.get_story(story_id)
        events = [e for e in store.list_events(story=s["id"]) if all_events or _newsworthy(e)]
        stances = gather(store.list_stances(story=s["id"]))
    if fmt == "jsonl":
        record = _story_record(s)
        record["timeline"] = [{k: e[k] for k in EVENT_FIELDS} for e in events]
        record["stances"] = stances
        output.jsonl([record])
    else:
        click.echo(_story_text(s, events, stances))


@main.group(name="eval")
def evaluate() -> None:
    """Score extraction on the development gold sets."""


@evaluate.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N sentences.")
@click.option(
    "--shared", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Folder a JSONL file's article paths are relative to (default: ../shared).",
)  # fmt: skip
def plover(path: Path, limit: int | None, shared: Path | None) -> None:
    """Event type and source/target accuracy on PLOVER-annotated sentences (TSV or JSONL)."""
    from .evaluation import plover as task

    click.echo(task.report(path, limit, shared))


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
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--polnear", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Score on a PolNeAR folder (text/ and attributions/) instead.",
)  # fmt: skip
@click.option(
    "--shared", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Folder the file's article paths are relative to (default: ../shared).",
)  # fmt: skip
def quotes_(paths: tuple[Path, ...], polnear: Path | None, shared: Path | None) -> None:
    """Precision/recall of quote spans and speakers (our JSONL files, several pooled, or
    --polnear DIR)."""
    from .evaluation import quotes as task

    if bool(paths) == (polnear is not None):
        raise click.UsageError("give either FILE... or --polnear DIR")
    if polnear is not None:
        click.echo(task.report(polnear, polnear=True))
    else:
        click.echo(task.report(list(paths), shared=shared or Path("../shared")))


@evaluate.command(name="stories")
@click.argument(
    "path", type=click.Path(exists=True, file_okay=False, path_type=Path), required=False,
    default=Path("../shared/gold/stories/ecbplus"),
)  # fmt: skip
def stories_(path: Path) -> None:
    """B-cubed of stories and of merged events on ECB+ (folder with ECB+/ and the CSV)."""
    from .evaluation import stories as task

    click.echo(task.report_text(path))


@evaluate.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N sentences.")
def police(path: Path, limit: int | None) -> None:
    """Police killings/arrests/force detected per sentence (india_police_events folder)."""
    from .evaluation import police as task

    click.echo(task.report(path, limit))
