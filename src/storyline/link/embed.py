"""Sentence and article vectors from WordLlama, whose weights ship inside its PyPI package."""

from __future__ import annotations

import os
from functools import cache

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

DIM = 256
LEAD_CHARS = 2000  # an article is known by its title and lead; whole bodies cost 40× more


@cache
def _model():
    """WordLlama loaded from the package's own folder; never downloads."""
    from pathlib import Path

    import wordllama

    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=DIM
    )


def embed(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit vectors (float32, one row per text); an empty text gets a zero row."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    vectors = _model().embed([t or " " for t in texts], norm=True, batch_size=batch_size)
    return np.asarray(vectors, dtype=np.float32)


def lead(title: str | None, body: str) -> str:
    """The words an article's vector is made from."""
    return ((title or "") + "\n\n" + body)[:LEAD_CHARS]
