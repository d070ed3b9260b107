"""Invariants of the whole analysis on any text: valid claimgraph/1, offsets slice the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph import contract
from claimgraph.ingest import Document

WORDS = st.sampled_from(
    [
        "Reuters",
        "said",
        "according",
        "to",
        "two",
        "officials",
        "the",
        "minister",
        "denied",
        "that",
        "talks",
        "would",
        "have",
        "started",
        "on",
        "Monday",
        "reportedly",
        "\u201c",
        "\u201d",
        '"',
        ",",
        ".",
        ":",
        "\n\n",
        "It",
        "is",
        "not",
        "clear",
        "whether",
        "Ana",
        "Ruiz",
        "told",
        "AP",
        "last",
        "week",
        "Jos\u00e9",
        "P\u00e9rez",
        "citing",
        "sources",
        "familiar",
        "with",
        "matter",
        "2026",
        "\u2014",
        "he",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(WORDS, min_size=1, max_size=60), published=st.sampled_from([None, "2026-01-17"]))
def test_pipeline_any_text_gives_valid_output(analyzer, words, published):
    text = " ".join(words)
    [out] = list(analyzer.analyze([Document(text=text, origin="prop", published=published, language="en")]))
    if isinstance(out, dict):
        assert contract.problems(out) == []
    else:  # nothing left after cleaning: a rejection with a reason, never an exception
        assert out.reason


def test_pipeline_headlines_and_captions_stand_alone(analyzer):
    text = "Talks resume in Lisbon\n\nThe minister said the talks had resumed."
    [out] = list(analyzer.analyze([Document(text=text, origin="t", language="en")]))
    contents = [c["content"]["text"] for c in out["claims"]]
    assert "Talks resume in Lisbon" in contents
    assert all("\n" not in c for c in contents)
