"""The ``claimgraph`` command: parse, call the library, print."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from claimgraph import contract
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import Rejection, normalize_published, read_inputs

#: exit statuses: 0 all inputs analysed, 1 some inputs rejected, 2 usage, 3 set-up (model missing)
EXIT_REJECTED, EXIT_SETUP = 1, 3


def _fail(message: str) -> None:
    click.echo(f"claimgraph: error: {message}", err=True)


def _dump(out: dict[str, Any], indent: int | None = None) -> str:
    return json.dumps(out, ensure_ascii=False, indent=indent, sort_keys=False)


def _out_name(origin: str, used: set[str]) -> str:
    """Return ``<input stem>.json`` for an input (``stem.LINE.json`` for one line of a JSONL)."""
    path, _, line = origin.rpartition(":") if re.search(r":\d+$", origin) else (origin, "", "")
    stem = "stdin" if path == "-" else Path(path).stem or "document"
    name = f"{stem}.{line}.json" if line else f"{stem}.json"
    n = 2
    while name in used:
        name = f"{stem}-{n}.json" if not line else f"{stem}.{line}-{n}.json"
        n += 1
    used.add(name)
    return name


def document_options(command: Any) -> Any:
    """Add the options that set metadata for every input, shared by ``analyze`` and ``ingest``."""
    options = [
        click.option("--published", help="Publication date for every input (ISO 8601 or a plain date)."),
        click.option("--outlet", help="Publisher name for every input."),
        click.option("--url", help="URL for every input."),
        click.option("--title", help="Title for every input."),
        click.option(
            "--keep-boilerplate",
            is_flag=True,
            help="Analyse the text as given, without removing boilerplate.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _published(published: str | None) -> str | None:
    try:
        return normalize_published(published) if published is not None else None
    except ClaimgraphError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None


def _analyzer(keep_boilerplate: bool, *, load: bool = True) -> Any:
    """Return an Analyzer (its model loaded now when ``load``); exit 3 when the model is missing."""
    try:
        from claimgraph.analyze.pipeline import MODEL, load_pipeline
        from claimgraph.analyze.run import Analyzer

        name = os.environ.get("CLAIMGRAPH_MODEL", MODEL)
        nlp = load_pipeline(name) if load else None  # else loaded when the first document needs it
        return Analyzer(nlp, clean=not keep_boilerplate, model_name=name)
    except ClaimgraphError as exc:
        _fail(str(exc))
        sys.exit(EXIT_SETUP)


def _inputs(paths: tuple[str, ...], **overrides: str | None) -> Any:
    """Yield the Documents and Rejections of ``paths``, with the command-line metadata applied."""
    for item in read_inputs(paths, stdin=sys.stdin.buffer):
        yield item if isinstance(item, Rejection) else item.with_overrides(**overrides)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimgraph")
def main() -> None:
    """Who says so? Turn news articles into a provenance graph of claims and their sources."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--json", "as_json", is_flag=True, help="Print claimgraph/1 JSON (JSON Lines for several documents)."
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write <input stem>.json per document into this directory.",
)
@document_options
def analyze(
    paths: tuple[str, ...],
    as_json: bool,
    out_dir: Path | None,
    published: str | None,
    outlet: str | None,
    url: str | None,
    title: str | None,
    keep_boilerplate: bool,
) -> None:
    """Analyse articles: who is involved, what is claimed, on whose authority, and when.

    PATHS are .txt, .html, .json or .jsonl files, directories (searched recursively) or - for
    standard input. Each bad input is reported on one line and the others are still analysed.
    The environment variable CLAIMGRAPH_MODEL names another spaCy model to use.

    \b
    Example:
      claimgraph analyze article.txt --published 2026-01-17 --outlet CiberCuba
      claimgraph analyze examples/ --json > claims.jsonl
    """
    if as_json and out_dir:
        raise click.UsageError("--json and --out cannot be used together")
    iso = _published(published)
    analyzer = _analyzer(keep_boilerplate)
    inputs = _inputs(paths, published=iso, outlet=outlet, url=url, title=title)

    console = Console()
    rejected = 0
    held: dict[str, Any] | None = None
    streamed = False
    used: set[str] = set()
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    for origin, result in analyzer.results(inputs):
        if isinstance(result, Rejection):
            rejected += 1
            _fail(str(result))
            continue
        contract.validate(result)
        if out_dir:
            target = out_dir / _out_name(origin, used)
            target.write_text(_dump(result, indent=2) + "\n", encoding="utf-8")
        elif as_json:
            # One document prints as one JSON object; from the second on, JSON Lines.
            if held is None and not streamed:
                held = result
                continue
            if held is not None:
                click.echo(_dump(held))
                held, streamed = None, True
            click.echo(_dump(result))
        else:
            from claimgraph.report import render

            render(result, console)
    if held is not None:
        click.echo(_dump(held, indent=2))
    if rejected:
        sys.exit(EXIT_REJECTED)


