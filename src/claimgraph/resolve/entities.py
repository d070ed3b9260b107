"""Entity resolution across documents: one global entity per real-world referent.

Names are compared by a folded key (accents, case, punctuation, a leading article and a legal
suffix removed; known variants from the analysis gazetteers mapped to their canonical name). Keys
are then joined, in this order, each step refusing what a ``split`` judgement forbids:

1. ``merge`` judgements;
2. acronyms: a short upper-case name and the one multi-word name of the corpus whose initials it
   is ("FCN" and "Frente Campesino del Norte", "AP" and "Associated Press");
3. spelling variants of one full name (rapidfuzz), with the same first name: never two full names
   that merely share a surname;
4. partial names: a surname or part of a name ("Maduro", "Maduro Moros", "Frente Campesino") joins
   the one full name of the corpus that contains it; when several full names do, it stays apart.

A global entity has one type (the majority of its members'), its roles dated by each document's
publication date, and its stated ages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz

from claimgraph.ids import make_id
from claimgraph.resolve.model import GlobalEntity, Judgement, RoleSpell, qualified
from claimgraph.resolve.text import acronym, fold, iso_day

_TYPE_ORDER = ("person", "organization", "outlet", "group", "place", "other")
_LEADING = ("the ", "el ", "la ", "los ", "las ", "le ", "les ")
_LEGAL = frozenset({"sa", "inc", "ltd", "llc", "corp", "plc", "gmbh", "co", "sl", "srl", "spa", "nv", "bv"})
_PRONOUNS = frozenset("he she him her his hers they them it its we i you who".split())


@cache
def _gazetteer() -> dict[str, str]:
    """Return ``{folded variant: canonical}`` from the analysis outlet and alias gazetteers."""
    from claimgraph.analyze import lexicon

    out: dict[str, str] = {}
    for form, canonical in lexicon.groups("outlets.txt").items():
        out.setdefault(fold(form), canonical)
    for form, canonical in lexicon.aliases().items():
        out.setdefault(fold(form), canonical)
    return out


@lru_cache(maxsize=1 << 16)
def canonical_outlet(name: str) -> str:
    """Return the gazetteer's canonical name of an outlet ("AP" -> "Associated Press"), else ``name``."""
    folded = fold(name)
    for form in (folded, folded.removeprefix("the ")):
        hit = _gazetteer().get(form)
        if hit:
            return hit
    return name.strip()


@lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    """Return the comparison key of an entity name (folded, article and legal suffix dropped)."""
    key = fold(name)
    hit = _gazetteer().get(key)
    if hit is None:
        for article in _LEADING:
            if key.startswith(article) and len(key) > len(article) + 2:
                key = key[len(article) :]
                break
        hit = _gazetteer().get(key)
    if hit is not None:
        return fold(hit)
    tokens = key.split()
    while len(tokens) > 1 and tokens[-1] in _LEGAL:
        tokens.pop()
    return " ".join(tokens)


@dataclass
class _Key:
    key: str
    types: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    upper: bool = False  # some surface form is written in capitals ("FCN")
    docs: set[str] = field(default_factory=set)

    @property
    def tokens(self) -> list[str]:
        return self.key.split()


