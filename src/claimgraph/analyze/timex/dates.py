"""Do the calendar arithmetic of TIMEX3 values: format, shift, parse and place periods.

A period is handled as its granularity and its first day (``("quarter", date(2026, 1, 1))``);
``place`` and ``weekday_date`` choose which occurrence of a yearly or weekly period a text means,
from the anchor (the publication date) and the tense of the governing verb.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

#: granularity of each TIMEX3 unit (T marks clock units), and the months each one spans
GRAN = {
    "TS": "time",
    "TM": "time",
    "TH": "time",
    "D": "day",
    "W": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}
MONTHS_IN = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}
#: how far (days) from publication the tense may put a date whose year is not given before the
#: nearest occurrence wins instead. Value F1 on TimeBank 1.2 + AQUAINT by reach: 0 (nearest
#: only) .7816, 183 .7833, 230 .8002, 270 .7991, 300 .7991, 366 (tense only) .7910; measured
#: by benchmarks/timebank.py, to be re-run when this changes.
TENSE_REACH = 230
UNANCHORED = "relative to the publication date, which is not known"


@dataclass(frozen=True)
class Resolution:
    """The TIMEX3 reading of one expression: value, granularity, type and how it was found."""

    value: str | None
    granularity: str | None
    type: str  # exact|approximate|range|unresolved
    reason: str
    timex_type: str = "DATE"  # DATE|TIME|DURATION|SET
    mod: str | None = None  # TIMEX3 mod: START, END, MID, APPROX, MORE_THAN, ...
    derived: bool = False  # counted from an earlier expression's value, not the text or anchor


@dataclass(frozen=True)
class Ctx:
    """What an expression is read against: the anchor, the verb's tense, earlier values."""

    anchor: dt.date | None
    tense: str | None
    previous: tuple[str, ...]


def exact(value: str, gran: str | None, reason: str, timex_type: str = "DATE") -> Resolution:
    """Return an exact reading."""
    return Resolution(value, gran, "exact", reason, timex_type)


def unanchored(gran: str | None, timex_type: str = "DATE") -> Resolution:
    """Return the reading of a relative expression when the publication date is not known."""
    return Resolution(None, gran, "unresolved", UNANCHORED, timex_type)


def said_tense(ctx: Ctx, rel: str | None = None) -> str:
    """Return how a reason names what placed a period: its relative word or the tense."""
    return f"by {rel!r}" if rel else f"{ctx.tense or 'no'} tense"


def fmt(gran: str, d: dt.date) -> str:
    """Return the TIMEX3 value of the ``gran`` period that contains ``d``."""
    if gran in ("week", "weekend"):
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if gran == "weekend" else "")
    return {
        "day": d.isoformat(),
        "month": f"{d.year:04d}-{d.month:02d}",
        "quarter": f"{d.year:04d}-Q{(d.month + 2) // 3}",
        "half": f"{d.year:04d}-H{(d.month + 5) // 6}",
        "year": f"{d.year:04d}",
        "decade": f"{d.year // 10:03d}X",
        "century": f"{d.year // 100:02d}",
    }[gran]


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """Return ``d`` moved by ``n`` TIMEX3 ``unit``s (a month move caps the day at 28)."""
    if unit not in MONTHS_IN:
        return d + dt.timedelta(days=n * {"W": 7, "D": 1}.get(unit, 0))
    year, month = divmod(d.year * 12 + d.month - 1 + n * MONTHS_IN[unit], 12)
    return dt.date(year, month + 1, min(d.day, 28))


def parse_value(value: str | None) -> tuple[str, dt.date] | None:
    """Return (granularity, first day) of a TIMEX3 date value, or None for other values."""
    m = re.match(
        r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q(\d)|H(\d)|(SP|SU|FA|WI)))?(?=T|$|-WE)", value or ""
    )
    if not m:
        return None
    y = int(m[1])
    if m[4]:
        return "week", dt.date.fromisocalendar(y, int(m[4]), 1)
    gran = (
        "day"
        if m[3]
        else "month"
        if m[2]
        else "quarter"
        if m[5]
        else "half"
        if m[6]
        else "season"
        if m[7]
        else "year"
    )
    month = (
        int(m[2] or 0) or int(m[5] or 0) * 3 - 2
        if (m[2] or m[5])
        else int(m[6] or 0) * 6 - 5
        if m[6]
        else {"SP": 3, "SU": 6, "FA": 9, "WI": 12}.get(m[7] or "", 1)
    )
    return gran, dt.date(y, month, int(m[3] or 1))


