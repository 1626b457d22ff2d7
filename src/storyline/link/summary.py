"""Extractive story summaries: sentences near the story's centroid, kept apart by MMR.

Candidates are the opening sentences of each article that is not a copy (news
puts what happened first); each pick maximises its similarity to the centroid
of all candidates minus its similarity to the sentences already picked
(maximal marginal relevance), so a second outlet's version of the same
sentence is not picked twice. Comments are never candidates.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .embed import embed

SENTENCES = 4
LEAD = 6  # candidate sentences per article
RELEVANCE = 0.7  # MMR balance: 1 = centroid only, 0 = novelty only
MIN_WORDS, MAX_WORDS = 8, 60


def summarize(candidates: list[dict[str, Any]], k: int = SENTENCES) -> list[dict[str, Any]]:
    """Up to k of the candidate sentences ({text, article_id, start, end}), best first."""
    pool = [c for c in candidates if MIN_WORDS <= len(c["text"].split()) <= MAX_WORDS]
    if not pool:
        return []
    vectors = embed([" ".join(c["text"].split()) for c in pool])
    centroid = vectors.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    relevance = vectors @ centroid
    chosen: list[int] = []
    while len(chosen) < min(k, len(pool)):
        redundancy = (vectors @ vectors[chosen].T).max(axis=1) if chosen else np.zeros(len(pool))
        score = RELEVANCE * relevance - (1 - RELEVANCE) * redundancy
        score[chosen] = -np.inf
        chosen.append(int(np.argmax(score)))
    return [
        {"text": " ".join(pool[i]["text"].split()), "article_id": pool[i]["article_id"],
         "start": pool[i]["start"], "end": pool[i]["end"]}
        for i in chosen
    ]  # fmt: skip
