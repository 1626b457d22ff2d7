"""Stances per story: the sentence-level positions of `extract/stances.py`, grouped.

One row per (story, actor, stance, object), with how many sentences say it and the
evidence of each (the words of the actor and object as each sentence gave them),
so "the Syrian opposition against Russia" is one row with every report behind it.
"""

from __future__ import annotations

from typing import Any

EVIDENCE = ("article_id", "sentence", "start", "end", "text", "via", "object")


def actor_key(actor: dict[str, Any] | None, words: str = "") -> tuple:
    """Who a stance is of (or about), as analysts count them: a country and sector when
    known ("the opposition", "George Sabra" and "the Syrian opposition" are SYR OPP), else
    the country, else the words."""
    if actor and actor.get("country"):
        return (actor["country"], actor.get("sector"))
    name = (actor or {}).get("name") or (actor or {}).get("text") or words
    return (" ".join(name.lower().split()),)


def gather(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stance rows (story_id, actor, stance, object, object_kind, evidence…) grouped, the
    most reported first."""
    groups: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        key = (r["story_id"], actor_key(r["actor"]), r["stance"],
               actor_key(r.get("object_actor"), r["object"]))  # fmt: skip
        group = groups.setdefault(key, {
            "story_id": r["story_id"], "actor": r["actor"], "stance": r["stance"],
            "object": r["object"], "object_kind": r["object_kind"],
            "object_actor": r.get("object_actor"), "evidence": [],
        })  # fmt: skip
        group["evidence"].append({k: r[k] for k in EVIDENCE} | {"actor": r["actor"]})
    out = list(groups.values())
    for g in out:
        g["reports"] = len(g["evidence"])
    return sorted(out, key=lambda g: (g["story_id"] or "", -g["reports"], g["stance"]))
