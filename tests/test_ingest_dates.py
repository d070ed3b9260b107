"""normalize_published: ISO 8601 out, precision kept, nothing filled in from today."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.ingest import normalize_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # ISO 8601
        ("2026-01-17", "2026-01-17"),
        ("  2026-01-17 ", "2026-01-17"),
        ("2026-01-17T10:30:00Z", "2026-01-17T10:30:00+00:00"),
        ("2026-01-17T10:30:00+00:00", "2026-01-17T10:30:00+00:00"),
        ("2026-01-17T10:30:00-03:00", "2026-01-17T10:30:00-03:00"),
        ("2026-01-17 10:30:00+0530", "2026-01-17T10:30:00+05:30"),
        ("2026-01-17T10:30:00.250Z", "2026-01-17T10:30:00+00:00"),
        ("2026-01-17T10:30", "2026-01-17T10:30:00"),  # no zone given: none invented
        ("2026-01-17T00:00", "2026-01-17T00:00:00"),  # an explicit midnight is a time
        # RFC 2822 (e-mail, RSS)
        ("Sat, 17 Jan 2026 10:30:00 +0000", "2026-01-17T10:30:00+00:00"),
        ("Sat, 17 Jan 2026 10:30:00 GMT", "2026-01-17T10:30:00+00:00"),
        ("17 Jan 2026 10:30 -0500", "2026-01-17T10:30:00-05:00"),
        # human formats, several languages
        ("17 January 2026", "2026-01-17"),
        ("January 17, 2026", "2026-01-17"),
        ("Saturday, January 17, 2026", "2026-01-17"),
        ("17/01/2026", "2026-01-17"),
        ("January 17, 2026 3 pm", "2026-01-17T15:00:00"),
        ("Jan 17, 2026, 3:05 PM GMT", "2026-01-17T15:05:00+00:00"),
        ("17 de enero de 2026", "2026-01-17"),
        ("17 de enero de 2026, 10:30", "2026-01-17T10:30:00"),
        ("17 janvier 2026", "2026-01-17"),
        ("17.01.2026 08:00 +0200", "2026-01-17T08:00:00+02:00"),
    ],
)
def test_ingest_dates_normalise(value, expected):
    assert normalize_published(value) == expected


@pytest.mark.parametrize("value", ["", "   ", "\n"])
def test_ingest_dates_blank_is_none(value):
    assert normalize_published(value) is None


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("yesterday", "cannot read 'yesterday' as a date"),
        ("3 hours ago", "cannot read '3 hours ago' as a date"),
        ("next Tuesday", "cannot read 'next Tuesday' as a date"),
        ("January 17", "cannot read 'January 17' as a date"),  # no year: today's is not borrowed
        ("January 2026", "'January 2026' gives no day of the month"),
        ("2026-01", "'2026-01' gives no day of the month"),
        ("2026", "'2026' gives only a year"),
        ("2026-02-30", "'2026-02-30' is not a calendar date"),
        ("10:30", "cannot read '10:30' as a date"),
        ("1768646400", "cannot read '1768646400' as a date"),  # timestamps are not accepted
        ("soon", "cannot read 'soon' as a date"),
        ("0001-01-01", "1 is not a plausible publication year"),
        ("x" * 500, "is too long to be a date"),
    ],
)
def test_ingest_dates_unparseable_raises_input_error(value, says):
    with pytest.raises(InputError) as info:
        normalize_published(value)
    message = str(info.value)
    assert says in message
    assert "2026-01-17" in message and "\n" not in message  # says what to give instead


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_ingest_dates_never_raise_anything_but_input_error(value):
    try:
        out = normalize_published(value)
    except InputError:
        return
    assert out is None or out[:4].isdigit()


@settings(max_examples=100, deadline=None)
@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)))
def test_ingest_dates_iso_round_trips(moment):
    assert normalize_published(moment.date().isoformat()) == moment.date().isoformat()
    assert normalize_published(moment.isoformat(timespec="seconds")) == moment.isoformat(timespec="seconds")
