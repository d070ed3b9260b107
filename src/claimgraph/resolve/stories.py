"""Group documents into stories.

Two documents are joined when their texts are near-duplicates (MinHash over word 3-shingles,
candidates from MinHashLSH), whatever their dates; or when they were published within
``WINDOW_DAYS`` of each other and share enough of the corpus' distinctive global entities (people,
organisations, groups: not places, not outlets), supported by shared event types, specific dates,
numbers, title words or some shared text; joins by entities never stretch a story over more than
``MAX_SPAN_DAYS`` (no chaining a running saga into one story). Candidate pairs come only from
blocking (the LSH index and an entity index scanned in date order), never from all pairs. A story
is a connected group; every join that built it is kept as evidence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from datasketch import MinHash, MinHashLSH

from claimgraph.resolve.model import GlobalEntity, qualified
from claimgraph.resolve.text import content_stems, day, is_year, numbers, published_utc, shingles

WINDOW_DAYS = 30
MAX_SPAN_DAYS = 45  # a story joined by shared entities spans at most this many days
NEAR_DUPLICATE = 0.5  # MinHash Jaccard of word 3-shingles at or above which two texts are copies
NUM_PERM = 128
NEIGHBOURS = 40  # per entity posting: how many later documents (in date order) one is compared with
_WEAK_TYPES = frozenset({"place", "outlet", "other"})


@dataclass
class DocFeatures:
    """What story grouping and provenance use of one document."""

    id: str
    date: date | None
    when: datetime | None
    title: str
    entities: set[str] = field(default_factory=set)  # distinctive global entity ids
    people: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    numbers: set[float] = field(default_factory=set)
    title_stems: set[str] = field(default_factory=set)
    minhash: MinHash | None = None


def order_key(f: DocFeatures) -> tuple[int, str, str]:
    """Sort key of documents: by publication time, undated last, then id."""
    if f.when is None:
        return (1, "", f.id)
    return (0, f.when.isoformat(), f.id)


def document_entities(doc: dict[str, Any], members: dict[str, str]) -> set[str]:
    """Return the global ids of the entities of ``doc``."""
    doc_id = doc["document"]["id"]
    found = (members.get(qualified(doc_id, e["id"])) for e in doc.get("entities") or [])
    return {g for g in found if g}


def features(
    documents: Sequence[dict[str, Any]], members: dict[str, str], entities: Sequence[GlobalEntity]
) -> dict[str, DocFeatures]:
    """Return the features of every document, with its MinHash."""
    etype = {g.id: g.type for g in entities}
    texts: list[set[bytes]] = []
    out: dict[str, DocFeatures] = {}
    for doc in documents:
        meta = doc["document"]
        text = meta.get("text") or ""
        published = meta.get("published")
        title = meta.get("title") or (text.strip().splitlines()[0] if text.strip() else "")
        f = DocFeatures(id=meta["id"], date=day(published), when=published_utc(published), title=title)
        for gid in document_entities(doc, members):
            t = etype.get(gid, "other")
            if t not in _WEAK_TYPES:
                f.entities.add(gid)
            if t == "person":
                f.people.add(gid)
        f.events = {e.get("type") for e in doc.get("events") or [] if e.get("type") not in (None, "OTHER")}
        pub = f.date.isoformat() if f.date else None
        for t in doc.get("times") or []:
            v = t.get("value")
            if v and t.get("granularity") in ("day", "month") and v[:10] != pub and v[0].isdigit():
                f.dates.add(v[:10])
        for value, _s, _e, written in numbers(text):
            if not is_year(value, written) and (value >= 11 or value != int(value)):
                f.numbers.add(value)
        f.title_stems = set(content_stems(title))
        texts.append(shingles(text))
        out[f.id] = f
    hashes = MinHash.bulk([sorted(s) for s in texts], num_perm=NUM_PERM, seed=1)
    for f, mh in zip(out.values(), hashes, strict=True):
        f.minhash = mh
    return out


def near_duplicates(feats: dict[str, DocFeatures]) -> dict[tuple[str, str], float]:
    """Return ``{(a, b): estimated Jaccard}`` (a < b) for near-duplicate texts, found with LSH."""
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE * 0.8, num_perm=NUM_PERM)
    ids = sorted(feats)
    for i in ids:
        lsh.insert(i, feats[i].minhash)
    out: dict[tuple[str, str], float] = {}
    for i in ids:
        mi = feats[i].minhash
        assert mi is not None
        for j in lsh.query(mi):
            if j <= i:
                continue
            mj = feats[j].minhash
            assert mj is not None
            sim = mi.jaccard(mj)
            if sim >= NEAR_DUPLICATE:
                out[(i, j)] = round(sim, 3)
    return out


def _candidate_pairs(feats: dict[str, DocFeatures]) -> Counter[tuple[str, str]]:
    """Return ``{(a, b): shared distinctive entities}`` for dated documents close in time."""
    postings: dict[str, list[DocFeatures]] = defaultdict(list)
    for f in feats.values():
        if f.date is None:
            continue
        for gid in f.entities:
            postings[gid].append(f)
    n = len(feats)
    cap = max(50, n // 4) if n >= 40 else n + 1  # entities in a quarter of a large corpus say nothing
    shared: Counter[tuple[str, str]] = Counter()
    for posting in postings.values():
        if len(posting) < 2 or len(posting) > cap:
            continue
        posting.sort(key=order_key)
        for i, a in enumerate(posting):
            assert a.date is not None
            for b in posting[i + 1 : i + 1 + NEIGHBOURS]:
                assert b.date is not None
                if (b.date - a.date).days > WINDOW_DAYS:
                    break
                shared[(a.id, b.id) if a.id < b.id else (b.id, a.id)] += 1
    return shared


def _support(a: DocFeatures, b: DocFeatures) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if a.events & b.events:
        out["events"] = sorted(a.events & b.events)
    if a.dates & b.dates:
        out["dates"] = sorted(a.dates & b.dates)
    if a.numbers & b.numbers:
        out["numbers"] = sorted(a.numbers & b.numbers)
    title = a.title_stems & b.title_stems
    if len(title) >= 2:
        out["title"] = sorted(title)
    assert a.minhash is not None and b.minhash is not None
    sim = a.minhash.jaccard(b.minhash)
    if sim >= 0.05:
        out["text"] = round(sim, 3)
    return out


def group(
    feats: dict[str, DocFeatures],
    duplicates: dict[tuple[str, str], float],
    names: dict[str, str],
) -> list[tuple[list[str], list[dict[str, Any]]]]:
    """Return the stories as ``(document ids in order, evidence)``, ordered by first document."""
    parent = {i: i for i in feats}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    edges: list[tuple[int, float, str, str, dict[str, Any]]] = []
    for (a, b), sim in duplicates.items():
        edges.append((0, -sim, a, b, {"a": a, "b": b, "reason": "near-duplicate text", "score": sim}))
    for (a, b), count in _candidate_pairs(feats).items():
        if (a, b) in duplicates or count < 2:
            continue
        fa, fb = feats[a], feats[b]
        support = _support(fa, fb)
        if not (count >= 4 or (count >= 3 and support) or (count >= 2 and len(support) >= 2)):
            continue
        shared = sorted(names.get(g, g) for g in fa.entities & fb.entities)
        reason = "shared entities: " + ", ".join(shared[:8])
        for k, v in support.items():
            reason += f"; {k}: " + (", ".join(str(x) for x in v[:6]) if isinstance(v, list) else str(v))
        edges.append((1, -float(count), a, b, {"a": a, "b": b, "reason": reason, "score": float(count)}))
    edges.sort(key=lambda e: (e[0], e[1], e[2], e[3]))
    # the dated span of each group: shared people alone never stretch a story beyond MAX_SPAN_DAYS
    span: dict[str, tuple[date, date] | None] = {
        i: ((f.date, f.date) if f.date else None) for i, f in feats.items()
    }
    for kind, _, a, b, ev in edges:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        sa, sb = span[ra], span[rb]
        joined = sa if sb is None else sb if sa is None else (min(sa[0], sb[0]), max(sa[1], sb[1]))
        if kind == 1 and joined is not None and (joined[1] - joined[0]).days > MAX_SPAN_DAYS:
            continue  # chaining would make one story of a running saga
        if rb < ra:
            ra, rb = rb, ra
        parent[rb] = ra
        span[ra] = joined
        evidence[ra].extend(evidence.pop(rb, []))
        evidence[ra].append(ev)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in feats:
        groups[find(i)].append(i)
    out = []
    for root, ids in groups.items():
        ids.sort(key=lambda i: order_key(feats[i]))
        out.append((ids, sorted(evidence.get(root, []), key=lambda e: (e["a"], e["b"]))))
    out.sort(key=lambda g: order_key(feats[g[0][0]]))
    return out
