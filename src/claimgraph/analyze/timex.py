"""Normalise a temporal expression to a TIMEX3 value, relative to an anchor date.

Pure and spaCy-free: :func:`resolve` takes the expression's text, the publication date (or None),
the tense of the verb that governs it and the values resolved earlier in the same document, and
returns a :class:`Resolution`. It never raises: what it cannot read is ``unresolved`` with a reason.

Values follow TIMEX3 (``2026-01-17``, ``2026-W03``, ``2026-01``, ``2026-Q1``, ``2026-SU``,
``2026``, ``199X``, ``19``, ``2026-01-13T10:30``, ``P3M``, ``PRESENT_REF``) and are never more
precise than the text. Relative expressions need the anchor; without one they stay unresolved.
Expressions that count from an event ("months before the operation") keep a null value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from claimgraph.analyze import timecal as cal
from claimgraph.analyze.timecal import Ctx, Resolution

__all__ = ["Resolution", "resolve", "normalise"]

# How each leading or trailing modifier maps to a TIMEX3 mod; the longest phrase wins.
LEADING_MODS = {
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "more than": "MORE_THAN",
    "over": "MORE_THAN", "upwards of": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS", "about": "APPROX",
    "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "sometime": "APPROX", "early": "START", "earlier": "START", "the beginning of": "START",
    "the start of": "START", "the early part of": "START", "late": "END", "later": "END",
    "the end of": "END", "the close of": "END", "the latter part of": "END", "mid": "MID",
    "the middle of": "MID", "the mid": "MID",
}
TRAILING_MODS = {"or so": "APPROX", "or later": "ON_OR_AFTER", "and beyond": "ON_OR_AFTER",
                 "or earlier": "ON_OR_BEFORE", "end": "END"}
#: words that add nothing to a value ("only five hours", "the fiscal first quarter")
FILLER = {"only", "just", "barely", "fully", "another", "additional", "more", "whole", "entire",
          "full", "straight", "consecutive", "trading", "business", "calendar", "fiscal", "its",
          "his", "her", "their", "our", "my", "your", "same", "flat", "very", "good", "part",
          "of", "the", "on", "at", "in", "this past", "following", "succeeding", "long", "old"}
REFS_ANCHORLESS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def normalise(text: str) -> str:
    """Return ``text`` lower-cased with numbers as digits and words in canonical spelling."""
    lex = cal.lexicon()
    s = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\b([ap])\.?\s?m\b\.?", r"\1m", s)
    s = re.sub(r"(?<=[a-z])'s\b|(?<=s)'(?=\s|$)", "", s)
    s = re.sub(r"'(\d\d)(s?)\b", lambda m: ("19" if int(m[1]) >= 30 else "20") + m[1] + m[2], s)
    s = re.sub(r"(\d+)(?:st|nd|rd|th)\b", r"\1th", s)
    s = re.sub(r"(?<!\d)-|-(?!\d)", " ", s).replace("o'clock", "oclock").replace("'", "")
    s = re.sub(r"(?<!\d)[.:]|[.:](?!\d)|[,;!?\"()\[\]{}]", " ", s)
    words = s.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        w, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        kind = lex.get(w, {})
        if w in ("a", "an") and (nxt in cal.UNITS or nxt in ("half", "dozen", "hundred", "thousand")):
            out.append("1")
        elif w in ("few", "several", "many", "multiple", "couple") and out and out[-1] == "1":
            out[-1] = "x" if w != "couple" else "2"
            i += 1 if nxt == "of" else 0
        elif w in ("few", "several", "many", "multiple", "various", "numerous"):
            out.append("x")
        elif "number" in kind:
            j, value = _number_run(words, i)
            out.append(str(value))
            i = j
            continue
        elif "ordinal" in kind and (w != "second" or (out and out[-1] in ("the", "a", "its"))
                                    or nxt in cal.UNITS | {"half"}) and w not in ("last", "final"):
            out.append(f"{kind['ordinal']}th")
        elif "month" in kind:
            out.append(cal.MONTHS[int(kind["month"]) - 1])
        elif "weekday" in kind:
            out.append(cal.WEEKDAYS[int(kind["weekday"])])
        elif "zone" in kind:
            pass  # values keep the clock time as written, as TimeBank does
        else:
            out.append(w)
        i += 1
    return " ".join(out)


def _number_run(words: list[str], i: int) -> tuple[int, int]:
    """Return (index after, value) of the run of number words starting at ``words[i]``."""
    lex = cal.lexicon()
    vals: list[int] = []
    j = i
    while j < len(words):
        w = words[j]
        if "number" in lex.get(w, {}):
            vals.append(int(lex[w]["number"]))
        elif w == "and" and vals and vals[-1] in (100, 1000) and "number" in lex.get(
                words[j + 1] if j + 1 < len(words) else "", {}):
            pass
        elif w == "oh" and vals and 10 <= vals[-1] < 20:
            vals.append(0)
        else:
            break
        j += 1
    # "nineteen ninety six" is a year: a teen or "twenty", then tens (and units)
    if len(vals) >= 2 and 10 <= vals[0] <= 20 and (vals[1] >= 20 or vals[1] == 0) and vals[1] < 100:
        return j, vals[0] * 100 + sum(vals[1:3])
    total = current = 0
    for v in vals:
        if v == 100:
            current = (current or 1) * 100
        elif v == 1000:
            total, current = total + (current or 1) * 1000, 0
        else:
            current += v
    return j, total + current


def _strip_mods(s: str) -> tuple[str, str | None]:
    """Return ``s`` without its leading and trailing modifiers, and the TIMEX3 mod they give."""
    mod = None
    changed = True
    while changed:
        changed = False
        for phrase in sorted(LEADING_MODS, key=len, reverse=True):
            if s.startswith(phrase + " ") and not re.match(r"(later|earlier) (than|on)\b", s):
                rest = s[len(phrase) + 1:]
                if phrase in ("some", "over", "under") and not re.match(r"[\dx]", rest):
                    continue  # "some time", "over the weekend": not a modifier here
                if phrase in ("earlier", "later") and not re.match(
                        r"(this|that|today|yesterday|tonight|in|[a-z]+day\b)", rest):
                    continue  # "earlier" and "later" bound a period only before one
                mod, s, changed = mod or LEADING_MODS[phrase], rest, True
                break
        for phrase, value in TRAILING_MODS.items():
            if s.endswith(" " + phrase) and not (phrase == "end" and " of " in s):
                mod, s, changed = mod or value, s[: -len(phrase) - 1], True
    s = re.sub(r"\b(?:%s)\b" % "|".join(re.escape(f) for f in FILLER if " " in f), "", s)
    return " ".join(w for w in s.split() if w not in FILLER or w in ("the", "of", "on", "at", "in")), mod


def resolve(text: str, anchor: dt.date | None = None, tense: str | None = None,
            previous: Sequence[str] = ()) -> Resolution:
    """Return the TIMEX3 reading of ``text`` relative to ``anchor``; never raise.

    ``tense`` is ``past``, ``present`` or ``future`` (of the governing verb) or None;
    ``previous`` holds the values of the document's earlier expressions, in text order, for
    anaphoric expressions ("that day", "a year earlier", "the quarter").
    """
    try:
        ctx = Ctx(anchor if isinstance(anchor, dt.date) else None, tense, tuple(previous or ()))
        s, mod = _strip_mods(normalise(str(text)))
        found = _read(s, ctx)
    except (ValueError, OverflowError, ArithmeticError) as exc:
        # Dates outside the calendar (year 0, a huge count of years): data, not a bug.
        return Resolution(None, None, "unresolved", f"outside the calendar ({exc.__class__.__name__})")
    if found is None:
        return Resolution(None, None, "unresolved", "no rule reads this expression")
    if mod and found.value is not None:
        kind = found.type if found.type in ("unresolved", "range") else "approximate"
        found = replace(found, mod=found.mod or mod, type=kind)
    if found.value is None and found.type == "exact":
        found = replace(found, type="unresolved")
    return found


def _read(s: str, ctx: Ctx) -> Resolution | None:
    """Return the reading of normalised ``s`` by the first rule that reads it."""
    if not s:
        return None
    for rule in _rules():
        found = rule(s, ctx)
        if found is not None:
            return found
    if s.startswith("the ") or s.startswith("that "):
        return _read(s.split(" ", 1)[1], ctx)
    return None


@cache
def _rules() -> tuple:
    """Return the rule functions in the order they are tried (imported late: they call back)."""
    from claimgraph.analyze import timerules

    return timerules.RULES
