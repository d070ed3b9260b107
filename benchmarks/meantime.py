"""Score claimgraph's events on MEANTIME's English Wikinews: trigger detection and factuality.

Usage: python benchmarks/meantime.py --data PATH [--json] [--limit N]

PATH is MEANTIME's English folder (``intra-doc_annotation/corpus_*/*.xml``, or any folder above
it). Texts, creation times and the annotated region are read as in ``meantime_times.py``
(tokens joined by single spaces, one sentence per line; only the opening sentences are
annotated, so nothing after the last annotated sentence is scored). Gold events are MEANTIME's
EVENT_MENTION elements with their ``certainty`` (CERTAIN, PROBABLE, POSSIBLE, UNDERSPECIFIED)
and ``polarity`` (POS, NEG, UNDERSPECIFIED). claimgraph runs its whole pipeline, the creation
time given as the publication date.

Three scores, all in one run:

- **Trigger detection**: claimgraph's events against all gold event mentions, a match being an
  overlap of the trigger with the mention, paired one to one. claimgraph only looks for the
  PLOVER repertoire (demands, talks, arrests, attacks...), while MEANTIME marks every event
  (rises, sales, releases, states), so recall is bounded by design; precision says how often
  what claimgraph calls an event is one.
- **Factuality of claimgraph's events** (those matching a gold mention), derived two ways:
  *claim status*: from the status of the claim that carries the event and the event's own
  negation and mode (``negated`` or a denied claim is NEG; a conditional or possible mode, or an
  uncertain claim, is POSSIBLE; a hedged claim is PROBABLE; else CERTAIN and POS); *event
  only*: from the event's negation and mode alone. The two differ in whose view they take:
  a claim's status is the publisher's stance toward what a source says ("the company claims
  that ..." is hedged), while MEANTIME annotates the certainty the source itself expresses.
- **Factuality of every gold event**, the same derivations at each gold mention's first token
  (the claim whose content holds it; the negation and mode of that token in the parse), so that
  the status machinery is measured beyond the PLOVER triggers.

Each set of items has a majority-class row scored on the same items (the most frequent gold
value: CERTAIN, POS). Accuracy is reported, and macro-F1 over the gold classes present, which
is what a majority baseline cannot fake. Mentions whose gold attribute is empty are left out of
that attribute. Nothing here was tuned on MEANTIME; the fourth topic corpus (stock) is kept apart.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from meantime_times import join_tokens

CERTAINTY = ("CERTAIN", "PROBABLE", "POSSIBLE", "UNDERSPECIFIED")
POLARITY = ("POS", "NEG", "UNDERSPECIFIED")
#: claim status -> MEANTIME certainty
STATUS_CERTAINTY = {
    "asserted": "CERTAIN",
    "reported": "CERTAIN",
    "denied": "CERTAIN",
    "hedged": "PROBABLE",
    "uncertain": "POSSIBLE",
}


@dataclass(frozen=True)
class Mention:
    """One gold event mention: character offsets (end exclusive), certainty and polarity."""

    start: int
    end: int
    certainty: str
    polarity: str


@dataclass
class EventDocument:
    name: str
    text: str
    dct: str
    cut: int  # nothing at or after this offset is annotated
    gold: list[Mention] = field(default_factory=list)


def read_events(path: Path) -> EventDocument | None:
    """Return the text, creation time and gold event mentions of one MEANTIME file."""
    root = ElementTree.parse(path).getroot()
    text, offsets, sentence_of = join_tokens(root)
    dct = next(
        (t.get("value", "") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"),
        "",
    )
    if not dct[:4].isdigit():
        return None
    annotated = [sentence_of.get(a.get("t_id", ""), 0) for a in root.iter("token_anchor")]
    last = max(annotated, default=0)
    cut = max((e for t, (_, e) in offsets.items() if sentence_of[t] <= last), default=0)
    doc = EventDocument(path.stem, text, dct[:10], cut)
    for mention in root.iter("EVENT_MENTION"):
        anchors = [
            offsets[a.get("t_id", "")] for a in mention.iter("token_anchor") if a.get("t_id") in offsets
        ]
        if anchors:
            doc.gold.append(
                Mention(
                    min(s for s, _ in anchors),
                    max(e for _, e in anchors),
                    mention.get("certainty", ""),
                    mention.get("polarity", ""),
                )
            )
    doc.gold.sort(key=lambda m: m.start)
    return doc


def factuality(status: str | None, negated: bool, mode: str) -> tuple[str, str]:
    """Return MEANTIME (certainty, polarity) for an event with this claim status (None: leave
    the claim out), negation and mode."""
    certainty = STATUS_CERTAINTY.get(status or "asserted", "CERTAIN")
    if mode in ("conditional", "possible"):
        certainty = "POSSIBLE"
    polarity = "NEG" if negated or status == "denied" else "POS"
    return certainty, polarity


@dataclass
class Attribute:
    """Gold and predicted values of one factuality attribute over a set of items."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    def add(self, gold: str, predicted: str) -> None:
        if gold:
            self.pairs.append((gold, predicted))

    def metrics(self) -> dict[str, float | int]:
        n = len(self.pairs)
        accuracy = sum(g == p for g, p in self.pairs) / n if n else 0.0
        f1s = []
        for label in sorted({g for g, _ in self.pairs}):
            tp = sum(g == p == label for g, p in self.pairs)
            predicted = sum(p == label for _, p in self.pairs)
            gold = sum(g == label for g, _ in self.pairs)
            prec, rec = (tp / predicted if predicted else 0.0), (tp / gold if gold else 0.0)
            f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        return {"items": n, "accuracy": accuracy, "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0}

    def majority(self) -> Attribute:
        """Return the majority-class baseline on the same items."""
        top = Counter(g for g, _ in self.pairs).most_common(1)
        label = top[0][0] if top else ""
        return Attribute([(g, label) for g, _ in self.pairs])


def pair(gold: list[Mention], predicted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return (gold index, predicted index) pairs of overlapping spans, one to one, in text order."""
    pairs, used = [], set()
    for j, (start, end) in enumerate(predicted):
        for i, g in enumerate(gold):
            if i not in used and g.start < end and start < g.end:
                pairs.append((i, j))
                used.add(i)
                break
    return pairs


def run(docs: list[EventDocument]) -> dict[str, object]:
    """Run claimgraph on ``docs`` and return every score."""
    from claimgraph.analyze import lexicon
    from claimgraph.analyze.events import modality
    from claimgraph.analyze.pipeline import load_pipeline
    from claimgraph.ingest.document import Document

    modes = {k: v[0] for k, v in lexicon.table("event_modes.tsv").items()}
    nlp = load_pipeline()
    made = []
    for d in docs:
        doc = nlp.make_doc(d.text)
        doc._.cg_document = Document(text=d.text, origin=d.name, published=d.dct, language="en")
        made.append(doc)
    began = time.perf_counter()
    parsed = list(nlp.pipe(made, batch_size=16))
    seconds = time.perf_counter() - began

    detection: Counter[str] = Counter()
    rows = {k: (Attribute(), Attribute()) for k in ("events, claim status", "events, event only")}
    rows.update({k: (Attribute(), Attribute()) for k in ("all, claim status", "all, event only")})

    def score(kind: str, gold: Mention, status: str | None, negated: bool, mode: str) -> None:
        for suffix, used in (("claim status", status), ("event only", None)):
            c, p = factuality(used, negated, mode)
            rows[f"{kind}, {suffix}"][0].add(gold.certainty, c)
            rows[f"{kind}, {suffix}"][1].add(gold.polarity, p)

    for d, doc in zip(docs, parsed, strict=True):
        claims = (doc._.cg_attribution or ([], []))[1]
        status = {c.id: c.status for c in claims}
        events = [e for e in doc._.cg_events or [] if e.trigger.start < d.cut]
        pairs = pair(d.gold, [(e.trigger.start, e.trigger.end) for e in events])
        detection["gold"] += len(d.gold)
        detection["predicted"] += len(events)
        detection["matched"] += len(pairs)
        for i, j in pairs:
            e = events[j]
            score("events", d.gold[i], status.get(e.claim or ""), e.negated, e.mode)
        for g in d.gold:
            span = doc.char_span(g.start, g.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            tok = span[0]
            claim = next((c for c in claims if c.content.start <= g.start < c.content.end), None)
            mode, negated = modality(tok, modes)
            score("all", g, claim.status if claim else None, negated, mode)
    prec = detection["matched"] / detection["predicted"] if detection["predicted"] else 0.0
    rec = detection["matched"] / detection["gold"] if detection["gold"] else 0.0
    return {
        "documents": len(docs),
        "seconds": seconds,
        "detection": {
            **detection,
            "precision": prec,
            "recall": rec,
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        },
        "factuality": {
            "claimgraph events, claim status": _row(rows["events, claim status"]),
            "claimgraph events, event only": _row(rows["events, event only"]),
            "majority (same events)": _row(rows["events, event only"], majority=True),
            "every gold event, claim status": _row(rows["all, claim status"]),
            "every gold event, event only": _row(rows["all, event only"]),
            "majority (every gold event)": _row(rows["all, event only"], majority=True),
        },
    }


def _row(row: tuple[Attribute, Attribute], majority: bool = False) -> dict[str, dict[str, float | int]]:
    certainty, polarity = (a.majority() if majority else a for a in row)
    return {"certainty": certainty.metrics(), "polarity": polarity.metrics()}


def print_report(result: dict) -> None:
    d = result["detection"]
    print(
        f"MEANTIME English events: {result['documents']} documents, {d['gold']} gold event mentions "
        f"in the annotated sentences; claimgraph {result['seconds']:.1f} s (whole pipeline)"
    )
    print(
        f"trigger detection: predicted {d['predicted']}, matched {d['matched']}: "
        f"P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}"
    )
    print(
        f"\n{'factuality':<34}{'items':>6}  {'certainty acc / macro-F1':>25}  {'polarity acc / macro-F1':>24}"
    )
    for name, row in result["factuality"].items():
        c, p = row["certainty"], row["polarity"]
        print(
            f"{name:<34}{c['items']:>6}  {c['accuracy']:>14.3f} / {c['macro_f1']:.3f}"
            f"  {p['accuracy']:>13.3f} / {p['macro_f1']:.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="MEANTIME's English folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--limit", type=int, help="score only the first N documents")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(
            f"meantime: {args.data} is not a directory: give --data MEANTIME's English folder",
            file=sys.stderr,
        )
        return 2
    paths = sorted(args.data.rglob("*.xml"), key=lambda p: p.name)
    docs = [d for d in (read_events(p) for p in paths) if d is not None][: args.limit]
    if not docs:
        print(f"meantime: no MEANTIME documents with a creation time under {args.data}", file=sys.stderr)
        return 2
    result = run(docs)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
