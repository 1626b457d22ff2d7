"""The store: stable ids, copies, idempotent re-runs, and surviving SIGKILL."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import stored, storyline

from storyline.model import Article, Comment
from storyline.store import MIGRATIONS, Store, _apply_migrations

BODY = (
    "Parliament voted on Tuesday to extend the state of emergency by three months, officials said."
)


def article(n: int, source: str | None = None) -> Article:
    return Article(
        id=f"id{n:05d}",
        source=source or f"file{n}.txt",
        format="text",
        title=f"T{n}",
        published="2020-01-02",
        outlet=None,
        description=None,
        body=f"{BODY} {n}",
        comments=[Comment("a", 0, None, "first"), Comment("b", 1, 0, "reply")],
    )


def test_write_is_idempotent_and_copies_are_recorded(db):
    with Store(db) as store:
        first = store.write_articles([article(1), article(2)])
        again = store.write_articles([article(1), article(2)])
        copy = store.write_articles([article(1, source="mirror/file1.txt")])
        assert (first.stored, again.existing, copy.copies) == (2, 2, 1)
        row = store.get_article("id00001")
        assert row["source"] == "file1.txt" and row["copies"] == ["mirror/file1.txt"]
        assert [c["parent"] for c in row["comments"]] == [None, 0]
        assert store.count_articles() == 2


def test_same_content_within_one_batch_is_stored_once(db):
    with Store(db) as store:
        result = store.write_articles(
            [article(1), article(1, source="b.txt"), article(1, source="c.txt")]
        )
        assert (result.stored, result.copies) == (1, 2)


def test_id_is_stable_and_exact_copy_under_another_path_is_a_copy(tmp_path, db):
    text = f"Emergency extended\n\n{BODY}"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(
        text.replace("\n\n", "\n\n\n") + "\n\n"
    )  # same after normalising
    proc = storyline("run", str(tmp_path), "--db", str(db), check=True)
    [a] = stored(db)
    assert a["copies"] == [f"{tmp_path}/sub/b.txt"]
    assert b"1 stored" in proc.stderr and b"1 copies" in proc.stderr
    other = tmp_path.parent / "other.duckdb"
    storyline("run", str(tmp_path / "sub" / "b.txt"), "--db", str(other), check=True)
    assert stored(other)[0]["id"] == a["id"]  # the id comes from the content, not the path or run


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for k in range(n):
        (folder / f"{k:05d}.txt").write_text(
            f"Report {k}\n\n{BODY} Report {k}.\n\n  • reader{k}\n\n    Comment on {k}.\n\n"
            f"    • other\n\n      Reply on {k}.\n"
        )


def _timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - started


@pytest.mark.parametrize(
    "n, args",
    [(3000, ["--no-analyze"]), (600, [])],
    ids=["ingest-only", "with-analysis"],
)
def test_sigkill_at_any_moment_then_rerun_stores_everything_exactly_once(tmp_path, db, n, args):
    folder = tmp_path / "corpus"
    _corpus(folder, n)
    exe = str(Path(sys.executable).with_name("storyline"))
    # runs on another database set the time scale: start-up alone, then the whole work
    startup = _timed(
        [exe, "run", str(folder / "00000.txt"), "--db", str(tmp_path / "a.duckdb"), *args]
    )
    full = _timed([exe, "run", str(folder), "--db", str(tmp_path / "b.duckdb"), *args])
    cmd = [exe, "run", str(folder), "--db", str(db), "--batch-size", "25", *args]
    killed_while_working = 0
    for fraction in (0.02, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(startup + fraction * (full - startup))
        killed_while_working += proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert killed_while_working >= 3  # the kills really fell in the middle of the work
    final = subprocess.run(cmd, capture_output=True)
    assert final.returncode == 0, final.stderr
    con = duckdb.connect(str(db), read_only=True)
    count = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    assert count == (n, n)
    assert con.execute("SELECT count(*) FROM comments").fetchone() == (2 * n,)
    assert con.execute(
        "SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM comments c "
        "WHERE c.article_id = a.id) <> 2"
    ).fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM sources").fetchone() == (n,)
    if not args:  # every article analysed exactly once, with its sentences
        assert con.execute("SELECT count(*) FROM analyses").fetchone() == (n,)
        assert con.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone() == (0,)


# Dies (like SIGKILL: no clean-up, no checkpoint) at the Nth COMMIT any connection makes.
DIE_AT_COMMIT = """
import os, sys, duckdb
from storyline.store import MIGRATIONS, Store, _apply_migrations
connect, commits = duckdb.connect, [0]
class Dying:
    def __init__(self, con): self.con = con
    def __getattr__(self, name): return getattr(self.con, name)
    def execute(self, sql, *args):
        result = self.con.execute(sql, *args)
        if sql == "COMMIT":
            commits[0] += 1
            if commits[0] == int(sys.argv[2]): os._exit(9)
        return result
duckdb.connect = lambda *a, **k: Dying(connect(*a, **k))
Store(sys.argv[1]).close()
"""


@pytest.mark.parametrize("commit", [1, 3, 6])
def test_killed_while_the_schema_is_made_the_database_still_opens(tmp_path, db, commit):
    killed = subprocess.run([sys.executable, "-c", DIE_AT_COMMIT, str(db), str(commit)])
    assert killed.returncode == 9  # died half-way through the migrations
    with Store(db) as store:  # DuckDB 1.5 cannot replay a log of schema changes
        assert not store._pending()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(db.name)) == [db.name]
    assert storyline("articles", "--db", str(db)).returncode == 0


def test_an_older_database_is_brought_up_to_date_and_keeps_its_articles(db):
    con = duckdb.connect(str(db))  # a database made when only the first migration existed
    _apply_migrations(con, MIGRATIONS[:1])
    con.execute(
        "INSERT INTO articles (id, source, format, body) VALUES ('a1', 'old.txt', 'text', 'Old.')"
    )
    con.close()
    reader = storyline("articles", "--db", str(db))
    assert reader.returncode == 1 and b"made by an older storyline" in reader.stderr
    assert storyline("link", "--db", str(db)).returncode == 0
    with Store(db, read_only=True) as store:
        assert not store._pending()
        assert [a["id"] for a in store.list_articles()] == ["a1"]
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(db.name)) == [db.name]


def test_database_in_use_and_missing_database_give_one_clear_line(tmp_path, db):
    missing = storyline("articles", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 1
    assert missing.stderr.decode().strip() == (
        f"Error: no database at {tmp_path}/none.duckdb: "
        "run 'storyline run PATH' first, or pass --db"
    )
    with Store(db):  # holds the write lock, as a running `storyline run` would
        busy = storyline("run", str(tmp_path), "--db", str(db))
    assert busy.returncode == 1 and b"in use by another" in busy.stderr


def test_ctrl_c_stops_cleanly_with_a_summary_and_rerun_completes(tmp_path, db):
    folder = tmp_path / "corpus"
    _corpus(folder, 3000)
    exe = str(Path(sys.executable).with_name("storyline"))
    cmd = [exe, "run", str(folder), "--db", str(db), "--batch-size", "50", "--no-analyze"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    started = time.monotonic()  # interrupt the work, not the start-up (imports on a busy machine)
    while not db.exists() and proc.poll() is None and time.monotonic() - started < 60:
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:  # finished before the signal: nothing to check on this machine
        return
    assert proc.returncode == 130 and err.decode().startswith("interrupted: "), err
    assert b"Traceback" not in err
    subprocess.run(cmd, check=True, capture_output=True)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (
        3000,
        3000,
    )
