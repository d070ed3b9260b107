"""Properties of resolve_corpus: order independence and idempotent judgements."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.resolve import Judgement, resolve_corpus
from claimgraph.resolve.entities import name_key

GOLDEN = sorted((Path(__file__).resolve().parent / "golden").glob("*.json"))
DOCS = [json.loads(p.read_text("utf-8")) for p in GOLDEN]
NAMES = sorted({e["name"] for d in DOCS for e in d["entities"]})


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(DOCS))), st.data())
def test_resolution_does_not_depend_on_document_order(order, data):
    subset = data.draw(st.sets(st.sampled_from(range(len(DOCS))), min_size=1))
    chosen = [i for i in order if i in subset]
    one = resolve_corpus([DOCS[i] for i in sorted(chosen)]).to_dict()
    two = resolve_corpus([DOCS[i] for i in chosen] + [DOCS[chosen[0]]]).to_dict()  # shuffled, one twice
    assert json.dumps(one, sort_keys=True) == json.dumps(two, sort_keys=True)


judgements = st.lists(
    st.builds(Judgement, st.sampled_from(["merge", "split"]), st.sampled_from(NAMES), st.sampled_from(NAMES)),
    max_size=4,
)


@settings(max_examples=15, deadline=None)
@given(judgements, st.randoms(use_true_random=False))
def test_judgements_are_idempotent_and_order_free(js, rnd):
    docs = DOCS[:6]
    once = resolve_corpus(docs, js)
    shuffled = list(js)
    rnd.shuffle(shuffled)
    twice = resolve_corpus(docs, shuffled + shuffled)
    assert once.to_dict() == twice.to_dict()
    members = once.members
    for j in js:
        pairs = [
            (a, b)
            for a in (k for d in docs for e in d["entities"] if e["name"] == j.a for k in [f"{d['document']['id']}/{e['id']}"])
            for b in (k for d in docs for e in d["entities"] if e["name"] == j.b for k in [f"{d['document']['id']}/{e['id']}"])
        ]
        if j.kind == "split" and name_key(j.a) != name_key(j.b) and not any(o.kind == "merge" for o in js):
            assert all(members[a] != members[b] for a, b in pairs)
