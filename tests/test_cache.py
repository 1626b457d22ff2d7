"""The per-machine cache of built data (gazetteer, first names): built once, then loaded."""

from __future__ import annotations

from storyline.cache import cache_folder, load_or_build


def counting_builder(value):
    """A build function that counts its calls."""
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build, calls = counting_builder({"ricardo": "m"})
    assert load_or_build("names", "abc123", build) == {"ricardo": "m"}
    assert load_or_build("names", "abc123", build) == {"ricardo": "m"}
    assert len(calls) == 1
    assert [p.name for p in cache_folder().iterdir()] == ["names-abc123.pickle"]


def test_new_data_builds_anew_and_drops_the_old(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_or_build("names", "old000", lambda: 1)
    assert load_or_build("names", "new111", lambda: 2) == 2
    assert [p.name for p in cache_folder().iterdir()] == ["names-new111.pickle"]


def test_a_damaged_cache_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_or_build("names", "abc123", lambda: [1, 2, 3])
    path = cache_folder() / "names-abc123.pickle"
    path.write_bytes(path.read_bytes()[:5])  # a disk that filled up, say
    build, calls = counting_builder([1, 2, 3])
    assert load_or_build("names", "abc123", build) == [1, 2, 3]
    assert len(calls) == 1
    assert load_or_build("names", "abc123", build) == [1, 2, 3]
    assert len(calls) == 1  # mended


def test_an_unwritable_cache_folder_still_gives_the_data(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert load_or_build("names", "abc123", lambda: "built") == "built"
