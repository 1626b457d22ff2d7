"""Bad input: one clear line per bad item naming file and reason; the rest goes on."""

from __future__ import annotations

import gzip
import json
import os

import pytest
from conftest import stored, storyline

BODY = (
    "Government forces and rebels exchanged fire near the airport on Thursday, witnesses said, "
    "a day after both sides agreed to a local truce."
)


def good(tmp_path, name="good.txt", n=0):
    (tmp_path / name).write_text(f"Good article {n}\n\n{BODY} Item {n}.")


def run(tmp_path, db, *paths):
    proc = storyline("run", *(paths or [str(tmp_path)]), "--db", str(db))
    errors = [ln for ln in proc.stderr.decode().splitlines() if ln.startswith("error:")]
    return proc, errors


def test_empty_file(tmp_path, db):
    good(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \n")
    proc, errors = run(tmp_path, db)
    assert proc.returncode == 1
    assert sorted(errors) == [
        f"error: {tmp_path}/blank.txt: empty file",
        f"error: {tmp_path}/empty.txt: empty file",
    ]
    assert len(stored(db)) == 1
    assert b"1 stored" in proc.stderr and b"2 failed" in proc.stderr


def test_binary_files(tmp_path, db):
    good(tmp_path)
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 40)
    proc, errors = run(tmp_path, db)
    assert proc.returncode == 1 and len(errors) == 2
    assert any("photo.txt: binary file (PNG)" in e for e in errors)
    assert any("noise.txt: binary content" in e for e in errors)
    assert len(stored(db)) == 1


