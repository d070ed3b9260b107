"""A small learnt tagger that corrects and completes the rules' attributions.

It reads, per token, the output of the spaCy model's own tok2vec (``doc.tensor``, computed
anyway for the tagger and parser), the part of speech and dependency label, quotation state, how
strongly the parse puts the token in some cue's complement (the cue lexicons), and the rules' own
attributions as BIO tags; a window of five tokens of these goes through a ReLU layer and a
bidirectional LSTM over the paragraph to a BIO tag for source, cue and content (PolNeAR's three
roles), decoded with Viterbi so that every ``I-`` follows its ``B-``. The weights
(``data/attribution_tagger.npz``) are trained on PolNeAR's train split by
``training/attribution.py``; see docs/models.md. Without them the rules run alone.

``refine`` then merges the tagged spans with the rules' attributions (see there).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    LEMMA,
    LENGTH,
    LOWER,
    POS,
    SENT_START,
)
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span
from thinc.api import LSTM, Dropout, Model, Relu, Softmax, chain, with_array, with_padded

from claimgraph.analyze import frames as fr
from claimgraph.analyze import status as st
from claimgraph.analyze.spans import (
    MEDIA,
    QUOTES,
    char_range,
    doc_text,
    in_opening_dateline,
    is_occasion,
    source_span,
    span_of,
)

if TYPE_CHECKING:
    from claimgraph.analyze.attribution import Found

#: the weights file under analyze/data
WEIGHTS = "attribution_tagger.npz"
TAGS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
ROLE_TAG = {"source": 1, "cue": 3, "content": 5}
UPOS = "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X SPACE".split()
DEPS = (
    "ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj csubj"
    " csubjpass dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod oprd"
    " parataxis pcomp pobj poss preconj predet prep prt punct quantmod relcl xcomp"
).split()
_POS_INDEX = {p: i for i, p in enumerate(UPOS)}
_DEP_INDEX = {d: i for i, d in enumerate(DEPS)}
#: tokens either side of a token whose features it sees
WINDOW = 2
#: width of doc.tensor in en_core_web_sm
TENSOR = 96
N_FLAGS = 20
BASE = TENSOR + len(TAGS) + len(UPOS) + 1 + len(DEPS) + 1 + N_FLAGS
OPENERS = "“«„"
CLOSERS = "”»"


def is_attribution(f: Found, found: Sequence[Found]) -> bool:
    """Return whether a rule Found is an attribution as PolNeAR counts one (cue, not the
    publisher's voice, not nested in another attribution's content)."""
    if f.cue is None or f.info.kind == "publisher":
        return False
    return not any(
        g is not f and g.cue is not None and g.content[0] <= f.cue[0] < g.content[1] for g in found
    )


def _char_tags(
    doc: Doc,
    spans: Sequence[tuple[int, tuple[int, int]]],
    starts: np.ndarray | None = None,
    lengths: np.ndarray | None = None,
    space: np.ndarray | None = None,
) -> np.ndarray:
    """Return per-token tag ids from (role tag id of B-, (start, end)) spans; later ones win."""
    tags = np.zeros(len(doc), dtype=np.int64)
    if not spans:
        return tags
    if starts is None or lengths is None or space is None:
        arr = doc.to_array([IDX, LENGTH, IS_SPACE]).astype(np.int64)
        starts, lengths, space = arr[:, 0], arr[:, 1], arr[:, 2] == 1
    ends = starts + lengths
    for b, (s, e) in spans:
        inside = np.nonzero((starts < e) & (ends > s) & ~space)[0]
        if not len(inside):
            continue
        tags[inside] = b + 1
        tags[inside[0]] = b
    return tags


def rule_tags(
    doc: Doc,
    found: Sequence[Found],
    starts: np.ndarray | None = None,
    lengths: np.ndarray | None = None,
    space: np.ndarray | None = None,
) -> np.ndarray:
    """Return the rules' attributions as per-token tag ids."""
    spans: list[tuple[int, tuple[int, int]]] = []
    for f in found:
        if not is_attribution(f, found):
            continue
        spans.append((5, f.content))
        if f.source is not None:
            spans.append((1, (f.source.start_char, f.source.end_char)))
        spans.append((3, f.cue))  # type: ignore[arg-type]
    return _char_tags(doc, spans, starts, lengths, space)


_NAMED = ("PERSON", "ORG", "NORP", "GPE")
#: (pos id, lemma hash) -> (lower lemma, pos, pos index, learnt rate, stance known), and
#: dependency label hash -> label: caches over the documents analysed
_WORDS: dict[tuple[int, int], tuple[str, str, int, float, bool]] = {}
_DEPS: dict[int, str] = {}


@cache
def _stance(lemma: str) -> bool:
    return st.stance(lemma) is not None


@cache
def _rate(lemma: str, pos: str) -> float:
    return max(fr.learnt().get((lemma, pos), {}).values(), default=0.0)


@cache
def _frame_rate(lemma: str, pos: str, frame: str) -> float:
    rate = fr.learnt().get((lemma, pos), {}).get(frame, 0.0)
    if frame in ("ccomp", "head:parataxis") and pos in ("VERB", "AUX") and st.stance(lemma):
        rate = max(rate, 0.9)
    return rate


