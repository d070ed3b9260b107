"""Pronoun resolution on the real model: text that once crashed the pipeline."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

# "The Candidate" is tagged an organisation whose head is a title word; it was the most salient
# entity when "he" came, and the resolver looked it up among the people (a KeyError that spaCy
# reports as "Component 'claimgraph_entities' could not be run").
CANDIDATE = (
    "Ted Cruz was born in Calgary.\n\n"
    "“The Candidate is a natural born citizen by virtue of being born in Canada to his mother who was "
    "a U.S. citizen at the time of his birth,” the board said, reasoning that Cruz met the criteria "
    "because he “did not have to take any steps.”"
)


def test_a_pronoun_never_resolves_to_a_salient_organisation(analyzer) -> None:
    doc = analyzer.nlp(CANDIDATE)
    mentions = {(m.start, m.end): e.name for e in doc._.cg_entities for m in e.mentions}
    he = CANDIDATE.rindex(" he ") + 1
    his = CANDIDATE.index(" his ") + 1
    assert mentions[(he, he + 2)] == "Ted Cruz"
    assert mentions[(his, his + 3)] == "Ted Cruz"