@main.command()
def schema() -> None:
    """Print the claimgraph/1 JSON Schema.

    \b
    Example:
      claimgraph schema > claimgraph-1.schema.json
    """
    click.echo(json.dumps(contract.schema(), indent=2, ensure_ascii=False))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
def validate(paths: tuple[str, ...]) -> None:
    """Check claimgraph/1 JSON or JSON Lines files against the contract.

    \b
    Example:
      claimgraph analyze examples/ --json | claimgraph validate -
    """
    bad = 0
    for path in paths:
        text = sys.stdin.read() if path == "-" else Path(path).read_text("utf-8")
        stripped = text.strip()
        try:
            items = (
                [json.loads(stripped)]
                if stripped.startswith("{") and "\n{" not in stripped
                else [json.loads(line) for line in stripped.splitlines() if line.strip()]
            )
        except json.JSONDecodeError as exc:
            _fail(f"{path}: not JSON: {exc}")
            bad += 1
            continue
        for i, item in enumerate(items, 1):
            found = contract.problems(item) if isinstance(item, dict) else ["not a JSON object"]
            if found:
                bad += 1
                _fail(f"{path}:{i}: {found[0]}" + (f" (and {len(found) - 1} more)" if len(found) > 1 else ""))
    if bad:
        sys.exit(EXIT_REJECTED)
    click.echo(f"{len(paths)} file(s) valid claimgraph/1")


# --- the knowledge base -----------------------------------------------------------------------

def db_option(command: Any) -> Any:
    """Add ``--db``: a SQLite file (default ``claimgraph.db`` here) or a ``postgresql://`` URL."""
    return click.option(
        "--db",
        envvar="CLAIMGRAPH_DB",
        help="The knowledge base: a SQLite file (default claimgraph.db in the working directory) "
        "or a postgresql:// URL; also read from CLAIMGRAPH_DB (and the PostgreSQL schema from "
        "CLAIMGRAPH_DB_SCHEMA).",
    )(command)


