"""Render a claimgraph/1 document for people, in the terminal (Rich)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

STATUS_STYLE = {
    "asserted": "green",
    "reported": "cyan",
    "hedged": "yellow",
    "uncertain": "magenta",
    "denied": "red",
}


def _source_label(source: dict[str, Any], entities: dict[str, dict[str, Any]]) -> Text:
    label = Text(source["text"], style="bold")
    details = [source["kind"]]
    if source["count"] is not None:
        details.append(f"{source['count']}")
    entity = entities.get(source["entity"] or "")
    if entity and entity["name"] != source["text"]:
        details.append(f"= {entity['name']}")
    label.append(f" ({', '.join(details)})", style="dim")
    return label


def _entities(out: dict[str, Any], entities: dict[str, dict[str, Any]]) -> Table:
    table = Table(title="Who is involved", title_justify="left", expand=True)
    table.add_column("entity", style="bold")
    table.add_column("type")
    table.add_column("mentions", justify="right")
    table.add_column("roles")
    for e in out["entities"]:
        roles = []
        for r in e["roles"]:
            of = entities.get(r["of"] or "")
            roles.append(r["title"] + (f" of {of['name']}" if of else ""))
        if e.get("age") is not None:
            roles.append(f"age {e['age']}")
        table.add_row(e["name"], e["type"], str(len(e["mentions"])), "; ".join(roles))
    return table


def _claims(out: dict[str, Any], entities: dict[str, dict[str, Any]]) -> Tree:
    sources = {s["id"]: s for s in out["sources"]}
    tree = Tree(Text("What is claimed, on whose authority", style="bold underline"))
    by_chain: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for c in out["claims"]:
        by_chain[tuple(c["chain"])].append(c)
    for chain, claims in by_chain.items():
        label = Text()
        for i, sid in enumerate(chain):
            if i:
                label.append(" → ", style="dim")
            label.append_text(_source_label(sources[sid], entities))
        branch = tree.add(label)
        for c in claims:
            line = Text(f"[{c['status']}] ", style=STATUS_STYLE[c["status"]])
            if c["cue"]:
                line.append(f"{c['cue']['text']}: ", style="italic")
            line.append(c["content"]["text"])
            branch.add(line)
    return tree


def _timeline(out: dict[str, Any], entities: dict[str, dict[str, Any]]) -> Table:
    times = {t["id"]: t for t in out["times"]}
    claims = {c["id"]: c for c in out["claims"]}
    table = Table(title="What happened, when", title_justify="left", expand=True)
    for col in ("when", "event", "who", "to whom", "status"):
        table.add_column(col)

    def names(ids: list[str]) -> str:
        return ", ".join(entities[i]["name"] for i in ids if i in entities)

    def order(ev: dict[str, Any]) -> tuple[int, str, int]:
        t = times.get(ev["when"] or "")
        value = (t or {}).get("value") or ""
        return (0 if value[:1].isdigit() else 1, value, ev["trigger"]["start"])

    for ev in sorted(out["events"], key=order):
        t = times.get(ev["when"] or "")
        when = f"{t['value'] or '?'} ({t['text']})" if t else "—"
        claim = claims.get(ev["claim"] or "")
        status = claim["status"] if claim else "—"
        table.add_row(
            when,
            f"{ev['type']} ({ev['trigger']['text']})",
            names(ev["actors"]),
            names(ev["recipients"]),
            Text(status, style=STATUS_STYLE.get(status, "")),
        )
    return table


def render(out: dict[str, Any], console: Console) -> None:
    """Print one claimgraph/1 document: entities with roles, claims by chain, events by date."""
    doc = out["document"]
    entities = {e["id"]: e for e in out["entities"]}
    head = Text(doc["title"] or "(untitled)", style="bold")
    meta = " · ".join(x for x in (doc["outlet"], doc["published"], doc["url"], doc["id"]) if x)
    parts: list[Any] = [Text(meta, style="dim")]
    if out.get("analysis", {}).get("partial"):
        parts.append(
            Text(f"partial analysis: no full pipeline for language {doc['language']!r} yet", style="yellow")
        )
    console.print(Panel(Group(head, *parts), expand=True))
    console.print(_entities(out, entities))
    console.print(_claims(out, entities))
    if out["events"]:
        console.print(_timeline(out, entities))
    console.print()
