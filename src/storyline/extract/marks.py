"""Quotation marks in raw text: where quotations open and close, before any parsing.

Shared by the quote extractor and the actor resolver (a person named inside a
quotation is not who "he said" after it refers to).
"""

from __future__ import annotations

import re
from functools import cache

from ..knowledge import table

OPENERS = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb", "\u2018": "\u2019", "\u201e": "\u201c"}
_OPENER = re.compile("[" + "".join(OPENERS) + "]")  # to jump from one opening mark to the next
MIXED_CLOSERS = {"\u201c": '"', '"': "\u201d"}  # straight for curly and back


def _opens(text: str, i: int) -> bool:
    """A mark at a word start opens a quote (not an apostrophe or inch sign)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _closes(text: str, i: int) -> bool:
    """A mark closes before a non-word, or after the quote's last comma or stop with the
    space left out ("… different audiences,"Katie Packer said)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum() or (i > 0 and text[i - 1] in ",.?!" and after.isupper())


def _close_in(text: str, start: int, stop: int, mark: str) -> int:
    """Index of the closing mark in text[start:stop], or -1."""
    i = text.find(mark, start, stop)
    while i != -1 and not _closes(text, i):
        i = text.find(mark, i + 1, stop)
    return i


def _mixed_close(text: str, start: int, stop: int, mark: str) -> int:
    """Where a quote whose own closing mark never comes closes in another style, or -1: a
    straight mark for a curly one and back (“… the FBI," Chaffetz said), or a single mark
    right after the last word's comma or stop (“… and services,’ said Cappelaere), or an
    opening mark there that opens nothing (“… for her here,“ said Jim Clyburn); never
    a mark that closes a quote opened inside ("… a “rant,” a series …")."""
    other = MIXED_CLOSERS.get(mark)
    k = _close_in(text, start, stop, other) if other else -1
    for typo in ("\u2019", "\u201c") if k == -1 and mark == "\u201c" else ():
        other, k = typo, _close_in(text, start, stop, typo)
        while k != -1 and (text[k - 1] not in ",.?!" or (typo == "\u201c" and _opens(text, k))):
            k = _close_in(text, k + 1, stop, typo)  # “… for her here,“ said Jim Clyburn
        if k != -1:
            break
    opener = next((o for o, c in OPENERS.items() if c == other), other)
    return k if k != -1 and opener not in text[start:k] else -1


def _reopened(text: str, start: int, stop: int, mark: str) -> int:
    """Where the same opening mark opens again before the quote closes, or -1: a quote
    left unclosed (curly marks do not nest in themselves)."""
    i = text.find(mark, start, stop)
    while i != -1 and not _opens(text, i):
        i = text.find(mark, i + 1, stop)
    return i


NESTED_TERM_WORDS = 3  # a quote in a quote with the same marks is a term this short


def _nested_term(text: str, at: int, stop: int, close: str) -> int:
    """Where a short term quoted inside a quotation with the same marks closes, or -1: the
    sentence runs on after it in lower case (“… defeat the “caliphate” by attacking it”)."""
    k = _close_in(text, at + 1, stop, close)
    if k == -1 or len(text[at + 1 : k].split()) > NESTED_TERM_WORDS:
        return -1
    rest = text[k + 1 : k + 3].lstrip()
    return k if rest[:1].islower() or rest[:1] in ",;" else -1


def _unclosed_end(text: str, start: int, again: int) -> int:
    """Where a quote left unclosed ends: before the narration that follows it (“… the
    tensions. Donald Trump and Theresa May discussed …, according to Woody Johnson. “…”),
    before the sentence introducing the next quote with a colon (“My thoughts exactly.
    Pompeo said: “…”), else at the next opening mark (a new paragraph of the same
    quotation, its line break lost)."""
    end = len(text[:again].rstrip())
    narration = _narration_in(text, start, end)
    if narration != -1:
        return len(text[:narration].rstrip())
    if text[end - 1 : end] != ":":
        return end
    stop = max(text.rfind(p, start, end) for p in ".!?")
    return stop + 1 if stop != -1 else end


