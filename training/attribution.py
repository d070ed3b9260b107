"""Train the attribution tagger (claimgraph.analyze.attribution_model) on PolNeAR's train split.

Usage: python training/attribution.py --data PATH [--out FILE] [--skip N] [--epochs N] [--seed N]

PATH is a PolNeAR checkout (or its ``data`` folder). Only the ``train`` split is read; dev is for
measuring (benchmarks/polnear.py) and test is kept apart. Each training article goes through
claimgraph's pipeline up to the rules' attributions; the features of its tokens (see
``attribution_model.features``) and the gold BIO tags (source, cue, content) train the network
of ``attribution_model.build`` (a ReLU layer and a bidirectional LSTM per paragraph) by Adam on
the cross-entropy; the shipped weights are trained on all 840 articles, the 16 that several
annotators annotated once per annotator (``--no-annotators``: the first's only). The output, by default
``src/claimgraph/analyze/data/attribution_tagger.npz``, holds weights only (no text).

To choose settings without touching dev, leave out the first 150 articles and learn everything
from the other 690, then measure the whole on the 150:

    python training/cues.py --data PATH --skip 150 --out cues150.tsv
    python training/attribution.py --data PATH --skip 150 --cues cues150.tsv --out t150.npz

(the second reports the tagger's own span F1 on the 150 after every epoch); then

    python benchmarks/polnear.py --data PATH --split train --limit 150 --cues cues150.tsv --weights t150.npz

scores the whole with those two files in place of the shipped ones (``--weights none``: rules alone).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from brat import read_annotations, read_split  # noqa: E402

from claimgraph.analyze import attribution_model as am  # noqa: E402

OUT = ROOT / "src" / "claimgraph" / "analyze" / "data" / am.WEIGHTS
#: width of the token layer (each LSTM direction has as many units)
HIDDEN = 32
LEARN_RATE = 0.002
#: paragraphs per update
BATCH = 64
EPOCHS = 16
#: gold roles, in the order they are painted (later wins where spans meet)
ORDER = ("content", "source", "cue")


def gold_tags(doc: object, attributions: list) -> np.ndarray:
    spans = []
    for role in ORDER:
        for a in attributions:
            for frag in a.role(role) or ():
                spans.append((am.ROLE_TAG[role], frag))
    return am._char_tags(doc, spans)  # type: ignore[arg-type]


def extract(data: Path, limit: int | None, others: bool = False) -> list[tuple[np.ndarray, list[np.ndarray]]]:
    """Return (features, gold tags) per training article, in file-name order; with ``others``,
    the gold tags of every annotator of an article several annotated (the first one's first)."""
    from claimgraph.analyze.pipeline import load_pipeline

    nlp = load_pipeline(components=("claimgraph_entities", "claimgraph_attribution"))
    attributor = nlp.get_pipe("claimgraph_attribution")

    entities = nlp.get_pipe("claimgraph_entities")
    docs = list(read_split(data, "train", limit=limit))
    several = {name: by for name, _, by in read_annotations(data, "train")} if others else {}
    out = []
    with nlp.select_pipes(disable=["claimgraph_entities", "claimgraph_attribution"]):
        for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16), strict=True):
            try:
                doc = entities(doc)
            except Exception as exc:  # a failure of the entity rules must not stop training
                print(f"attribution: entities failed on {gold.name} ({exc!r}); going on", file=sys.stderr)
            found = attributor.find(doc, refine=False)
            tags = [gold_tags(doc, gold.attributions)]
            tags += [gold_tags(doc, a) for who, a in sorted(several.get(gold.name, {}).items()) if who != gold.annotator]
            out.append((am.features(doc, found), tags))
    return out


def train(
    items: list[tuple[np.ndarray, np.ndarray]],
    epochs: int,
    seed: int,
    hidden: int = HIDDEN,
    held: list[tuple[np.ndarray, np.ndarray]] | None = None,
    average: bool = True,
) -> am.Weights:
    """Train the tagger on (features, gold tags) per article, by Adam on the cross-entropy."""
    from thinc.api import Adam, fix_random_seed

    fix_random_seed(seed)
    rng = np.random.default_rng(seed)
    x = np.concatenate([f for f, _ in items])
    mean = x.mean(axis=0).astype(np.float32)
    std = x.std(axis=0)
    scale = np.where(std > 1e-6, 1.0 / np.maximum(std, 1e-6), 0.0).astype(np.float32)
    del x
    eye = np.eye(len(am.TAGS), dtype=np.float32)
    xs, ys, golds = [], [], []
    for f, t in items:  # one sequence per paragraph, as the tagger runs (Weights.logprobs)
        space = space_of(f)
        f = ((f - mean) * scale).astype(np.float32)
        for a, b in am.paragraphs(space):
            xs.append(f[a:b])
            ys.append(eye[t[a:b]])
            golds.append(t[a:b])
    model = am.build(len(mean), hidden)
    model.initialize(X=xs[:4], Y=ys[:4])
    weights = am.Weights(mean, scale, model)
    optimizer = Adam(LEARN_RATE)
    for epoch in range(epochs):
        order = rng.permutation(len(xs))
        total = 0.0
        for s in range(0, len(order), BATCH):
            chosen = order[s : s + BATCH]
            guesses, backprop = model.begin_update([xs[i] for i in chosen])
            total += sum(
                float(-np.log(g[np.arange(len(golds[i])), golds[i]] + 1e-9).sum())
                for g, i in zip(guesses, chosen, strict=True)
            )
            backprop([g - ys[i] for g, i in zip(guesses, chosen, strict=True)])
            model.finish_update(optimizer)
        note = ""
        if held:
            with model.use_params(optimizer.averages if average else {}):
                note = f", left-out span F1 {span_scores(held, weights)}"
        loss = total / sum(len(y) for y in ys)
        print(f"attribution: epoch {epoch + 1}/{epochs}, loss {loss:.4f}{note}", file=sys.stderr)
    if average:  # keep the moving averages of the parameters, steadier than the last update's
        for node in model.walk():
            for name in node.param_names:
                if (node.id, name) in optimizer.averages:
                    node.set_param(name, optimizer.averages[(node.id, name)].copy())
    return weights


