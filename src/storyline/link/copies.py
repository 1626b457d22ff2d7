"""Copies and syndication: MinHash signatures of body shingles, candidates from LSH.

A copy is an article whose body is mostly contained in an earlier one, or
contains most of it (a wire story with other boilerplate, a new headline, a
trimmed ending). Containment, not Jaccard, decides: a trimmed copy shares
all its shingles with the original but only a part of the original's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # stored signatures are only comparable within one scheme
CANDIDATE_JACCARD = 0.3  # LSH recall threshold: candidates are checked by containment
MIN_CONTAINMENT = 0.7  # share of the smaller body's shingles the larger one has
MIN_SHINGLES = 20  # shorter bodies (a caption, a stub) are never called copies

_WORD = re.compile(r"\w+")


@dataclass
class Fingerprint:
    """What copy detection keeps of a body: its MinHash signature and shingle count."""

    article_id: str
    signature: np.ndarray  # uint64[NUM_PERM]
    shingles: int


@dataclass
class Copy:
    """An article found to copy an earlier one, with the estimated containment."""

    article_id: str
    original_id: str
    similarity: float


def shingles(body: str) -> set[bytes]:
    """Overlapping runs of SHINGLE_WORDS lower-cased words: layout and punctuation ignored."""
    words = _WORD.findall(body.lower())
    n = SHINGLE_WORDS
    return {" ".join(words[i : i + n]).encode() for i in range(max(1, len(words) - n + 1))}


def fingerprint(article_id: str, body: str) -> Fingerprint:
    """The MinHash signature of one body."""
    grams = shingles(body)
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(grams))
    return Fingerprint(article_id, minhash.hashvalues.copy(), len(grams))


def containment(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated share of the smaller shingle set found in the larger one."""
    jaccard = float(np.mean(a.signature == b.signature))
    shared = jaccard * (a.shingles + b.shingles) / (1 + jaccard)
    return min(1.0, shared / max(1, min(a.shingles, b.shingles)))


class CopyIndex:
    """The fingerprints of every article seen, in arrival order; new ones are checked
    against it before they join."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
        self._prints: dict[str, Fingerprint] = {}
        self._order: dict[str, int] = {}
        self._original: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._prints)

    def _minhash(self, fp: Fingerprint) -> MinHash:
        return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=fp.signature, scheme=SCHEME)

    def add(self, fp: Fingerprint, original: str | None = None) -> None:
        """Remember an article (already known to copy `original`, if given)."""
        if fp.article_id in self._prints:
            return
        self._prints[fp.article_id] = fp
        self._order[fp.article_id] = len(self._order)
        if original:
            self._original[fp.article_id] = original
        self._lsh.insert(fp.article_id, self._minhash(fp))

    def check(self, fp: Fingerprint) -> Copy | None:
        """The earliest article this one copies (or is copied in full by), if any."""
        if fp.shingles < MIN_SHINGLES:
            return None
        best: tuple[int, str, float] | None = None
        for other in self._lsh.query(self._minhash(fp)):
            if other == fp.article_id:
                continue
            known = self._prints[other]
            if known.shingles < MIN_SHINGLES:
                continue
            score = containment(fp, known)
            if score < MIN_CONTAINMENT:
                continue
            root = self._original.get(other, other)  # a copy of a copy is a copy of the first
            rank = self._order.get(root, self._order[other])
            if best is None or rank < best[0]:
                best = (rank, root, score)
        return Copy(fp.article_id, best[1], round(best[2], 3)) if best else None
