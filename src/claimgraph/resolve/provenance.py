"""Where each document's reporting comes from, and how many independent sources a story has.

Per document an :class:`Origin`:

- ``wire``: the publisher is a wire service (Reuters, AP, AFP, EFE, Bloomberg..., by the analysis'
  outlet gazetteer), or the text opens with a wire dateline ("VILLASERENA, March 14 (Reuters) -");
- ``credited``: most of its attributed claims go through one outlet (a chain publisher -> outlet,
  "according to Reuters", "told Reuters", "the agency said"); for documents analysed only partly
  (no claims: other languages) credits are found in the text ("según ... Reuters", "citadas por la
  agencia", "informó la agencia");
- ``copy``: a near-duplicate (MinHash) of an earlier document, without credit: it rests on that
  document's origin (a wire document preferred, then the earliest);
- ``original``: the outlet's own reporting.

Per story, the independent sources are the distinct origins the documents rest on: copies and
credited re-reports collapse into the outlet they rest on, one outlet's own reports count once, and
a document of its own reporting (``original``) counts as its own source. ``new_voice`` marks an
own-reporting origin that brings voices no other origin of the story has (a government denial).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from claimgraph.resolve.entities import canonical_outlet
from claimgraph.resolve.model import GlobalEntity, IndependentSource, Origin, qualified
from claimgraph.resolve.stories import DocFeatures, order_key
from claimgraph.resolve.text import fold, nested_claims

# Canonical gazetteer names (analyze/data/outlets.txt) of the outlets that are wire services.
WIRE_SERVICES = frozenset(
    {
        "Reuters", "Associated Press", "Agence France-Presse", "EFE", "Bloomberg", "Dow Jones",
        "Deutsche Presse-Agentur", "ANSA", "Kyodo", "Xinhua", "TASS", "RIA Novosti", "Interfax",
        "Anadolu Agency", "Europa Press", "Press Association", "United Press International", "Yonhap",
    }
)
_AGENCY_NAME = re.compile(
    r"\b(news agency|press agency|agencia|agence|agentur|newswire|wire service)\b", re.I
)
_GENERIC_AGENCY = re.compile(
    r"\b(the (news |wire )?agency|the wire( service)?|la agencia( de noticias)?|l'agence|the exclusive)\b",
    re.I,
)
_PRONOUNS = frozenset("he she him her it they them who which this that i we you".split())
_DATELINE = re.compile(r"^[^\n()]{0,80}?\((?P<name>[A-Z][\w .&'-]{0,40}?)\)\s*[-\u2013\u2014]", re.M)


def is_wire(name: str | None) -> bool:
    """Return whether ``name`` is a wire service (by the gazetteer, or "news agency" in its name)."""
    if not name:
        return False
    return canonical_outlet(name) in WIRE_SERVICES or bool(_AGENCY_NAME.search(name))


@cache
def _known_outlets() -> tuple[str, ...]:
    from claimgraph.analyze import lexicon

    return tuple(sorted(lexicon.groups("outlets.txt"), key=len, reverse=True))


def publisher_name(doc: dict[str, Any]) -> str | None:
    """Return the canonical name of the document's publisher, or None when unknown."""
    outlet = doc["document"].get("outlet")
    if not outlet:
        for s in doc.get("sources") or []:
            if s.get("kind") == "publisher" and s.get("text") and fold(s["text"]) != "the publisher":
                outlet = s["text"]
                break
    return canonical_outlet(outlet) if outlet else None


def _dateline(doc: dict[str, Any]) -> dict[str, Any] | None:
    text = doc["document"].get("text") or ""
    for m in _DATELINE.finditer(text[:600]):
        name = m.group("name").strip()
        if canonical_outlet(name) in WIRE_SERVICES or name in _known_outlets():
            return {"name": canonical_outlet(name), "text": m.group(0), "start": m.start(), "end": m.end()}
    return None


def _outlet_label(source: dict[str, Any], doc_id: str, members: dict[str, str], names: dict[str, str]) -> str:
    gid = members.get(qualified(doc_id, source["entity"])) if source.get("entity") else None
    if gid and gid in names:
        return canonical_outlet(names[gid])
    text = re.sub(r",.*$", "", source.get("text") or "").strip()
    return canonical_outlet(text)


