"""Normalise publication dates to ISO 8601 without inventing precision.

A value that gives only a date becomes ``2026-01-17``; one that gives a time becomes
``2026-01-17T10:30:00``, with the offset (``+00:00``) only when the value names a zone.
Values are read as ISO 8601 first, then as RFC 2822 (e-mail and feed dates), then by
dateparser in any language it knows ("17 de enero de 2026, 10:30").

Nothing is filled in from the current date: relative values ("yesterday", "2 hours ago")
and values without a day, a month or a year are refused with a message saying what to
give instead. The claimgraph/1 contract needs a full date, so "January 2026" is refused
too rather than widened to a day the text does not give.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache

from dateparser.date import DateDataParser

from claimgraph.errors import InputError

EXAMPLE = "give a date such as 2026-01-17 or a date-time such as 2026-01-17T10:30:00+00:00"
#: longer values are not dates (and would only slow dateparser down)
MAX_LENGTH = 120

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}[0-9:.,]*(?:Z|[+-]\d{2}(?::?\d{2})?)?", re.IGNORECASE
)
_RFC2822 = re.compile(
    r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s+(?:[+-]\d{4}|[A-Z]{1,5}))?"
)
#: a clock time in the value: "10:30", "3 pm", "3 p.m.", "10h30"
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d\s*(?:[ap]m\b|[ap]\.\s?m\.)|\b\d{1,2}\s?h\s?\d{2}\b", re.IGNORECASE)


@cache
def _parser(*required: str) -> DateDataParser:
    """Return a dateparser that needs ``required`` parts and never reads relative dates.

    The parsers list leaves out "relative-time" (it reads "yesterday" against today) and
    "timestamp" (a bare number is not a publication date). RETURN_AS_TIMEZONE_AWARE keeps
    its default: an aware value when the input names a zone, a naive one otherwise.
    """
    return DateDataParser(
        settings={
            "REQUIRE_PARTS": list(required),
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["custom-formats", "absolute-time"],
        }
    )


def _parse_human(value: str, *required: str) -> datetime | None:
    try:
        found = _parser(*required).get_date_data(value).date_obj
    except Exception:  # noqa: BLE001  # dateparser raises assorted errors on odd input: not a date
        return None
    return found if isinstance(found, datetime) else None


def _iso(moment: datetime, has_time: bool) -> str:
    if not 1000 <= moment.year <= 9999:
        raise InputError(f"{moment.year} is not a plausible publication year: {EXAMPLE}")
    if not has_time:
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds")


def _quoted(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


def normalize_published(value: str) -> str | None:
    """Return ``value`` as an ISO 8601 date or date-time; None for a blank value.

    Raise :class:`InputError` when the value is not a full, absolute date.
    """
    value = " ".join(value.split())
    if not value:
        return None
    if len(value) > MAX_LENGTH:
        raise InputError(f"{_quoted(value)} is too long to be a date: {EXAMPLE}")
    if _ISO_DATE.fullmatch(value):
        try:
            return _iso(datetime.combine(date.fromisoformat(value), datetime.min.time()), False)
        except ValueError:
            raise InputError(f"{_quoted(value)} is not a calendar date: {EXAMPLE}") from None
    if _ISO_DATETIME.fullmatch(value):
        try:
            return _iso(datetime.fromisoformat(value.upper()), True)
        except ValueError:
            pass  # e.g. a comma for the decimal point: dateparser may still read it
    if _RFC2822.fullmatch(value):
        try:
            return _iso(parsedate_to_datetime(value), True)
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    moment = _parse_human(value, "day", "month", "year")
    if moment is not None:
        has_time = bool(_CLOCK.search(value)) or moment.time() != datetime.min.time()
        return _iso(moment, has_time)
    if re.fullmatch(r"\d{4}", value):
        raise InputError(f"{_quoted(value)} gives only a year: {EXAMPLE}")
    if re.search(r"\b\d{4}\b", value) and _parse_human(value, "month", "year") is not None:
        raise InputError(f"{_quoted(value)} gives no day of the month: {EXAMPLE}")
    raise InputError(f"cannot read {_quoted(value)} as a date: {EXAMPLE}")
