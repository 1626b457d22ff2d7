"""Reader comment threads as crawlers save them: `• Author` lines, indented replies."""

from __future__ import annotations

import re

from ..model import Comment

# A bullet, then the author name (short, on its own line).
_HEADER = re.compile(r"^(?P<indent> *)[•●▪◦‣·]\s+(?P<author>\S.{0,79})$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def thread_start(lines: list[str]) -> int | None:
    """Index of the first comment header: a bullet line followed by text indented deeper."""
    for i, line in enumerate(lines):
        match = _HEADER.match(line)
        if not match:
            continue
        nxt = next((ln for ln in lines[i + 1 :] if ln.strip()), None)
        if nxt is not None and _indent(nxt) > len(match["indent"]) and not _HEADER.match(nxt):
            return i
    return None


def _paragraphs(lines: list[str]) -> str:
    """Comment text: blank lines separate paragraphs, line breaks inside are kept."""
    blocks, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return "\n\n".join(blocks)


def parse_thread(lines: list[str]) -> list[Comment]:
    """Comments with depth from indentation and parent from the nearest shallower one."""
    headers = [(i, m) for i, ln in enumerate(lines) if (m := _HEADER.match(ln))]
    levels = sorted({len(m["indent"]) for _, m in headers})
    comments: list[Comment] = []
    last_at_depth: dict[int, int] = {}
    for k, (i, match) in enumerate(headers):
        end = headers[k + 1][0] if k + 1 < len(headers) else len(lines)
        depth = levels.index(len(match["indent"]))
        parent = last_at_depth.get(depth - 1) if depth else None
        author = match["author"].strip()
        comments.append(
            Comment(author=author, depth=depth, parent=parent, text=_paragraphs(lines[i + 1 : end]))
        )
        last_at_depth[depth] = len(comments) - 1
        for deeper in [d for d in last_at_depth if d > depth]:
            del last_at_depth[deeper]
    return comments
