"""Read days, clock times and counted or relative periods ("last week", "a year ago").

These rules are tried by :func:`claimgraph.analyze.timex.rules.read`, in the order its table
gives; a sub-expression ("Christmas" in "two days before Christmas") is read back through it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from claimgraph.analyze.timex import rules  # rules imports this module: used at call time only
from claimgraph.analyze.timex.dates import (
    GRAN,
    MONTHS_IN,
    Ctx,
    Resolution,
    duration,
    exact,
    fmt,
    last_of,
    parse_value,
    place,
    said_tense,
    shift,
    unanchored,
    weekday_date,
)
from claimgraph.analyze.timex.words import WEEKDAYS, unit_code, words

BACKWARD = ("ago", "earlier", "before", "prior", "back", "previously", "leading up", "ahead of")
#: how many earlier values "a year ago" looks back through for a fiscal quarter. Value F1 on
#: TimeBank 1.2 + AQUAINT by window: 1 .7725, 2 .7741, 3 .7735, 5 .7746, 8 .7746, all .7741
#: (flat: any small window will do). Re-run benchmarks/timebank.py when changing it.
QUARTER_WINDOW = 5

#: a rule's named groups: those its pattern requires are strings, the others may be None
Groups = Mapping[str, Any]
Rule = Callable[[Groups, Ctx], "Resolution | None"]


# ---- days and clock times ----------------------------------------------------------------


def _day_part(d: dt.date, part: str | None, reason: str) -> Resolution:
    if not part:
        return exact(d.isoformat(), "day", reason)
    return exact(f"{d.isoformat()}T{words('part')[part]}", "time", reason, "TIME")


def r_relday(g: Groups, ctx: Ctx) -> Resolution | None:
    offset = {
        "today": 0,
        "tonight": 0,
        "this": 0,
        "yesterday": -1,
        "last": -1,
        "tomorrow": 1,
        "day before yesterday": -2,
        "day after tomorrow": 2,
    }
    part = g["p1"] or g["p2"] or ("night" if g["day"] == "tonight" else None)
    if g["day"] in offset:
        if not ctx.anchor:
            return unanchored("time" if part else "day")
        return _day_part(
            ctx.anchor + dt.timedelta(days=offset[g["day"]]),
            part,
            " ".join(filter(None, (g["day"], part))) + ", from publication",
        )
    earlier = last_of(ctx, ("day",), within=3) if g["day"] != "this" else None
    if (day := earlier[1] if earlier else ctx.anchor) is None:
        return unanchored("time")
    # "that night", "the next morning": from the day last mentioned, or publication
    day += dt.timedelta(days=1 if re.search(r"next|following", g["day"] or "") else 0)
    return _day_part(day, part, "from the day last mentioned" if earlier else "from publication")


def r_weekday(g: Groups, ctx: Ctx) -> Resolution:
    if not ctx.anchor:
        return unanchored("time" if g["part"] else "day")
    wd, rel = WEEKDAYS.index(g["wd"]), g["rel"]
    earlier = last_of(ctx, ("day",)) if rel in ("previous", "following") else None
    if earlier:  # "the previous Friday": the Friday before the day last mentioned
        d = weekday_date(replace(ctx, anchor=earlier[1]), wd, rel)
        return replace(_day_part(d, g["part"], f"{rel} {g['wd']}, from the day last mentioned"), derived=True)
    d = weekday_date(ctx, wd, rel)
    day = g["wd"].title()
    if rel:
        return _day_part(d, g["part"], f"{rel} {day}, from publication")
    said = (
        f"the last {day} on or before"
        if ctx.tense == "past"
        else f"the first {day} on or after"
        if ctx.tense == "future"
        else f"the {day} nearest"
    )
    return _day_part(d, g["part"], f"{said} publication ({said_tense(ctx)})")


def r_weekend(g: Groups, ctx: Ctx) -> Resolution:
    a = ctx.anchor
    if not a:
        return unanchored("week")
    d = a if ctx.tense != "past" or a.weekday() >= 5 else shift(a, "W", -1)
    return exact(fmt("weekend", d), "week", f"the weekend nearest publication by {said_tense(ctx)}")


def r_clock(g: Groups, ctx: Ctx) -> Resolution | None:
    hour, minute = int(g["h"] or g["h2"] or 0), int(g["mi"] or g["mi2"] or 0)
    if g["named"]:
        hour = 24 if g["named"] == "midnight" else 12
    hour += 12 if (g["ap"] == "pm" or g["pp"] in ("afternoon", "evening")) and hour < 12 else 0
    hour -= 12 if g["ap"] == "am" and hour == 12 else 0
    if hour > 24 or minute > 59:
        return None
    day = rules.base(g["pre"] or g["post"], ctx)
    if (g["pre"] or g["post"]) and not (day and day[0] == "day"):
        return None
    day = day or last_of(ctx, ("day",), within=3) or (("day", ctx.anchor) if ctx.anchor else None)
    if not day:
        return unanchored("time", "TIME")
    return exact(
        f"{day[1].isoformat()}T{hour:02d}:{minute:02d}{'Z' if g['z'] else ''}",
        "time",
        "clock time on the day named or last mentioned",
        "TIME",
    )


# ---- counted and relative periods --------------------------------------------------------


def _counted(n: str, unit: str, direction: str, start: dt.date, reason: str) -> Resolution:
    """Return the period ``n`` ``unit``s before or after ``start``, at the unit's granularity."""
    gran = {"D": "day", "W": "week", "M": "month", "Q": "quarter"}.get(
        unit, "year" if unit in MONTHS_IN else "day"
    )
    steps = 0 if unit.startswith("T") else round(float(n) * (-1 if direction in BACKWARD else 1))
    return exact(fmt(gran, shift(start, unit, steps)), gran, reason)


