"""Measure claimgraph's speed against bare spaCy on the same texts, in one run.

Usage: python benchmarks/throughput.py [PATH ...] [--repeat N] [--rounds R] [--json]

PATH defaults to the bundled examples. The texts are cleaned once, then analysed by
(a) the bare model, ``nlp.pipe`` of en_core_web_sm with no claimgraph component, and
(b) claimgraph's whole analysis (its components, plus building the claimgraph/1 output).
Each round times both, alternating; the best round of each is kept (least disturbed by other
load). The ratio of the two throughputs is the figure to record in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import spacy

from claimgraph.analyze.boilerplate import clean_text
from claimgraph.analyze.pipeline import MODEL, load_pipeline
from claimgraph.analyze.run import Analyzer
from claimgraph.ingest import Document, read_inputs

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--repeat", type=int, default=20, help="how many times the texts are repeated")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per system (best kept)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--each",
        action="store_true",
        help="also time every pipeline component on its own (best of the rounds), as a share of the model",
    )
    args = parser.parse_args(argv)

    documents = [d for d in read_inputs(args.paths) if isinstance(d, Document)]
    if not documents:
        print(f"throughput: no articles found in {args.paths}", file=sys.stderr)
        return 2
    documents = [
        Document(
            text=clean_text(d.text), origin=d.origin, outlet=d.outlet, published=d.published, language="en"
        )
        for d in documents
    ] * args.repeat
    texts = [d.text for d in documents]

    bare = spacy.load(MODEL)
    analyzer = Analyzer(load_pipeline(), clean=False)
    tokens = sum(len(doc) for doc in bare.pipe(texts[: len(texts) // args.repeat])) * args.repeat

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=32):
            pass

    def run_claimgraph() -> None:
        for _ in analyzer.analyze(documents):
            pass

    best = {"bare": float("inf"), "claimgraph": float("inf")}
    for _ in range(args.rounds):
        for name, fn in (("bare", run_bare), ("claimgraph", run_claimgraph)):
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)
    rates = {name: tokens / seconds for name, seconds in best.items()}
    per_component = component_seconds(analyzer.nlp, documents, args.rounds) if args.each else {}
    result = {
        "documents": len(documents),
        "tokens": tokens,
        "bare_tokens_per_second": round(rates["bare"]),
        "claimgraph_tokens_per_second": round(rates["claimgraph"]),
        "claimgraph_time_over_bare": round(best["claimgraph"] / best["bare"], 3),
    }
    if per_component:
        model = sum(sec for name, sec in per_component.items() if not name.startswith("claimgraph"))
        result["components_share_of_model"] = {
            name: round(sec / model, 3)
            for name, sec in per_component.items()
            if name.startswith("claimgraph")
        }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['documents']} documents, {tokens} tokens, best of {args.rounds} rounds")
        print(f"  bare spaCy nlp.pipe   {result['bare_tokens_per_second']:>8} tokens/s")
        print(f"  claimgraph analysis   {result['claimgraph_tokens_per_second']:>8} tokens/s")
        overhead = (result["claimgraph_time_over_bare"] - 1) * 100
        print(f"  time ratio claimgraph/bare: {result['claimgraph_time_over_bare']:.3f} ({overhead:+.1f}%)")
        for name, share in result.get("components_share_of_model", {}).items():
            print(f"  {name:<24} {share * 100:+6.1f}% of the model's own time")
    return 0


def component_seconds(nlp: Any, documents: list[Document], rounds: int = 1) -> dict[str, float]:
    """Return the seconds each pipeline component takes over ``documents``, run one after
    another, the best of ``rounds`` passes for each."""
    seconds: dict[str, float] = {}
    for _ in range(rounds):
        docs = []
        for d in documents:
            doc = nlp.make_doc(d.text)
            doc._.cg_document = d
            docs.append(doc)
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=32))
            else:
                docs = [proc(doc) for doc in docs]
            seconds[name] = min(seconds.get(name, float("inf")), time.perf_counter() - start)
    return seconds


if __name__ == "__main__":
    sys.exit(main())
