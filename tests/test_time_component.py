"""Tests of the time component on blank-model Docs with hand-set entities, and one on the model."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from claimgraph.analyze import factories  # noqa: F401  (registers claimgraph_time)
from claimgraph.analyze.time import TimeTagger
from claimgraph.ingest.document import Document

NLP = spacy.blank("en")
TAGGER = TimeTagger(NLP)


def make(text: str, dates: tuple[str, ...] = (), published: str | None = "2026-01-17") -> Doc:
    """Return a blank-model Doc of ``text`` with each of ``dates`` marked as a DATE entity."""
    doc = NLP.make_doc(text)
    ents = []
    for phrase in dates:
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label="DATE")
        assert span is not None, phrase
        ents.append(span)
    doc.ents = ents
    doc._.cg_document = Document(text=text, origin="test", published=published)
    return doc


def found(doc: Doc) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in TAGGER.find(doc)]


def test_time_component_seed_sentence() -> None:
    text = (
        "Both parties have continued to communicate, according to a report on Saturday by "
        "Reuters. Talks intensified in the weeks before the operation on January 3rd, after "
        "the invasion of Iraq in 2003. Trump spoke with her this week."
    )
    doc = make(text, ("Saturday", "January 3rd", "in 2003", "this week"))
    assert found(doc) == [
        ("Saturday", "2026-01-17"),
        ("January 3rd", "2026-01-03"),
        ("2003", "2003"),
        ("this week", "2026-W03"),
    ]


def test_time_component_trims_prepositions_and_possessives() -> None:
    doc = make(
        "Sales fell in the third quarter, since last month's strike.",
        ("in the third quarter", "since last month's"),
    )
    assert [t.text for t in TAGGER.find(doc)] == ["the third quarter", "last month"]


def test_time_component_finds_what_the_model_misses() -> None:
    doc = make("Now the ministry meets daily; it said so recently, and Christmas is near.")
    assert found(doc) == [
        ("Now", "PRESENT_REF"),
        ("daily", "P1D"),
        ("recently", "PAST_REF"),
        ("Christmas", "2025-12-25"),
    ]


def test_time_component_joins_a_weekday_and_its_time() -> None:
    doc = NLP.make_doc("The deadline was extended to 9 a.m. Tuesday by the court.")
    doc.ents = [Span(doc, 5, 7, label="TIME"), Span(doc, 7, 8, label="DATE")]
    doc._.cg_document = Document(text=doc.text, origin="test", published="2026-01-17")
    assert found(doc) == [("9 a.m. Tuesday", "2026-01-20T09:00")]


def test_time_component_splits_what_the_model_joins() -> None:
    doc = make(
        "Talks lasted more than four hours Friday, in 1994 and 1997.",
        ("more than four hours Friday", "1994 and 1997"),
    )
    assert found(doc) == [
        ("more than four hours", "PT4H"),
        ("Friday", "2026-01-16"),
        ("1994", "1994"),
        ("1997", "1997"),
    ]


def test_time_component_keeps_a_marked_range_whole() -> None:
    doc = make("Prices rose between May and July 2025.", ("May and July 2025",))
    [time] = TAGGER.find(doc)
    assert (time.text, time.value, time.type) == ("between May and July 2025", "2025-05/2025-07", "range")


def test_time_component_drops_ages_and_numbers() -> None:
    doc = make("A 6-year-old boy and 52 others were rescued.", ("6-year-old", "52"))
    assert TAGGER.find(doc) == []


def test_time_component_without_publication_date_leaves_relative_unresolved() -> None:
    doc = make("On Saturday, in 2003.", ("Saturday", "2003"), published=None)
    times = TAGGER.find(doc)
    assert [(t.value, t.type) for t in times] == [(None, "unresolved"), ("2003", "exact")]
    assert times[0].anchor is None


def test_time_component_records_anchor_and_reason() -> None:
    [time] = TAGGER.find(make("It happened yesterday.", ("yesterday",)))
    assert (time.anchor, time.granularity, time.timex_type) == ("2026-01-17", "day", "DATE")
    assert time.reason and "publication" in time.reason
    assert (
        time.id.startswith("t_")
        and time.id == TAGGER.find(make("It happened yesterday.", ("yesterday",)))[0].id
    )


def test_time_component_find_is_pure_and_call_writes() -> None:
    doc = make("It rained yesterday.", ("yesterday",))
    times = TAGGER.find(doc)
    assert doc._.cg_times is None
    assert TAGGER(doc) is doc and doc._.cg_times == times


def test_time_component_factory_registered() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("claimgraph_time")
    doc = nlp.make_doc("We meet now.")
    doc._.cg_document = Document(text=doc.text, origin="test", published="2026-01-17")
    assert [(t.text, t.value) for t in nlp(doc)._.cg_times] == [("now", "PRESENT_REF")]


WORDS = [
    "now",
    "Friday",
    "recently",
    "the",
    "week",
    "last",
    "in",
    "2003",
    "daily",
    "Christmas",
    "between",
    "and",
    "May",
    "July",
    "ago",
    "two",
    "years",
    ",",
    ".",
    "\n",
    "'s",
    "é",
    "—",
]


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS) | st.text(max_size=5), max_size=25),
    marks=st.lists(st.tuples(st.integers(0, 30), st.integers(1, 4)), max_size=4),
    published=st.sampled_from([None, "2026-01-17", "2026-01-17T10:00:00Z", "not a date", ""]),
)
def test_time_component_offsets_slice_the_text(
    words: list[str], marks: list[tuple[int, int]], published: str | None
) -> None:
    doc = NLP.make_doc(" ".join(words))
    ents, taken = [], set()
    for start, length in marks:  # hand-set DATE entities wherever they fit, not overlapping
        end = min(start + length, len(doc))
        if start < end and not taken & set(range(start, end)):
            ents.append(Span(doc, start, end, label="DATE"))
            taken |= set(range(start, end))
    doc.ents = ents
    doc._.cg_document = Document(text=doc.text, origin="test", published=published)
    for time in TAGGER.find(doc):
        assert doc.text[time.start : time.end] == time.text and time.text.strip()


@pytest.mark.model
def test_time_component_seed_article_end_to_end(seed_article: Path) -> None:
    from claimgraph.analyze.pipeline import load_pipeline

    nlp = load_pipeline(components=("claimgraph_time",))
    text = seed_article.read_text(encoding="utf-8")
    doc = nlp.make_doc(text)
    doc._.cg_document = Document(text=text, origin="seed", published="2026-01-17")
    times = {t.text: t for t in nlp(doc)._.cg_times}
    assert times["Saturday"].value == "2026-01-17"
    assert times["this week"].value == "2026-W03"
    assert times["January 3rd"].value == "2026-01-03"
    assert times["2003"].value == "2003"
    before = times["months prior to the U.S. operation"]
    assert (before.value, before.type) == (None, "approximate")
    early = times["the early days of the Trump Administration"]
    assert (early.value, early.type) == (None, "approximate")
