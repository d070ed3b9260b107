"""Score claimgraph's temporal expressions against TimeBank's TIMEX3 annotation, beside dateparser.

Usage: python benchmarks/timebank.py --data PATH [--json] [--limit N] [--errors FILE]

PATH is a TempEval-3 style directory (e.g. ``TBAQ-cleaned`` with ``TimeBank/*.tml`` and
``AQUAINT/*.tml``, or any folder above it); every ``.tml`` file under it is read. For each
document the raw text is the content of ``<TEXT>`` with its tags removed, and the publication
date is the document creation time (``<DCT>``). Gold expressions are the TIMEX3 in ``<TEXT>``
except those with a ``functionInDocument`` (creation or publication time); a prediction that
overlaps such an excluded expression is not counted either way.

Metrics are TempEval-3's (UzZaman et al., 2013): extent precision, recall and F1 under strict
matching (the same characters) and relaxed matching (any overlap, paired one to one, largest
overlap first); value accuracy (share of relaxed matches whose TIMEX3 value is the gold string);
value F1 (relaxed F1 counting only matches whose value is right); and type F1 (DATE, TIME,
DURATION, SET) likewise.

Two systems run on the same texts:

- ``claimgraph``: claimgraph's pipeline (the English model, sentences cut at line breaks) with
  only the ``claimgraph_time`` component, the DCT given as the document's publication date.
  Its time includes the model's own parsing; the component's share is printed beside it.
- ``dateparser``: ``search_dates(text, languages=["en"], settings={"RELATIVE_BASE": DCT})``
  (English given, as claimgraph is English-only). Its value is the returned date written at the
  granularity dateparser itself assigns the matched string (``DateDataParser.get_date_data``'s
  ``period``: year ``1998``, month ``1998-10``, week ``1998-W43``, day ``1998-10-23``, time
  ``1998-10-23T10:30``); its type is TIME for a time period and DATE otherwise. It has no notion
  of durations, sets or PRESENT_REF, so those cannot be right. Its time counts ``search_dates``
  only, not the granularity look-up added here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

EXCLUDED_FUNCTIONS = (
    "CREATION_TIME",
    "PUBLICATION_TIME",
    "EXPIRATION_TIME",
    "MODIFICATION_TIME",
    "RELEASE_TIME",
    "RECEPTION_TIME",
)


@dataclass(frozen=True)
class Timex:
    """One temporal expression: character offsets (end exclusive), TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass
class GoldDocument:
    """One TimeML document: its id, text, creation time, gold and excluded expressions."""

    name: str
    text: str
    dct: str
    gold: list[Timex]
    excluded: list[Timex] = field(default_factory=list)


def read_tml(path: Path) -> GoldDocument:
    """Return the text, DCT and gold TIMEX3 of one TimeML file."""
    root = ElementTree.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    text_el = root.find("TEXT")
    if dct_el is None or text_el is None:
        raise ValueError(f"{path}: no DCT or TEXT element")
    pieces: list[str] = []
    found: list[tuple[int, int, dict[str, str]]] = []

    def walk(el: ElementTree.Element, pos: int) -> int:
        if el.text:
            pieces.append(el.text)
            pos += len(el.text)
        for child in el:
            start = pos
            pos = walk(child, pos)
            if child.tag == "TIMEX3":
                found.append((start, pos, dict(child.attrib)))
            if child.tail:
                pieces.append(child.tail)
                pos += len(child.tail)
        return pos

    walk(text_el, 0)
    doc = GoldDocument(path.stem, "".join(pieces), dct_el.get("value", ""), [])
    for start, end, attrs in found:
        timex = Timex(start, end, attrs.get("type", "DATE"), attrs.get("value"))
        excluded = attrs.get("functionInDocument", "NONE") in EXCLUDED_FUNCTIONS
        (doc.excluded if excluded else doc.gold).append(timex)
    return doc


def read_corpus(path: Path) -> list[GoldDocument]:
    """Return every ``.tml`` document under ``path``, sorted by file name."""
    return [read_tml(p) for p in sorted(path.rglob("*.tml"), key=lambda p: (p.name, str(p)))]


# ---- scoring -------------------------------------------------------------------------------


