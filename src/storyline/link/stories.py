"""Stories: articles grouped as they arrive, by text, shared names and time.

Single pass, as in topic detection and tracking: each new article joins the
story it scores best with, or starts a new one. The score mixes the cosine
of the article's vector with the story's centroid and the tf-idf cosine of
their terms (the names of the actors mentioned and the content words of the
lead), and fades with the days between the article and the story's centre in
time (the mean date of its articles, so a long chain does not stay young).
Weights and threshold were chosen on the even ECB+ topics (`storyline eval
stories`). Old articles never move: a new batch only adds to stories or opens
new ones.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from .embed import DIM, embed, lead

TEXT_WEIGHT = 0.4
TERM_WEIGHT = 0.6
THRESHOLD = 0.4
GRACE_DAYS = 14  # no fading within two weeks of the story's centre in time
FADE_DAYS = 60  # then the score falls by e every FADE_DAYS: a story can run for weeks
CANDIDATES = 20  # stories scored on terms: the best by text alone
STORY_TERMS = 500  # a story keeps its most used terms, so memory grows with articles only

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def terms(lead: str, names: list[str]) -> Counter:
    """What an article is about, word by word: actor names and the lead's content words."""
    out = Counter(n.lower() for n in names)
    out.update(
        w for w in (m.lower() for m in _WORD.findall(lead)) if len(w) > 2 and w not in STOP_WORDS
    )
    return out


@dataclass
class Profile:
    """What story assignment knows of one article."""

    article_id: str
    published: date | None
    vector: np.ndarray  # unit vector of title and lead
    terms: Counter = field(default_factory=Counter)  # see `terms`


def profiles(articles: list[tuple[str, date | None, str | None, str]],
             names: list[list[str]]) -> list[Profile]:  # fmt: skip
    """Profiles of (id, date, title, body) articles with their actor names: one embedding
    call for the batch, and the terms read from the same leads."""
    leads = [lead(title, body) for _, _, title, body in articles]
    vectors = embed(leads)
    return [
        Profile(aid, day, vector, terms(text, found))
        for (aid, day, _, _), text, vector, found in zip(articles, leads, vectors, names,
                                                         strict=True)
    ]  # fmt: skip


@dataclass
class Story:
    """A story as the index keeps it: enough to score newcomers against it."""

    id: str
    vector_sum: np.ndarray
    size: int
    terms: Counter
    first: date | None
    last: date | None
    articles: list[str] = field(default_factory=list)
    day_sum: int = 0  # ordinals of its articles' dates, for the story's centre in time
    dated: int = 0
    norm: float = 0.0  # of its tf-idf terms, as of its last article

    @property
    def centre(self) -> date | None:
        """The mean date of its articles: a long chain of articles does not stay young."""
        return date.fromordinal(round(self.day_sum / self.dated)) if self.dated else None


def story_id(founder: str) -> str:
    """A story is named after the article that opened it: stable across runs."""
    return "s" + founder[:11]