def _syntax(
    flags: np.ndarray,
    rates: np.ndarray,
    heads: np.ndarray,
    bounds: list[tuple[int, int]],
    words: list[tuple[str, str, str, str]],
) -> None:
    """Fill the long-range flags: how strongly the parse puts a token in some cue's content.

    12: the highest rate among the frames through which an ancestor governs the token ("said
    [that ... token ...]"); 13: how many steps up that ancestor is (scaled); 14: the highest
    rate of a cue that stands inside the token's clause in a head frame ("..., he said, ...")
    and does not govern the token; 15: the highest cue rate in the sentence; 16: the token's
    place in its sentence (0 to 1); 18: the highest rate among the frames the token itself
    stands in as a cue word (its own complements, or a head frame), below the rules' threshold
    too; 19: the most gold cues the learnt lexicon saw in one of those frames (log-scaled).
    ``words`` holds (lemma, pos, dep, lower) per token.
    """
    n = len(heads)
    up_rate = np.zeros(n, dtype=np.float32)
    up_count = np.zeros(n, dtype=np.float32)
    head_cues: list[tuple[int, float]] = []
    counts = _cue_counts()
    for i, (_lemma, _pos, dep, lower) in enumerate(words):
        h = heads[i]
        if h == i:
            continue
        if dep in fr.FRAME_DEPS:
            hl, hp = words[h][0], words[h][1]
            frame = f"prep:{lower}" if dep == "prep" else dep
            up_rate[i] = _frame_rate(hl, hp, frame)
            up_count[i] = counts.get((hl, hp, frame), 0)
        if dep in fr.HEAD_DEPS:
            hr = _frame_rate(_lemma, _pos, f"head:{dep}")
            if hr > 0:
                head_cues.append((i, hr))
    # 18: the highest learnt rate among the frames the token itself stands in as a cue word;
    # 19: the most gold cues seen in one of them (log-scaled)
    own = np.zeros(n, dtype=np.float32)
    own_count = np.zeros(n, dtype=np.float32)
    governed = np.nonzero(up_rate > 0)[0]
    np.maximum.at(own, heads[governed], up_rate[governed])
    np.maximum.at(own_count, heads[governed], up_count[governed])
    for h, hr in head_cues:
        own[h] = max(own[h], hr)
    flags[:, 18] = own
    flags[:, 19] = np.log1p(own_count) / 5
    chain = [np.arange(n)]
    best = np.zeros(n, dtype=np.float32)
    steps = np.zeros(n, dtype=np.float32)
    cur = chain[0]
    for k in range(1, 12):
        r = up_rate[cur]
        better = r > best
        best = np.where(better, r, best)
        steps = np.where(better, k, steps)
        cur = heads[cur]
        chain.append(cur)
    while not (heads[cur] == cur).all():
        cur = heads[cur]
        chain.append(cur)
    flags[:, 12] = best
    flags[:, 13] = steps / 10
    if head_cues:
        ancestry = np.stack(chain)  # (depth, tokens): each token and its ancestors
        for h, hr in head_cues:
            mask = (ancestry == heads[h]).any(axis=0) & ~(ancestry == h).any(axis=0)
            flags[mask, 14] = np.maximum(flags[mask, 14], hr)
    for a, b in bounds:
        flags[a:b, 15] = rates[a:b].max()
        flags[a:b, 16] = (np.arange(a, b) - a) / max(1, b - a - 1)


def has_tensor(doc: Doc) -> bool:
    """Return whether ``doc`` carries the token vectors the tagger reads."""
    return doc.tensor is not None and doc.tensor.shape == (len(doc), TENSOR) and len(doc) > 0


def features(doc: Doc, found: Sequence[Found]) -> np.ndarray:
    """Return the (tokens, BASE * (2 * WINDOW + 1)) feature matrix of ``doc``: each token's
    own features (``base_features``) beside those of the WINDOW tokens either side."""
    return window(base_features(doc, found))


def window(base: np.ndarray) -> np.ndarray:
    """Return each row of ``base`` beside the WINDOW rows either side (zeros past the ends)."""
    n = len(base)
    pad = np.zeros((WINDOW, base.shape[1]), dtype=np.float32)
    padded = np.concatenate([pad, base, pad])
    return np.concatenate([padded[k : k + n] for k in range(2 * WINDOW + 1)], axis=1)


def base_features(doc: Doc, found: Sequence[Found]) -> np.ndarray:
    """Return the (tokens, BASE) matrix of each token's own features."""
    n = len(doc)
    base = np.zeros((n, BASE), dtype=np.float32)
    if doc.tensor is not None and doc.tensor.shape == (n, TENSOR):
        base[:, :TENSOR] = doc.tensor
    off = TENSOR
    arr = doc.to_array([HEAD, IS_PUNCT, IS_SPACE, IS_TITLE, SENT_START, IDX, LENGTH]).astype(np.int64)
    rtags = rule_tags(doc, found, arr[:, 5], arr[:, 6], arr[:, 2] == 1)
    rows = np.arange(n)
    base[rows, off + rtags] = 1
    off += len(TAGS)
    heads = rows + arr[:, 0]
    pos = np.empty(n, dtype=np.int64)
    dep = np.empty(n, dtype=np.int64)
    rates = np.zeros(n, dtype=np.float32)
    stance = np.zeros(n, dtype=np.float32)
    quote = np.zeros(n, dtype=np.float32)
    inside_quote = np.zeros(n, dtype=np.float32)
    words: list[tuple[str, str, str, str]] = []
    codes = doc.to_array([POS, DEP, LEMMA, LOWER, ENT_TYPE])
    strings = doc.vocab.strings
    named = np.isin(codes[:, 4], [strings.add(e) for e in _NAMED]).astype(np.float32)
    text = doc_text(doc)
    starts, lengths, spaces = arr[:, 5].tolist(), arr[:, 6].tolist(), arr[:, 2].tolist()
    if len(_WORDS) > 200_000:
        _WORDS.clear()
    inside = False
    for i, (p_id, d_hash, l_hash, w_hash, _e) in enumerate(codes.tolist()):
        word = _WORDS.get((p_id, l_hash))
        if word is None:
            p = POS_NAMES.get(p_id, "")
            lemma = strings[l_hash]
            low = lemma.lower()
            word = _WORDS[(p_id, l_hash)] = (
                low,
                p,
                _POS_INDEX.get(p, len(UPOS)),
                _rate(low, p),
                _stance(lemma),
            )
        d = _DEPS.get(d_hash)
        if d is None:
            d = _DEPS[d_hash] = strings[d_hash]
        low, p, pos[i], rates[i], stance[i] = word
        dep[i] = _DEP_INDEX.get(d, len(DEPS))
        words.append((low, p, d, strings[w_hash] if d == "prep" else ""))
        ch = text[starts[i]] if lengths[i] else ""
        quote[i] = ch in QUOTES
        # quotation state; marks reset at line breaks
        if spaces[i] and "\n" in text[starts[i] : starts[i] + lengths[i]]:
            inside = False
        if ch in OPENERS:
            inside = True
            inside_quote[i] = 1
        elif ch in CLOSERS:
            inside_quote[i] = 1
            inside = False
        elif ch == '"':
            inside_quote[i] = 1
            inside = not inside
        else:
            inside_quote[i] = inside
    base[rows, off + pos] = 1
    off += len(UPOS) + 1
    base[rows, off + dep] = 1
    off += len(DEPS) + 1
    flags = base[:, off:]
    flags[:, 0] = inside_quote
    cue_tokens = rtags == 3
    cue_idx = np.nonzero(cue_tokens)[0]
    starts = arr[:, 4] == 1
    starts[:1] = True
    first = np.nonzero(starts)[0].tolist()
    bounds = list(zip(first, [*first[1:], n], strict=True))
    flags[:, 1] = quote
    flags[:, 2] = starts
    flags[:-1, 3] = starts[1:]
    flags[-1:, 3] = 1
    flags[:, 4] = arr[:, 1]
    flags[:, 5] = arr[:, 2]
    flags[:, 6] = rates
    flags[:, 7] = stance
    flags[:, 8] = (heads != rows) & cue_tokens[heads]
    flags[:, 9] = arr[:, 3]
    flags[:, 10] = named
    _syntax(flags, rates, heads, bounds, words)
    # 17: inside a quotation opened in an earlier sentence
    for a, b in bounds:
        if a > 0 and inside_quote[a - 1] and not quote[a - 1]:
            flags[a:b, 17] = inside_quote[a:b]
    if len(cue_idx):
        sent_id = np.cumsum(starts) - 1
        same = sent_id[:, None] == sent_id[cue_idx][None, :]
        before = (rows[:, None] < cue_idx[None, :]) & same
        flags[:, 11] = before.any(axis=1)
    return base


