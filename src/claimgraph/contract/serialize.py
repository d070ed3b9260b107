"""Turn an analysed spaCy Doc into a claimgraph/1 document (plain JSON-ready data)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from claimgraph.analyze.spans import doc_text
from claimgraph.contract import SCHEMA_VERSION
from claimgraph.ids import document_id
from claimgraph.model import to_dict

VERSION = "0.1.0"


def to_contract(
    doc: Doc,
    *,
    components: Sequence[str] = (),
    model: str | None = None,
    partial: bool = False,
    removed: Sequence[dict[str, str]] = (),
) -> dict[str, Any]:
    """Return the claimgraph/1 document for ``doc`` (its text is ``document.text``)."""
    meta = doc._.cg_document
    sources, claims = doc._.cg_attribution or ([], [])
    events = doc._.cg_events or []
    added, relations = doc._.cg_relations or ([], [])
    entities = sorted([*(doc._.cg_entities or []), *added], key=lambda e: e.mentions[0].start)
    first_event: dict[str, str] = {}
    for ev in events:
        if ev.claim is not None:
            first_event.setdefault(ev.claim, ev.id)
    claim_dicts = []
    for c in claims:
        item = to_dict(c)
        item["event"] = first_event.get(c.id)
        claim_dicts.append(item)
    return {
        "schema": SCHEMA_VERSION,
        "analysis": {
            "version": VERSION,
            "model": model,
            "components": list(components),
            "partial": partial,
            "removed": list(removed),
        },
        "document": {
            "id": document_id(meta.url if meta else None, doc_text(doc)),
            "url": meta.url if meta else None,
            "outlet": meta.outlet if meta else None,
            "published": meta.published if meta else None,
            "title": meta.title if meta else None,
            "language": meta.language if meta else None,
            "author": meta.author if meta else None,
            "text": doc_text(doc),
        },
        "entities": [to_dict(e) for e in entities],
        "sources": [to_dict(s) for s in sources],
        "claims": claim_dicts,
        "events": [to_dict(e) for e in events],
        "relations": [to_dict(r) for r in relations],
        "times": [to_dict(t) for t in doc._.cg_times or []],
    }
