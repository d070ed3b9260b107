"""Score predicted attributions against gold ones: precision, recall and F1 per role and relation.

An attribution has three roles, ``source``, ``cue`` and ``content``; each is a tuple of
(start, end) character fragments (end exclusive), or None when the text gives none (a quotation
with no named source). Scoring is pure: it needs the document text only to trim spans.

Trimming, applied alike to gold and predicted spans before anything is compared: every fragment
loses leading whitespace and trailing whitespace and punctuation (``TRAILING``: . , ; : ! ? … and
dashes), so "said." and "said", or "that the dam closed." and "that the dam closed", are the same
span; a fragment that is nothing but punctuation (PolNeAR has colon cues: 'He added: "..."')
only loses its whitespace. Quotation marks and brackets are kept: whether a content includes its
quotation marks is a real convention difference. A span that is only whitespace counts as absent.

Matching modes:

- ``exact``: spans are equal from their first to their last character, so a discontinuous gold
  content ("We will win," he said, "and soon.") is matched by one predicted span covering the
  whole quotation including the interrupting cue.
- ``fragment``: every fragment is its own unit and must be equal (spaCy's per-span NER score;
  a discontinuous content is two units). Reported for roles, not relations.
- ``overlap``: spans share at least one character (of their fragments, not the gaps between
  them), paired one to one, greedily by the largest overlap first.

Spans are deduplicated per document and role before counting (two attributions of the same
source span count it once for source scoring). A relation matches when its source, cue and
content all match in the same mode; an absent role matches only an absent role.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Self

Fragment = tuple[int, int]
Fragments = tuple[Fragment, ...]

ROLES = ("source", "cue", "content")
TARGETS = (*ROLES, "relation")
MODES = ("exact", "fragment", "overlap")
#: what trimming removes at the end of a fragment, besides whitespace
TRAILING = ".,;:!?…—–―-"


@dataclass(frozen=True)
class Attribution:
    """One attribution: each role is its fragments, or None when the text gives none."""

    source: Fragments | None
    cue: Fragments | None
    content: Fragments | None
    id: str = ""

    def role(self, name: str) -> Fragments | None:
        """Return the fragments of role ``name`` (``source``, ``cue`` or ``content``)."""
        return getattr(self, name)


@dataclass
class Counts:
    """Matched, gold and predicted unit counts, with precision, recall and F1."""

    matched: int = 0
    gold: int = 0
    predicted: int = 0

    def __iadd__(self, other: Counts) -> Self:
        self.matched += other.matched
        self.gold += other.gold
        self.predicted += other.predicted
        return self

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "matched": self.matched,
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Score:
    """Counts per (mode, target); ``fragment`` has roles only. Add documents with ``+=``."""

    counts: dict[tuple[str, str], Counts] = field(
        default_factory=lambda: {
            (mode, target): Counts()
            for mode in MODES
            for target in TARGETS
            if not (mode == "fragment" and target == "relation")
        }
    )

    def __iadd__(self, other: Score) -> Self:
        for key, value in other.counts.items():
            self.counts[key] += value
        return self

    def __getitem__(self, key: tuple[str, str]) -> Counts:
        return self.counts[key]

    def as_dict(self) -> dict[str, dict[str, dict[str, Any]]]:
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for (mode, target), value in self.counts.items():
            out.setdefault(mode, {})[target] = value.as_dict()
        return out


def trim(text: str, frags: Fragments | None) -> Fragments | None:
    """Return ``frags`` with each fragment trimmed (see the module docstring); None if empty."""
    if not frags:
        return None
    out = []
    for start, end in frags:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        cut = end
        while cut > start and (text[cut - 1].isspace() or text[cut - 1] in TRAILING):
            cut -= 1
        if cut > start:  # a cue that is only punctuation (a colon) stays as it is
            end = cut
        if start < end:
            out.append((start, end))
    return tuple(out) or None


def trim_attribution(text: str, a: Attribution) -> Attribution:
    """Return ``a`` with every role trimmed."""
    return Attribution(trim(text, a.source), trim(text, a.cue), trim(text, a.content), a.id)


def hull(frags: Fragments | None) -> Fragment | None:
    """Return the span from the first to the last character of ``frags``."""
    return (frags[0][0], frags[-1][1]) if frags else None


def overlap(a: Fragments | None, b: Fragments | None) -> int:
    """Return how many characters the fragments of ``a`` and ``b`` share."""
    if not a or not b:
        return 0
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _dedup(items: Sequence[Any], key: Callable[[Any], Hashable]) -> list[Any]:
    """Return ``items`` with later duplicates (same ``key``) removed, order kept."""
    seen: dict[Hashable, Any] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def greedy_pairs(
    gold: Sequence[Any], predicted: Sequence[Any], weight: Callable[[Any, Any], int]
) -> list[tuple[int, int]]:
    """Pair gold and predicted items one to one, largest positive ``weight`` first.

    Ties go to the earlier gold item, then the earlier predicted one, so results are repeatable.
    """
    candidates = [
        (w, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if (w := weight(g, p)) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _role_units(spans: Sequence[Fragments], mode: str) -> list[Any]:
    """Return the deduplicated units that ``mode`` compares, for one role of one document."""
    if mode == "exact":
        return _dedup([hull(s) for s in spans], lambda u: u)
    if mode == "fragment":
        return _dedup([f for s in spans for f in s], lambda u: u)
    return _dedup(list(spans), lambda u: u)


def _count_role(gold: Sequence[Fragments], predicted: Sequence[Fragments], mode: str) -> Counts:
    g, p = _role_units(gold, mode), _role_units(predicted, mode)
    if mode == "overlap":
        matched = len(greedy_pairs(g, p, overlap))
    else:
        matched = len(set(g) & set(p))
    return Counts(matched, len(g), len(p))


def prepare(text: str, attributions: Sequence[Attribution]) -> list[Attribution]:
    """Return ``attributions`` trimmed, without those left with no role at all."""
    trimmed = (trim_attribution(text, a) for a in attributions)
    return [a for a in trimmed if any(a.role(r) is not None for r in ROLES)]


def relation_key(a: Attribution) -> tuple[Fragment | None, ...]:
    """Return what identifies a relation under exact matching: the hull of each role."""
    return tuple(hull(a.role(r)) for r in ROLES)


def relation_overlap(g: Attribution, p: Attribution) -> int:
    """Return the characters shared by all roles, or 0 unless every role is compatible.

    Roles are compatible when both are absent or they overlap.
    """
    total = 0
    for role in ROLES:
        a, b = g.role(role), p.role(role)
        if a is None and b is None:
            continue
        shared = overlap(a, b)
        if not shared:
            return 0
        total += shared
    return total


def relation_pairs(
    gold: Sequence[Attribution], predicted: Sequence[Attribution], mode: str
) -> list[tuple[int, int]]:
    """Return matched (gold index, predicted index) pairs of relations, one to one."""
    if mode == "exact":
        first_p: dict[tuple[Fragment | None, ...], int] = {}
        for pi, p in enumerate(predicted):
            first_p.setdefault(relation_key(p), pi)
        pairs, used = [], set()
        for gi, g in enumerate(gold):
            found = first_p.get(relation_key(g))
            if found is not None and found not in used:
                used.add(found)
                pairs.append((gi, found))
        return pairs
    return greedy_pairs(gold, predicted, relation_overlap)


def score_document(text: str, gold: Sequence[Attribution], predicted: Sequence[Attribution]) -> Score:
    """Score one document's predicted attributions against its gold ones."""
    gold, predicted = prepare(text, gold), prepare(text, predicted)
    score = Score()
    for role in ROLES:
        g = [s for a in gold if (s := a.role(role)) is not None]
        p = [s for a in predicted if (s := a.role(role)) is not None]
        for mode in MODES:
            score.counts[mode, role] += _count_role(g, p, mode)
    for mode in ("exact", "overlap"):
        key: Callable[[Attribution], Hashable] = (
            relation_key if mode == "exact" else (lambda a: (a.source, a.cue, a.content))
        )
        g_rel, p_rel = _dedup(gold, key), _dedup(predicted, key)
        score.counts[mode, "relation"] += Counts(
            len(relation_pairs(g_rel, p_rel, mode)), len(g_rel), len(p_rel)
        )
    return score
