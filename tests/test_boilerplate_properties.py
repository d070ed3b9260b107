"""Property tests: clean_text never raises, only drops lines, and is stable under a second run."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.analyze.boilerplate import boilerplate_lines, clean_text

#: lines that look like boilerplate, mixed with prose, so the rules actually fire
BOILERPLATE = [
    "Advertisement",
    "Share this article",
    "Related videos:",
    "Filed under:",
    "Tags: ports, strikes",
    "Sign up for our newsletter",
    "Photo © Lena Brandt / PortNews",
    "Photo: AP",
    "Tweet",
    "Copy link",
    "Harbour Times Editorial Team",
    "Jonas Lind",
    "About the author: Jonas Lind covers labour.",
    "A team of journalists committed to covering the coast.",
    "Comments (3)",
    "© 2026 PortNews",
    "Jonas Lind is a reporter covering labour for PortNews.",
    "Most read",
    "Read more:",
]
PROSE = [
    "The union said the strike was over.",
    '"We won," Soler told reporters.',
    "Ports, Labour",
    "Cargo handling resumes on Monday, officials said.",
    "The deal raises wages by 12 percent.",
    "Short headline",
    "",
]
lines = st.lists(
    st.one_of(st.sampled_from(BOILERPLATE), st.sampled_from(PROSE), st.text(max_size=40)),
    max_size=25,
)
texts = st.one_of(st.text(max_size=400), lines.map("\n".join), lines.map("\n\n".join))


def stripped_lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def is_subsequence(small: list[str], big: list[str]) -> bool:
    rest = iter(big)
    return all(any(item == other for other in rest) for item in small)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_boilerplate_properties_output_lines_are_a_subsequence_of_the_input(text):
    cleaned = clean_text(text)
    assert is_subsequence(stripped_lines(cleaned), stripped_lines(text))
    assert cleaned == cleaned.strip("\n") and "\n\n\n" not in cleaned
    assert all(line == line.rstrip() for line in cleaned.split("\n"))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_boilerplate_properties_removed_spans_slice_the_text_in_order(text):
    spans = boilerplate_lines(text)
    assert spans == sorted(spans)
    for start, end, reason in spans:
        assert 0 <= start < end <= len(text) and reason
        assert "\n" not in text[start:end] and text[start:end] == text[start:end].strip()
    kept = len(stripped_lines(text)) - len(spans)
    assert len(stripped_lines(clean_text(text))) == kept


@settings(max_examples=300, deadline=None)
@given(texts)
def test_boilerplate_properties_cleaning_twice_changes_nothing(text):
    once = clean_text(text)
    assert clean_text(once) == once
