"""Read a normalised temporal expression with the first of an ordered list of rules.

A rule is a regular expression over the normalised text (:mod:`.words`) and a function of its
named groups and the context, which may decline (return None). :func:`resolve` never raises.
The rules for named dates are here; those for days, clock times and counted or relative
periods are in :mod:`.periods`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from claimgraph.analyze.timex import periods
from claimgraph.analyze.timex.dates import (
    Ctx,
    Resolution,
    duration,
    exact,
    fmt,
    holiday,
    parse_value,
    place,
    said_tense,
    shift,
    unanchored,
)
from claimgraph.analyze.timex.periods import Groups, Rule
from claimgraph.analyze.timex.words import MONTHS, WEEKDAYS, alt, normalise, strip_mods, unit_code, words

RELS = r"this coming|this past|last|next|this|coming|past|previous|following|current"
NO_RULE = "no rule reads this expression"


def resolve(
    text: str, anchor: dt.date | None = None, tense: str | None = None, previous: Sequence[str] = ()
) -> Resolution:
    """Return the TIMEX3 reading of ``text`` relative to ``anchor``; never raise.

    ``tense`` is ``past``, ``present`` or ``future`` (of the governing verb) or None;
    ``previous`` holds the values of the document's earlier expressions, in text order, for
    anaphoric expressions ("that day", "a year earlier", "the quarter").
    """
    try:
        ctx = Ctx(anchor if isinstance(anchor, dt.date) else None, tense, tuple(previous or ()))
        s, mod = strip_mods(normalise(str(text)))
        found = read(s, ctx)
    except (ValueError, OverflowError, ArithmeticError, KeyError) as exc:
        # Dates outside the calendar (year 0, ten thousand years ago) are data, not a bug.
        return Resolution(None, None, "unresolved", f"outside the calendar ({type(exc).__name__})")
    if found is None:
        return Resolution(None, None, "unresolved", NO_RULE)
    if mod and found.value is not None and found.type != "unresolved":
        found = replace(found, mod=found.mod or mod, type="range" if found.type == "range" else "approximate")
    return found


def read(s: str, ctx: Ctx) -> Resolution | None:
    """Return the reading of normalised ``s`` by the first rule that matches it, or None."""
    for pattern, rule in _rules():
        m = pattern.fullmatch(s)
        found = rule(defaultdict(lambda: None, m.groupdict()), ctx) if m else None
        if found is not None:
            return found
    return read(s[4:], ctx) if s.startswith("the ") else None


def base(text: str | None, ctx: Ctx) -> tuple[str, dt.date] | None:
    """Return the parsed value of a sub-expression ("Christmas" in "two days before Christmas")."""
    found = read(text, ctx) if text else None
    return parse_value(found.value) if found else None


# ---- named dates -------------------------------------------------------------------------


def r_iso(g: Groups, ctx: Ctx) -> Resolution:
    d = dt.date(int(g["y"]), int(g["m"]), int(g["d"] or 1))
    if g["h"]:
        return exact(f"{d}T{g['h']}:{g['mi']}", "time", "ISO 8601 date-time", "TIME")
    return exact(fmt("day" if g["d"] else "month", d), "day" if g["d"] else "month", "ISO 8601 date")


def r_timex(g: Groups, ctx: Ctx) -> Resolution | None:
    value = f"{g['y']}-Q{g['q']}" if g["q"] else g["v"].upper()
    parsed = parse_value(value)
    return exact(value, parsed[0], "a TIMEX3 value") if parsed else None


def r_ref(g: Groups, ctx: Ctx) -> Resolution:
    value = words("ref")[g["ref"]]
    said = {
        "PRESENT_REF": "the present, at",
        "PAST_REF": "the past, before",
        "FUTURE_REF": "the future, after",
    }
    return Resolution(value, None, "approximate", f"{said[value]} publication")


def r_set(g: Groups, ctx: Ctx) -> Resolution:
    gran: str | None = "duration"
    if g["set"]:
        value = words("set")[g["set"]]
    elif g["unit"]:
        value = duration(g["n"] or "1", unit_code(g["unit"]))
    elif g["wd"]:
        part = f"T{words('part')[g['part']]}" if g["part"] else ""
        value, gran = f"XXXX-WXX-{WEEKDAYS.index(g['wd']) + 1}{part}", "day"
    else:
        value, gran = f"XXXX-{MONTHS.index(g['mon']) + 1:02d}", "month"
    return Resolution(value, gran, "exact", "a recurring time", "SET")


def r_range(g: Groups, ctx: Ctx) -> Resolution | None:
    a, b = g["a"], g["b"]
    if g["sep"] == "and" and not g["between"]:
        return None  # "in 1994 and 1997" lists two years; "between 1994 and 1997" is a range
    if re.fullmatch(r"\d+", a) and (unit := re.fullmatch(rf"\d+ ({alt('unit')})s?", b)):
        return Resolution(
            duration(a, unit_code(unit[1])),
            "duration",
            "range",
            f"{a} or more {unit[1]}s",
            "DURATION",
            "EQUAL_OR_MORE",
        )
    if (year := re.search(r" (\d{4})$", b)) and not re.search(r"\d{4}", a):
        a = f"{a} {year[1]}"  # "between May and July 2025": both in 2025
    if re.fullmatch(r"\d{1,2}", b) and (month := re.match(rf"({'|'.join(MONTHS)}) \d", a)):
        b = f"{month[1]} {b}"  # "April 24 and 25"
    ra, rb = read(a, ctx), read(b, ctx)
    if not (ra and rb and parse_value(ra.value) and parse_value(rb.value)) or (
        ra.granularity != rb.granularity
    ):
        return None
    return Resolution(f"{ra.value}/{rb.value}", ra.granularity, "range", f"from {a} to {b}", ra.timex_type)


def r_date(g: Groups, ctx: Ctx) -> Resolution | None:
    month = MONTHS.index(g["mon"] or g["mon2"]) + 1 if (g["mon"] or g["mon2"]) else int(g["m"])
    day, year = int(g["d"] or g["d2"]), g["y"]
    if year:
        y = int(year) + (0 if len(year) == 4 else 1900 if int(year) >= 30 else 2000)
        return exact(dt.date(y, month, day).isoformat(), "day", "a full date")
    if not ctx.anchor:
        return unanchored("day")
    if g["wd"]:  # "Friday, Oct. 13": the year in which that date is that weekday, if one is near
        fits = [
            y
            for y in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1)
            if dt.date(y, month, day).weekday() == WEEKDAYS.index(g["wd"])
        ]
        if fits:
            return exact(dt.date(fits[0], month, day).isoformat(), "day", "year from the weekday")
    y = place(ctx, lambda y: (dt.date(y, month, day),) * 2, g["rel"])
    return exact(
        dt.date(y, month, day).isoformat(), "day", f"year inferred from publication ({said_tense(ctx)})"
    )


def r_month(g: Groups, ctx: Ctx) -> Resolution:
    month = MONTHS.index(g["mon"]) + 1
    if g["y"]:
        return exact(f"{int(g['y']):04d}-{month:02d}", "month", "month and year")
    if not ctx.anchor:
        return unanchored("month")
    if g["yrel"]:
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[g["yrel"]]
    else:
        first = lambda y: dt.date(y, month, 1)  # noqa: E731
        y = place(ctx, lambda y: (first(y), shift(first(y), "M", 1) - dt.timedelta(1)), g["rel"])
    return exact(
        f"{y:04d}-{month:02d}", "month", f"year inferred from publication ({said_tense(ctx, g['rel'])})"
    )


def r_holiday(g: Groups, ctx: Ctx) -> Resolution:
    rule = words("holiday")[g["hol"]]
    if not g["y"] and not ctx.anchor:
        return unanchored("day")
    y = int(g["y"]) if g["y"] else place(ctx, lambda y: (holiday(rule, y),) * 2, g["rel"])
    return exact(holiday(rule, y).isoformat(), "day", f"the holiday {g['hol']}")


def r_year(g: Groups, ctx: Ctx) -> Resolution | None:
    if g["y"]:
        return exact(g["y"], "year", "the year named") if 1000 <= int(g["y"]) <= 2999 else None
    if g["cent"]:
        return exact(f"{int(g['cent']) - 1:02d}", "century", "a century")
    tens = {"twen": 2, "thir": 3, "for": 4, "fif": 5, "six": 6, "seven": 7, "eigh": 8, "nine": 9}
    if g["dec"]:  # "the 1990s"
        return exact(f"{g['dec']}X", "decade", "a decade")
    # "the 80s", "the eighties" (not "his 30s", an age)
    tail = int(g["dec2"] or tens.get(g["word"] or "", 0) * 10)
    return exact(f"{19 if tail >= 30 else 20}{tail // 10}X", "decade", "a decade")


def r_season(g: Groups, ctx: Ctx) -> Resolution:
    code = words("season")[g["season"]]
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if not g["y"] and not ctx.anchor:
        return unanchored("season")
    span = lambda y: (dt.date(y, first, 1), shift(dt.date(y, first, 1), "M", 3) - dt.timedelta(1))
    y = int(g["y"]) if g["y"] else place(ctx, span, g["rel"])
    return exact(f"{y:04d}-{code}", "season", "a season")


@cache
def _rules() -> tuple[tuple[re.Pattern[str], Rule], ...]:
    """Return (pattern, rule) pairs in the order they are tried; patterns match whole strings."""
    mon, wd, ref, hol = "|".join(MONTHS), "|".join(WEEKDAYS), alt("ref"), alt("holiday")
    unit, part, season = alt("unit"), alt("part"), alt("season")
    units = rf"(?P<unit>(?:{unit})s?)"
    num = r"\d+(?:\.\d+)?|x"
    clock = (
        rf"(?:(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?(?: ?(?P<ap>am|pm)| oclock"
        rf"| in the (?P<pp>{part})| at night)|(?P<h2>\d{{1,2}}):(?P<mi2>\d\d)"
        rf"|(?P<named>noon|midday|midnight))(?P<z> z)?"
    )
    table: list[tuple[str, Rule]] = [
        (r"(?P<y>\d{4})-(?P<m>\d\d)(?:-(?P<d>\d\d))?(?:t(?P<h>\d\d):(?P<mi>\d\d)(?::\d\d)?)?", r_iso),
        (r"(?P<v>\d{4}-(?:w\d\d(?:-we)?|q[1-4]|h[12]|sp|su|fa|wi))|q(?P<q>[1-4]) (?P<y>\d{4})", r_timex),
        (rf"(?P<ref>{ref})", r_ref),
        (r"(?:the )?weekend", periods.r_weekend),
        (rf"(?P<set>{alt('set')})", r_set),
        (rf"(?:every|each|per) (?:(?P<n>\d+) )?(?P<unit>{unit})s?", r_set),
        (rf"(?:every|each) (?P<wd>{wd})(?: (?P<part>{part}))?", r_set),
        (rf"(?P<wd>{wd})s(?: (?P<part>{part})s?)?", r_set),
        (rf"(?P<wd>{wd}) (?P<part>{part})s", r_set),
        (rf"(?:every|each) (?P<mon>{mon})", r_set),
        (r"(?:(?P<between>between) |from )?(?P<a>.+?) (?P<sep>and|to|through|until|till) (?P<b>.+)", r_range),
        (
            rf"(?:(?P<rel>{RELS}) )?(?:(?P<wd>{wd}) )?(?:(?P<mon>{mon}) (?:the )?(?P<d>\d{{1,2}})(?:th)?"
            rf"|(?:the )?(?P<d2>\d{{1,2}})(?:th)? (?:of )?(?P<mon2>{mon}))(?: (?:of )?(?P<y>\d{{4}}))?",
            r_date,
        ),
        (r"(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{4}|\d\d))?", r_date),
        (
            rf"(?:(?P<rel>{RELS}) )?(?P<mon>{mon})(?: (?:of )?(?P<y>\d{{4}})"
            rf"| (?P<yrel>this|last|next) year)?",
            r_month,
        ),
        (rf"(?:(?P<rel>{RELS}) )?(?P<hol>{hol})(?: (?P<y>\d{{4}}))?", r_holiday),
        (
            r"(?:the )?(?:year )?(?P<y>\d{4})|(?:the )?(?P<cent>\d{1,2})th century"
            r"|(?:the )?(?P<dec>\d{3})0s"
            r"|the (?:(?P<dec2>\d0)|(?P<word>twen|thir|for|fif|six|seven|eigh|nine)tie)s",
            r_year,
        ),
        (rf"(?:(?P<rel>{RELS}) )?(?P<season>{season})(?: (?:of )?(?P<y>\d{{4}}))?", r_season),
        (
            rf"(?:(?P<p1>{part}) )?(?P<day>today|tonight|yesterday|tomorrow|day before yesterday"
            rf"|day after tomorrow)(?: (?P<p2>{part}))?",
            periods.r_relday,
        ),
        (rf"(?:(?P<day>this|last|that|the next|the following|next) )?(?P<p1>{part})", periods.r_relday),
        (rf"(?:(?P<rel>{RELS}) )?(?P<wd>{wd})(?: (?P<part>{part}))?", periods.r_weekday),
        (rf"(?:(?P<pre>.+?) (?:at )?)?{clock}(?: (?:on )?(?P<post>.+))?", periods.r_clock),
        (
            rf"(?:(?P<n>{num}) )?{units} (?P<dir>ago|earlier|later|before|after|from now|hence|prior"
            rf"|back|since|previously|leading up|ahead of)(?: (?:to |that )?(?P<rest>.+))?",
            periods.r_counted,
        ),
        (
            r"(?:(?P<pre>.+?) )?(?P<n>[1-4]th|last|final|latter) (?P<p>quarter|half)"
            r"(?: (?:of )?(?P<post>.+))?",
            periods.r_subyear,
        ),
        (
            r"(?P<q>(?:[a-z\d]+ )*?)(?P<what>quarter|period)"
            r"(?P<post> last year| 1 year (?:ago|earlier)| of \d{4})?",
            periods.r_fiscal,
        ),
        (
            r"(?P<rel>(?:the )?(?:this|current|present|last|past|previous|prior|next|coming|following)"
            r"|that|same) (?P<unit>[a-z]+)",
            periods.r_named,
        ),
        (rf"(?:the )?(?P<n>\d+)th {units}", periods.r_nth),
        (r"(?:the )?(?P<unit>year|month|week) end(?:ed|ing)", periods.r_ended),
        (
            rf"(?:the )?(?:(?P<pos>early|first|last|final|closing|opening|initial|later|latter|waning) )?"
            rf"(?:(?:\d+|x) )?{units} of (?P<rest>.+)",
            periods.r_of,
        ),
        (
            rf"(?P<the>the )?(?:(?P<rel>past|last|next|first|1th|coming|previous|latest|recent|initial"
            rf"|upcoming|year earlier|year ago) )?(?:(?P<n>{num}) (?P<frac>1/2 |and 1 half )?)?"
            rf"(?:(?P<half>half )(?:1 )?)?{units}(?P<half2> and 1 half)?(?: to come| ahead)?",
            periods.r_duration,
        ),
    ]
    return tuple((re.compile(pattern), rule) for pattern, rule in table)