def _transitions() -> tuple[np.ndarray, np.ndarray]:
    k = len(TAGS)
    inside = np.isin(np.arange(k), (2, 4, 6))
    allowed = np.ones((k, k), dtype=bool)  # from, to
    for to in (2, 4, 6):
        allowed[:, to] = False
        allowed[to - 1, to] = allowed[to, to] = True
    return np.where(allowed, 0.0, -1e9), np.where(inside, -1e9, 0.0)


def viterbi(logp: np.ndarray, chunks: Sequence[tuple[int, int]] | None = None) -> np.ndarray:
    """Return the best tag sequence under BIO constraints (I-X only after B-X or I-X).

    ``chunks`` (token ranges covering the sequence) are decoded apart, all at once.
    """
    n, k = logp.shape
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if chunks is None:
        chunks = [(0, n)]
    trans, first = _transitions()
    width = max(b - a for a, b in chunks)
    m = len(chunks)
    padded = np.zeros((m, width, k))
    lengths = np.array([b - a for a, b in chunks])
    for j, (a, b) in enumerate(chunks):
        padded[j, : b - a] = logp[a:b]
    score = padded[:, 0] + first
    back = np.zeros((m, width, k), dtype=np.int64)
    for i in range(1, width):
        cand = score[:, :, None] + trans[None]
        back[:, i] = cand.argmax(axis=1)
        live = (i < lengths)[:, None]
        score = np.where(live, cand.max(axis=1) + padded[:, i], score)
    rows = np.arange(m)
    path = np.zeros((m, width), dtype=np.int64)
    path[rows, lengths - 1] = score.argmax(axis=1)
    for i in range(width - 1, 0, -1):
        alive = rows[i < lengths]
        path[alive, i - 1] = back[alive, i, path[alive, i]]
    return np.concatenate([path[j, : b - a] for j, (a, b) in enumerate(chunks)])


def breaks(doc: Doc) -> np.ndarray:
    """Return per token whether it is a whitespace token (paragraph breaks, mostly)."""
    if not len(doc):
        return np.zeros(0, dtype=bool)
    return doc.to_array([IS_SPACE]).reshape(-1) == 1


def paragraphs(space: np.ndarray, longest: int = 200) -> list[tuple[int, int]]:
    """Return token ranges covering the document, cut after each whitespace token and at
    most ``longest`` tokens long."""
    out, start = [], 0
    n = len(space)
    for i in range(n):
        if space[i] or i + 1 - start >= longest or i + 1 == n:
            out.append((start, i + 1))
            start = i + 1
    return out


def build(n_in: int, hidden: int) -> Model:
    """Return the network: a ReLU layer over each token's features, a bidirectional LSTM over
    the document, a softmax over the tags."""
    return chain(
        with_array(chain(Relu(hidden, n_in), Dropout(0.1))),
        with_padded(LSTM(2 * hidden, hidden, bi=True, depth=1)),
        with_array(Softmax(len(TAGS), 2 * hidden)),
    )


def _by_paragraph(
    run: Callable[[list[np.ndarray]], Sequence[np.ndarray]],
    xs: Sequence[np.ndarray],
    breaks: Sequence[np.ndarray],
) -> list[np.ndarray]:
    """Return the log of ``run``'s tag probabilities for each document of ``xs``: its rows cut
    into paragraphs (``paragraphs``), all documents' paragraphs run as one batch, and the
    results joined back per document."""
    seqs, sizes = [], []
    for x, space in zip(xs, breaks, strict=True):
        chunks = paragraphs(space)
        seqs += [x[a:b] for a, b in chunks]
        sizes.append(len(chunks))
    probs = iter(run(seqs) if seqs else [])
    out = []
    for x, n in zip(xs, sizes, strict=True):
        parts = [np.asarray(next(probs)) for _ in range(n)]
        p = np.concatenate(parts) if parts else np.zeros((len(x), len(TAGS)), dtype=np.float32)
        out.append(np.log(p + 1e-9))
    return out


