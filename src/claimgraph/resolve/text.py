"""Text helpers shared by the resolvers: folding, content words, crude stems, numbers, dates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from claimgraph.accents import strip_accents

_WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)*", re.UNICODE)

STOPWORDS = frozenset(
    """
    a an the and or but if of to in on at by for from with without into onto over under about as than
    that this these those it its it's is are was were be been being has have had do does did will would
    shall should can could may might must not no nor so such then there their they them he him his she her
    hers we us our you your i me my who whom whose which what when where why how all any both each few more
    most other some own same too very just also only before after during while since until up down out off
    again further once here s t said says say told according reported report against between among through
    because although however within across despite toward towards upon via per
    el la los las un una unos unas y o de del al a en por para con sin sobre que se su sus es son fue
    fueron ha han había habían lo le les como más pero ya este esta estos estas ese esa según
    le la les des du et ou dans pour par avec sur qui est
    """.split()
)


_POSSESSIVE = re.compile(r"['`´]s\b")
_DOTS = re.compile(r"[.']")
_NON_WORD = re.compile(r"[^\w]+|_")


def _fold(text: str) -> str:
    bare = strip_accents(text).replace("’", "'").casefold()
    bare = _POSSESSIVE.sub("", bare)
    bare = _DOTS.sub("", bare)
    bare = _NON_WORD.sub(" ", bare)
    return " ".join(bare.split())


_fold_short = lru_cache(maxsize=1 << 18)(_fold)


def fold(text: str) -> str:
    """Return a comparison key: accents, case and punctuation removed, spaces collapsed."""
    return _fold_short(text) if len(text) <= 80 else _fold(text)


def words(text: str) -> list[str]:
    """Return the folded words of ``text``."""
    return fold(text).split()


def stem(word: str) -> str:
    """Return a crude, language-blind stem: the first five letters (enough to join offer/offered)."""
    if word.isdigit():
        return word
    return word[:5]


def content_stems(text: str) -> list[str]:
    """Return the stems of the content words of ``text`` (no stopwords), in order."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def shingles(text: str, k: int = 3) -> set[bytes]:
    """Return the word ``k``-shingles of ``text`` as bytes (for MinHash)."""
    ws = words(text)
    if len(ws) < k:
        return {" ".join(ws).encode("utf-8")} if ws else set()
    return {" ".join(ws[i : i + k]).encode("utf-8") for i in range(len(ws) - k + 1)}


def day(value: str | None) -> date | None:
    """Return the date of an ISO date or date-time string, or None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def published_utc(value: str | None) -> datetime | None:
    """Return a publication date as an aware UTC datetime (no time zone: taken as UTC; a bare day:
    its midnight), or None when it is missing or unreadable."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        d = day(value)
        return datetime(d.year, d.month, d.day, tzinfo=UTC) if d else None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def iso_day(value: str | None) -> str | None:
    d = day(value)
    return d.isoformat() if d else None


# -- numbers -------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
    "cien": 100, "ciento": 100,
}
_GROUPS = {"dozen": 12, "dozens": 12, "docena": 12, "docenas": 12, "score": 20}
_SCALES = {
    "hundred": 100, "hundreds": 100, "thousand": 1_000, "thousands": 1_000, "mil": 1_000,
    "million": 1_000_000, "millions": 1_000_000, "millon": 1_000_000, "millones": 1_000_000,
    "billion": 1_000_000_000, "billions": 1_000_000_000, "bn": 1_000_000_000,
}
_PREFIXES = frozenset(w[:4] for w in (*_UNITS, *_GROUPS, "dieciséis", "millón"))
_NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)


def _plain(word: str) -> str:
    low = word.lower()
    return low if low.isascii() else fold(word)


def _digits(token: str) -> float | None:
    t = token
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        t = t.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t):  # 1.000 (Spanish thousands)
        t = t.replace(".", "")
    else:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")
_NUMBER_WORDS = frozenset({*_UNITS, *_GROUPS, "dieciséis"})


def numbers(text: str) -> list[tuple[float, int, int, str]]:
    """Return the numbers of ``text``: ``(value, start, end, as written)``, words parsed.

    "a dozen" and "about a dozen" are 12, "twenty-five" 25, "$2.4 million" 2400000, "una docena" 12.
    """
    if not _DIGIT.search(text) and not _NUMBER_WORDS.intersection(_LETTERS.findall(text.lower())):
        return []
    tokens = [(m.group(0), m.start(), m.end()) for m in _NUMBER_TOKEN.finditer(text)]
    out: list[tuple[float, int, int, str]] = []
    i = 0
    while i < len(tokens):
        tok, start, end = tokens[i]
        if not tok[0].isdigit() and tok.lower()[:4] not in _PREFIXES:
            i += 1
            continue
        low = _plain(tok)
        value: float | None = None
        j = i
        if tok[0].isdigit():
            value = _digits(tok)
        elif low in _UNITS:
            value = float(_UNITS[low])
            if i + 1 < len(tokens) and _plain(tokens[i + 1][0]) in _GROUPS:  # "two dozen", "una docena"
                value *= 12
                j = i + 1
            # twenty-five / twenty five
            if i + 1 < len(tokens) and value >= 20 and value % 10 == 0:
                nxt = _plain(tokens[i + 1][0])
                if nxt in _UNITS and _UNITS[nxt] < 10 and text[end : tokens[i + 1][1]] in ("-", " "):
                    value += _UNITS[nxt]
                    j = i + 1
        elif low in _GROUPS:
            value = float(_GROUPS[low])
        if value is None:
            i += 1
            continue
        if low in _UNITS and j > i and _plain(tokens[j][0]) in _GROUPS:
            s, e = start, tokens[j][2]
            out.append((value, s, e, text[s:e]))
            i = j + 1
            continue
        # a scale word after it: "2.4 million", "three hundred"
        scale = _plain(tokens[j + 1][0]) if j + 1 < len(tokens) else ""
        if scale in _SCALES and tokens[j + 1][1] - tokens[j][2] <= 1:
            value *= _SCALES[scale]
            j += 1
        # "a dozen" / "una docena": keep the article in the span
        s = start
        if low in _GROUPS and i > 0 and _plain(tokens[i - 1][0]) in ("a", "una", "half"):
            s = tokens[i - 1][1]
            if _plain(tokens[i - 1][0]) == "half":
                value = 6.0
        e = tokens[j][2]
        out.append((value, s, e, text[s:e]))
        i = j + 1
    return out


def is_year(value: float, written: str) -> bool:
    return written.isdigit() and len(written) == 4 and 1800 <= value <= 2100


@lru_cache(maxsize=4096)
def acronym(name: str) -> str:
    """Return the initials of the capitalised words of ``name`` ("Frente Campesino del Norte" -> FCN)."""
    parts = re.findall(r"[^\W\d_][\w'-]*", name)
    letters = [p[0] for p in parts if p[0].isupper()]
    return fold("".join(letters)) if len(letters) >= 2 else ""


def unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for x in items:
        seen.setdefault(x, None)
    return list(seen)


def nested_claims(claims: list[dict[str, Any]]) -> set[str]:
    """Return the ids of claims whose content lies inside another claim's content."""
    spans = sorted(
        ((c["content"]["start"], -c["content"]["end"], c["id"]) for c in claims if c.get("content")),
    )
    out: set[str] = set()
    outer_end = -1
    for _start, neg_end, cid in spans:
        if -neg_end <= outer_end:
            out.add(cid)
        else:
            outer_end = -neg_end
    return out