class StoryIndex:
    """Every story so far; `assign` places one new article."""

    def __init__(self, stories: list[Story] = (), df: Counter | None = None, docs: int = 0):
        self.stories: list[Story] = list(stories)
        self.df = df if df is not None else Counter()  # articles using each term
        self.docs = docs
        self._matrix = np.zeros((max(64, 2 * len(self.stories)), DIM), dtype=np.float32)
        self._position = {story.id: k for k, story in enumerate(self.stories)}
        for k, story in enumerate(self.stories):
            self._matrix[k] = _unit(story.vector_sum)

    def _set_row(self, k: int, story: Story) -> None:
        """Keep the centroid matrix in step; it doubles when full, so growth stays linear."""
        if k >= len(self._matrix):
            grown = np.zeros((2 * len(self._matrix), DIM), dtype=np.float32)
            grown[: len(self._matrix)] = self._matrix
            self._matrix = grown
        self._matrix[k] = _unit(story.vector_sum)

    def _idf(self, name: str) -> float:
        return math.log((1 + self.docs) / (1 + self.df[name])) + 1.0

    def _norm(self, terms: Counter) -> float:
        return math.sqrt(sum((c * self._idf(n)) ** 2 for n, c in terms.items()))

    def _term_cosine(self, a: Counter, norm_a: float, story: Story) -> float:
        """tf-idf cosine of an article's terms and a story's (its norm kept from when it
        last grew: recomputing it for every newcomer would cost the whole profile)."""
        b = story.terms
        small, large = (a, b) if len(a) < len(b) else (b, a)
        dot = sum(c * large[n] * self._idf(n) ** 2 for n, c in small.items() if n in large)
        return dot / (norm_a * story.norm) if dot else 0.0

    @staticmethod
    def _fade(story: Story, day: date | None) -> float:
        """1 within GRACE_DAYS of the story's centre in time, then falling."""
        centre = story.centre
        if day is None or centre is None:
            return 1.0
        return math.exp(-max(0, abs((day - centre).days) - GRACE_DAYS) / FADE_DAYS)

    def score(self, profile: Profile) -> list[tuple[float, int]]:
        """(score, story index) of the best candidates, best first."""
        if not self.stories:
            return []
        text = self._matrix[: len(self.stories)] @ profile.vector
        top = np.argsort(-text)[:CANDIDATES]
        norm = self._norm(profile.terms) or 1.0
        scored = []
        for k in top:
            story = self.stories[int(k)]
            value = TEXT_WEIGHT * float(text[k]) + TERM_WEIGHT * self._term_cosine(
                profile.terms, norm, story
            )
            scored.append((value * self._fade(story, profile.published), int(k)))
        return sorted(scored, reverse=True)

    @classmethod
    def rebuild(cls, members: Iterable[tuple[str, Profile]]) -> StoryIndex:
        """The index as it stood after these (story id, article) joins, in linking order."""
        index = cls()
        for sid, profile in members:
            index.join(sid, profile)
        return index

    def join(self, sid: str, profile: Profile) -> None:
        """Add an article to a story chosen elsewhere (a copy joins its original's story)."""
        self.docs += 1
        self.df.update(profile.terms.keys())
        k = self._position.get(sid)
        if k is None:
            self._open(profile, sid)
        else:
            self._grow(k, profile)

    def _grow(self, k: int, profile: Profile) -> None:
        story = self.stories[k]
        story.vector_sum = story.vector_sum + profile.vector
        story.size += 1
        story.terms.update(profile.terms)
        if len(story.terms) > 2 * STORY_TERMS:
            story.terms = Counter(dict(story.terms.most_common(STORY_TERMS)))
        story.norm = self._norm(story.terms) or 1.0
        story.articles.append(profile.article_id)
        if profile.published:
            story.first = min(filter(None, (story.first, profile.published)))
            story.last = max(filter(None, (story.last, profile.published)))
            story.day_sum += profile.published.toordinal()
            story.dated += 1
        self._set_row(k, story)

    def assign(self, profile: Profile) -> tuple[str, float]:
        """The story this article joins (a new one if none scores THRESHOLD), and the score."""
        self.docs += 1
        self.df.update(profile.terms.keys())
        scored = self.score(profile)
        if scored and scored[0][0] >= THRESHOLD:
            value, k = scored[0]
            self._grow(k, profile)
            return self.stories[k].id, round(value, 3)
        return self._open(profile, story_id(profile.article_id)), 1.0

    def _open(self, profile: Profile, sid: str) -> str:
        story = Story(
            sid,
            profile.vector.astype(np.float32).copy(),
            1,
            Counter(profile.terms),
            profile.published,
            profile.published,
            [profile.article_id],
            profile.published.toordinal() if profile.published else 0,
            int(profile.published is not None),
        )
        story.norm = self._norm(story.terms) or 1.0
        self.stories.append(story)
        self._position[sid] = len(self.stories) - 1
        self._set_row(len(self.stories) - 1, story)
        return sid


def _unit(v: np.ndarray) -> np.ndarray:
    return v / max(float(np.linalg.norm(v)), 1e-9)