_SENTENCE_START = re.compile(r"(?<=[.!?\u2026])\s+(?=[A-Z])")


@cache
def _cue(kind: str) -> re.Pattern:
    """Whole-word pattern of one kind of narration cue (knowledge/narration_cues.tsv)."""
    words = next(row[1] for row in table("narration_cues.tsv") if row[0] == kind)
    alternatives = "|".join(map(re.escape, words.split("|")))
    return re.compile(rf"(?<![\w’'])(?:{alternatives})(?![\w’'])")


def _narration_in(text: str, start: int, end: int) -> int:
    """Where the writer takes over inside an unclosed quotation: the first sentence after
    its first with a reporting word, from which on no sentence has a first- or
    second-person word (“I am grateful. Hogan-Howe said the girls were victims. I would
    hope …” is the speaker's throughout); or -1."""
    for found in _SENTENCE_START.finditer(text, start, end):
        rest = text[found.end() : end]
        stop = _SENTENCE_START.search(rest)
        first = rest[: stop.start()] if stop else rest
        if _reports(first) and not _cue("person").search(rest):
            return found.end()
    return -1


def _reports(sentence: str) -> bool:
    """Whether a sentence has a reporting word not right after a pronoun ("analysts say",
    "according to Woody Johnson", not "they say")."""
    for cue in _cue("report").finditer(sentence):
        before = sentence[: cue.start()].rstrip(" ,").rsplit(" ", 1)[-1]
        if not _cue("pronoun").fullmatch(before):
            return True
    return False


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (inside the marks) of the quotations of a text; a quote open at a
    paragraph's end goes on when the next paragraph opens with the same mark."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while (found := _OPENER.search(text, i)) is not None:
        i = found.start()
        mark = text[i]
        if not _opens(text, i):
            i += 1
            continue
        close, start, j = OPENERS[mark], i + 1, i + 1
        while True:
            para_end = text.find("\n", j)
            para_end = n if para_end == -1 else para_end
            k = _close_in(text, j, para_end, close)
            if k == -1:
                k = _mixed_close(text, j, para_end, mark)
            elif mark == close and (curly := _mixed_close(text, j, k, mark)) != -1:
                k = curly if text[curly - 1] in ",.?!" else k  # "… terrorism,” said Benjamin
            again = _reopened(text, j, para_end if k == -1 else k, mark) if mark != close else -1
            if again != -1 and (mixed := _mixed_close(text, j, again, mark)) != -1:
                k, again = mixed, -1  # “… services,’ said Cappelaere. “As children, …”
            term_end = _nested_term(text, again, para_end, close) if again != -1 else -1
            if term_end != -1:  # “… could only defeat the “caliphate” by attacking it …”
                j = term_end + 1
                continue
            if again != -1:  # “My thoughts exactly. Pompeo said: “We need …”
                spans.append((start, _unclosed_end(text, start, again)))
                i = again
                break
            if k != -1:
                spans.append((start, k))
                i = k + 1
                break
            nxt = para_end
            while nxt < n and text[nxt].isspace():
                nxt += 1
            if nxt < n and text[nxt] == mark and nxt > para_end:
                j = nxt + 1  # continued in the next paragraph
                continue
            end = para_end
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
            i = para_end
            break
    return spans


def nested_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations inside quotations (“… she said, ‘I’m going to fight.’”), one level deep,
    in the outer quotation's coordinates of the whole text."""
    return [(start + s, start + e) for start, end in spans
            for s, e in quote_spans(text[start:end])]  # fmt: skip


def inside(i: int, spans: list[tuple[int, int]]) -> bool:
    """Whether character i falls inside one of these spans."""
    return any(s <= i < e for s, e in spans)
