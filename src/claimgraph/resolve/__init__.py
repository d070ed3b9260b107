"""The cross-document layer: entities, stories, origins and independent sources of a corpus.

``resolve_corpus(documents, judgements)`` is a pure function of claimgraph/1 documents (dicts) and
users' judgements; the same inputs, in any order, give the same :class:`Resolution`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimgraph.ids import make_id
from claimgraph.resolve.claims import cluster, collect
from claimgraph.resolve.entities import resolve_entities
from claimgraph.resolve.model import (
    ClaimCluster,
    Conflict,
    GlobalEntity,
    IndependentSource,
    Judgement,
    Origin,
    Resolution,
    RoleSpell,
    Story,
    qualified,
)
from claimgraph.resolve.provenance import document_origins, independent_sources, origin_key, voices
from claimgraph.resolve.stories import features, group, near_duplicates

__all__ = [
    "ClaimCluster",
    "Conflict",
    "GlobalEntity",
    "IndependentSource",
    "Judgement",
    "Origin",
    "Resolution",
    "RoleSpell",
    "Story",
    "qualified",
    "resolve_corpus",
]


def _canonical_order(documents: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the documents sorted by id, one per id (the same whatever the input order)."""
    import json

    by_id: dict[str, tuple[str, dict[str, Any]]] = {}
    for doc in documents:
        doc_id = doc["document"]["id"]
        dump = json.dumps(doc, sort_keys=True, ensure_ascii=False)
        if doc_id not in by_id or dump < by_id[doc_id][0]:
            by_id[doc_id] = (dump, doc)
    return [by_id[i][1] for i in sorted(by_id)]


def resolve_corpus(documents: Sequence[dict[str, Any]], judgements: Sequence[Judgement] = ()) -> Resolution:
    """Resolve a corpus of claimgraph/1 documents: global entities, stories, origins, conflicts."""
    docs = _canonical_order(documents)
    if not docs:
        return Resolution(entities=[], stories=[], origins=[], members={})
    entities, members = resolve_entities(docs, judgements)
    names = {g.id: g.name for g in entities}
    feats = features(docs, members, entities)
    duplicates = near_duplicates(feats)
    origins = document_origins(docs, feats, duplicates, members, entities)
    by_id = {d["document"]["id"]: d for d in docs}
    doc_voices = {i: voices(d, members, names) for i, d in by_id.items()}
    publication = {i: d["document"].get("published") for i, d in by_id.items()}

    stories: list[Story] = []
    for ids, evidence in group(feats, duplicates, names):
        story_id = make_id("st", ids[0])
        # a credited re-report points at the story's document of the outlet it credits
        for d in ids:
            o = origins[d]
            if o.kind == "credited" and o.via is None:
                rests_on = (x for x in ids if x != d and origins[x].kind in ("wire", "original"))
                o.via = next((x for x in rests_on if origins[x].name == o.name), None)
        sources = independent_sources(ids, origins, doc_voices)
        origin_of = {d: origin_key(d, origins) for d in ids}
        items = collect([by_id[d] for d in ids], {d: publication[d] for d in ids})
        clusters, conflicts = cluster(story_id, items, origin_of)
        dated = [publication[d] for d in ids if publication[d]]
        f0 = feats[ids[0]]
        stories.append(
            Story(
                id=story_id,
                title=f0.title,
                documents=list(ids),
                first_reported=dated[0] if dated else None,
                reports=len(ids),
                independent_sources=len(sources),
                origins=sources,
                conflicts=conflicts,
                clusters=clusters,
                evidence=evidence,
            )
        )
    return Resolution(
        entities=entities,
        stories=stories,
        origins=[origins[i] for i in sorted(origins)],
        members=dict(sorted(members.items())),
    )