def _claim_credits(
    doc: dict[str, Any], members: dict[str, str], names: dict[str, str], publisher: str | None
) -> tuple[Counter[str], int, int, list[dict[str, Any]]]:
    """Return (credits by outlet, generic agency credits, own-voice claims, evidence spans)."""
    doc_id = doc["document"]["id"]
    sources = {s["id"]: s for s in doc.get("sources") or []}
    claims = doc.get("claims") or []
    nested = nested_claims(claims)
    named = {
        _outlet_label(s, doc_id, members, names)
        for s in sources.values()
        if s.get("kind") == "outlet" and not _GENERIC_AGENCY.fullmatch((s.get("text") or "").strip())
    }
    named.discard(publisher or "")
    credits: Counter[str] = Counter()
    generic = own = 0
    evidence: list[dict[str, Any]] = []
    for c in claims:
        chain = [sources[s] for s in c.get("chain") or [] if s in sources]
        if len(chain) < 2 or c["id"] in nested or c.get("status") == "uncertain":
            continue
        outlet: str | None = None
        span: dict[str, Any] | None = None
        for s in reversed(chain[1:]):
            if s.get("kind") != "outlet":
                continue
            text = (s.get("text") or "").strip()
            if _GENERIC_AGENCY.fullmatch(text) or _GENERIC_AGENCY.match(text):
                outlet = outlet or ""
            else:
                outlet = _outlet_label(s, doc_id, members, names)
                if outlet == publisher:
                    outlet = None
                    continue
            span = {"text": s.get("text"), "start": s.get("start"), "end": s.get("end")}
            break
        if outlet is None:
            # the outlet named in the content, cue or a source of the chain: "according to Reuters"
            pieces = [c["content"]] + ([c["cue"]] if c.get("cue") else []) + [s for s in chain[1:]]
            for piece in pieces:
                text = piece.get("text") or ""
                hit = next((n for n in sorted(named) if re.search(rf"\b{re.escape(n)}\b", text)), None)
                if hit is None and _GENERIC_AGENCY.search(text):
                    hit = ""
                if hit is not None:
                    outlet, span = hit, {"text": text, "start": piece.get("start"), "end": piece.get("end")}
                    break
        if outlet is None:
            own += 1
        elif outlet == "":
            generic += 1
            if span:
                evidence.append(span)
        else:
            credits[outlet] += 1
            if span:
                evidence.append(span)
    return credits, generic, own, evidence


_ES_CUE = (
    r"según(?: informó| informaron| publicó| reveló)?(?: \w+){0,3}?|de acuerdo con|citad[oa]s? por|"
    r"informó|informaron|reveló|publicó|confirmó a|declaró a|dijo a|explicó a|"
    r"according to|citing|told|reported by|cited by|said|reported|revealed by"
)


_GENERIC_CREDIT = re.compile(
    r"\b(?:citad[oa]s? por|declaró a|confirmó a|dijo a|told|according to|said|informó) "
    r"(?:la agencia|the (?:news )?agency)\b",
    re.I,
)


