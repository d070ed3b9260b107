"""End-to-end checks on the motivating article (skipped when ../shared is not beside the repo)."""

from __future__ import annotations

import pytest

from claimgraph import contract
from claimgraph.ingest import Document, read_inputs


@pytest.fixture(scope="module")
def seed(analyzer, seed_article):
    [doc] = [d for d in read_inputs([str(seed_article)]) if isinstance(d, Document)]
    doc = doc.with_overrides(published="2026-01-17", outlet="CiberCuba")
    [out] = list(analyzer.analyze([doc]))
    return out


def claim_with(out, words):
    found = [c for c in out["claims"] if words in c["content"]["text"]]
    assert found, f"no claim contains {words!r}"
    return found[0]


def chain(out, claim):
    sources = {s["id"]: s for s in out["sources"]}
    return [(sources[s]["kind"], sources[s]["text"], sources[s]["count"]) for s in claim["chain"]]


def test_seed_output_is_valid_and_offsets_slice_the_text(seed):
    assert contract.problems(seed) == []


def test_seed_no_claim_comes_from_boilerplate(seed):
    for c in seed["claims"]:
        for junk in ("Related videos", "Filed under", "Photo ©", "Editorial Team", "A team of journalists"):
            assert junk not in c["content"]["text"]


def test_seed_reuters_report_chain_runs_to_the_anonymous_sources(seed):
    claim = claim_with(seed, "Both parties have continued to communicate")
    assert [k for k, _, _ in chain(seed, claim)] == ["publisher", "outlet", "anonymous"]
    assert chain(seed, claim)[1][1] == "Reuters"


def test_seed_four_sources_are_counted(seed):
    claim = claim_with(seed, "reportedly demanded")
    assert chain(seed, claim)[-1][0::2] == ("anonymous", 4)
    assert claim["status"] == "hedged"


def test_seed_reportative_conditionals_are_hedged(seed):
    assert claim_with(seed, "Communications would have started")["status"] == "hedged"
    assert claim_with(seed, "would also have addressed")["status"] == "hedged"


def test_seed_open_question_is_uncertain(seed):
    assert claim_with(seed, "it is not clear whether he has complied")["status"] == "uncertain"


def test_seed_quoted_words_are_trumps(seed):
    claim = claim_with(seed, '"controlled, stable, and effective"')
    source = next(s for s in seed["sources"] if s["id"] == claim["source"])
    names = {e["id"]: e["name"] for e in seed["entities"]}
    assert source["kind"] == "person"
    assert names[source["entity"]] == "Donald Trump"


def test_seed_the_report_the_claims_rest_on_is_no_claim_of_its_own(seed):
    """"according to a report on Saturday by Reuters": the report is Reuters', not a claim."""
    assert not [c for c in seed["claims"] if c["cue"] and c["cue"]["text"] == "report"]
