"""Render the knowledge base's answers for people (Rich tables and trees); ``--json`` bypasses this."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.tree import Tree


def _date(value: str | None) -> str:
    return (value or "—")[:10]


def _table(*columns: str, title: str | None = None, whole: tuple[str, ...] = ()) -> Table:
    """A table whose ``whole`` columns (ids, dates, counts) are never wrapped; the others fold."""
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column in whole)
    return table


def render_failures(rows: list[dict[str, Any]], console: Console) -> None:
    if not rows:
        console.print("No failures recorded.")
        return
    table = _table("input", "reason", "when")
    for row in rows:
        table.add_row(row["item"], row["reason"], str(row.get("at") or ""))
    console.print(table)


def render_stories(rows: list[dict[str, Any]], console: Console) -> None:
    if not rows:
        console.print("No stories: ingest articles first (`claimgraph ingest PATH`).")
        return
    counts = ("story", "first", "reports", "sources")
    table = _table(*counts, "origins", "title", whole=counts)
    for row in rows:
        origins = ", ".join(o["name"] for o in row.get("origins", []))
        table.add_row(
            row["id"],
            _date(row.get("first_reported")),
            str(row["reports"]),
            str(row["independent_sources"]),
            origins,
            row.get("title") or "",
        )
    console.print(table)


def _chain(value: Any) -> str:
    if isinstance(value, list):
        return " → ".join(str(v.get("text", v) if isinstance(v, dict) else v) for v in value)
    return str(value or "")


def render_story(story: dict[str, Any], console: Console) -> None:
    console.print(f"[bold]{story.get('title') or story['id']}[/bold]  ({story['id']})", highlight=False)
    console.print(
        f"{story.get('reports')} reports, {story.get('independent_sources')} independent source(s), "
        f"first reported {_date(story.get('first_reported'))}"
    )
    documents = _table("published", "outlet", "origin", "document")
    for doc in story.get("documents", []):
        origin = doc.get("origin") or {}
        how = origin.get("kind", "")
        if origin.get("name") and origin.get("kind") != "original":
            how = f"{how}: {origin['name']}"
        outlet = doc.get("outlet") or "—"
        if doc.get("partial"):
            outlet += f" ({doc.get('language') or '?'}, partial analysis)"
        documents.add_row(_date(doc.get("published")), outlet, how, doc["id"])
    console.print(documents)
    console.print(provenance_tree(story))
    conflicts = story.get("conflicts") or []
    if conflicts:
        console.print("[bold]conflicts[/bold]")
        for conflict in conflicts:
            console.print(f"  {conflict.get('kind')}: {conflict.get('explanation')}", highlight=False)
    render_timeline(story.get("timeline") or [], console)


def _source(node: dict[str, Any]) -> str:
    count = node.get("count")
    kind = node.get("kind") or ""
    detail = f"{kind}, {count}" if count else kind
    return f"{node.get('text')} ({detail})" if detail else str(node.get("text"))


def provenance_tree(story: dict[str, Any]) -> Tree:
    """The story's provenance as a tree: independent source, its documents, their chains of sources
    (publisher first) with the statuses of the claims each chain carries."""
    tree = Tree("[bold]provenance[/bold]")
    sources = (story.get("provenance") or {}).get("sources") or story.get("origins") or []
    for source in sources:
        mark = ", new voice" if source.get("new_voice") else ""
        reports = len(source.get("documents", []))
        head = f"[bold]{source['name']}[/bold] ({source.get('kind')}{mark}; {reports} report(s))"
        branch = tree.add(head, highlight=False)
        for doc in source.get("documents", []):
            if not isinstance(doc, dict):  # origins without the provenance: document ids
                branch.add(str(doc), highlight=False)
                continue
            where = f"{doc.get('outlet') or '—'}, {_date(doc.get('published'))}"
            leaf = branch.add(f"{where}, {doc.get('origin')}: {doc['id']}", highlight=False)
            for chain in doc.get("chains", []):
                path = " → ".join(_source(node) for node in chain.get("chain", [])[1:]) or "its own voice"
                counts = sorted(chain.get("statuses", {}).items())
                statuses = ", ".join(f"{n} {status}" for status, n in counts)
                leaf.add(f"{path}: {statuses}", highlight=False)
    return tree


def render_entity(entity: dict[str, Any], console: Console) -> None:
    console.print(f"[bold]{entity['name']}[/bold] ({entity.get('type')}, {entity['id']})", highlight=False)
    aliases = [a for a in entity.get("aliases", []) if a != entity["name"]]
    if aliases:
        console.print("also: " + "; ".join(aliases), highlight=False)
    roles = entity.get("roles") or []
    if roles:
        table = _table("date", "role", "of", "as written")
        for role in roles:
            title = " ".join([*role.get("modifiers", []), role.get("title", "")]).strip()
            table.add_row(_date(role.get("date")), title, role.get("of_name") or "", role.get("text", ""))
        console.print(table)
    for key, heading in (("claims_by", "claims by"), ("claims_about", "claims about")):
        if entity.get(key):
            render_claims(entity[key], console, title=heading)
    actors = entity.get("co_actors") or []
    if actors:
        console.print(
            "co-actors: "
            + ", ".join(f"{a.get('name')} ({a.get('count', a.get('events', ''))})" for a in actors),
            highlight=False,
        )


def render_claims(rows: list[dict[str, Any]], console: Console, title: str | None = None) -> None:
    if not rows:
        console.print("No claims found.")
        return
    table = _table("published", "status", "chain", "content", title=title)
    for row in rows:
        content = row.get("content")
        text = content.get("text") if isinstance(content, dict) else content
        table.add_row(
            _date(row.get("published")), row.get("status", ""), _chain(row.get("chain")), text or ""
        )
    console.print(table)


def render_timeline(rows: list[dict[str, Any]], console: Console) -> None:
    if not rows:
        console.print("Nothing dated.")
        return
    table = _table("when", "what", "document")
    for row in rows:
        what = row.get("text") or row.get("trigger") or row.get("content") or row.get("type") or ""
        if isinstance(what, dict):
            what = what.get("text", "")
        if row.get("type") and row.get("kind", "event") == "event":
            what = f"{row['type']}: {what}"
        when = row.get("when")
        said = when.get("text") if isinstance(when, dict) else when
        date = row.get("date") or (when.get("value") if isinstance(when, dict) else None)
        shown = f"{date} ({said})" if date and said and said != date else (date or said or "—")
        table.add_row(str(shown), str(what), str(row.get("document", "")))
    console.print(table)


def render_search(rows: list[dict[str, Any]], console: Console) -> None:
    if not rows:
        console.print("No matches.")
        return
    table = _table("published", "outlet", "title", "snippet")
    for row in rows:
        table.add_row(
            _date(row.get("published")),
            row.get("outlet") or "—",
            row.get("title") or "",
            row.get("snippet") or "",
        )
    console.print(table)
