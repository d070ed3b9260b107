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
@click.option("--published", help="Publication date for every input (ISO 8601 or a plain date).")
@click.option("--outlet", help="Publisher name for every input.")
@click.option("--url", help="URL for every input.")
@click.option("--title", help="Title for every input.")
@click.option(
    "--keep-boilerplate", is_flag=True, help="Analyse the text as given, without removing boilerplate."
)
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
    try:
        iso = normalize_published(published) if published is not None else None
    except ClaimgraphError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    try:
        from claimgraph.analyze.pipeline import MODEL, load_pipeline
        from claimgraph.analyze.run import Analyzer

        nlp = load_pipeline(os.environ.get("CLAIMGRAPH_MODEL", MODEL))
        analyzer = Analyzer(nlp, clean=not keep_boilerplate)
    except ClaimgraphError as exc:
        _fail(str(exc))
        sys.exit(EXIT_SETUP)

    def inputs() -> Any:
        for item in read_inputs(paths, stdin=sys.stdin.buffer):
            if isinstance(item, Rejection):
                yield item
            else:
                yield item.with_overrides(published=iso, outlet=outlet, url=url, title=title)

    console = Console()
    rejected = 0
    held: dict[str, Any] | None = None
    streamed = False
    used: set[str] = set()
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    for origin, result in analyzer.results(inputs()):
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