@dataclass
class Weights:
    """The trained tagger: feature normalisation and the network."""

    mean: np.ndarray
    scale: np.ndarray
    model: Model
    _fold: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)

    def logprobs(self, x: np.ndarray, breaks: np.ndarray) -> np.ndarray:
        """Return the log-probabilities of the tags, the LSTM run over each paragraph apart
        (a batch of short sequences is much faster than one long one)."""
        return self.logprobs_many([x], [breaks])[0]

    def logprobs_many(self, xs: Sequence[np.ndarray], breaks: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Return ``logprobs`` of several documents, the network run once over the paragraphs
        of all of them: the LSTM's cost is mostly per step, and a batch takes as many steps as
        its longest paragraph, so one batch for many documents costs little more than one."""
        normalised = [((x - self.mean) * self.scale).astype(np.float32) for x in xs]
        return _by_paragraph(self.model.predict, normalised, breaks)

    def logprobs_base_many(
        self, bases: Sequence[np.ndarray], breaks: Sequence[np.ndarray]
    ) -> list[np.ndarray]:
        """Return ``logprobs_many`` of the documents whose own features (``base_features``)
        are ``bases``, without building the windowed matrix: the first layer's weights, with
        the normalisation folded into them, are applied to each offset of the window and the
        products shifted into place (the same sums, a fifth of the memory traffic)."""
        w, b = self._folded()
        hidden = w.shape[0]
        acts: list[np.ndarray] = []
        for base in bases:
            n = len(base)
            pre = np.broadcast_to(b, (n, hidden)).copy()
            for k in range(2 * WINDOW + 1):
                d = k - WINDOW
                if abs(d) >= n:
                    continue
                z = base[max(d, 0) : n + min(d, 0)] @ w[:, k * BASE : (k + 1) * BASE].T
                pre[max(-d, 0) : n - max(d, 0)] += z
            acts.append(np.maximum(pre, 0.0, out=pre))
        lstm, softmax = self.model.layers[1], self.model.layers[2]
        return _by_paragraph(lambda seqs: softmax.predict(lstm.predict(seqs)), acts, breaks)

    def _folded(self) -> tuple[np.ndarray, np.ndarray]:
        """Return the first layer's weights and bias with the feature normalisation folded in:
        W((x - mean) * scale) + b = (W * scale) x + (b - (W * scale) mean)."""
        if self._fold is None:
            relu = self.model.layers[0].layers[0].layers[0]
            w = np.asarray(relu.get_param("W"), dtype=np.float32) * self.scale[None, :]
            b = np.asarray(relu.get_param("b"), dtype=np.float32) - w @ self.mean
            self._fold = (np.ascontiguousarray(w), b.astype(np.float32))
        return self._fold

    def save(self, path: str | Path) -> None:
        blob = np.frombuffer(self.model.to_bytes(), dtype=np.uint8)
        hidden = np.array([self.model.layers[0].layers[0].layers[0].get_dim("nO")])
        np.savez_compressed(path, mean=self.mean, scale=self.scale, model=blob, hidden=hidden)

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Weights:
        mean = arrays["mean"].astype(np.float32)
        model = build(len(mean), int(arrays["hidden"][0]))
        model.from_bytes(arrays["model"].tobytes())
        return cls(mean, arrays["scale"].astype(np.float32), model)


#: dependents that lean on a head to their right: a span cannot end with one whose head it
#: leaves out ("the" of "the mountain town", "did" of "did not respond")
_LEANING = frozenset(
    {
        "det",
        "amod",
        "compound",
        "aux",
        "auxpass",
        "neg",
        "poss",
        "nummod",
        "advmod",
        "case",
        "cc",
        "mark",
        "predet",
        "quantmod",
        "nmod",
        "prep",
        "punct",
        "dep",
    }
)


#: parts of speech a content or a source cannot end with ("... said, and", "a sharp turn for")
_OPENING = frozenset({"CCONJ", "DET", "ADP", "SCONJ"})


def cut_short(doc: Doc, start: int, end: int, phrase: bool = True) -> bool:
    """Return whether the span ``start:end`` (tokens) ends in the middle of a phrase: its last
    word modifies a word after the span, or (``phrase``: contents and sources) is a word that
    opens a phrase (a conjunction, determiner or preposition)."""
    last = end - 1
    while last > start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    tok = doc[last]
    return (tok.dep_ in _LEANING and tok.head.i >= end) or (
        phrase and (tok.pos_ in _OPENING or tok.tag_ == "POS")
    )


#: complements a word cannot leave outside a content it ends ("for alienating | Hispanics")
_COMPLEMENTS = frozenset({"dobj", "pobj", "pcomp", "ccomp", "xcomp", "attr", "acomp", "dative", "oprd"})
#: what a content cannot end with while its head lies after it ("..., which | he describes")
_OPENERS_OF_CLAUSES = frozenset({"nsubj", "nsubjpass", "mark", "expl", "aux", "auxpass"})


def _broken(doc: Doc, rng: tuple[int, int]) -> bool:
    """Return whether a candidate content ends in the middle of a phrase or clause: its last
    word leaves a complement or the time right after it outside ("criticized him for alienating
    | Hispanics", "the ceasefire announced | last month"), opens a
    clause whose verb is outside (", which | he describes", "as it | ..."), or is one
    ``cut_short`` names."""
    span = doc.char_span(*rng, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if cut_short(doc, span.start, span.end):
        return True
    last = span.end - 1
    while last > span.start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    tok = doc[last]
    if tok.dep_ in _OPENERS_OF_CLAUSES and tok.head.i > last:
        return True
    return tok.tag_ in ("WDT", "WP") or any(
        c.i > last and (c.dep_ in _COMPLEMENTS or (c.dep_ == "npadvmod" and c.left_edge.i == last + 1))
        for c in tok.children
    )


def spans_of(tags: np.ndarray, doc: Doc) -> list[tuple[str, int, int]]:
    """Return (role, start char, end char) of the tagged spans: contents as the rules cut them
    (quotation marks kept, joining punctuation dropped), sources and cues without punctuation
    at their edges; spans that end in the middle of a phrase are left out."""
    out = []
    i, n = 0, len(tags)
    names = {1: "source", 3: "cue", 5: "content"}
    while i < n:
        t = int(tags[i])
        if t in names:
            j = i + 1
            while j < n and tags[j] == t + 1:
                j += 1
            if not (OPTIONS["whole"] and cut_short(doc, i, j, phrase=t != 3)):
                if t == 5:
                    rng = char_range(list(doc[i:j]))
                else:
                    span = span_of(doc, list(doc[i:j])) or doc[i:j]  # a cue may be a colon
                    rng = (span.start_char, span.end_char)
                if rng is not None:
                    out.append((names[t], rng[0], rng[1]))
            i = j
        else:
            i += 1
    return out


def load(path: str | None = None) -> Weights | None:
    """Return the shipped weights, or None when the file is absent."""
    try:
        if path is None:
            ref = resources.files("claimgraph.analyze").joinpath("data", WEIGHTS)
            if not ref.is_file():
                return None
            with ref.open("rb") as handle:
                data = np.load(handle)
                arrays = {k: data[k] for k in data.files}
        else:
            with np.load(path) as data:
                arrays = {k: data[k] for k in data.files}
    except (FileNotFoundError, OSError):
        return None
    width = BASE * (2 * WINDOW + 1)
    if "mean" not in arrays or arrays["mean"].shape != (width,):
        warnings.warn(
            f"attribution tagger weights {path or WEIGHTS} do not fit this version's features"
            f" (width {arrays['mean'].shape if 'mean' in arrays else None}, expected {width});"
            " the rules run alone: rebuild them with training/attribution.py",
            stacklevel=2,
        )
        return None
    return Weights.from_arrays(arrays)


def decode(
    weights: Weights, docs: Sequence[Doc], found: Sequence[Sequence[Found]]
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Return (log-probabilities, decoded tag ids) of each doc's tokens, given the rules'
    attributions of each; the network and the decoder run once over the batch."""
    spaces = [breaks(doc) for doc in docs]
    bases = [base_features(d, f) for d, f in zip(docs, found, strict=True)]
    logps = weights.logprobs_base_many(bases, spaces)
    chunks, offset = [], 0
    for space in spaces:
        chunks += [(a + offset, b + offset) for a, b in paragraphs(space)]
        offset += len(space)
    tags = viterbi(np.concatenate(logps), chunks) if offset else np.zeros(0, dtype=np.int64)
    out, offset = [], 0
    for logp in logps:
        out.append((logp, tags[offset : offset + len(logp)]))
        offset += len(logp)
    return out


#: what refine does, each switch measured on PolNeAR train[:150] with the weights and the cue
#: lexicon learnt from train[150:]. "drop" scored a point higher there but removes real claims
#: (the examples' "according to two of the sources" report), so it is off; "linked" and "known"
#: cost half a point there but keep "They mark a sharp turn for the minister" the publisher's
#: (examples/README.md)
OPTIONS = {
    "content": True,  # rule contents take the tagger's boundaries where they overlap
    "cue": True,  # rule cues take the tagger's boundaries where they overlap
    "source": True,  # rule sources take the tagger's boundaries where they overlap
    "add": True,  # tagged cues the rules missed become attributions
    "drop": False,  # rule attributions whose cue the tagger does not tag are dropped
    "choose": True,  # contents: the rules' or the tagger's boundaries, whichever it prefers
    "free": True,  # new attributions take only contents no other attribution has
    "nested": True,  # a content with another tagged cue inside keeps the rules' boundaries
    "sourced": True,  # new attributions need a tagged source
    "known": True,  # new attributions need a cue word the lexicon knows in its frame (_known_cue)
    "whole": True,  # tagged spans that end in the middle of a phrase are ignored
    "apart": False,  # a content the rules keep apart from its cue stays apart (a point lower)
    "next": True,  # a new attribution may take its content from the next sentence
    "linked": True,  # the source of a new attribution must be its cue's subject in the parse
    "keeproot": True,  # a rule cue or source takes the tagger's span only if it keeps its head
    "parsed_source": True,  # a new attribution with no tagged source takes its cue's subject
    "parsed_content": True,  # a new attribution with no tagged content takes its cue's complement
    "relink": True,  # a tagged source the parse does not link to the cue gives way to its subject
    "own": True,  # a new attribution's content holds neither its cue nor its source
    "medium": True,  # a rule cue keeps its medium ("said in a telephone interview")
    # a rule content does not grow back over its own cue to "whether" ("will also seek | to
    # cancel" became "whether prosecutors will also seek to cancel"); to any word but a
    # quotation mark it cost .003 content, to any word .007: PolNeAR's contents often run so
    "back": True,
    # nor grows on over a phrase of the cue verb that names the occasion ("rejected the
    # accusations as false | in a statement")
    "occasion": True,
    # nor over a subordinate clause hung on the cue verb ("refused any dialogue | while the
    # rebels cut the highway")
    "circumstance": True,
    # a new attribution's content is no adjunct of time or concession ("Contacts have continued
    # | following the capture": PolNeAR's contents almost never open with one)
    "adjunct": True,
    # a rule content takes no boundary that falls inside its own cue
    "edge": True,
    # a new attribution's content is not one that ends before its source and cue, but a quotation
    "behind": True,
    # a noun cue's content does not run on over the verb its noun phrase hangs on ("Sousa's
    # claim that X | has been disputed by the port authority")
    "governor": True,
}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _edge_in(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Return whether the span ``a`` starts or ends inside ``b`` (a candidate content that ends
    in its own source: "“…,” Ramos"; one that runs past it, “A,” he said, “B.”, may stand)."""
    return b[0] < a[1] <= b[1] or b[0] <= a[0] < b[1]


#: log-likelihood (nats) added to the rules' own content among the candidates: the tagger must
#: find another clearly likelier to move it. Measured on train[:150] with three held-out taggers:
#: 1.0 gave +.001 to +.002 content and relation F1 each (0.5 and 2.0 a little less, 3.0 nothing)
RULE_BIAS = 1.0


class _Scorer:
    """Score candidate spans by the tagger's log-probabilities (prefix sums over tokens)."""

    def __init__(self, doc: Doc, logp: np.ndarray) -> None:
        self.doc = doc
        p = np.exp(logp)
        self.starts = doc.to_array([IDX]).reshape(-1).astype(np.int64) if len(doc) else np.zeros(0, np.int64)
        eps = 1e-6
        self.begin = np.log(p[:, 5] + eps)
        inside = np.log(1 - p[:, 0] - p[:, 5] + eps)
        outside = np.log(1 - p[:, 5] - p[:, 6] + eps)
        self.inside = np.concatenate([[0.0], np.cumsum(inside)])
        self.outside = np.concatenate([[0.0], np.cumsum(outside)])

    def _tokens(self, rng: tuple[int, int]) -> tuple[int, int]:
        a = int(np.searchsorted(self.starts, rng[0], side="right")) - 1
        b = int(np.searchsorted(self.starts, rng[1], side="left"))
        return max(a, 0), max(b, a + 1)

    def best(
        self, candidates: set[tuple[int, int]], prefer: tuple[int, int] | None = None
    ) -> tuple[int, int]:
        """Return the candidate content the tagger finds likeliest, over the tokens of them all,
        ``prefer`` (the rules' own) given RULE_BIAS more."""
        ok = [c for c in candidates if c[0] < c[1]]
        lo = self._tokens((min(c[0] for c in ok), min(c[0] for c in ok) + 1))[0]
        hi = self._tokens((max(c[1] for c in ok) - 1, max(c[1] for c in ok)))[1]
        return max(sorted(ok), key=lambda c: self.content(c, lo, hi) + (RULE_BIAS if c == prefer else 0.0))

    def content(self, rng: tuple[int, int], lo: int, hi: int) -> float:
        """Log-likelihood of ``rng`` being a content, the other tokens of ``lo:hi`` not."""
        a, b = self._tokens(rng)
        return float(
            self.begin[a]
            + self.inside[b]
            - self.inside[a + 1]
            + self.outside[a]
            - self.outside[lo]
            + self.outside[hi]
            - self.outside[b]
        )


#: the least learnt rate, in the frame the parse gives it, of a word for a tagged cue the rules
#: missed to be taken ("They mark a sharp turn for ..." is no report: mark/dobj has 0.07)
KNOWN_RATE = 0.1
#: a frame below KNOWN_RATE still counts as known when train holds at least this many gold cues
#: in it and its rate is at least KNOWN_FLOOR ("be"/ccomp, "make"/ccomp: common frames that are
#: seldom a report, yet often enough that a tagged one is worth taking; "mark"/dobj has two); 0
#: turns this off
KNOWN_CUES = 10
KNOWN_FLOOR = 0.02
#: a tagged cue none of whose words the lexicon lists in the frame it stands in ("backing",
#: "opponent", "seemed") is taken too: the lexicon has no evidence against it, only for or against
#: the words it lists. Measured on train[:150] with the lexicon and tagger learnt from train[150:]
#: (exact F1 before → after, source .717 → .724, cue .660 → .664, content .561 → .564, relation
#: .482 both; with KNOWN_CUES, which alone gave .0003 to .0006)
KNOWN_UNLISTED = True


@cache
def _cue_counts() -> dict[tuple[str, str, str], int]:
    """Return ``{(lemma, pos, frame): gold cues}`` from the learnt cue lexicon."""
    from claimgraph.analyze import lexicon

    return {(r[0], r[1], r[2]): int(r[3]) for r in lexicon.rows("cues_learned.tsv") if len(r) == 6}


def _known_frame(lemma: str, pos: str, frame: str) -> bool:
    """Return whether the learnt lexicon makes ``frame`` of the word a cue worth taking."""
    rate = _frame_rate(lemma, pos, frame)
    if rate >= KNOWN_RATE:
        return True
    if not KNOWN_CUES or rate < KNOWN_FLOOR:
        return False
    return _cue_counts().get((lemma, pos, frame), 0) >= KNOWN_CUES


def _known_cue(doc: Doc, cue: tuple[int, int]) -> bool:
    """Return whether a tagged cue holds a word that the cue lexicons know in the frame it
    stands in (learnt rate, or enough gold cues: _known_frame), or a verb of the hand-written
    lexicon; or, with KNOWN_UNLISTED, whether the learnt lexicon lists none of its words in the
    frame they stand in."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None:
        return False
    if any(t.lemma_ == "cite" and t.tag_ == "VBG" for t in span):
        return False  # "X, citing Y" is a hop of X's chain (the rules' _nest_citing), not a claim
    if any(fr.says_nothing(t) for t in span):
        return False  # "did not respond to a request for comment" says nothing
    for t in span:
        if _stance(t.lemma_) or t.lower_ == "according":
            return True
        low, pos = t.lemma_.lower(), t.pos_
        if any(_known_frame(low, pos, f) for f in fr.frames_present(t)):
            return True
    if KNOWN_UNLISTED:
        # no word of the cue has a learnt rate in the frame it stands in: nothing speaks against it
        counts = _cue_counts()
        return not any((t.lemma_.lower(), t.pos_, f) in counts for t in span for f in fr.frames_present(t))
    return False


def _two_verbs(doc: Doc, cue: tuple[int, int]) -> bool:
    """Return whether a tagged cue runs over a conjunction of verbs ("welcomed the reopening but
    accused"): two cues, not one."""
    span = doc.char_span(*cue, alignment_mode="expand")
    return span is not None and any(t.pos_ == "CCONJ" and t.head.pos_ == "VERB" for t in span)


def _keeps_root(doc: Doc, old: tuple[int, int], new: tuple[int, int]) -> bool:
    """Return whether the span ``new`` still holds the syntactic head of the span ``old``."""
    span = doc.char_span(*old, alignment_mode="expand")
    if span is None or not len(span):
        return True
    root = span.root
    return new[0] <= root.idx < new[1]


def _takes_hearer(doc: Doc, old: tuple[int, int], new: tuple[int, int]) -> bool:
    """Return whether the tagged cue ``new`` grows the rules' cue ``old`` over a noun phrase
    other than a date ("tells reporters", "repeated accusations", "says of waterboarding"):
    whom one tells and what one speaks of are never part of a PolNeAR cue."""
    span = doc.char_span(*new, alignment_mode="expand")
    if span is None:
        return False
    return any(
        t.pos_ in ("NOUN", "PROPN", "PRON")
        and not old[0] <= t.idx < old[1]
        and t.ent_type_ not in ("DATE", "TIME")
        for t in span
    )


def _ends_in_setting(doc: Doc, cue: tuple[int, int]) -> bool:
    """Return whether a tagged cue ends with a preposition of its setting whose object it
    leaves out ("said in | a telephone interview", "spoke at | a rally"): PolNeAR's cues end
    with "for", "about", "of" ("called for"), never so."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    return last.pos_ == "ADP" and last.lower_ in ("in", "at", "during") and last.i + 1 < len(doc)


def _grows_back(doc: Doc, c: tuple[int, int], r: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Return whether the candidate content ``c`` grows back from the rules' ``r`` over its own
    cue to the word that opens the cue's own clause ("whether prosecutors will also seek to
    cancel" for "will also seek | to cancel": the open question is the text's, the seeking the
    prosecutors')."""
    if not (c[0] < r[0] and c[0] <= cue[0] < c[1]):
        return False
    first = doc.char_span(c[0], c[1], alignment_mode="expand")
    return first is not None and len(first) > 0 and first[0].lower_ in ("whether", "if")


def _takes_occasion(doc: Doc, c: tuple[int, int], r: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Return whether the candidate content ``c`` runs on past the rules' ``r`` over a phrase
    that hangs on the cue and names the occasion of the speech ("in a statement", "at a
    rally"), or over a subordinate clause hung on the cue ("while ..."), which the rules leave
    out of the content on purpose."""
    if c[1] <= r[1]:
        return False
    return any(
        cue[0] <= t.head.idx < cue[1]
        and (
            (t.dep_ == "prep" and is_occasion(t))
            or (OPTIONS["circumstance"] and t.dep_ == "advcl" and any(g.dep_ == "mark" for g in t.children))
        )
        for t in doc.char_span(r[1], c[1], alignment_mode="expand") or ()
    )


def _behind(text: str, content: tuple[int, int], source: Span, cue: tuple[int, int]) -> bool:
    """Return whether a new attribution's content ends before its own source, which comes before
    its cue, and is no quotation ("a sharp turn for the minister, who ... refused to negotiate":
    not "the minister")."""
    return (
        content[1] <= source.start_char < cue[0]
        and text[content[0]] not in QUOTES
        and text[content[1] - 1] not in QUOTES
    )


def _takes_governor(doc: Doc, c: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Return whether the candidate content ``c`` of a noun cue takes in the verb the noun
    phrase hangs on ("Sousa's claim that the port lost money | has been disputed"): what is
    said of the claim is no part of it."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None or not len(span) or span.root.pos_ != "NOUN":
        return False
    head = span.root.head
    return head.i != span.root.i and not cue[0] <= head.idx < cue[1] and c[0] <= head.idx < c[1]


#: prepositions that open a phrase of time or concession, not something said
_ADJUNCT_PREPS = frozenset({"following", "after", "before", "during", "since", "until", "amid", "despite"})


def _adjunct(doc: Doc, content: tuple[int, int]) -> bool:
    """Return whether a content is a phrase of time or concession ("following the capture of
    the dictator", which the parse may also read as a participle), or the object of one that
    stands right before it ("following | the capture of the dictator"), or opens with an emphatic
    "himself", which no one says."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    if first.lower_ in _ADJUNCT_PREPS:
        return first.right_edge.i >= span[-1].i  # the phrase it heads, not "after | he left"
    if first.dep_ == "npadvmod" and first.lower_.endswith(("self", "selves")):
        return True  # "addressed the report | himself later in the day": who did it, not what was said
    governor = span.root.head
    return governor.i == span.start - 1 and governor.lower_ in _ADJUNCT_PREPS


def _drops_medium(doc: Doc, old: tuple[int, int], new: tuple[int, int]) -> bool:
    """Return whether the tagged cue ``new`` leaves out the medium the rules' cue ``old`` names
    ("said in a telephone interview" → "said"): PolNeAR's cues keep it."""
    span = doc.char_span(*old, alignment_mode="expand")
    return span is not None and any(
        t.lemma_.lower() in MEDIA and not new[0] <= t.idx < new[1] for t in span
    )


def _linked(doc: Doc, cue: tuple[int, int], source: Span) -> bool:
    """Return whether the parse makes ``source`` the speaker of ``cue``: the subject, agent or
    possessor of the cue's head (or of the verb it is coordinated with or complements)."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None or not len(span):
        return False
    inside = range(source.start, source.end)
    up = span.root
    for _ in range(3):
        for c in up.children:
            if c.dep_ in ("nsubj", "nsubjpass", "poss") and c.i in inside:
                return True
            if c.dep_ == "agent" and any(g.i in inside for g in c.children):
                return True
        if up.dep_ not in ("conj", "xcomp", "advcl") or up.head.i == up.i:
            break
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in up.children):
            break  # a verb with a subject of its own: "before the ceasefire was signed" is not
            # the main clause's subject's
        up = up.head
    return span.root.head.i in inside and span.root.dep_ in ("relcl", "acl", "appos")


def _antecedent(doc: Doc, cue: tuple[int, int], source: Span) -> Span | None:
    """Return the noun phrase a relative pronoun source stands for ("Castellar, who had refused
    to ...": Castellar), or None when the parse does not say."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span.root
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    whole = source_span(verb.head)
    if whole is None:
        return None
    return span_of(doc, [t for t in whole if t.i < verb.i and t.i < source.start]) or None


def _parsed_source(doc: Doc, cue: tuple[int, int]) -> Span | None:
    """Return the subject the parse gives a tagged cue (or the verb it is coordinated with or
    complements), when the tagger tagged no source near it ("Bozell answers", "27 percent
    would vote for")."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None or not len(span):
        return None
    up = span.root
    for _ in range(3):
        # a passive subject is what was said ("No casualties were reported"), an expletive no
        # one ("It is not clear whether ...")
        subj = [
            c
            for c in up.children
            if c.dep_ == "nsubj"
            and c.lower_ not in ("it", "there")
            and not span.start <= c.i < span.end
            and not in_opening_dateline(c)  # "WASHINGTON (AP) — Prosecutors charged"
        ]
        if subj:
            return source_span(subj[0])
        if up.dep_ not in ("conj", "xcomp") or up.head.i == up.i:
            return None
        up = up.head
    return None


_COMPLEMENT_DEPS = ("ccomp", "dobj", "xcomp", "pobj", "pcomp", "attr")


def _parsed_content(
    doc: Doc, cue: tuple[int, int], taken: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """Return the complement the parse gives a tagged cue, after it, when the tagger tagged no
    content near it ("support Sanders", "have been critical of Clinton's use of email")."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None or not len(span):
        return None
    inside = range(span.start, span.end)
    heads = [t for t in span if t.i in inside]
    comps = [
        c
        for h in heads
        for c in h.children
        if c.dep_ in _COMPLEMENT_DEPS and c.i >= span.end
    ]
    if not comps:
        return None
    rng = char_range(list(comps[0].subtree))
    if rng is None or any(_overlaps(rng, t) for t in taken):
        return None
    return rng


def _nearest(spans: list[tuple[int, int]], cue: tuple[int, int]) -> tuple[int, int]:
    return min(spans, key=lambda c: min(abs(c[0] - cue[1]), abs(cue[0] - c[1])))


def _associate(
    doc: Doc,
    cue: tuple[int, int],
    by_role: dict[str, list[tuple[int, int]]],
    taken: Sequence[tuple[int, int]] = (),
) -> tuple[tuple[int, int] | None, Span | None]:
    """Return the tagged content and source of a tagged cue: the nearest in its sentence (the
    content's two halves when it stands on both sides of the cue)."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None or not len(span):
        return None, None
    sent = span[0].sent
    lo, hi = sent.start_char, sent.end_char
    contents = [
        c
        for c in by_role["content"]
        if (lo <= c[0] < hi or lo < c[1] <= hi) and not any(_overlaps(c, t) for t in taken)
    ]
    ends_sentence = all(t.is_punct or t.is_space for t in doc[span.end : sent.end])
    if not contents and OPTIONS["next"] and sent.end < len(doc) and ends_sentence:
        # "He said:" / "A statement read:" with the content in the next sentence
        after = doc[sent.end].sent
        contents = [
            c
            for c in by_role["content"]
            if after.start_char <= c[0] < after.end_char and not any(_overlaps(c, t) for t in taken)
        ][:1]
    if not contents:
        return None, None
    near = _nearest(contents, cue)
    parts = [near]
    for c in contents:  # "A," he said, "B": both halves around the cue
        if c is not near and (c[1] <= cue[0]) != (near[1] <= cue[0]):
            gap = doc_text(doc)[min(c[1], near[1]) : max(c[0], near[0])]
            if len(gap) < 80:
                parts.append(c)
    content = (min(c[0] for c in parts), max(c[1] for c in parts))
    sources = [c for c in by_role["source"] if lo <= c[0] < hi and not _overlaps(c, content)]
    source = doc.char_span(*_nearest(sources, cue), alignment_mode="expand") if sources else None
    return content, source


def refine(doc: Doc, found: list[Found], tagged: tuple[np.ndarray, np.ndarray]) -> list[Found]:
    """Return the rules' Found items corrected and completed by the tagger.

    Rule attributions keep their structure (source kind, chain, status) and take the tagger's
    boundaries for the spans they share with it; cues the tagger finds where the rules found no
    attribution become new attributions, with the tagged source and content of their sentence.
    ``tagged`` is the doc's entry of ``decode`` (the tagger runs over a batch of documents).
    """
    from claimgraph.analyze.attribution import Found
    from claimgraph.analyze.sources import EntityIndex, SourceInfo, classify

    logp, tags = tagged
    spans = spans_of(tags, doc)
    score = _Scorer(doc, logp)
    by_role: dict[str, list[tuple[int, int]]] = {"source": [], "cue": [], "content": []}
    for role, s, e in spans:
        by_role[role].append((s, e))
    index = EntityIndex(doc, doc._.cg_entities or [])
    attributions = [f for f in found if is_attribution(f, found)]
    out = list(found)
    drop: set[int] = set()
    for f in attributions:
        cue = f.cue
        assert cue is not None
        tagged_cue = [c for c in by_role["cue"] if _overlaps(c, cue)]
        if OPTIONS["drop"] and not tagged_cue:
            drop.add(id(f))
            continue
        if (
            OPTIONS["cue"]
            and len(tagged_cue) == 1
            and (not OPTIONS["keeproot"] or _keeps_root(doc, cue, tagged_cue[0]))
            and not _two_verbs(doc, tagged_cue[0])
            and not _takes_hearer(doc, cue, tagged_cue[0])
            and not _ends_in_setting(doc, tagged_cue[0])
            and not (OPTIONS["medium"] and _drops_medium(doc, cue, tagged_cue[0]))
        ):
            f.cue = tagged_cue[0]
        if OPTIONS["content"]:
            parts = [c for c in by_role["content"] if _overlaps(c, f.content)]
            inner = [
                c
                for c in by_role["cue"]
                if f.content[0] <= c[0] and c[1] <= f.content[1] and not _overlaps(c, cue)
            ]
            if OPTIONS["nested"] and inner:
                parts = []  # the tagger reads a report inside this content: keep the rules' span
            if parts:
                m = (min(c[0] for c in parts), max(c[1] for c in parts))
                r = f.content
                if OPTIONS["choose"]:
                    cands = {r, m, (r[0], m[1]), (m[0], r[1])}
                    own_cue = f.cue or cue
                    if OPTIONS["apart"] and not _overlaps(r, own_cue):
                        # a content that leaves its cue out keeps it out
                        cands = {c for c in cands if not _overlaps(c, own_cue)} or {r}
                    if f.source is not None:
                        # a content never ends in its own source ("“…,” Ramos, 58, told AFP"),
                        # though it may run on past it ("“A,” he said, “B.”")
                        src = (f.source.start_char, f.source.end_char)
                        cands = {c for c in cands if c == r or not _edge_in(c, src)}
                    if OPTIONS["edge"]:
                        # nor starts or ends in its own cue ("Garcia's claim that ... has been
                        # rejected" for "has been rejected"), though it may run over it
                        cands = {c for c in cands if c == r or not _edge_in(c, own_cue)}
                    if OPTIONS["back"]:  # nor grows back over its own source and cue
                        cands = {c for c in cands if c == r or not _grows_back(doc, c, r, own_cue)}
                    if OPTIONS["occasion"]:
                        cands = {c for c in cands if c == r or not _takes_occasion(doc, c, r, own_cue)}
                    if OPTIONS["governor"]:
                        cands = {c for c in cands if c == r or not _takes_governor(doc, c, own_cue)}
                    whole = {c for c in cands if c == r or not _broken(doc, c)}
                    f.content = score.best(whole or cands, r)
                else:
                    f.content = m
        if OPTIONS["source"] and f.source is not None:
            own = (f.source.start_char, f.source.end_char)
            parts = [c for c in by_role["source"] if _overlaps(c, own)]
            if (
                len(parts) == 1
                and parts[0] != own
                and (not OPTIONS["keeproot"] or _keeps_root(doc, own, parts[0]))
            ):
                span = doc.char_span(*parts[0], alignment_mode="expand")
                if span is not None and len(span):
                    f.source = span
    out = [f for f in out if id(f) not in drop]
    if OPTIONS["add"]:
        taken = [(f.cue, f.content) for f in out if f.cue is not None]
        for cue in by_role["cue"]:
            if any(_overlaps(cue, c) or _overlaps(cue, x) for c, x in taken):
                continue
            if OPTIONS["known"] and not _known_cue(doc, cue):
                continue
            content, source = _associate(doc, cue, by_role, [x for _, x in taken] if OPTIONS["free"] else ())
            if content is None and OPTIONS["parsed_content"]:
                content = _parsed_content(doc, cue, [x for _, x in taken])
                if content is not None:
                    source = source or _parsed_source(doc, cue)
            if source is not None and in_opening_dateline(source[0]):
                source = None  # "WASHINGTON (AP" is where the story was filed, not who speaks
            if source is None and content is not None and OPTIONS["parsed_source"]:
                source = _parsed_source(doc, cue)
            if content is None or (OPTIONS["sourced"] and source is None):
                continue
            if OPTIONS["linked"] and source is not None and not _linked(doc, cue, source):
                source = _parsed_source(doc, cue) if OPTIONS["relink"] else None
                if source is None:
                    continue
            if OPTIONS["adjunct"] and _adjunct(doc, content):
                continue
            mine = [cue] + ([(source.start_char, source.end_char)] if source is not None else [])
            text = doc_text(doc)
            if OPTIONS["own"] and any(_overlaps(content, o) for o in mine) and text[content[0]] not in QUOTES:
                # "the minister, who ... refused to negotiate": a content holds neither its cue
                # nor its source, unless a quotation runs around them (“A,” he said, “B.”)
                continue
            about = source
            if source is not None and source[0].tag_ in ("WP", "WDT") and source.root.tag_ in ("WP", "WDT"):
                # "X, who had refused to ...": the source is written "who" (as PolNeAR marks
                # it; not "who as governor of the province"); what it is, is X
                source = source[:1]
                about = _antecedent(doc, cue, source)
                if about is None:
                    continue
            info = classify(about, index) if about is not None else SourceInfo("unspecified", None, None)
            if info.kind == "publisher":
                continue
            if OPTIONS["behind"] and source is not None and _behind(text, content, source, cue):
                continue
            content_span = doc.char_span(*content, alignment_mode="expand")
            cue_span = doc.char_span(*cue, alignment_mode="expand")
            if content_span is None or cue_span is None:
                continue
            # the cue word's stance ("doubt": uncertain, "deny": denied); nobody's: hedged
            speaker_cue = cue_span.root if source is not None else None
            base = st.cue_status(speaker_cue) if speaker_cue is not None else "hedged"
            status, marks = st.content_status(base, content_span, speaker_cue)
            new = Found(content, cue, source, info, status, marks)
            pos = next((k for k, g in enumerate(out) if g.content[0] > content[0]), len(out))
            new.sentence = out[pos - 1].sentence if pos else 0
            out.insert(pos, new)
            taken.append((cue, content))
    return out
