"""Data built once per machine and kept between runs (the place gazetteer, first-name
genders): a pickle in the user's cache folder, named by a digest of what it was built
from, so new data or a new library version builds it anew."""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_folder() -> Path:
    """$XDG_CACHE_HOME/storyline, or ~/.cache/storyline."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "storyline"


def load_or_build(stem: str, digest: str, build: Callable[[], T]) -> T:
    """The object kept as `<stem>-<digest>.pickle`, or `build()`'s, then kept for next time.

    The objects live as long as the process: the garbage collector is kept off them while
    they load and frozen after, so no collection walks them again."""
    path = cache_folder() / f"{stem}-{digest[:12]}.pickle"
    gc.disable()  # many new objects: the collector would walk them again and again
    try:
        with open(path, "rb") as f:
            loaded = pickle.load(f)
        gc.freeze()
        return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    finally:
        gc.enable()
    built = build()
    gc.freeze()
    try:  # write beside, then rename: a killed run never leaves half a cache
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in path.parent.glob(f"{stem}-*.pickle"):  # built from older data
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: build again next time
    return built
