"""Invariants of the store under arbitrary input (Hypothesis): whatever a user types or a feed sends."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storefixtures import backend_fixture, golden_documents, store_factory_fixture, store_fixture  # noqa: F401  (fixtures)

from claimgraph.store import Store
from claimgraph.store.text import search_text, tokens

PATIENT = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# FTS5 and tsquery syntax, quotes, SQL, accents, controls: a query is words to the store, never syntax
QUERY_TEXT = st.text(
    alphabet=st.sampled_from(list('abcéñ AND OR NOT NEAR ( ) " * ^ : - + \' ; % _ \\ \t \n \u0301 ß 1 2')),
    max_size=30,
) | st.text(max_size=30)
# words of the stored articles, accented or cased at random and joined by anything: real matches
VOCABULARY = sorted({w for c in golden_documents().values() for w in tokens(c["document"]["text"])})
REAL_WORDS = st.lists(
    st.sampled_from(VOCABULARY).flatmap(lambda w: st.sampled_from([w, w.upper(), w.capitalize()])),
    min_size=1,
    max_size=3,
).flatmap(lambda ws: st.sampled_from([" ", ", ", " AND ", '" "', "-"]).map(lambda sep: sep.join(ws)))


@PATIENT
@given(query=QUERY_TEXT | REAL_WORDS)
def test_search_takes_any_text_and_finds_only_documents_holding_every_word(store: Store, query: str) -> None:
    if not store.count_documents():
        for contract in golden_documents().values():
            store.add_document(contract)
    hits = store.search(query, limit=50)  # more than the documents stored: every match comes back
    words = tokens(query)
    holding = set()
    for document in (c["document"] for c in golden_documents().values()):
        haystack = search_text(document.get("title")) + search_text(document["text"])
        if words and all(f" {w} " in haystack for w in words):
            holding.add(document["id"])
    assert {hit["document"] for hit in hits} == holding, query


METADATA = st.text(max_size=60).filter(lambda s: "\x00" not in s)


@PATIENT
@given(outlet=METADATA, title=METADATA, author=METADATA)
def test_any_metadata_is_stored_and_given_back_as_it_was(store: Store, outlet: str, title: str, author: str) -> None:
    contract = copy.deepcopy(golden_documents()["port-01-ap"])
    contract["document"].update(outlet=outlet, title=title, author=author)
    contract["document"]["id"] = "d_" + format(abs(hash((outlet, title, author))), "016x")[:16]
    assert store.add_document(contract) in ("added", "unchanged")
    assert store.document(contract["document"]["id"]) == contract