def r_counted(g: Groups, ctx: Ctx) -> Resolution | None:
    unit, direction, rest = unit_code(g["unit"]), g["dir"], g["rest"]
    n = g["n"] or ("x" if g["unit"].endswith("s") else "1")
    gran = GRAN[unit]
    if direction in ("later", "earlier") and not rest and unit in ("D", "TH", "TM", "TS"):
        # "three days later", "an hour earlier": counted from an event the text has just told,
        # whose day is seldom the one last named; the count is what the text gives (TimeML too)
        return Resolution(
            duration(n, unit),
            "duration",
            "approximate" if n == "x" else "exact",
            f"{g['unit']} {direction} than an event told before",
            "DURATION",
        )
    if n == "x":
        refs = {"ago": "PAST_REF", "back": "PAST_REF", "from now": "FUTURE_REF", "hence": "FUTURE_REF"}
        if direction in refs and not rest:
            return Resolution(refs[direction], None, "approximate", f"some {g['unit']} {direction}")
        told = "an event with no date here" if rest else "an event told before"
        said = re.sub(r"^(prior|leading up)$", r"\1 to", direction)
        return Resolution(None, gran, "approximate", f"some {g['unit']} {said} {told}")
    if rest:
        base = rules.base(rest, ctx)
        if not base:
            return Resolution(None, gran, "approximate", "counted from an event with no date here")
        return _counted(n, unit, direction, base[1], f"counted from {rest!r}")
    # "a year ago" in an earnings report compares fiscal quarters
    quarter = _reported_quarter(ctx, QUARTER_WINDOW) if unit == "Y" and float(n) == 1 else None
    if quarter:
        year_apart = shift(quarter, "Y", -1 if direction != "later" else 1)
        return replace(
            exact(fmt("quarter", year_apart), "quarter", "the same fiscal quarter a year apart"), derived=True
        )
    grans = ("day", "week", "month", "quarter", "season", "year")
    if direction not in ("ago", "from now", "hence", "back") and (earlier := last_of(ctx, grans)):
        found = _counted(n, unit, direction, earlier[1], "counted from the last date named")
        return replace(found, derived=True)
    if not ctx.anchor:
        return unanchored(gran)
    return _counted(n, unit, direction, ctx.anchor, "counted from publication")


def _reported_quarter(ctx: Ctx, within: int = 0) -> dt.date | None:
    """Return the quarter last mentioned that had ended by publication (reports look back)."""
    for value in reversed(ctx.previous[-within:] if within else ctx.previous):
        parsed = parse_value(value)
        if (
            parsed
            and parsed[0] == "quarter"
            and (ctx.anchor is None or shift(parsed[1], "Q", 1) <= ctx.anchor)
        ):
            return parsed[1]
    return None


def r_fiscal(g: Groups, ctx: Ctx) -> Resolution | None:
    said = f"{g['q']} {g['post'] or ''}"
    if g["what"] == "quarter" and re.search(r"\b(current|this|present)\b", said):
        if not ctx.anchor:
            return unanchored("quarter")
        return exact(fmt("quarter", ctx.anchor), "quarter", "the current quarter")
    year = re.search(r"\b(\d{4})\b", said)
    fiscal = re.search(r"latest|recent|corresponding|comparable|year (ago|earlier)|last year|\d{4}", said)
    if re.search(r"\b(x|\d{1,3})\b", said) or g["what"] == "period" and not fiscal:
        return None  # "several quarters", "the period": not one fiscal quarter
    if g["what"] == "period" and not last_of(ctx, ("quarter",)) and not re.search(r"latest|recent", said):
        # a "period" is a fiscal quarter only in a report that has named one
        if year:
            return exact(year[1], "year", "the period of that year")
        return Resolution(None, "quarter", "unresolved", "a fiscal period, but no quarter is named")
    # the quarter last reported on, or else the last one completed by publication
    quarter = _reported_quarter(ctx) or (shift(ctx.anchor, "Q", -1) if ctx.anchor else None)
    if not quarter:
        return unanchored("quarter")
    back = r"year (ago|earlier|before)|last year|prior year|previous year|corresponding|comparable"
    if year:
        found = exact(f"{year[1]}-Q{(quarter.month + 2) // 3}", "quarter", "the fiscal quarter of that year")
    elif re.search(back, said):
        found = exact(
            fmt("quarter", shift(quarter, "Y", -1)), "quarter", "a year before the quarter reported"
        )
    else:
        found = exact(fmt("quarter", quarter), "quarter", "the fiscal quarter reported on")
    return replace(found, derived=True)