@dataclass
class Score:
    """Counts for one system over a corpus, with TempEval-3's metrics derived from them."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    seconds: float = 0.0

    def __iadd__(self, other: Score) -> Score:
        for name in ("gold", "predicted", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    @staticmethod
    def _f1(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = hits / predicted if predicted else 0.0
        r = hits / gold if gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def metrics(self) -> dict[str, float]:
        """Return precision, recall and F1 per matching mode, value accuracy and the F1s."""
        out: dict[str, float] = {}
        for mode in ("strict", "relaxed"):
            p, r, f = self._f1(getattr(self, mode), self.predicted, self.gold)
            out |= {f"{mode}_p": p, f"{mode}_r": r, f"{mode}_f1": f}
        out["value_accuracy"] = self.value / self.relaxed if self.relaxed else 0.0
        out["value_f1"] = self._f1(self.value, self.predicted, self.gold)[2]
        out["type_f1"] = self._f1(self.type, self.predicted, self.gold)[2]
        return out


def overlap(a: Timex, b: Timex) -> int:
    """Return how many characters two expressions share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def score_document(
    gold: list[Timex],
    predicted: list[Timex],
    excluded: Iterable[Timex] = (),
    mismatches: list[tuple[Timex | None, Timex | None]] | None = None,
) -> Score:
    """Return the counts for one document; add (gold, predicted) misses to ``mismatches``."""
    excluded = list(excluded)
    predicted = [p for p in predicted if not any(overlap(p, x) for x in excluded)]
    score = Score(gold=len(gold), predicted=len(predicted))
    score.strict = len({(g.start, g.end) for g in gold} & {(p.start, p.end) for p in predicted})
    pairs = sorted(
        ((overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(predicted) if overlap(g, p)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        score.relaxed += 1
        g, p = gold[i], predicted[j]
        score.value += g.value == p.value
        score.type += g.type == p.type
        if mismatches is not None and ((g.start, g.end) != (p.start, p.end) or g.value != p.value):
            mismatches.append((g, p))
    if mismatches is not None:
        mismatches += [(g, None) for i, g in enumerate(gold) if i not in used_g]
        mismatches += [(None, p) for j, p in enumerate(predicted) if j not in used_p]
    return score


# ---- systems -------------------------------------------------------------------------------


def run_claimgraph(docs: list[GoldDocument]) -> tuple[list[list[Timex]], float, float]:
    """Return claimgraph's expressions per document, the model's seconds and the component's."""
    from claimgraph.analyze.pipeline import load_pipeline
    from claimgraph.ingest.document import Document

    nlp = load_pipeline(components=("claimgraph_time",))
    component = nlp.get_pipe("claimgraph_time")
    made = []
    for d in docs:
        doc = nlp.make_doc(d.text)
        doc._.cg_document = Document(text=d.text, origin=d.name, published=d.dct)
        made.append(doc)
    began = time.perf_counter()
    with nlp.select_pipes(disable=["claimgraph_time"]):
        parsed = list(nlp.pipe(made, batch_size=16))
    model_seconds = time.perf_counter() - began
    began = time.perf_counter()
    parsed = [component(doc) for doc in parsed]
    component_seconds = time.perf_counter() - began
    found = [[Timex(t.start, t.end, t.timex_type, t.value) for t in doc._.cg_times] for doc in parsed]
    return found, model_seconds, component_seconds


def dateparser_value(text: str, found: dt.datetime, base: dt.datetime) -> tuple[str, str]:
    """Return (TIMEX3 type, value) of a dateparser match at the granularity dateparser assigns."""
    from dateparser.date import DateDataParser

    period = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base}).get_date_data(text).period
    if period == "time":
        return "TIME", found.strftime("%Y-%m-%dT%H:%M")
    if period == "week":
        year, week, _ = found.isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}"
    return "DATE", {"year": f"{found.year:04d}", "month": f"{found.year:04d}-{found.month:02d}"}.get(
        period or "day", found.date().isoformat()
    )


def run_dateparser(docs: list[GoldDocument]) -> tuple[list[list[Timex]], float]:
    """Return dateparser's expressions per document and the seconds ``search_dates`` took."""
    from dateparser.search import search_dates

    out, seconds = [], 0.0
    for d in docs:
        base = dt.datetime.fromisoformat(d.dct) if "T" in d.dct else dt.datetime.fromisoformat(d.dct[:10])
        began = time.perf_counter()
        found = search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        seconds += time.perf_counter() - began
        timexes, cursor = [], 0
        for substring, when in found:
            start = d.text.find(substring, cursor)
            if start < 0:
                continue
            cursor = start + len(substring)
            kind, value = dateparser_value(substring, when, base)
            timexes.append(Timex(start, cursor, kind, value))
        out.append(timexes)
    return out, seconds


