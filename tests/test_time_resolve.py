"""Tests of TIMEX3 resolution (claimgraph.analyze.timex): a table of expressions, no model needed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.analyze.timex import normalise, parse_value, resolve

#: the seed article's publication date, a Saturday
SAT = dt.date(2026, 1, 17)

# text, tense, value, granularity, type
ANCHORED = [
    # the seed article
    ("on Saturday", "past", "2026-01-17", "day", "exact"),
    ("this week", None, "2026-W03", "week", "exact"),
    ("January 3rd", "past", "2026-01-03", "day", "exact"),
    ("in 2003", "past", "2003", "year", "exact"),
    ("months before the operation", "past", None, "month", "approximate"),
    ("months prior to the U.S. operation", "past", None, "month", "approximate"),
    ("the early days of the Trump administration", "past", None, None, "approximate"),
    ("the weeks leading up to the operation", "past", None, "week", "approximate"),
    # weekdays by tense: past takes the latest on or before publication, future the next
    ("Friday", "past", "2026-01-16", "day", "exact"),
    ("Saturday", "future", "2026-01-17", "day", "exact"),
    ("Monday", "future", "2026-01-19", "day", "exact"),
    ("Tuesday", None, "2026-01-20", "day", "exact"),
    ("Wednesday", None, "2026-01-14", "day", "exact"),
    ("last Friday", None, "2026-01-16", "day", "exact"),
    ("next Saturday", None, "2026-01-24", "day", "exact"),
    ("Friday night", "past", "2026-01-16TNI", "time", "exact"),
    ("10:30 a.m. Tuesday", "past", "2026-01-13T10:30", "time", "exact"),
    ("5 p.m. EST, Jan. 20", None, "2026-01-20T17:00", "time", "exact"),
    ("noon", None, "2026-01-17T12:00", "time", "exact"),
    # days, weeks, months, quarters, years relative to publication
    ("today", None, "2026-01-17", "day", "exact"),
    ("yesterday", None, "2026-01-16", "day", "exact"),
    ("tomorrow morning", None, "2026-01-18TMO", "time", "exact"),
    ("last night", None, "2026-01-16TNI", "time", "exact"),
    ("last week", None, "2026-W02", "week", "exact"),
    ("next week", None, "2026-W04", "week", "exact"),
    ("this month", None, "2026-01", "month", "exact"),
    ("last month", None, "2025-12", "month", "exact"),
    ("next month", None, "2026-02", "month", "exact"),
    ("this year", None, "2026", "year", "exact"),
    ("last year", None, "2025", "year", "exact"),
    ("three years ago", None, "2023", "year", "exact"),
    ("two weeks ago", None, "2026-W01", "week", "exact"),
    ("a decade ago", None, "2016", "year", "exact"),
    ("about two years ago", None, "2024", "year", "approximate"),
    ("earlier this month", None, "2026-01", "month", "approximate"),
    ("the end of the year", None, "2026", "year", "approximate"),
    # dates without a year: the occurrence the tense points to, or the nearest
    ("December 25", "past", "2025-12-25", "day", "exact"),
    ("Feb. 2", "future", "2026-02-02", "day", "exact"),
    ("early March", None, "2026-03", "month", "approximate"),
    ("last October", None, "2025-10", "month", "exact"),
    ("Christmas", "past", "2025-12-25", "day", "exact"),
    ("Thanksgiving Day 2024", None, "2024-11-28", "day", "exact"),
    ("Easter 2024", None, "2024-03-31", "day", "exact"),
    # absolute dates and periods
    ("March 5, 1946", None, "1946-03-05", "day", "exact"),
    ("2026-01-03", None, "2026-01-03", "day", "exact"),
    ("July 1997", None, "1997-07", "month", "exact"),
    ("nineteen ninety-six", None, "1996", "year", "exact"),
    ("the first quarter of 2026", None, "2026-Q1", "quarter", "exact"),
    ("Q3 2025", None, "2025-Q3", "quarter", "exact"),
    ("the third quarter", "past", "2025-Q3", "quarter", "exact"),
    ("the current quarter", None, "2026-Q1", "quarter", "exact"),
    ("the first half of 1990", None, "1990-H1", "half", "exact"),
    ("last summer", None, "2025-SU", "season", "exact"),
    ("the winter of 1994", None, "1994-WI", "season", "exact"),
    ("the 1990s", None, "199X", "decade", "exact"),
    ("the mid-1990s", None, "199X", "decade", "approximate"),
    ("the '80s", None, "198X", "decade", "exact"),
    ("the 20th century", None, "19", "century", "exact"),
    ("between May and July 2025", None, "2025-05/2025-07", "month", "range"),
    # references to the present, past and future
    ("now", None, "PRESENT_REF", None, "approximate"),
    ("currently", None, "PRESENT_REF", None, "approximate"),
    ("recently", None, "PAST_REF", None, "approximate"),
    ("the future", None, "FUTURE_REF", None, "approximate"),
    ("several years ago", None, "PAST_REF", None, "approximate"),
    # durations and sets
    ("for three months", None, "P3M", "duration", "exact"),
    ("two years", None, "P2Y", "duration", "exact"),
    ("five hours", None, "PT5H", "duration", "exact"),
    ("a five-hour meeting", None, None, None, "unresolved"),
    ("5 1/2 hours", None, "PT5H30M", "duration", "exact"),
    ("a minute and a half", None, "PT1M30S", "duration", "exact"),
    ("half an hour", None, "PT30M", "duration", "exact"),
    ("the past two decades", None, "P20Y", "duration", "exact"),
    ("at least 20 more years", None, "P20Y", "duration", "approximate"),
    ("recent weeks", None, "PXW", "duration", "approximate"),
    ("three days later", None, "P3D", "duration", "exact"),
    ("daily", None, "P1D", "duration", "exact"),
    ("every Thursday", None, "XXXX-WXX-4", "day", "exact"),
]


@pytest.mark.parametrize(("text", "tense", "value", "granularity", "kind"), ANCHORED)
def test_time_resolve_anchored(
    text: str, tense: str | None, value: str | None, granularity: str | None, kind: str
) -> None:
    found = resolve(text, SAT, tense)
    assert (found.value, found.granularity, found.type) == (value, granularity, kind), found.reason


@pytest.mark.parametrize(
    ("text", "timex_type"),
    [
        ("10:30 a.m.", "TIME"),
        ("Friday night", "TIME"),
        ("three months", "DURATION"),
        ("weekly", "SET"),
        ("March 2026", "DATE"),
        ("now", "DATE"),
    ],
)
def test_time_resolve_timex_type(text: str, timex_type: str) -> None:
    assert resolve(text, SAT).timex_type == timex_type


@pytest.mark.parametrize(
    ("text", "mod"),
    [
        ("early March", "START"),
        ("late last week", "END"),
        ("mid-1990s", "MID"),
        ("about five hours", "APPROX"),
        ("more than four years", "MORE_THAN"),
        ("nearly two years", "LESS_THAN"),
        ("at least 30 days", "EQUAL_OR_MORE"),
        ("a week or so ago", "APPROX"),
        ("March 3", None),
    ],
)
def test_time_resolve_mod(text: str, mod: str | None) -> None:
    assert resolve(text, SAT).mod == mod


@pytest.mark.parametrize(
    "text",
    [
        "yesterday",
        "last week",
        "Saturday",
        "January 3rd",
        "three years ago",
        "this week",
        "next month",
        "the third quarter",
        "10:30 a.m.",
        "Christmas",
        "last summer",
        "tonight",
    ],
)
def test_time_resolve_unanchored_relative_stays_unresolved(text: str) -> None:
    found = resolve(text, None, "past")
    assert found.value is None and found.type == "unresolved"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2003", "2003"),
        ("March 5, 1946", "1946-03-05"),
        ("three months", "P3M"),
        ("the 1990s", "199X"),
        ("Q1 2026", "2026-Q1"),
        ("now", "PRESENT_REF"),
    ],
)
def test_time_resolve_unanchored_absolute_keeps_value(text: str, value: str) -> None:
    assert resolve(text, None).value == value


@pytest.mark.parametrize(
    ("text", "previous", "value"),
    [
        ("that day", ["2026-01-03"], "2026-01-03"),
        ("the next day", ["2026-01-03"], "2026-01-04"),
        ("later that year", ["2003-03-20"], "2003"),
        ("a year earlier", ["2025-Q3"], "2024-Q3"),
        ("the year-ago quarter", ["2025-Q3"], "2024-Q3"),
        ("the previous Friday", ["2026-01-16"], "2026-01-09"),
        ("that day", [], None),
    ],
)
def test_time_resolve_anaphora_uses_earlier_values(text: str, previous: list[str], value: str | None) -> None:
    assert resolve(text, SAT, None, previous).value == value


def test_time_resolve_reads_nothing_without_a_time() -> None:
    found = resolve("the operation", SAT)
    assert (found.value, found.type) == (None, "unresolved")


def test_time_normalise_writes_numbers_and_names() -> None:
    assert normalise("Aug. 7, nineteen ninety-six") == "august 7 1996"
    assert normalise("a few years") == "x years"
    assert normalise("twenty-four hours") == "24 hours"


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("2026-01-17", ("day", dt.date(2026, 1, 17))),
        ("2026-W03", ("week", dt.date(2026, 1, 12))),
        ("2026-Q2", ("quarter", dt.date(2026, 4, 1))),
        ("2026", ("year", dt.date(2026, 1, 1))),
        ("2026-01-13T10:30", ("day", dt.date(2026, 1, 13))),
        ("P3M", None),
        ("PRESENT_REF", None),
    ],
)
def test_time_parse_value(value: str, parsed: tuple[str, dt.date] | None) -> None:
    assert parse_value(value) == parsed


TIME_WORDS = [
    "the",
    "last",
    "next",
    "early",
    "about",
    "ago",
    "before",
    "after",
    "between",
    "and",
    "to",
    "of",
    "a",
    "few",
    "three",
    "twenty",
    "1/2",
    "Friday",
    "night",
    "Jan.",
    "3rd",
    "31",
    "2026",
    "'80s",
    "quarter",
    "year",
    "weeks",
    "days",
    "p.m.",
    "10:30",
    "noon",
    "Christmas",
    "now",
    "daily",
    "every",
    "century",
    "the 1990s",
    "-",
    ",",
    "9999",
    "0000",
    "2026-13-45",
    "Q5",
    "W99",
    "Feb. 30",
    "29",
]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(TIME_WORDS) | st.text(max_size=6), max_size=7),
    anchor=st.none() | st.dates(),
    tense=st.sampled_from([None, "past", "present", "future", "bogus"]),
    previous=st.lists(st.sampled_from(["2026-01-03", "0001-Q1", "9999-W52", "P3M", "x", ""]), max_size=3),
)
def test_time_resolve_never_raises(
    words: list[str], anchor: dt.date | None, tense: str, previous: list[str]
) -> None:
    found = resolve(" ".join(words), anchor, tense, previous)
    assert found.type in ("exact", "approximate", "range", "unresolved")
    assert found.value is None or isinstance(found.value, str)
    assert found.timex_type in ("DATE", "TIME", "DURATION", "SET")
