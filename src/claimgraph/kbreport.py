"""Render the knowledge base's answers for people (Rich tables and trees); ``--json`` bypasses this."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.tree import Tree


def _date(value: str | None) -> str:
    return (value or "—")[:10]


def _table(*columns: str, title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
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
    table = _table("story", "first reported", "reports", "independent", "origins", "title")
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
        documents.add_row(_date(doc.get("published")), doc.get("outlet") or "—", how, doc["id"])
    console.print(documents)
    tree = Tree("[bold]provenance[/bold]")
    for origin in story.get("origins", []):
        branch = tree.add(f"{origin['name']} ({len(origin.get('documents', []))} report(s))", highlight=False)
        for voice in origin.get("voices", []) or []:
            branch.add(str(voice), highlight=False)
    console.print(tree)
    conflicts = story.get("conflicts") or []
    if conflicts:
        console.print("[bold]conflicts[/bold]")
        for conflict in conflicts:
            console.print(f"  {conflict.get('kind')}: {conflict.get('explanation')}", highlight=False)
    render_timeline(story.get("timeline") or [], console)


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