def space_of(x: np.ndarray) -> np.ndarray:
    """Return the whitespace-token flags of a feature matrix (the token's own is_space flag)."""
    return x[:, am.WINDOW * am.BASE + am.BASE - am.N_FLAGS + 5] > 0.5


def span_scores(items: list[tuple[np.ndarray, np.ndarray]], weights: am.Weights) -> dict[str, float]:
    """Return exact span F1 per role of the decoded tags against the gold tags (token level)."""
    tp = {r: 0 for r in ("SRC", "CUE", "CON")}
    npred = dict(tp)
    ngold = dict(tp)
    for x, y in items:
        space = space_of(x)
        pred = am.viterbi(weights.logprobs(x, space), am.paragraphs(space))
        for seq, counter in ((pred, npred), (y, ngold)):
            for r, b in (("SRC", 1), ("CUE", 3), ("CON", 5)):
                counter[r] += sum(1 for _ in _runs(seq, b))
        for r, b in (("SRC", 1), ("CUE", 3), ("CON", 5)):
            tp[r] += len(set(_runs(pred, b)) & set(_runs(y, b)))
    out = {}
    for r in tp:
        p = tp[r] / npred[r] if npred[r] else 0.0
        rec = tp[r] / ngold[r] if ngold[r] else 0.0
        out[r] = round(2 * p * rec / (p + rec) if p + rec else 0.0, 3)
    return out


def _runs(seq: np.ndarray, b: int):  # type: ignore[no-untyped-def]
    i, n = 0, len(seq)
    while i < n:
        if seq[i] == b:
            j = i + 1
            while j < n and seq[j] == b + 1:
                j += 1
            yield (i, j)
            i = j
        else:
            i += 1


def use_cues(path: Path) -> None:
    """Make the rules read the cue lexicon at ``path`` instead of the shipped one."""
    from claimgraph.analyze import attribution_model, frames

    table: dict[tuple[str, str], dict[str, float]] = {}
    counts: dict[tuple[str, str, str], int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lemma, pos, frame, cues, _seen, rate = (c.strip() for c in line.split("\t"))
        table.setdefault((lemma, pos), {})[frame] = float(rate)
        counts[(lemma, pos, frame)] = int(cues)
    frames.learnt = lambda: table  # type: ignore[assignment]
    attribution_model._cue_counts = lambda: counts  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="PolNeAR checkout or its data folder")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--limit", type=int, help="read only the first N training articles")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N training articles")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hidden", type=int, default=HIDDEN, help="width of the network's layers")
    parser.add_argument(
        "--average",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="keep the moving averages of the weights rather than the last update's (default: yes)",
    )
    parser.add_argument(
        "--cues",
        type=Path,
        help="use this cue lexicon instead of the shipped one (as written by training/cues.py --skip N)",
    )
    parser.add_argument(
        "--annotators",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="train on every annotator's version of the articles several annotated, not only the"
        " first's (default: yes)",
    )
    parser.add_argument("--cache", type=Path, help="keep the extracted features in this .npz (for re-runs)")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"attribution: no PolNeAR data at {args.data}", file=sys.stderr)
        return 2
    if args.cues:
        use_cues(args.cues)
    start = time.perf_counter()
    if args.cache and args.cache.exists():
        with np.load(args.cache) as data:
            n = int(data["n"])
            items = [
                (data[f"x{i}"], [data[k] for k in sorted(data.files) if k.startswith(f"y{i}_")])
                for i in range(n)
            ]
    else:
        items = extract(args.data, args.limit, others=True)
        if args.cache:
            arrays = {f"x{i}": x for i, (x, _) in enumerate(items)}
            arrays.update({f"y{i}_{k}": y for i, (_, ys) in enumerate(items) for k, y in enumerate(ys)})
            np.savez(args.cache, n=len(items), **arrays)
    seconds = time.perf_counter() - start
    print(f"attribution: features of {len(items)} articles in {seconds:.0f} s", file=sys.stderr)
    held = [(x, ys[0]) for x, ys in items[: args.skip]]
    used = [(x, y) for x, ys in items[args.skip :] for y in (ys if args.annotators else ys[:1])]
    weights = train(used, args.epochs, args.seed, hidden=args.hidden, held=held, average=args.average)
    if held:
        print(f"attribution: tagger alone on the {len(held)} left-out articles: {span_scores(held, weights)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    weights.save(args.out)
    size = args.out.stat().st_size
    seconds = time.perf_counter() - start
    print(f"attribution: weights written to {args.out} ({size / 1e6:.1f} MB) in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
