"""Page layout of crawled text: title, dateline, captions, standfirst, body, comments.

The cascade, in order:
 1. the comment thread (`• Author` lines with indented replies) is cut off the end;
 2. a first line `date YYYY-MM-DD Title` gives date and title; else a short
    first line that is not a sentence is the title;
 3. header lines are classified until the first prose line, where the body
    starts: title repeats, datelines, reading times, comment counts, bylines,
    captions, boilerplate; of the lines left, a short one right above the body
    is a caption and the first long one is the standfirst;
 4. in the body, caption and boilerplate lines are dropped; each line is a
    paragraph (hard-wrapped blocks are unwrapped first); paragraphs are joined
    with blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..knowledge import load_line_roles
from ..model import Comment
from .comments import parse_thread, thread_start
from .dates import find_date
from .normalize import squash

_DATE_TITLE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’»)\]]*$")
_COMMENT_COUNT = re.compile(r"\b(\d[\d,]*)\s+comments?\s*$", re.IGNORECASE)
_ROLES_IN_BODY = ("caption", "boilerplate", "comments", "readtime")
MAX_TITLE_WORDS = 30
MIN_PROSE_WORDS = 8
MAX_CAPTION_WORDS = 12
MAX_DATELINE_WORDS = 16
MAX_ROLE_CHARS = 500


@dataclass
class Layout:
    """What the page layout told apart; `dropped` keeps every removed line with its role."""

    title: str | None = None
    published: str | None = None
    description: str | None = None
    author: str | None = None
    body: str = ""
    comments: list[Comment] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    section: str | None = None
    comment_count: int | None = None


def _words(line: str, enough: int = 64) -> int:
    """Word count, stopping early: the rules only ask whether a line is short."""
    return len(line.split(None, enough))


def is_prose(line: str) -> bool:
    """A sentence-like paragraph: long enough and ending as sentences end."""
    return _words(line) >= MIN_PROSE_WORDS and bool(_SENTENCE_END.search(line))


def line_role(line: str, roles: tuple[str, ...] | None = None) -> str | None:
    """The role of a page line (caption, byline, boilerplate…) if it has one."""
    if len(line) > MAX_ROLE_CHARS:  # paragraphs of text are never page furniture
        return None
    for role, pattern in load_line_roles().items():
        if (roles is None or role in roles) and pattern.fullmatch(line):
            return role
    return None


def _dateline(line: str, layout: Layout) -> bool:
    """Take a short line holding a date (and maybe section and comment count)."""
    if _words(line) > MAX_DATELINE_WORDS or _SENTENCE_END.search(line):
        return False
    found = find_date(line)
    if not found or found[1].start() > 40:
        return False
    iso, match = found
    layout.published = layout.published or iso
    rest = line[match.end() :].strip(" ,|·-–")
    count = _COMMENT_COUNT.search(rest)
    if count:
        layout.comment_count = int(count[1].replace(",", ""))
        rest = rest[: count.start()].strip(" ,|·-–")
    if rest:
        layout.section = rest
    return True


def _hard_wrapped(block: list[str]) -> bool:
    """Lines cut at a fixed width: long, sentence-free ends, continuations in lower case."""
    if len(block) < 2 or not _SENTENCE_END.search(block[-1]):
        return False
    heads, tails = block[:-1], block[1:]
    if any(not 55 <= len(b) <= 100 or _SENTENCE_END.search(b) for b in heads):
        return False
    return sum(t[:1].islower() for t in tails) * 2 >= len(tails)


def _unwrap(lines: list[str]) -> list[str]:
    """Stripped lines, with each hard-wrapped block joined into one; blank lines kept."""
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.strip())
            continue
        out.extend([" ".join(block)] if _hard_wrapped(block) else block)
        out.append("")
        block = []
    return out[:-1]


def _take_title(lines: list[str], layout: Layout) -> int:
    """Find date and title on the first line; return where the header scan starts."""
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return 0
    match = _DATE_TITLE.match(lines[first])
    if match:
        layout.published = match[1]
        layout.title = layout.title or (match[2].strip() or None)
        return first + 1
    line = lines[first].strip()
    more = any(ln.strip() for ln in lines[first + 1 :])
    looks_like_title = _words(line) <= MAX_TITLE_WORDS and not is_prose(line)
    if layout.title is None and more and looks_like_title and not line_role(line):
        layout.title = None if find_date(line) else line
        return first + 1 if layout.title else first
    return first


def parse_layout(text: str, title: str | None = None) -> Layout:
    """Split normalised page text into title, date, standfirst, body and comments."""
    layout = Layout(title=title)
    lines = text.split("\n")
    start_comments = thread_start(lines)
    if start_comments is not None:
        layout.comments = parse_thread(lines[start_comments:])
        lines = lines[:start_comments]
    lines = _unwrap(lines)
    i = _take_title(lines, layout)
    title_key = squash(layout.title or "").casefold()

    loose: list[tuple[int, str]] = []  # header lines with no role yet
    body_start = None
    for j in range(i, len(lines)):
        line = lines[j].strip()
        if not line:
            continue
        if title_key and squash(line).casefold() == title_key:
            layout.dropped.append(("title", line))
        elif role := line_role(line):
            layout.dropped.append((role, line))
            if role == "byline":
                layout.author = layout.author or re.sub(r"(?i)^by\s+", "", line)
            if role == "comments" and (count := _COMMENT_COUNT.search(line)):
                layout.comment_count = int(count[1].replace(",", ""))
        elif _dateline(line, layout):
            layout.dropped.append(("dateline", line))
        elif is_prose(line):
            body_start = j
            break
        else:
            loose.append((j, line))
    if body_start is None:  # no sentence-like line: everything unclassified is body
        body_start = loose[0][0] if loose else len(lines)
        loose = []

    for k, (j, line) in enumerate(loose):
        next_content = next(
            n for n in range(j + 1, len(lines) + 1) if n == len(lines) or lines[n].strip()
        )
        right_above_body = k == len(loose) - 1 and next_content == body_start
        if right_above_body and _words(line) <= MAX_CAPTION_WORDS:
            layout.dropped.append(("caption", line))
        elif layout.description is None and _words(line) > MAX_CAPTION_WORDS:
            layout.description = line
            layout.dropped.append(("standfirst", line))
        elif layout.description and squash(line) == squash(layout.description):
            layout.dropped.append(("standfirst", line))
        else:
            layout.dropped.append(("header", line))

    paragraphs = []
    for line in lines[body_start:]:
        if not line:
            continue
        if role := line_role(line, _ROLES_IN_BODY):
            layout.dropped.append((role, line))
        else:
            paragraphs.append(line)
    layout.body = "\n\n".join(paragraphs)
    return layout