def last_of(ctx: Ctx, grans: tuple[str, ...], within: int = 0) -> tuple[str, dt.date] | None:
    """Return the latest earlier value of one of ``grans`` (among the last ``within``), parsed."""
    for value in reversed(ctx.previous[-within:] if within else ctx.previous):
        parsed = parse_value(value)
        if parsed and parsed[0] in grans:
            return parsed
    return None


def place(ctx: Ctx, span: Callable[[int], tuple[dt.date, dt.date]], rel: str | None = None) -> int:
    """Return the year in which the yearly period ``span(year)`` is meant, by ``rel`` or tense.

    ``last``/``next`` take the occurrence wholly before or after the anchor; past tense the
    latest that has begun by the anchor and future tense the first that has not ended (when that
    is within ``TENSE_REACH`` days); otherwise the occurrence nearest the anchor.
    """
    a = ctx.anchor or dt.date.min
    years = [(y, *span(y)) for y in (a.year - 1, a.year, a.year + 1) if _exists(span, y)]
    if rel in ("last", "past", "previous", "this past"):
        return max(y for y, start, end in years if end < a)
    if rel in ("next", "coming", "this coming", "following"):
        return min(y for y, start, end in years if start > a)
    if rel in ("this", "current"):
        return a.year
    nearest = min(years, key=lambda t: max((t[1] - a).days, (a - t[2]).days, 0))
    if ctx.tense == "past":
        y, start, end = max((t for t in years if t[1] <= a), key=lambda t: t[0])
    elif ctx.tense == "future":
        y, start, end = min((t for t in years if t[2] >= a), key=lambda t: t[0])
    else:
        return nearest[0]
    return y if max((start - a).days, (a - end).days, 0) <= TENSE_REACH else nearest[0]


def _exists(span: Callable[[int], tuple[dt.date, dt.date]], year: int) -> bool:
    """Return whether the period exists in ``year`` (February 29 does not, most years)."""
    try:
        span(year)
    except ValueError:
        return False
    return True


def weekday_date(ctx: Ctx, wd: int, rel: str | None = None) -> dt.date:
    """Return the date of weekday ``wd`` (0 Monday) meant relative to the anchor.

    Past tense takes the latest such day on or before publication: on TimeBank 1.2 + AQUAINT a
    past-tense weekday that is the publication's own weekday means that same day 118 times in
    119 (news convention). Present or unknown tense takes the nearest such day.
    """
    a = ctx.anchor or dt.date.min
    back, ahead = (a.weekday() - wd) % 7, (wd - a.weekday()) % 7
    if rel in ("last", "past", "previous", "this past"):
        return a - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming", "following"):
        return a + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return a + dt.timedelta(days=wd - a.weekday())
    if ctx.tense == "past" or (ctx.tense != "future" and back <= ahead):
        return a - dt.timedelta(days=back)
    return a + dt.timedelta(days=ahead)


def holiday(rule: str, year: int) -> dt.date:
    """Return the date of holiday ``rule`` (``MM-DD``, ``MM-DD+k`` or ``easter``) in ``year``."""
    if rule == "easter":  # the anonymous Gregorian algorithm (Meeus/Jones/Butcher)
        a, b, c = year % 19, year // 100, year % 100
        h = (19 * a + b - b // 4 - (b - (8 * b + 13) // 25 + 1) // 3 + 15) % 30
        k = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
        m = (a + 11 * h + 22 * k) // 451
        month, day = divmod(h + k - 7 * m + 114, 31)
        return dt.date(year, month, day + 1)
    d = dt.date(year, int(rule[:2]), int(rule[3:5]))
    return d + dt.timedelta(days=(int(rule[6]) - d.weekday()) % 7) if "+" in rule else d


def duration(n: str, unit: str) -> str:
    """Return the TIMEX3 duration of ``n`` (digits, a decimal or ``x``) ``unit``s."""
    t, code = ("T", unit[1]) if unit.startswith("T") else ("", unit)
    if n == "x":
        return f"P{t}X{code}"
    amount = float(n) * {"DE": 10, "CE": 100}.get(unit, 1)
    code = "Y" if unit in ("DE", "CE") else code
    whole, frac = divmod(amount, 1)
    per, smaller = {
        "Y": (12, "M"),
        "M": (30, "D"),
        "W": (7, "D"),
        "D": (24, "H"),
        "TH": (60, "M"),
        "TM": (60, "S"),
    }.get(t + code if t else code, (0, ""))
    if frac and (frac * per).is_integer():
        sep = "T" if code == "D" else ""
        return f"P{t}{int(whole)}{code}{sep}{int(frac * per)}{smaller}".replace(f"P{t}0{code}", f"P{t}")
    return f"P{t}{amount:g}{code}"
