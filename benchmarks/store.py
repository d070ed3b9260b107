"""Measure the knowledge base: ingest rate against analysis alone, and query latency at 10,000 documents.

Usage: python benchmarks/store.py [--documents N] [--ingest-copies K] [--postgres URL] [--json]

1. Ingest rate. The bundled examples, repeated K times under distinct URLs, are (a) analysed
   alone and (b) ingested into a fresh SQLite file and, with ``--postgres``, a fresh PostgreSQL
   schema (analysis, storage and the final resolution of the corpus). The figure is documents per
   second of each ingest relative to analysis alone, in the same run.
2. Query latency. N claimgraph/1 documents (10,000 by default) are synthesised from the analysed
   examples: each batch of eleven gets its own words (a random share of the vocabulary, names
   included, replaced by invented words of the same length, so every offset still holds) and its
   own dates, so batches form separate stories as a real corpus would. They are stored and
   resolved, then ``stories`` (all of them, and a page of 50), ``story``, ``entity``,
   ``claims --about``, ``timeline`` and ``search`` are each timed over many calls: p50 and p95
   in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from claimgraph.ids import document_id
from claimgraph.ingest import Document, read_inputs

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[^\W\d_]{4,}")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def copies(documents: list[Document], k: int) -> list[Document]:
    """Return the documents ``k`` times, each copy under its own URL (so each is a new document)."""
    out = []
    for i in range(k):
        for d in documents:
            url = f"https://bench.example/{i}/{Path(d.origin).name}"
            out.append(
                Document(
                    text=d.text,
                    origin=f"{d.origin}#{i}",
                    url=url,
                    outlet=d.outlet,
                    published=d.published,
                    title=d.title,
                    language=d.language,
                )
            )
    return out


# --- synthesising a corpus ----------------------------------------------------------------------


def _mapping(vocabulary: list[str], rng: random.Random, share: float) -> dict[str, str]:
    chosen = rng.sample(vocabulary, int(len(vocabulary) * share))
    return {w: "".join(rng.choice(LETTERS) for _ in w) for w in chosen}


def _rewrite(text: str, mapping: dict[str, str]) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        new = mapping.get(word.lower())
        if new is None:
            return word
        if word.isupper():
            return new.upper()
        return new.capitalize() if word[0].isupper() else new

    return WORD.sub(swap, text)


def _shift(value: Any, days: int) -> Any:
    if not isinstance(value, str) or not re.match(r"\d{4}-\d\d-\d\d", value):
        return value
    moved = datetime.fromisoformat(value[:10]) + timedelta(days=days)
    return moved.date().isoformat() + value[10:]


def _respan(node: Any, text: str, mapping: dict[str, str]) -> Any:
    """Re-read every span from the rewritten text; rewrite names and titles with the same words."""
    if isinstance(node, list):
        return [_respan(v, text, mapping) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _respan(v, text, mapping) for k, v in node.items()}
    if isinstance(out.get("start"), int) and isinstance(out.get("end"), int) and "text" in out:
        out["text"] = text[out["start"] : out["end"]]
    for key in ("name", "title"):
        if isinstance(out.get(key), str):
            out[key] = _rewrite(out[key], mapping)
    return out


def synthesise(seeds: list[dict[str, Any]], n: int, *, share: float = 0.4, seed: int = 7) -> list[dict]:
    """Return ``n`` claimgraph/1 documents made from ``seeds``, batch by batch (see the module doc)."""
    rng = random.Random(seed)
    vocabulary = sorted({w.lower() for s in seeds for w in WORD.findall(s["document"]["text"])})
    out: list[dict[str, Any]] = []
    batch = 0
    while len(out) < n:
        mapping = _mapping(vocabulary, rng, share)
        days = 45 * batch
        for s in seeds:
            if len(out) >= n:
                break
            text = _rewrite(s["document"]["text"], mapping)
            doc = _respan({k: v for k, v in s.items() if k != "document"}, text, mapping)
            meta = dict(s["document"], text=text)
            meta["title"] = _rewrite(meta["title"], mapping) if meta.get("title") else None
            meta["published"] = _shift(meta.get("published"), days)
            meta["url"] = f"https://synth.example/{batch}/{len(out)}"
            meta["id"] = document_id(meta["url"], text)
            doc["document"] = meta
            out.append(doc)
        batch += 1
    return out


# --- timing -------------------------------------------------------------------------------------


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2), "p95_ms": round(p95 * 1000, 2)}


def timed(fn: Callable[[Any], Any], args: list[Any]) -> dict[str, float]:
    samples = []
    for arg in args:
        start = time.perf_counter()
        fn(arg)
        samples.append(time.perf_counter() - start)
    return percentiles(samples) | {"calls": len(samples)}


def ingest_rate(documents: list[Document], targets: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    from claimgraph.analyze.run import Analyzer
    from claimgraph.kb import ingest

    analyzer = Analyzer()
    analyzer.run([analyzer.prepare(documents[0])])  # load the model before timing
    start = time.perf_counter()
    for _ in analyzer.analyze(documents):
        pass
    alone = len(documents) / (time.perf_counter() - start)
    result: dict[str, Any] = {"documents": len(documents), "analysis_docs_per_second": round(alone, 2)}
    for name, open_store in targets.items():
        with open_store() as store:
            start = time.perf_counter()
            summary = ingest(documents, store, analyzer)
            rate = len(documents) / (time.perf_counter() - start)
            assert summary.added == len(documents), summary.to_dict()
        result[name] = {"docs_per_second": round(rate, 2), "relative_to_analysis": round(rate / alone, 3)}
    return result


def query_latency(corpus: list[dict[str, Any]], open_store: Callable[[], Any], calls: int) -> dict[str, Any]:
    from claimgraph.kb import resolve_store

    rng = random.Random(11)
    out: dict[str, Any] = {}
    with open_store() as store:
        start = time.perf_counter()
        for doc in corpus:
            store.add_document(doc)
        out["store_seconds"] = round(time.perf_counter() - start, 2)
        start = time.perf_counter()
        resolution = resolve_store(store)
        out["resolve_and_save_seconds"] = round(time.perf_counter() - start, 2)
        out["stories"] = len(resolution.stories)
        out["entities"] = len(resolution.entities)
        story_ids = [s.id for s in resolution.stories]
        names = [e.name for e in resolution.entities if e.type in ("person", "organization")]
        words = [w for d in corpus[:200] for w in WORD.findall(d["document"]["text"])]
        out["queries"] = {
            "stories (all)": timed(lambda _: store.stories(), [None] * max(5, calls // 20)),
            "stories --limit 50": timed(
                lambda at: store.stories(limit=50, offset=at),
                rng.choices(range(max(1, len(story_ids) - 50)), k=calls),
            ),
            "story": timed(store.story, rng.choices(story_ids, k=calls)),
            "entity": timed(store.entity, rng.choices(names, k=calls)),
            "claims --about": timed(lambda n: store.claims(about=n, limit=50), rng.choices(names, k=calls)),
            "timeline": timed(store.timeline, rng.choices(names, k=calls)),
            "search": timed(lambda w: store.search(w, limit=20), rng.choices(words, k=calls)),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000, help="size of the synthesised corpus")
    parser.add_argument("--ingest-copies", type=int, default=5, help="copies of the examples to ingest")
    parser.add_argument("--calls", type=int, default=200, help="calls per query kind")
    parser.add_argument("--postgres", help="a postgresql:// URL: also measure PostgreSQL (a fresh schema)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    from claimgraph.analyze.run import Analyzer
    from claimgraph.store import Store

    examples = [d for d in read_inputs([str(ROOT / "examples")]) if isinstance(d, Document)]
    if not examples:
        print("store: no example articles found", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="claimgraph-bench-"))
    schemas: list[str] = []

    def sqlite(name: str) -> Callable[[], Any]:
        return lambda: Store.open(str(workdir / f"{name}-{uuid.uuid4().hex[:8]}.db"))

    def postgres() -> Any:
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        schemas.append(schema)
        return Store.open(args.postgres, schema=schema)

    targets = {"sqlite": sqlite("ingest")}
    if args.postgres:
        targets["postgresql"] = postgres
    result: dict[str, Any] = {"ingest": ingest_rate(copies(examples, args.ingest_copies), targets)}

    seeds = [r for r in Analyzer().analyze(examples) if isinstance(r, dict)]
    corpus = synthesise(seeds, args.documents)
    result["corpus_documents"] = len(corpus)
    result["sqlite"] = query_latency(corpus, sqlite("queries"), args.calls)
    if args.postgres:
        result["postgresql"] = query_latency(corpus, postgres, args.calls)
        drop_schemas(args.postgres, schemas)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        report(result)
    return 0


def drop_schemas(url: str, schemas: list[str]) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        for schema in schemas:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def report(result: dict[str, Any]) -> None:
    ingest = result["ingest"]
    alone = ingest["analysis_docs_per_second"]
    print(f"ingest of {ingest['documents']} documents; analysis alone {alone} docs/s")
    for backend in ("sqlite", "postgresql"):
        if backend in ingest:
            row = ingest[backend]
            ratio = f"{row['relative_to_analysis']:.2f}x analysis alone"
            print(f"  {backend}: {row['docs_per_second']} docs/s ({ratio})")
    print(f"queries over {result['corpus_documents']} synthesised documents (p50 / p95 ms):")
    for backend in ("sqlite", "postgresql"):
        if backend not in result:
            continue
        q = result[backend]
        print(
            f"  {backend}: stored in {q['store_seconds']} s, resolved and saved in "
            f"{q['resolve_and_save_seconds']} s ({q['stories']} stories, {q['entities']} entities)"
        )
        for name, t in q["queries"].items():
            print(f"    {name:20} {t['p50_ms']:>9.2f} {t['p95_ms']:>9.2f}")


if __name__ == "__main__":
    sys.exit(main())
