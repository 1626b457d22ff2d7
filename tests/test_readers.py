"""Every input format through the real command: text, HTML, WARC, JSONL, CSV, gzip, stdin."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from conftest import ROOT, stored, storyline
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BODY = (
    "The interior ministry said on Sunday that 14 people had been arrested after protests in the "
    "port city, and that a curfew would stay in place until Wednesday."
)
PAGE = f"""<!doctype html><html><head><title>Curfew extended after port protests - The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta name="description" content="Arrests follow two nights of unrest.">
<meta property="article:published_time" content="2022-07-03T08:00:00Z"></head>
<body><nav>Home | World | Sport | Culture</nav>
<article><h1>Curfew extended after port protests</h1>
<p>{BODY}</p>
<p>Opposition leaders called the arrests unlawful and said they would appeal to the courts
on Monday, while the government defended the curfew as necessary for public safety.</p></article>
<footer>© The Daily 2022</footer></body></html>"""


def warc_bytes(pages: dict[str, str], compress: bool) -> bytes:
    """A WARC with one request/response pair per page, as a crawler writes it."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, html in pages.items():
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
        )
    return out.getvalue()


def test_html_page_with_metadata(tmp_path, db):
    (tmp_path / "page.html").write_text(PAGE)
    storyline("run", str(tmp_path / "page.html"), "--db", str(db), check=True)
    [a] = stored(db)
    assert a["title"] == "Curfew extended after port protests"
    assert (a["published"], a["outlet"], a["format"]) == ("2022-07-03", "The Daily", "html")
    assert a["description"] == "Arrests follow two nights of unrest."
    assert a["body"].startswith(BODY) and "Home | World" not in a["body"] and "©" not in a["body"]


def test_warc_and_warc_gz_give_one_article_per_html_response(tmp_path, db):
    other = PAGE.replace("Curfew extended", "Second curfew").replace("14 people", "20 people")
    pages = {"https://daily.example/a": PAGE, "https://daily.example/b": other}
    (tmp_path / "crawl.warc").write_bytes(warc_bytes(pages, compress=False))
    (tmp_path / "crawl2.warc.gz").write_bytes(warc_bytes(pages, compress=True))
    proc = storyline("run", str(tmp_path), "--db", str(db), check=True)
    articles = stored(db)
    assert sorted(a["source"] for a in articles) == sorted(pages)
    assert {a["format"] for a in articles} == {"warc"}
    assert b"2 already stored" in proc.stderr  # the .warc.gz holds the same two URLs


def test_jsonl_csv_tsv_json_fields_and_extra_columns(tmp_path, db):
    rec = {
        "title": "Curfew extended",
        "date": "2022-07-03",
        "url": "https://d.example/1",
        "outlet": "The Daily",
        "text": BODY,
        "section": "World",
    }
    (tmp_path / "a.jsonl").write_text(json.dumps(rec) + "\n")
    (tmp_path / "b.json").write_text(json.dumps([{**rec, "title": "JSON list", "url": "u2"}]))
    (tmp_path / "c.csv").write_text(
        f'headline,published,body,source\n"CSV row",03/07/2022x,"{BODY}",Wire\n'
    )
    (tmp_path / "d.tsv").write_text(f"title\tcontent\nTSV row\t{BODY}\n")
    proc = storyline("run", str(tmp_path), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    by_title = {a["title"]: a for a in stored(db)}
    assert set(by_title) == {"Curfew extended", "JSON list", "CSV row", "TSV row"}
    a = by_title["Curfew extended"]
    assert (a["published"], a["outlet"], a["source"], a["body"]) == (
        "2022-07-03",
        "The Daily",
        rec["url"],
        BODY,
    )
    assert a["metadata"]["extra"] == {"section": "World"}
    assert by_title["CSV row"]["outlet"] == "Wire" and by_title["CSV row"]["published"] is None
    assert b"unreadable date" in proc.stderr  # a warning, not a failure
    assert by_title["TSV row"]["source"].endswith("d.tsv#1")


def test_gzipped_text_jsonl_and_csv(tmp_path, db):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(f"Curfew extended\n\n{BODY}".encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(
        gzip.compress(json.dumps({"title": "J", "text": BODY + " J"}).encode())
    )
    (tmp_path / "c.csv.gz").write_bytes(
        gzip.compress(f"title,text\nC,{BODY.replace(',', '')}\n".encode())
    )
    storyline("run", str(tmp_path), "--db", str(db), check=True)
    assert sorted(a["title"] for a in stored(db)) == ["C", "Curfew extended", "J"]


def test_format_sniffed_without_extension_and_from_stdin(tmp_path, db):
    (tmp_path / "page").write_text(PAGE)
    (tmp_path / "dump").write_text(json.dumps({"title": "From a dump", "text": BODY}) + "\n")
    storyline("run", str(tmp_path), "--db", str(db), check=True)
    storyline(
        "run", "-", "--db", str(db), stdin=f"From stdin\n\n{BODY} Stdin.".encode(), check=True
    )
    by_title = {a["title"]: a for a in stored(db)}
    assert by_title["Curfew extended after port protests"]["format"] == "html"
    assert by_title["From a dump"]["format"] == "jsonl"
    assert by_title["From stdin"]["source"] == "-"


def test_examples_folder_reads_cleanly(db):
    proc = storyline("run", str(ROOT / "examples"), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    articles = stored(db)
    assert len(articles) == 6 and all(a["title"] and a["published"] for a in articles)
    walkout = next(a for a in articles if a["source"].endswith("jeddah-walkout.txt"))
    assert [c["depth"] for c in walkout["comments"]] == [0, 0, 1, 2]
    assert (
        walkout["body"].endswith("on Tuesday.")
        and "Sudanese army delegates arrive" not in walkout["body"]
    )


def test_glob_arguments(tmp_path, db):
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(f"Title {n}\n\n{BODY} Number {n}.")
    (tmp_path / "skip.txt").write_text(f"Skipped\n\n{BODY}")
    storyline("run", str(tmp_path / "a*.txt"), "--db", str(db), check=True)
    assert sorted(Path(a["source"]).name for a in stored(db)) == ["a0.txt", "a1.txt", "a2.txt"]