def r_subyear(g: Groups, ctx: Ctx) -> Resolution | None:
    half = g["p"] == "half"
    gran, months = ("half", 6) if half else ("quarter", 3)
    index = int(g["n"][0]) if g["n"][0].isdigit() else 12 // months
    if index > 12 // months:
        return None
    pre = None if g["pre"] in ("the", "a", None) else g["pre"].removeprefix("the ")
    base = rules.base(pre, ctx) or rules.base(g["post"], ctx)
    first = lambda y: dt.date(y, index * months - months + 1, 1)  # noqa: E731
    if base and base[0] == "year":
        y = base[1].year
    elif ctx.anchor and not (pre or g["post"]):
        y = place(ctx, lambda y: (first(y), shift(first(y), "M", months) - dt.timedelta(1)))
    else:
        return None if (pre or g["post"]) else unanchored(gran)
    return exact(fmt(gran, first(y)), gran, f"a {gran} of {y}")


def r_named(g: Groups, ctx: Ctx) -> Resolution | None:
    rel, unit = g["rel"], g["unit"]
    codes = {
        "weekend": "W",
        "day": "D",
        "week": "W",
        "month": "M",
        "quarter": "Q",
        "year": "Y",
        "decade": "DE",
        "century": "CE",
    }
    if unit not in codes:
        return None
    step = {
        "this": 0,
        "current": 0,
        "present": 0,
        "that": 0,
        "same": 0,
        "last": -1,
        "past": -1,
        "previous": -1,
        "prior": -1,
        "next": 1,
        "coming": 1,
        "following": 1,
    }[rel.removeprefix("the ")]
    order = ("day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century")
    anaphoric = rel in ("that", "same", "the previous", "the prior", "the following", "the next")
    earlier = last_of(ctx, order[: order.index(unit) + 1]) if anaphoric else None
    if rel in ("that", "same") and not earlier:
        return Resolution(None, unit, "unresolved", f"{rel} {unit}: no earlier date to refer to")
    start = earlier[1] if earlier else ctx.anchor
    if start is None:
        return unanchored(unit)
    found = exact(
        fmt(unit, shift(start, codes[unit], step)),
        "week" if unit == "weekend" else unit,
        f"{rel} {unit}, from " + ("the date last mentioned" if earlier else "publication"),
    )
    return replace(found, derived=bool(earlier))


def r_of(g: Groups, ctx: Ctx) -> Resolution:
    base = rules.base(g["rest"], ctx)
    if not base:
        return Resolution(None, None, "approximate", "part of a period with no date here")
    named = {"W": "week", "M": "month", "Y": "year"}.get(unit_code(g["unit"]), base[0])
    gran = base[0] if g["pos"] else named
    mod = None if not g["pos"] else "START" if g["pos"] in ("early", "first", "opening", "initial") else "END"
    return Resolution(
        fmt(gran, base[1]),
        gran,
        "approximate" if mod else "exact",
        f"the {gran} that holds the date named",
        "DATE",
        mod,
    )


def r_ended(g: Groups, ctx: Ctx) -> Resolution:
    return Resolution(
        duration("1", unit_code(g["unit"])),
        "duration",
        "exact",
        f"the {g['unit']} ended on a date",
        "DURATION",
    )


def r_nth(g: Groups, ctx: Ctx) -> Resolution:
    return Resolution(
        None,
        GRAN[unit_code(g["unit"])],
        "approximate",
        f"the {g['n']}th {g['unit']} of a period not named here",
    )


def r_duration(g: Groups, ctx: Ctx) -> Resolution | None:
    unit = unit_code(g["unit"])
    n = g["n"] or ("x" if g["unit"].endswith("s") else "1")
    if g["half"] or g["frac"] or g["half2"]:
        n = "x" if n == "x" else str(float(n if g["half"] is None else 0) + 0.5)
    if g["the"] and not (g["n"] or g["rel"] or g["unit"].endswith("s")) and unit in ("D", "W", "M", "Y"):
        # "the day": the day in question; "the year" ("sales for the year"): the current one
        found = last_of(ctx, ("day",), 3) if unit == "D" else None
        start, gran = found[1] if found else ctx.anchor, GRAN[unit]
        if unit == "W" or start is None:
            return Resolution(None, gran, "unresolved", f"the {gran}: which one is not said")
        return replace(exact(fmt(gran, start), gran, f"the {gran} in question"), derived=bool(found))
    return Resolution(
        duration(n, unit),
        "duration",
        "approximate" if n == "x" else "exact",
        f"a duration of {n if n != 'x' else 'some'} {g['unit']}",
        "DURATION",
    )