class _Clusters:
    """Union-find over name keys, with cannot-link constraints from ``split`` judgements."""

    def __init__(self, keys: Iterable[str], forbidden: dict[str, set[tuple[int, int]]]) -> None:
        self.parent = {k: k for k in keys}
        self.tags: dict[str, set[tuple[int, int]]] = {k: set(forbidden.get(k, ())) for k in self.parent}

    def find(self, k: str) -> str:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def allowed(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ta, tb = self.tags[ra], self.tags[rb]
        return not any((i, 1 - side) in tb for i, side in ta)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.allowed(a, b):
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.tags[ra] |= self.tags.pop(rb)
        return True

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for k in sorted(self.parent):
            out[self.find(k)].append(k)
        return out


def _majority(types: Counter[str]) -> str:
    if not types:
        return "other"
    best = max(types.values())
    tied = sorted(t for t, n in types.items() if n == best)
    return min(tied, key=lambda t: (_TYPE_ORDER.index(t) if t in _TYPE_ORDER else len(_TYPE_ORDER), t))


def _component_type(keys: Sequence[str], info: dict[str, _Key]) -> str:
    total: Counter[str] = Counter()
    for k in keys:
        total.update(info[k].types)
    best = max(total.values(), default=0)
    tied = {t for t, n in total.items() if n == best}
    if len(tied) > 1:  # a tie: the types of the longest names decide
        longest = max(len(k.split()) for k in keys)
        inner: Counter[str] = Counter()
        for k in keys:
            if len(k.split()) == longest:
                inner.update({t: n for t, n in info[k].types.items() if t in tied})
        if inner:
            return _majority(inner)
    return _majority(total)


def _contiguous(part: list[str], whole: list[str]) -> int:
    """Return the position of ``part`` as a contiguous run in ``whole``, or -1."""
    n = len(part)
    for i in range(len(whole) - n + 1):
        if whole[i : i + n] == part:
            return i
    return -1


def _collect(documents: Sequence[dict[str, Any]]) -> dict[str, _Key]:
    info: dict[str, _Key] = {}
    for doc in documents:
        doc_id = doc["document"]["id"]
        for ent in doc.get("entities") or []:
            name = (ent.get("name") or "").strip()
            key = name_key(name)
            if not key or key in _PRONOUNS:
                continue
            item = info.setdefault(key, _Key(key))
            item.types[ent.get("type") or "other"] += 1
            item.forms[name] += 1
            item.docs.add(doc_id)
            letters = [c for c in name if c.isalpha()]
            if letters and all(c.isupper() for c in letters) and len(letters) <= 8:
                item.upper = True
    return info


def _cluster(
    info: dict[str, _Key],
    merges: list[tuple[set[str], set[str]]],
    splits: list[tuple[set[str], set[str]]],
) -> _Clusters:
    forbidden: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for i, (a, b) in enumerate(splits):
        for k in a:
            forbidden[k].add((i, 0))
        for k in b:
            forbidden[k].add((i, 1))
    uf = _Clusters(info, forbidden)
    # 1. merge judgements
    for left, right in merges:
        joined = sorted(left | right)
        for k in joined[1:]:
            uf.union(joined[0], k)
    keys = sorted(info)
    multi = [k for k in keys if len(k.split()) >= 2]
    # 2. acronyms
    by_acronym: dict[str, list[str]] = defaultdict(list)
    for k in multi:
        if _majority(info[k].types) in ("organization", "outlet", "group", "place", "other"):
            forms = sorted(info[k].forms, key=lambda f: (-info[k].forms[f], f))
            initials = {acronym(f) for f in forms} - {""}
            for initial in sorted(initials):
                by_acronym[initial].append(k)
    for k in keys:
        item = info[k]
        if " " in k or not item.upper or not 2 <= len(k) <= 8 or k not in by_acronym:
            continue
        found = {uf.find(c) for c in by_acronym[k] if c != k}
        if len(found) == 1:
            uf.union(k, sorted(found)[0])
    # 3. spelling variants of one full name: same first name, near-identical surname
    people = [k for k in multi if _majority(info[k].types) == "person"]
    by_first: dict[str, list[str]] = defaultdict(list)
    for k in people:
        tokens = k.split()
        by_first[f"{tokens[0]} {tokens[-1][:2]}"].append(k)
    for block in by_first.values():
        if len(block) < 2 or len(block) > 400:
            continue
        for i, one in enumerate(block):
            ta = one.split()
            for other in block[i + 1 :]:
                tb = other.split()
                if len(ta) != len(tb) or min(len(ta[-1]), len(tb[-1])) < 5:
                    continue
                if ta[1:-1] != tb[1:-1]:
                    continue
                if fuzz.ratio(ta[-1], tb[-1]) >= 85 and fuzz.ratio(one, other) >= 90:
                    uf.union(one, other)
    # 4. partial names, longest first, each into the one full name that contains it
    index: dict[str, list[str]] = defaultdict(list)
    surnames: dict[str, list[str]] = defaultdict(list)  # a person's names after the first -> the person
    for k in multi:
        for tok in set(k.split()):
            index[tok].append(k)
    for k in people:
        for tok in set(k.split()[1:]):
            surnames[tok].append(k)
    for k in sorted(keys, key=lambda x: (-len(x.split()), x)):
        tokens = k.split()
        own = _majority(info[k].types)
        if own in ("place", "outlet") and len(tokens) == 1:
            continue
        if len(tokens) == 1 and (len(k) < 3 or k.isdigit()):
            continue
        roots: set[str] = set()
        rarest = min(tokens, key=lambda t: (len(index.get(t, ())), t))
        for whole in index.get(rarest, ()):
            wt = whole.split()
            if len(wt) <= len(tokens):
                continue
            pos = _contiguous(tokens, wt)
            if pos < 0:
                continue
            wtype = _majority(info[whole].types)
            if wtype == "person":
                if len(tokens) == 1 and pos == 0:
                    continue  # a given name alone is not a surname
                if own in ("place", "outlet"):
                    continue
            elif wtype in ("organization", "group", "outlet"):
                if pos != 0 or len(tokens) == 1:
                    continue  # only a leading run of two words or more: "Frente Campesino"
            else:
                continue
            roots.add(uf.find(whole))
        if len(tokens) >= 2 and own == "person":
            # "Maduro Moros": the surname of a full name followed by a second surname
            for whole in surnames.get(tokens[0], ()):
                wt = whole.split()
                if whole == k or wt[0] == tokens[0]:
                    continue
                at = wt.index(tokens[0])
                tail = wt[at:]
                if tokens[: len(tail)] == tail and len(tokens) > len(tail):
                    roots.add(uf.find(whole))
        if uf.find(k) in roots:
            continue  # already joined to one of them
        if len(roots) == 1:
            uf.union(k, next(iter(roots)))
    return uf


def _canonical(keys: Sequence[str], info: dict[str, _Key]) -> tuple[str, list[str]]:
    """Return the canonical name (most complete form) and every form, canonical first."""
    forms: Counter[str] = Counter()
    for k in keys:
        forms.update(info[k].forms)

    by_key: Counter[str] = Counter()
    for form, n in forms.items():
        by_key[name_key(form)] += n

    def rank(form: str) -> tuple[int, int, int, int, int, int, str]:
        key = name_key(form)
        accents = sum(1 for c in form if ord(c) > 127)
        article = 1 if fold(form).startswith(_LEADING) else 0
        shouting = 1 if form.isupper() and len(key) > 5 else 0
        return (-len(key.split()), -by_key[key], article, shouting, -forms[form], -accents, form)

    ordered = sorted(forms, key=rank)
    best = ordered[0]
    gaz = _gazetteer().get(fold(best)) or _gazetteer().get(fold(best).removeprefix("the "))
    if gaz:
        best = gaz
    return best, [best] + [f for f in ordered if f != best]


def _judgement_sets(
    judgements: Sequence[Judgement], info: dict[str, _Key], base: dict[str, list[str]]
) -> tuple[list[tuple[set[str], set[str]]], list[tuple[set[str], set[str]]]]:
    def refer(ref: str) -> set[str]:
        if ref.startswith("g_") and ref in base:
            return set(base[ref])
        key = name_key(ref)
        return {key} if key in info else set()

    merges: list[tuple[set[str], set[str]]] = []
    splits: list[tuple[set[str], set[str]]] = []
    for j in sorted(judgements, key=lambda j: (j.kind, j.a, j.b)):
        a, b = refer(j.a), refer(j.b)
        if not a or not b:
            continue
        if j.kind == "merge":
            merges.append((a, b))
        elif j.kind == "split":
            splits.append((a - b, b - a))
    return merges, splits


def _entities_from(uf: _Clusters, info: dict[str, _Key]) -> dict[str, list[str]]:
    """Return ``{global id: keys}`` for the clusters of ``uf``."""
    out: dict[str, list[str]] = {}
    for keys in uf.groups().values():
        gtype = _component_type(keys, info)
        name, _ = _canonical(keys, info)
        gid = make_id("g", gtype, fold(name))
        out.setdefault(gid, []).extend(keys)
    return out


def resolve_entities(
    documents: Sequence[dict[str, Any]], judgements: Sequence[Judgement] = ()
) -> tuple[list[GlobalEntity], dict[str, str]]:
    """Return the global entities of ``documents`` and ``{qualified entity id: global id}``."""
    info = _collect(documents)
    base = _entities_from(_cluster(info, [], []), info)
    clusters = base
    if judgements:
        # ids refer to clusters of the rules alone, or of a resolution with the judgements applied
        known = dict(base)
        for _ in range(2):
            merges, splits = _judgement_sets(judgements, info, known)
            clusters = _entities_from(_cluster(info, merges, splits), info)
            missing = {r for j in judgements for r in (j.a, j.b) if r.startswith("g_") and r not in known}
            if not missing & set(clusters):
                break
            known = {**clusters, **base}
    key_to_gid = {k: gid for gid, keys in clusters.items() for k in keys}

    dates = {d["document"]["id"]: iso_day(d["document"].get("published")) for d in documents}
    members: dict[str, str] = {}
    for doc in documents:
        doc_id = doc["document"]["id"]
        for ent in doc.get("entities") or []:
            key = name_key((ent.get("name") or "").strip())
            if key in key_to_gid:
                members[qualified(doc_id, ent["id"])] = key_to_gid[key]

    entities: dict[str, GlobalEntity] = {}
    for gid, keys in sorted(clusters.items()):
        name, aliases = _canonical(keys, info)
        entities[gid] = GlobalEntity(
            id=gid, name=name, type=_component_type(keys, info), aliases=aliases, members=[], documents=[]
        )
    for doc in documents:
        doc_id = doc["document"]["id"]
        local = {e["id"]: e for e in doc.get("entities") or []}
        for ent in doc.get("entities") or []:
            found_gid = members.get(qualified(doc_id, ent["id"]))
            if found_gid is None:
                continue
            g = entities[found_gid]
            g.members.append(qualified(doc_id, ent["id"]))
            if doc_id not in g.documents:
                g.documents.append(doc_id)
            for role in ent.get("roles") or []:
                of = role.get("of")
                of_gid = members.get(qualified(doc_id, of)) if of else None
                of_name = entities[of_gid].name if of_gid in entities else (
                    local[of]["name"] if of in local else None
                )
                g.roles.append(
                    RoleSpell(
                        title=(role.get("title") or "").lower(),
                        of=of_gid,
                        of_name=of_name,
                        modifiers=sorted(role.get("modifiers") or []),
                        document=doc_id,
                        date=dates.get(doc_id),
                        text=role.get("text") or "",
                    )
                )
            if ent.get("age") is not None:
                g.ages.append({"age": ent["age"], "document": doc_id, "date": dates.get(doc_id)})
    for g in entities.values():
        g.members.sort()
        g.documents.sort()
        g.roles.sort(key=lambda r: (r.date or "9999", r.document, r.title, r.text))
        g.ages.sort(key=lambda a: (a["date"] or "9999", a["document"], a["age"]))
    return sorted(entities.values(), key=lambda g: g.id), members


def roles_at(entity: GlobalEntity, when: str) -> list[RoleSpell]:
    """Return the roles of ``entity`` stated by documents published in the year or month ``when``."""
    return [r for r in entity.roles if r.date and r.date.startswith(when)]


def holders(entities: Sequence[GlobalEntity], title: str, when: str) -> list[GlobalEntity]:
    """Return the entities said to hold ``title`` (without a modifier such as former) at ``when``."""
    title = title.lower()
    return [
        g
        for g in entities
        if any(
            r.title == title and not r.modifiers and r.date and r.date.startswith(when) for r in g.roles
        )
    ]
