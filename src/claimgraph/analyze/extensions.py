"""Register the Doc extensions through which claimgraph components hand on their findings.

Each component writes exactly one of these; later components and the exporter read them.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: name -> what it holds
EXTENSIONS: dict[str, str] = {
    "cg_document": "the claimgraph.ingest.Document the Doc was made from (set before the pipeline)",
    "cg_entities": "list[model.Entity], written by claimgraph_entities",
    "cg_times": "list[model.Time], written by claimgraph_time",
    "cg_attribution": "tuple[list[model.Source], list[model.Claim]], written by claimgraph_attribution",
    "cg_events": "list[model.Event], written by claimgraph_events",
    "cg_relations": "tuple[list[model.Entity], list[model.Relation]], written by claimgraph_relations: "
    "the entities it adds for relation objects that are not named entities, and the relations",
}


def register_extensions() -> None:
    """Register every claimgraph Doc extension once (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
