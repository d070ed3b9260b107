"""Score claimgraph's temporal expressions on MEANTIME's English Wikinews, beside dateparser.

Usage: python benchmarks/meantime_times.py --data PATH [--json] [--limit N] [--errors FILE]

PATH is MEANTIME's English folder (``intra-doc_annotation/corpus_*/*.xml``, or any folder above
it). A MEANTIME file holds tokens, not text: the text here is the tokens joined by single spaces,
without a space before closing punctuation or after an opening one, one sentence per line; both
systems read that same text. The publication date is the TIMEX3 whose ``functionInDocument`` is
``CREATION_TIME`` (the dateline under the headline), which is excluded from scoring like any
expression with a document function; TIMEX3 without tokens (values MEANTIME adds, such as the end
point of a duration) are not in the text and are not scored. MEANTIME annotates only the headline
and the first sentences of each article (sentences 0-5): the whole text is read, for context, but
what either system finds after the last annotated sentence is not counted.

Everything else (the two systems, TempEval-3 strict and relaxed extent, value and type scores,
timing) is as in ``benchmarks/timebank.py``. MEANTIME follows the NewsReader guidelines, which are
close to TimeML but not identical (more, shorter durations; "now" annotated less often), and it
is another domain than TimeBank: recent (2004-2011) Wikinews business articles.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.etree import ElementTree

import timebank
from timebank import GoldDocument, Score, Timex, score_document

NO_SPACE_BEFORE = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
        ")",
        "]",
        "}",
        "%",
        "'s",
        "n't",
        "'",
        "''",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
    }
)
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "#"})


def join_tokens(root: ElementTree.Element) -> tuple[str, dict[str, tuple[int, int]], dict[str, int]]:
    """Return a MEANTIME file's text, each token's (start, end) and each token's sentence, by id."""
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    pos, sentence, previous = 0, None, ""
    for token in root.iter("token"):
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            pieces.append("\n")
            pos += 1
        elif pieces and word not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER:
            pieces.append(" ")
            pos += 1
        offsets[token.get("t_id", "")] = (pos, pos + len(word))
        sentence_of[token.get("t_id", "")] = int(token.get("sentence") or 0)
        pieces.append(word)
        pos += len(word)
        sentence, previous = token.get("sentence"), word
    return "".join(pieces), offsets, sentence_of


def read_meantime(path: Path) -> GoldDocument | None:
    """Return the text, creation time and gold TIMEX3 of one MEANTIME file (None without a DCT)."""
    root = ElementTree.parse(path).getroot()
    text, offsets, sentence_of = join_tokens(root)
    doc = GoldDocument(path.stem, text, "", [])
    for timex in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id", "")] for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
        function = timex.get("functionInDocument", "NONE")
        if function == "CREATION_TIME":
            doc.dct = timex.get("value", "")
        if not anchors:
            continue
        found = Timex(
            min(s for s, _ in anchors),
            max(e for _, e in anchors),
            timex.get("type", "DATE"),
            timex.get("value"),
        )
        (doc.gold if function in ("NONE", "") else doc.excluded).append(found)
    annotated = [sentence_of.get(a.get("t_id", ""), 0) for a in root.iter("token_anchor")]
    last = max(annotated, default=0)
    cut = max((e for t, (_, e) in offsets.items() if sentence_of[t] <= last), default=0)
    if cut < len(doc.text):  # after the annotated sentences: not scored
        doc.excluded.append(Timex(cut, len(doc.text), "", None))
    return doc if doc.dct[:4].isdigit() else None


def main(argv: list[str] | None = None) -> int:
    parser = timebank.arguments((__doc__ or "").splitlines()[0], "MEANTIME's English folder")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(
            f"meantime_times: {args.data} is not a directory: give --data MEANTIME's English folder "
            "(e.g. meantime-en)",
            file=sys.stderr,
        )
        return 2
    paths = sorted(args.data.rglob("*.xml"), key=lambda p: p.name)
    docs = [d for d in (read_meantime(p) for p in paths) if d is not None][: args.limit]
    if not docs:
        print(
            f"meantime_times: no MEANTIME documents with a creation time under {args.data}", file=sys.stderr
        )
        return 2

    predicted, model_seconds, component_seconds = timebank.run_claimgraph(docs)
    misses: dict[str, list] = {}
    scores = {"claimgraph": Score(seconds=model_seconds + component_seconds)}
    for d, pred in zip(docs, predicted, strict=True):
        scores["claimgraph"] += score_document(d.gold, pred, d.excluded, misses.setdefault(d.name, []))
    if args.errors:
        timebank.write_errors(args.errors, docs, misses)
    if not args.no_dateparser:
        found, seconds = timebank.run_dateparser(docs)
        scores["dateparser"] = Score(seconds=seconds)
        for d, pred in zip(docs, found, strict=True):
            scores["dateparser"] += score_document(d.gold, pred, d.excluded)

    timebank.report(
        scores,
        len(docs),
        model_seconds,
        component_seconds,
        as_json=args.json,
        title="MEANTIME English TIMEX3",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