def json_option(command: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(command)


def _open_store(db: str | None) -> Any:
    """Open the store, or exit 3 with one line when it cannot be reached."""
    from claimgraph.store import Store

    schema = os.environ.get("CLAIMGRAPH_DB_SCHEMA") or None  # a PostgreSQL schema of its own
    try:
        return Store.open(db or None, schema=schema) if schema else Store.open(db or None)
    except Exception as exc:  # noqa: BLE001 - any driver error is one line for the user
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        _fail(f"cannot open the knowledge base {db or 'claimgraph.db'}: {reason}")
        sys.exit(EXIT_SETUP)


def _emit(data: Any, as_json: bool, render: Any) -> None:
    if as_json:
        click.echo(_dump(data, indent=2))
    else:
        render(data, Console())


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@document_options
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--no-resolve",
    is_flag=True,
    help="Only store: regroup stories later with `claimgraph resolve` (for loading in parts).",
)
@json_option
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    published: str | None,
    outlet: str | None,
    url: str | None,
    title: str | None,
    keep_boilerplate: bool,
    quiet: bool,
    no_resolve: bool,
    as_json: bool,
) -> None:
    """Analyse articles and store them in the knowledge base, then regroup stories.

    Ingesting again is safe: documents already stored with the same content are skipped,
    an ingest that was interrupted goes on where it stopped, and every input that cannot be
    read or analysed is reported on one line and recorded (see `claimgraph failures`).

    \b
    Example:
      claimgraph ingest examples/
      claimgraph ingest feeds/ --db postgresql://user@host/claims
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    from claimgraph.kb import ingest as ingest_items

    iso = _published(published)
    store = _open_store(db)  # first: a store that cannot be opened fails at once
    err = Console(stderr=True)
    quiet = quiet or not err.is_terminal  # a bar is for people watching, not for logs
    items: list[Any] = []  # read first (extracting HTML), so that the bar below knows its total
    counting = (SpinnerColumn(), TextColumn("reading inputs: {task.completed}"))
    with Progress(*counting, console=err, disable=quiet, transient=True) as reading:
        task = reading.add_task("read", total=None)
        for item in _inputs(paths, published=iso, outlet=outlet, url=url, title=title):
            items.append(item)
            reading.advance(task)
    analyzer = _analyzer(keep_boilerplate, load=False)
    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    with store, Progress(*columns, console=err, disable=quiet, transient=True) as bar:
        task = bar.add_task("ingest", total=len(items), rate="")

        def step(item: str, outcome: str, reason: str | None) -> None:
            if outcome == "failed":
                line = f"claimgraph: error: {item}: {reason}"
                bar.console.print(line, markup=False, highlight=False, soft_wrap=True)  # never wrapped
            speed = bar.tasks[0].speed
            bar.update(task, advance=1, rate=f"{speed:.1f} docs/s" if speed else "")

        try:
            summary = ingest_items(items, store, analyzer, progress=step, resolve=not no_resolve)
        except ClaimgraphError as exc:
            _fail(str(exc))
            sys.exit(EXIT_SETUP)
    if as_json:
        click.echo(_dump(summary.to_dict(), indent=2))
    else:
        counts = (
            f"{summary.added} added, {summary.updated} updated, {summary.unchanged} already stored, "
            f"{summary.failed} failed; {summary.documents} documents"
        )
        if summary.resolved:
            click.echo(f"{counts} in {summary.stories} stories")
        else:
            click.echo(f"{counts}; stories not regrouped yet: run `claimgraph resolve`")
    if summary.failed:
        sys.exit(EXIT_REJECTED)


@main.command()
@db_option
@json_option
def resolve(db: str | None, as_json: bool) -> None:
    """Regroup the stored documents: entities, stories, origins and independent sources.

    `ingest` does this at its end; run it after `ingest --no-resolve`, or to apply a new
    version of claimgraph's rules to a stored corpus.

    \b
    Example:
      claimgraph resolve
    """
    from claimgraph.kb import resolve_store

    with _open_store(db) as store:
        resolution = resolve_store(store)
        counts = {
            "documents": store.count_documents(),
            "entities": len(resolution.entities),
            "stories": len(resolution.stories),
        }
    if as_json:
        click.echo(_dump(counts, indent=2))
    else:
        documents, entities, stories = counts["documents"], counts["entities"], counts["stories"]
        click.echo(f"{documents} documents: {entities} entities, {stories} stories")


@main.command()
@db_option
@json_option
def failures(db: str | None, as_json: bool) -> None:
    """List the inputs that could not be ingested, with their reasons.

    \b
    Example:
      claimgraph failures --json
    """
    from claimgraph.kbreport import render_failures

    with _open_store(db) as store:
        _emit(store.failures(), as_json, render_failures)


@main.command()
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many stories.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many stories first.")
@db_option
@json_option
def stories(limit: int | None, offset: int, db: str | None, as_json: bool) -> None:
    """List the stories, earliest first: documents reporting the same news, their reports and
    independent sources.

    \b
    Example:
      claimgraph stories --json
      claimgraph stories --limit 20 --offset 40
    """
    from claimgraph.kbreport import render_stories

    with _open_store(db) as store:
        _emit(store.stories(limit=limit, offset=offset), as_json, render_stories)


def _found(value: Any, what: str) -> Any:
    if value is None:
        _fail(what)
        sys.exit(EXIT_REJECTED)
    return value


@main.command()
@click.argument("story_id")
@db_option
@json_option
def story(story_id: str, db: str | None, as_json: bool) -> None:
    """Show one story: documents, origins, provenance tree, timeline and conflicts.

    \b
    Example:
      claimgraph story st_1a2b3c4d5e6f
    """
    from claimgraph.kbreport import render_story

    with _open_store(db) as store:
        found = _found(store.story(story_id), f"no story {story_id!r} (see `claimgraph stories`)")
        _emit(found, as_json, render_story)


@main.command()
@click.argument("name")
@db_option
@json_option
def entity(name: str, db: str | None, as_json: bool) -> None:
    """Show a person or organisation: roles over time, claims by and about it, co-actors.

    \b
    Example:
      claimgraph entity "Nicolas Maduro"
    """
    from claimgraph.kbreport import render_entity

    with _open_store(db) as store:
        found = _found(store.entity(name), f"no entity matches {name!r}")
        _emit(found, as_json, render_entity)


STATUSES = ("asserted", "reported", "hedged", "uncertain", "denied")
SOURCE_KINDS = ("publisher", "outlet", "person", "organization", "anonymous", "document", "unspecified")


@main.command()
@click.option("--about", help="Only claims whose content mentions this entity.")
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status.")
@click.option("--source-kind", type=click.Choice(SOURCE_KINDS), help="Only claims from this kind of source.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many claims.")
@db_option
@json_option
def claims(
    about: str | None,
    status: str | None,
    source_kind: str | None,
    limit: int | None,
    db: str | None,
    as_json: bool,
) -> None:
    """List claims with their sources, chains and statuses.

    \b
    Example:
      claimgraph claims --about Castellar --source-kind anonymous
    """
    from claimgraph.kbreport import render_claims

    with _open_store(db) as store:
        _emit(
            store.claims(about=about, status=status, source_kind=source_kind, limit=limit),
            as_json,
            render_claims,
        )


@main.command()
@click.option("--about", required=True, help="The entity whose timeline to show.")
@db_option
@json_option
def timeline(about: str, db: str | None, as_json: bool) -> None:
    """Show what happened to an entity, and what was claimed about it, in date order.

    \b
    Example:
      claimgraph timeline --about "Rodrigo Castellar"
    """
    from claimgraph.kbreport import render_timeline

    with _open_store(db) as store:
        _emit(store.timeline(about), as_json, render_timeline)


@main.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@db_option
@json_option
def search(text: str, limit: int, db: str | None, as_json: bool) -> None:
    """Full-text search over the stored articles.

    \b
    Example:
      claimgraph search "arrest warrants"
    """
    from claimgraph.kbreport import render_search

    with _open_store(db) as store:
        _emit(store.search(text, limit=limit), as_json, render_search)


def _judge(kind: str, a: str, b: str, note: str | None, db: str | None) -> None:
    from claimgraph.kb import resolve_store
    from claimgraph.resolve.model import Judgement

    with _open_store(db) as store:
        store.add_judgement(Judgement(kind, a, b, note))
        resolution = resolve_store(store)
        unknown = [name for name in (a, b) if not store.find_entities(name)]
    verb = "merged" if kind == "merge" else "kept apart"
    counts = f"{len(resolution.entities)} entities, {len(resolution.stories)} stories"
    click.echo(f"{a!r} and {b!r} {verb}; {counts}")
    for name in unknown:
        click.echo(f"note: no entity is named {name!r} yet; the judgement is kept for when one is", err=True)


def judgement_arguments(command: Any) -> Any:
    """Add the two names (or entity ids), ``--note`` and ``--db``, shared by ``merge`` and ``split``."""
    parts = [
        click.argument("a"),
        click.argument("b"),
        click.option("--note", help="Why: kept with the judgement."),
        db_option,
    ]
    for part in reversed(parts):
        command = part(command)
    return command


@main.command()
@judgement_arguments
def merge(a: str, b: str, note: str | None, db: str | None) -> None:
    """Tell claimgraph that two names are one entity; the judgement survives re-ingesting.

    \b
    Example:
      claimgraph merge "Maduro Moros" "Nicolás Maduro"
    """
    _judge("merge", a, b, note, db)


@main.command()
@judgement_arguments
def split(a: str, b: str, note: str | None, db: str | None) -> None:
    """Tell claimgraph that two names are different entities; the judgement survives re-ingesting.

    \b
    Example:
      claimgraph split "John Smith" "John Smith Jr."
    """
    _judge("split", a, b, note, db)