@lru_cache(maxsize=256)
def _credit_pattern(names: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    agency = r"(?:(?:la|the) (?:news |wire )?(?:agencia|agency)(?: de noticias)? )?"
    return re.compile(
        rf"\b(?:{_ES_CUE})\s+(?:el |la |the )?{agency}(?P<a>{alt})\b|\b(?P<b>{alt})\s+"
        r"(?:reported|said|informó|reveló|publicó|dijo)\b",
        re.I,
    )


def _text_credits(
    doc: dict[str, Any], publisher: str | None
) -> tuple[Counter[str], int, list[dict[str, Any]]]:
    """Return (credits by outlet, generic agency credits, evidence) found in the text itself."""
    text = doc["document"].get("text") or ""
    names = set(_known_outlets())
    for e in doc.get("entities") or []:
        if e.get("type") == "outlet" and e.get("name"):
            names.add(e["name"])
    credits: Counter[str] = Counter()
    generic = 0
    evidence: list[dict[str, Any]] = []
    for m in _credit_pattern(frozenset(names)).finditer(text):
        name = m.group("a") or m.group("b")
        if canonical_outlet(name) == publisher:
            continue
        credits[canonical_outlet(name)] += 1
        evidence.append({"text": m.group(0), "start": m.start(), "end": m.end()})
    for m in _GENERIC_CREDIT.finditer(text):
        generic += 1
        evidence.append({"text": m.group(0), "start": m.start(), "end": m.end()})
    return credits, generic, evidence


def document_origins(
    documents: Sequence[dict[str, Any]],
    feats: dict[str, DocFeatures],
    duplicates: dict[tuple[str, str], float],
    members: dict[str, str],
    entities: Sequence[GlobalEntity],
) -> dict[str, Origin]:
    """Return ``{document id: Origin}``."""
    names = {g.id: g.name for g in entities}
    by_id = {d["document"]["id"]: d for d in documents}
    twins: dict[str, list[tuple[str, float]]] = {}
    for (a, b), sim in duplicates.items():
        twins.setdefault(a, []).append((b, sim))
        twins.setdefault(b, []).append((a, sim))
    origins: dict[str, Origin] = {}
    for doc_id in sorted(by_id, key=lambda i: order_key(feats[i])):
        doc = by_id[doc_id]
        publisher = publisher_name(doc)
        dateline = _dateline(doc)
        if publisher and is_wire(publisher):
            ev = [{k: dateline[k] for k in ("text", "start", "end")}] if dateline else []
            origins[doc_id] = Origin(doc_id, "wire", publisher, None, ev)
            continue
        if dateline and dateline["name"] != publisher:
            ev = [{k: dateline[k] for k in ("text", "start", "end")}]
            origins[doc_id] = Origin(doc_id, "wire", dateline["name"], None, ev)
            continue
        credits, generic, own, evidence = _claim_credits(doc, members, names, publisher)
        if sum(credits.values()) + generic < 2:
            t_credits, t_generic, t_evidence = _text_credits(doc, publisher)
            if sum(t_credits.values()) + t_generic > sum(credits.values()) + generic:
                credits, generic, evidence, own = t_credits, t_generic, t_evidence, 0
        if credits:
            top, count = min(credits.items(), key=lambda kv: (-kv[1], kv[0]))
            total = count + generic
            attributed = sum(credits.values()) + generic + own
            if total * 2 > attributed and (total >= 2 or own == 0):
                origins[doc_id] = Origin(doc_id, "credited", top, None, evidence[:8])
                continue
        # a near-duplicate of a document before it, with no credit: a copy
        earlier = [
            (j, sim)
            for j, sim in twins.get(doc_id, [])
            if j in origins and order_key(feats[j]) < order_key(feats[doc_id])
        ]
        if earlier:
            j, sim = min(
                earlier, key=lambda js: (origins[js[0]].kind != "wire", order_key(feats[js[0]]), -js[1])
            )
            base = origins[j]
            origins[doc_id] = Origin(doc_id, "copy", base.name, j, [{"similarity": sim, "document": j}])
            continue
        name = publisher or doc["document"].get("url") or doc_id
        origins[doc_id] = Origin(doc_id, "original", name, None, [])
    return origins


def origin_key(doc_id: str, origins: dict[str, Origin]) -> str:
    """Return what ``doc_id``'s reporting rests on: an outlet (folded name) or, unnamed, the document."""
    seen: set[str] = set()
    o = origins[doc_id]
    while o.kind == "copy" and o.via and o.via in origins and o.via not in seen:
        seen.add(o.via)
        o = origins[o.via]
    if o.kind == "original" and o.name == o.document:
        return "doc:" + o.document
    return "outlet:" + fold(o.name)


def voices(doc: dict[str, Any], members: dict[str, str], names: dict[str, str]) -> list[str]:
    """Return the innermost sources (voices) of a document's attributed claims, as names or text."""
    doc_id = doc["document"]["id"]
    sources = {s["id"]: s for s in doc.get("sources") or []}
    out: dict[str, None] = {}
    for c in doc.get("claims") or []:
        chain = c.get("chain") or []
        s = sources.get(c.get("source") or "")
        if len(chain) < 2 or s is None or s.get("kind") in ("publisher", "outlet", "unspecified"):
            continue
        gid = members.get(qualified(doc_id, s["entity"])) if s.get("entity") else None
        if gid and gid in names:
            out.setdefault(names[gid], None)
        elif fold(s.get("text") or "") not in _PRONOUNS and s.get("text"):
            out.setdefault(s["text"], None)
    return list(out)


def independent_sources(
    doc_ids: Sequence[str],
    origins: dict[str, Origin],
    doc_voices: dict[str, list[str]],
) -> list[IndependentSource]:
    """Return the independent sources of a story whose documents (in order) are ``doc_ids``."""
    groups: dict[str, list[str]] = {}
    for d in doc_ids:
        groups.setdefault(origin_key(d, origins), []).append(d)
    out: list[IndependentSource] = []
    for docs in groups.values():
        first = origins[docs[0]]
        name = first.name
        vs: dict[str, None] = {}
        for d in docs:
            for v in doc_voices.get(d, []):
                vs.setdefault(v, None)
        out.append(IndependentSource(name=name, kind=first.kind, documents=list(docs), voices=list(vs)))
    for i, src in enumerate(out):
        if i == 0 or src.kind != "original":
            continue
        others = {fold(v) for j, o in enumerate(out) if j != i for v in o.voices}
        src.new_voice = any(fold(v) not in others for v in src.voices)
    return out
