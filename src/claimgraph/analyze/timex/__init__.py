"""Normalise temporal expressions to TIMEX3 values, relative to an anchor date; pure and spaCy-free.

:func:`resolve` takes an expression's text, the publication date (or None), the tense of the verb
that governs it and the values resolved earlier in the same document, and returns a
:class:`Resolution`: value, granularity, type (exact, approximate, range, unresolved), reason,
TIMEX3 type and mod. It never raises: what it cannot read is ``unresolved``, with a reason.

Values follow TIMEX3 (``2026-01-17``, ``2026-W03``, ``2026-01``, ``2026-Q1``, ``2026-SU``,
``2026``, ``199X``, ``19``, ``2026-01-13T10:30``, ``P3M``, ``PRESENT_REF``) and are never more
precise than the text. Relative expressions need the anchor; without one they stay unresolved
(``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` are kept: they name no date, so nothing is guessed).
Expressions counted from an event ("months before the operation") keep a null value.

The package has three parts: :mod:`.words` reads the words (numbers, spellings, modifiers),
:mod:`.dates` does the calendar arithmetic and :mod:`.rules` holds the ordered rules.
"""

from __future__ import annotations

from claimgraph.analyze.timex.dates import Ctx, Resolution, parse_value
from claimgraph.analyze.timex.rules import NO_RULE, resolve
from claimgraph.analyze.timex.words import MONTHS, WEEKDAYS, normalise, words

__all__ = [
    "MONTHS",
    "NO_RULE",
    "WEEKDAYS",
    "Ctx",
    "Resolution",
    "normalise",
    "parse_value",
    "resolve",
    "words",
]