def test_truncated_gzip_keeps_the_records_before_the_cut(tmp_path, db):
    lines = "".join(
        json.dumps({"title": f"T{n}", "text": f"{BODY} Record {n}."}) + "\n" for n in range(200)
    )
    data = gzip.compress(lines.encode())
    (tmp_path / "feed.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    (tmp_path / "article.txt.gz").write_bytes(gzip.compress(f"Cut\n\n{BODY}".encode())[:-12])
    proc, errors = run(tmp_path, db)
    assert proc.returncode == 1
    assert any("feed.jsonl.gz" in e and "truncated gzip" in e for e in errors)
    assert any("article.txt.gz: truncated gzip" in e for e in errors)
    kept = len(stored(db))
    assert 50 < kept < 200  # the good records before the cut are stored, the cut one is not


def test_half_broken_jsonl_stores_its_good_lines(tmp_path, db):
    lines = [
        json.dumps({"title": "A", "text": BODY}),
        '{"title": "B", "text": "unclosed',
        "[1, 2, 3]",
        json.dumps({"title": "C"}),
        "",
        json.dumps({"title": "D", "text": BODY + " D"}),
    ]
    (tmp_path / "half.jsonl").write_text("\n".join(lines) + "\n")
    proc, errors = run(tmp_path, db)
    assert proc.returncode == 1
    assert [e.split(": ", 2)[1] for e in errors] == [
        f"{tmp_path}/half.jsonl:line {n}" for n in (2, 3, 4)
    ]
    assert (
        "malformed JSON" in errors[0]
        and "expected a JSON object" in errors[1]
        and "no text" in errors[2]
    )
    assert sorted(a["title"] for a in stored(db)) == ["A", "D"]


def test_malformed_csv_rows(tmp_path, db):
    rows = ["title,text", f'A,"{BODY}"', "B,too,many,fields", f'C,"{BODY} C"', "D"]
    (tmp_path / "rows.csv").write_text("\n".join(rows) + "\n")
    (tmp_path / "notext.csv").write_text("name,value\nx,1\n")
    proc, errors = run(tmp_path, db)
    assert proc.returncode == 1
    assert any("rows.csv:row 2: expected 2 fields, found 4" in e for e in errors)
    assert any("rows.csv:row 4: expected 2 fields, found 1" in e for e in errors)
    assert any("notext.csv:line 1: no text column" in e for e in errors)
    assert sorted(a["title"] for a in stored(db)) == ["A", "C"]


@pytest.mark.slow
def test_50_mb_file_is_refused_and_50_mb_feed_is_streamed(tmp_path, db):
    good(tmp_path)
    with open(tmp_path / "huge.txt", "w") as f:
        f.write("Huge\n\n" + (BODY + " ") * (50_000_000 // len(BODY)))
    with open(tmp_path / "big.jsonl", "w") as f:
        f.write(json.dumps({"title": "Big record", "text": "x " * 10_000_000}) + "\n")
        for n in range(20):
            f.write(json.dumps({"title": f"R{n}", "text": f"{BODY} {n}"}) + "\n")
    proc, errors = run(tmp_path, db)
    assert proc.returncode == 1
    assert any("huge.txt: larger than 16 MB" in e for e in errors)
    assert any("big.jsonl:line 1: record larger than 16 MB" in e for e in errors)
    assert len(stored(db)) >= 21


@pytest.mark.slow
def test_ten_thousand_small_files(tmp_path, db):
    folder = tmp_path / "many"
    for k in range(100):
        sub = folder / f"d{k:02d}"
        sub.mkdir(parents=True)
        for n in range(100):
            (sub / f"{n}.txt").write_text(f"Report {k}-{n}\n\n{BODY} Report {k}-{n}.")
    proc = storyline("run", str(folder), "--db", str(db), "--no-analyze")
    assert proc.returncode == 0, proc.stderr[-500:]
    assert b"10,000 inputs, 10,000 articles read: 10,000 stored" in proc.stderr
    proc = storyline("run", str(folder), "--db", str(db), "--no-analyze")
    assert b"0 stored, 10,000 skipped (10,000 already stored" in proc.stderr


def test_other_encodings_are_decoded_with_a_warning(tmp_path, db):
    text = f"Café talks in Zürich\n\n“{BODY}” said the délégué."
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "latin1.txt").write_bytes(
        text.replace("“", '"').replace("”", '"').replace("Café", "Caffè").encode("latin-1")
    )
    (tmp_path / "utf16.txt").write_bytes(text.replace("Café", "Cafés").encode("utf-16"))
    proc, errors = run(tmp_path, db)
    assert proc.returncode == 0 and errors == []
    warnings = [ln for ln in proc.stderr.decode().splitlines() if ln.startswith("warning:")]
    assert len(warnings) == 3 and all("decoded as" in w for w in warnings)
    titles = sorted(a["title"] for a in stored(db))
    assert titles == ["Caffè talks in Zürich", "Café talks in Zürich", "Cafés talks in Zürich"]
    assert any("“Government forces" in a["body"] for a in stored(db))


def test_missing_paths_and_empty_folders(tmp_path, db):
    good(tmp_path)
    (tmp_path / "nothing").mkdir()
    proc, errors = run(
        tmp_path,
        db,
        str(tmp_path / "good.txt"),
        str(tmp_path / "nope.txt"),
        str(tmp_path / "nothing"),
    )
    assert proc.returncode == 1
    assert f"error: {tmp_path}/nope.txt: no such file, folder or glob match" in errors
    assert f"error: {tmp_path}/nothing: no article files in this folder" in errors
    assert len(stored(db)) == 1


def test_rerunning_a_bad_batch_changes_nothing(tmp_path, db):
    for n in range(5):
        good(tmp_path, f"g{n}.txt", n)
    (tmp_path / "bad.jsonl").write_text('{"title": "x", "text": "y"\n')
    run(tmp_path, db)
    before = stored(db)
    proc, errors = run(tmp_path, db)
    assert proc.returncode == 1 and len(errors) == 1
    assert stored(db) == before


def test_truncated_and_malformed_warc(tmp_path, db):
    from test_readers import PAGE, warc_bytes

    pages = {f"https://d.example/{n}": PAGE.replace("14 people", f"{n} people") for n in range(30)}
    data = warc_bytes(pages, compress=True)
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "junk.warc").write_bytes(b"WARC/1.0\r\nnot a header\r\n\r\n" + os.urandom(300))
    proc, errors = run(tmp_path, db)
    assert proc.returncode == 1
    assert any("cut.warc.gz" in e and "truncated gzip" in e for e in errors)
    assert any("junk.warc" in e for e in errors)
    assert 5 < len(stored(db)) < 30