# ---- report --------------------------------------------------------------------------------

COLUMNS = (
    ("strict_p", "strict P"),
    ("strict_r", "strict R"),
    ("strict_f1", "strict F1"),
    ("relaxed_p", "relaxed P"),
    ("relaxed_r", "relaxed R"),
    ("relaxed_f1", "relaxed F1"),
    ("value_accuracy", "value acc"),
    ("value_f1", "value F1"),
    ("type_f1", "type F1"),
)


def report(
    scores: dict[str, Score],
    documents: int,
    model_seconds: float,
    component_seconds: float,
    *,
    as_json: bool,
    title: str = "TimeBank TIMEX3",
) -> None:
    """Print the scores of every system as JSON or as a table with a note on the seconds."""
    if as_json:
        first = next(iter(scores.values()))
        print(
            json.dumps(
                {
                    "documents": documents,
                    "gold": first.gold,
                    "systems": {
                        name: {**s.metrics(), "seconds": s.seconds, "predicted": s.predicted}
                        for name, s in scores.items()
                    },
                    "claimgraph_model_seconds": model_seconds,
                    "claimgraph_component_seconds": component_seconds,
                },
                indent=2,
            )
        )
        return
    note = (
        f"claimgraph seconds: {model_seconds:.1f} for the spaCy model, {component_seconds:.2f} for "
        "the time component; dateparser seconds: search_dates only"
    )
    print_table(scores, documents, note, title=title)


def print_table(
    scores: dict[str, Score], documents: int, note: str = "", title: str = "TimeBank TIMEX3"
) -> None:
    """Print one row per system, with Rich when it is installed, and a note below."""
    title = f"{title} ({documents} documents, {next(iter(scores.values())).gold} gold expressions)"
    header = ["system", *(label for _, label in COLUMNS), "seconds"]
    rows = [
        [name, *(f"{s.metrics()[key]:.3f}" for key, _ in COLUMNS), f"{s.seconds:.1f}"]
        for name, s in scores.items()
    ]
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        print(title)
        for row in [header, *rows]:
            print("  ".join(f"{cell:>10}" for cell in row))
        print(note)
        return
    table = Table(title=title)
    for i, name in enumerate(header):
        table.add_column(name, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row)
    console = Console(width=None if sys.stdout.isatty() else 160)
    console.print(table)
    console.print(note)


def write_errors(path: Path, docs: list[GoldDocument], misses: dict[str, list]) -> None:
    """Write claimgraph's mismatches, one per line: document, gold and predicted text and value."""

    def show(text: str, t: Timex | None) -> str:
        return f"{text[t.start : t.end]!r} {t.type} {t.value}" if t else "-"

    with path.open("w", encoding="utf-8") as out:
        for d in docs:
            for g, p in misses.get(d.name, []):
                out.write(f"{d.name}\t{d.dct[:10]}\t{show(d.text, g)}\t{show(d.text, p)}\n")


def arguments(description: str, data_help: str) -> argparse.ArgumentParser:
    """Return the command-line options shared by the time benchmarks."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", required=True, type=Path, help=data_help)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--limit", type=int, help="score only the first N documents")
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser row")
    parser.add_argument("--errors", type=Path, help="write claimgraph's mismatches to this file")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = arguments((__doc__ or "").splitlines()[0], "a folder of TimeML .tml files")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(
            f"timebank: {args.data} is not a directory: give --data the TimeBank folder (e.g. TBAQ-cleaned)",
            file=sys.stderr,
        )
        return 2
    docs = read_corpus(args.data)[: args.limit]
    if not docs:
        print(f"timebank: no .tml files under {args.data}", file=sys.stderr)
        return 2

    scores: dict[str, Score] = {}
    predicted, model_seconds, component_seconds = run_claimgraph(docs)
    misses: dict[str, list] = {}
    total = Score(seconds=model_seconds + component_seconds)
    for d, pred in zip(docs, predicted, strict=True):
        total += score_document(d.gold, pred, d.excluded, misses.setdefault(d.name, []))
    scores["claimgraph"] = total
    if args.errors:
        write_errors(args.errors, docs, misses)
    if not args.no_dateparser:
        found, seconds = run_dateparser(docs)
        total = Score(seconds=seconds)
        for d, pred in zip(docs, found, strict=True):
            total += score_document(d.gold, pred, d.excluded)
        scores["dateparser"] = total

    report(scores, len(docs), model_seconds, component_seconds, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
