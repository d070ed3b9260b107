"""Normalise a temporal expression to a TIMEX3 value, relative to an anchor date.

Pure and spaCy-free: :func:`resolve` takes the expression's text, the publication date (or None),
the tense of the verb that governs it and the values resolved earlier in the same document, and
returns a :class:`Resolution`. It never raises: what it cannot read is ``unresolved``, with a reason.

Values follow TIMEX3 (``2026-01-17``, ``2026-W03``, ``2026-01``, ``2026-Q1``, ``2026-SU``,
``2026``, ``199X``, ``19``, ``2026-01-13T10:30``, ``P3M``, ``PRESENT_REF``) and are never more
precise than the text. Relative expressions need the anchor; without one they stay unresolved
(``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` are kept: they name no date, so nothing is guessed).
Expressions counted from an event ("months before the operation") keep a null value. Words
come from ``data/time_words.tsv``; rules are tried in order and the first that reads wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from claimgraph.analyze import lexicon

__all__ = ["Resolution", "normalise", "resolve"]

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: granularity of each TIMEX3 unit (T marks clock units) and the months each one spans
GRAN = {"TS": "time", "TM": "time", "TH": "time", "D": "day", "W": "week", "M": "month",
        "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century"}
MONTHS_IN = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}
RELS = r"this coming|this past|last|next|this|coming|past|previous|following|current"
UNANCHORED = "relative to the publication date, which is not known"
NO_RULE = "no rule reads this expression"
#: how many earlier values "a year ago" looks back through for a fiscal quarter. Value F1 on
#: TimeBank 1.2 + AQUAINT by window: 1 .7725, 2 .7741, 3 .7735, 5 .7746, 8 .7746, all .7741
#: (flat: any small window will do). Re-run benchmarks/timebank.py when changing it.
QUARTER_WINDOW = 5
#: how far (days) from publication the tense may put a date whose year is not given before the
#: nearest occurrence wins instead. Value F1 on TimeBank 1.2 + AQUAINT by reach: 0 (nearest
#: only) .7725, 183 .7746, 200 .7763, 215-230 .7823, 245 .7806, 270 .7790, 366 (tense only)
#: .7697. Re-run benchmarks/timebank.py when changing it.
TENSE_REACH = 230

Groups = dict[str, "str | None"]
Rule = Callable[[Groups, "Ctx"], "Resolution | None"]


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


def _ok(value: str, gran: str | None, reason: str, timex_type: str = "DATE",
        kind: str = "exact") -> Resolution:
    return Resolution(value, gran, kind, reason, timex_type)


def _unanchored(gran: str | None, timex_type: str = "DATE") -> Resolution:
    return Resolution(None, gran, "unresolved", UNANCHORED, timex_type)


@cache
def table() -> dict[str, dict[str, str]]:
    """Return word -> {kind: value} from ``data/time_words.tsv``."""
    out: dict[str, dict[str, str]] = {}
    for word, kind, *value in lexicon.rows("time_words.tsv"):
        out.setdefault(word, {})[kind] = value[0] if value else ""
    return out


@cache
def words(kind: str) -> dict[str, str]:
    """Return the lexicon's words of ``kind`` with their values, longest first."""
    found = {w: k[kind] for w, k in table().items() if kind in k}
    return dict(sorted(found.items(), key=lambda kv: -len(kv[0])))


def alt(kind: str) -> str:
    """Return a regex alternation of the lexicon's words of ``kind``."""
    return "|".join(re.escape(w) for w in words(kind))


def normalise(text: str) -> str:
    """Return ``text`` lower-cased, with numbers as digits and canonical month and day names."""
    lex = table()
    s = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\b([ap])\.?\s?m\b\.?", r"\1m", s)
    s = re.sub(r"(?<=[a-z])'s\b|(?<=s)'(?=\s|$)", "", s)
    s = re.sub(r"'(\d\d)(s?)\b", lambda m: ("19" if int(m[1]) >= 30 else "20") + m[1] + m[2], s)
    s = re.sub(r"(\d+)(?:st|nd|rd|th)\b", r"\1th", s)
    s = re.sub(r"\b(\d{4})-(?=(?:w\d\d|q[1-4]|h[12]|sp|su|fa|wi)\b)", r"\1~", s)  # TIMEX3 values
    s = re.sub(r"(?<!\d)-|-(?!\d)", " ", s).replace("o'clock", "oclock").replace("'", "").replace("~", "-")
    s = re.sub(r"(?<!\d)[.:/]|[.:/](?!\d)|[,;!?\"()\[\]{}*]", " ", s).replace("centuries", "century")
    tokens, out, i = s.split(), [], 0
    units = set(words("unit"))
    while i < len(tokens):
        w, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
        kinds = lex.get(w, {})
        if w in ("a", "an") and nxt in ("few", "couple", "dozen", "hundred", "thousand"):
            pass  # "a few years": x; "a hundred years": 100
        elif w in ("a", "an") and (nxt.rstrip("s") in units or nxt == "half"):
            out.append("1")
        elif w in ("few", "several", "many", "multiple", "various", "numerous", "couple"):
            out.append("2" if w == "couple" else "x")
            i += 1 if nxt == "of" else 0
        elif "number" in kinds and w != "couple":
            i, value = _number_run(tokens, i)
            out.append(str(value))
            continue
        elif "ordinal" in kinds and w not in ("last", "final") and (
                w != "second" or nxt.rstrip("s") in units | {"half"} or out[-1:] == ["the"]):
            out.append(f"{kinds['ordinal']}th")
        elif "month" in kinds:
            out.append(MONTHS[int(kinds["month"]) - 1])
        elif "weekday" in kinds:
            out.append(WEEKDAYS[int(kinds["weekday"])])
        elif "zone" not in kinds:  # values keep the clock time as written, as TimeBank does
            out.append(w)
        i += 1
    return " ".join(out)


def _number_run(tokens: list[str], i: int) -> tuple[int, int]:
    """Return (index after, value) of the run of number words that starts at ``tokens[i]``."""
    lex, vals, j = table(), [], i
    while j < len(tokens):
        w, nxt = tokens[j], tokens[j + 1] if j + 1 < len(tokens) else ""
        if "number" in lex.get(w, {}) and w != "couple":
            vals.append(int(lex[w]["number"]))
        elif not (w == "and" and vals[-1:] in ([100], [1000]) and "number" in lex.get(nxt, {})):
            break
        j += 1
    # "nineteen ninety six" is a year: a teen (or "twenty"), then tens and maybe units
    if len(vals) >= 2 and 10 <= vals[0] <= 20 and 20 <= vals[1] < 100:
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
    """Return ``s`` without leading and trailing modifiers or filler, and the TIMEX3 mod given."""
    mod, changed = None, True
    while changed:
        changed = False
        for phrase, value in _leading().items():
            rest = s[len(phrase) + 1:]
            if not s.startswith(phrase + " ") or (
                    phrase in ("some", "under", "post", "pre") and not re.match(r"[\dx]", rest)) or (
                    phrase in ("earlier", "later") and not re.match(
                        r"(this|that|today|tonight|in|[a-z]+day)\b", rest)):
                continue  # "some time", "later on": not modifiers here
            if phrase in ("over", "within") and not re.match(r"[\dx]", rest):
                value = ""  # "over the weekend": a preposition here
            mod, s, changed = mod or value or None, rest, True
            break
        for phrase, value in words("trailing").items():
            if s.endswith(" " + phrase):
                mod, s, changed = mod or value, s[: -len(phrase) - 1], True
    if " or so " in s:  # "a week or so ago"
        mod, s = mod or "APPROX", s.replace(" or so ", " ")
    s = " ".join(w for w in s.split() if w not in words("filler"))
    if mod in ("START", "END", "MID"):  # "the end of the year", "year end": the current one
        s = re.sub(r"^(?:the )?(week|month|year|quarter|decade|century)$", r"this \1", s)
    return s, mod


@cache
def _leading() -> dict[str, str]:
    """Return leading prepositions and modifiers with their TIMEX3 mod, longest first."""
    return dict(sorted({**words("prep"), **words("mod")}.items(), key=lambda kv: -len(kv[0])))


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
        found = read(s, ctx)
    except (ValueError, OverflowError, ArithmeticError, KeyError) as exc:
        # Dates outside the calendar (year 0, ten thousand years ago) are data, not a bug.
        return Resolution(None, None, "unresolved", f"outside the calendar ({type(exc).__name__})")
    if found is None:
        return Resolution(None, None, "unresolved", NO_RULE)
    if mod and found.value is not None and found.type != "unresolved":
        found = replace(found, mod=found.mod or mod,
                        type="range" if found.type == "range" else "approximate")
    return found


def read(s: str, ctx: Ctx) -> Resolution | None:
    """Return the reading of normalised ``s`` by the first rule that matches it, or None."""
    for pattern, rule in _rules():
        m = pattern.fullmatch(s)
        found = rule(defaultdict(lambda: None, m.groupdict()), ctx) if m else None
        if found is not None:
            return found
    return read(s[4:], ctx) if s.startswith("the ") else None


# ---- calendar ------------------------------------------------------------------------------

def fmt(gran: str, d: dt.date) -> str:
    """Return the TIMEX3 value of the ``gran`` period that contains ``d``."""
    if gran in ("week", "weekend"):
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if gran == "weekend" else "")
    return {"day": d.isoformat(), "month": f"{d.year:04d}-{d.month:02d}",
            "quarter": f"{d.year:04d}-Q{(d.month + 2) // 3}",
            "half": f"{d.year:04d}-H{(d.month + 5) // 6}", "year": f"{d.year:04d}",
            "decade": f"{d.year // 10:03d}X", "century": f"{d.year // 100:02d}"}[gran]


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """Return ``d`` moved by ``n`` TIMEX3 ``unit``s (a month move caps the day at 28)."""
    if unit not in MONTHS_IN:
        return d + dt.timedelta(days=n * {"W": 7, "D": 1}.get(unit, 0))
    year, month = divmod(d.year * 12 + d.month - 1 + n * MONTHS_IN[unit], 12)
    return dt.date(year, month + 1, min(d.day, 28))


def parse_value(value: str | None) -> tuple[str, dt.date] | None:
    """Return (granularity, first day) of a TIMEX3 date value, or None for other values."""
    m = re.match(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q(\d)|H(\d)|(SP|SU|FA|WI)))?(?=T|$|-WE)",
                 value or "")
    if not m:
        return None
    y = int(m[1])
    if m[4]:
        return "week", dt.date.fromisocalendar(y, int(m[4]), 1)
    gran = "day" if m[3] else "month" if m[2] else "quarter" if m[5] else "half" if m[6] \
        else "season" if m[7] else "year"
    month = int(m[2] or 0) or int(m[5] or 0) * 3 - 2 if (m[2] or m[5]) else \
        int(m[6] or 0) * 6 - 5 if m[6] else {"SP": 3, "SU": 6, "FA": 9, "WI": 12}.get(m[7] or "", 1)
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
    years = [(y, *span(y)) for y in (a.year - 1, a.year, a.year + 1)]
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
    per, smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "TH": (60, "M"),
                    "TM": (60, "S")}.get(t + code if t else code, (0, ""))
    if frac and (frac * per).is_integer():
        sep = "T" if code == "D" else ""
        return f"P{t}{int(whole)}{code}{sep}{int(frac * per)}{smaller}".replace(f"P{t}0{code}", f"P{t}")
    return f"P{t}{amount:g}{code}"


# ---- rules ---------------------------------------------------------------------------------

def _unit(word: str) -> str:
    return words("unit")[word.rstrip("s") if word.rstrip("s") in words("unit") else word]


def _base(text: str | None, ctx: Ctx) -> tuple[str, dt.date] | None:
    """Return the parsed value of a sub-expression ("Christmas" in "two days before Christmas")."""
    found = read(text, ctx) if text else None
    return parse_value(found.value) if found else None


def r_iso(g: Groups, ctx: Ctx) -> Resolution:
    d = dt.date(int(g["y"]), int(g["m"]), int(g["d"] or 1))
    if g["h"]:
        return _ok(f"{d}T{g['h']}:{g['mi']}", "time", "ISO 8601 date-time", "TIME")
    return _ok(fmt("day" if g["d"] else "month", d), "day" if g["d"] else "month", "ISO 8601 date")


def r_timex(g: Groups, ctx: Ctx) -> Resolution | None:
    value = f"{g['y']}-Q{g['q']}" if g["q"] else g["v"].upper()
    parsed = parse_value(value)
    return _ok(value, parsed[0], "a TIMEX3 value") if parsed else None


def r_weekend(g: Groups, ctx: Ctx) -> Resolution:
    if not ctx.anchor:
        return _unanchored("weekend")
    d = ctx.anchor if ctx.tense != "past" or ctx.anchor.weekday() >= 5 else shift(ctx.anchor, "W", -1)
    return _ok(fmt("weekend", d), "weekend", f"the weekend nearest publication by {ctx.tense or 'no'} tense")


def r_ref(g: Groups, ctx: Ctx) -> Resolution:
    value = words("ref")[g["ref"]]
    return Resolution(value, None, "approximate", f"{value.split('_')[0].lower()} of the publication")


def r_set(g: Groups, ctx: Ctx) -> Resolution:
    if g["set"]:
        value = words("set")[g["set"]]
    elif g["unit"]:
        value = duration(g["n"] or "1", _unit(g["unit"]))
    elif g["wd"]:
        value = f"XXXX-WXX-{WEEKDAYS.index(g['wd']) + 1}" + (f"T{words('part')[g['part']]}" if g["part"] else "")
    else:
        value = f"XXXX-{MONTHS.index(g['mon']) + 1:02d}"
    return Resolution(value, None, "exact", "a recurring time", "SET")


def r_range(g: Groups, ctx: Ctx) -> Resolution | None:
    a, b = g["a"], g["b"]
    if g["sep"] == "and" and not g["between"]:
        return None  # "in 1994 and 1997" lists two years; "between 1994 and 1997" is a range
    if re.fullmatch(r"\d+", a) and (unit := re.fullmatch(rf"\d+ ({alt('unit')})s?", b)):
        return Resolution(duration(a, _unit(unit[1])), "duration", "range", f"{a} or more {unit[1]}s",
                          "DURATION", "EQUAL_OR_MORE")
    if (year := re.search(r" (\d{4})$", b)) and not re.search(r"\d{4}", a):
        a = f"{a} {year[1]}"
    if re.fullmatch(r"\d{1,2}", b) and (month := re.match(rf"({'|'.join(MONTHS)}) \d", a)):
        b = f"{month[1]} {b}"
    ra, rb = read(a, ctx), read(b, ctx)
    if not (ra and rb and parse_value(ra.value) and parse_value(rb.value)) or ra.granularity != rb.granularity:
        return None
    return Resolution(f"{ra.value}/{rb.value}", ra.granularity, "range", f"from {a} to {b}", ra.timex_type)


def r_date(g: Groups, ctx: Ctx) -> Resolution | None:
    month = MONTHS.index(g["mon"] or g["mon2"]) + 1 if (g["mon"] or g["mon2"]) else int(g["m"])
    day, year = int(g["d"] or g["d2"]), g["y"]
    if year:
        y = int(year) + (1900 if len(year) == 2 and int(year) >= 30 else 2000 if len(year) == 2 else 0)
        return _ok(dt.date(y, month, day).isoformat(), "day", "a full date")
    if not ctx.anchor:
        return _unanchored("day")
    if g["wd"]:  # "Friday, Oct. 13": the year in which that date is that weekday, if one is near
        fits = [y for y in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1)
                if dt.date(y, month, day).weekday() == WEEKDAYS.index(g["wd"])]
        if fits:
            return _ok(dt.date(fits[0], month, day).isoformat(), "day", "year from the weekday")
    y = place(ctx, lambda y: (dt.date(y, month, day),) * 2, g["rel"])
    return _ok(dt.date(y, month, day).isoformat(), "day", f"year inferred from publication ({ctx.tense or 'no'} tense)")


def r_month(g: Groups, ctx: Ctx) -> Resolution:
    month = MONTHS.index(g["mon"]) + 1
    if g["y"]:
        return _ok(f"{int(g['y']):04d}-{month:02d}", "month", "month and year")
    if not ctx.anchor:
        return _unanchored("month")
    if g["yrel"]:
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[g["yrel"]]
    else:
        y = place(ctx, lambda y: (dt.date(y, month, 1), shift(dt.date(y, month, 1), "M", 1) - dt.timedelta(1)), g["rel"])
    return _ok(f"{y:04d}-{month:02d}", "month", f"year inferred from publication ({g['rel'] or ctx.tense or 'no'} tense)")


def r_holiday(g: Groups, ctx: Ctx) -> Resolution:
    rule = words("holiday")[g["hol"]]
    if not g["y"] and not ctx.anchor:
        return _unanchored("day")
    y = int(g["y"]) if g["y"] else place(ctx, lambda y: (holiday(rule, y),) * 2, g["rel"])
    return _ok(holiday(rule, y).isoformat(), "day", f"the holiday {g['hol']}")


def r_year(g: Groups, ctx: Ctx) -> Resolution | None:
    if g["y"]:
        return _ok(g["y"], "year", "a year") if 1000 <= int(g["y"]) <= 2999 else None
    if g["cent"]:
        return _ok(f"{int(g['cent']) - 1:02d}", "century", "a century")
    tens = {"twen": 2, "thir": 3, "for": 4, "fif": 5, "six": 6, "seven": 7, "eigh": 8, "nine": 9}
    dec = g["dec"] or ("19" + (g["dec2"] or str(tens.get(g["word"] or "", 0))))[-3:]
    if len(dec) == 3 and not dec.endswith("0"):
        return _ok(f"{dec}X", "decade", "a decade")
    return _ok(f"{'19' if int(dec[:2]) >= 30 else '20'}{dec[0]}X", "decade", "a decade") if len(dec) == 2 else None


def r_season(g: Groups, ctx: Ctx) -> Resolution:
    code = words("season")[g["season"]]
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if not g["y"] and not ctx.anchor:
        return _unanchored("season")
    span = (lambda y: (dt.date(y, first, 1), shift(dt.date(y, first, 1), "M", 3) - dt.timedelta(1)))
    y = int(g["y"]) if g["y"] else place(ctx, span, g["rel"])
    return _ok(f"{y:04d}-{code}", "season", "a season")


def _day_part(d: dt.date, part: str | None, reason: str) -> Resolution:
    if not part:
        return _ok(d.isoformat(), "day", reason)
    return _ok(f"{d.isoformat()}T{words('part')[part]}", "time", reason, "TIME")


def r_relday(g: Groups, ctx: Ctx) -> Resolution | None:
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
              "day before yesterday": -2, "day after tomorrow": 2}
    part = g["p1"] or g["p2"] or ("night" if g["day"] == "tonight" else None)
    if g["day"] in offset:
        if not ctx.anchor:
            return _unanchored("time" if part else "day")
        return _day_part(ctx.anchor + dt.timedelta(days=offset[g["day"]]), part,
                         f"{g['day']} {part or ''}, from publication".replace(" ,", ","))
    earlier = last_of(ctx, ("day",), within=3) if g["day"] != "this" else None
    day = earlier[1] if earlier else ctx.anchor
    if day:  # "that night", "the next morning": from the day last mentioned, or publication
        day += dt.timedelta(days=1 if g["day"] and "next" in g["day"] or "following" in (g["day"] or "") else 0)
        return _day_part(day, part, "from the day last mentioned" if earlier else "from publication")
    return _unanchored("time")


def r_weekday(g: Groups, ctx: Ctx) -> Resolution:
    if not ctx.anchor:
        return _unanchored("time" if g["part"] else "day")
    earlier = last_of(ctx, ("day",)) if g["rel"] in ("previous", "following") else None
    if earlier:  # "the previous Friday": the Friday before the day last mentioned
        d = weekday_date(replace(ctx, anchor=earlier[1]), WEEKDAYS.index(g["wd"]), g["rel"])
        return replace(_day_part(d, g["part"], f"{g['rel']} {g['wd']}, from the day last mentioned"), derived=True)
    d = weekday_date(ctx, WEEKDAYS.index(g["wd"]), g["rel"])
    return _day_part(d, g["part"], f"weekday nearest publication by {g['rel'] or ctx.tense or 'no'} tense")


def r_clock(g: Groups, ctx: Ctx) -> Resolution | None:
    hour, minute = int(g["h"] or g["h2"] or 0), int(g["mi"] or g["mi2"] or 0)
    if g["named"]:
        hour = 24 if g["named"] == "midnight" else 12
    hour += 12 if (g["ap"] == "pm" or g["pp"] in ("afternoon", "evening")) and hour < 12 else 0
    hour -= 12 if g["ap"] == "am" and hour == 12 else 0
    if hour > 24 or minute > 59:
        return None
    day = _base(g["pre"] or g["post"], ctx)
    if (g["pre"] or g["post"]) and not (day and day[0] == "day"):
        return None
    day = day or last_of(ctx, ("day",), within=3) or (("day", ctx.anchor) if ctx.anchor else None)
    if not day:
        return _unanchored("time", "TIME")
    return _ok(f"{day[1].isoformat()}T{hour:02d}:{minute:02d}", "time", "clock time on the day named or last mentioned", "TIME")


def _counted(n: str, unit: str, direction: str, start: dt.date, reason: str) -> Resolution:
    """Return the period ``n`` ``unit``s before or after ``start``, at the unit's granularity."""
    sign = -1 if direction in ("ago", "earlier", "before", "prior", "back", "previously") else 1
    gran = {"D": "day", "W": "week", "M": "month", "Q": "quarter"}.get(unit, "year" if unit in MONTHS_IN else "day")
    steps = round(float(n) * sign) if not unit.startswith("T") else 0
    return _ok(fmt(gran, shift(start, unit, steps)), gran, reason)


def r_counted(g: Groups, ctx: Ctx) -> Resolution | None:
    unit, direction, rest = _unit(g["unit"]), g["dir"], g["rest"]
    n = g["n"] or ("x" if g["unit"].endswith("s") else "1")
    gran = GRAN[unit]
    if direction in ("later", "earlier") and not rest and unit in ("D", "TH", "TM", "TS"):
        # "three days later", "an hour earlier": counted from an event the text has just told,
        # whose day is seldom the one last named; the count is what the text gives (TimeML too)
        return Resolution(duration(n, unit), "duration", "approximate" if n == "x" else "exact",
                          f"{g['unit']} {direction} than an event told before", "DURATION")
    if n == "x":
        value = {"ago": "PAST_REF", "back": "PAST_REF", "from now": "FUTURE_REF", "hence": "FUTURE_REF"}.get(direction)
        if value and not rest:
            return Resolution(value, None, "approximate", f"some {g['unit']} {direction}")
        return Resolution(None, gran, "approximate", f"some {g['unit']} {direction} {rest or 'another time'}")
    if rest:
        base = _base(rest, ctx)
        if not base:
            return Resolution(None, gran, "approximate", f"counted from {rest!r}, which has no date here")
        return _counted(n, unit, direction, base[1], f"counted from {rest!r}")
    # "a year ago" in an earnings report compares fiscal quarters
    quarter = _reported_quarter(ctx, QUARTER_WINDOW) if unit == "Y" and float(n) == 1 else None
    if quarter:
        return replace(_ok(fmt("quarter", shift(quarter, "Y", -1 if direction != "later" else 1)), "quarter",
                           "the same fiscal quarter a year apart"), derived=True)
    if direction in ("ago", "from now", "hence", "back"):
        return _counted(n, unit, direction, ctx.anchor, "counted from publication") if ctx.anchor else _unanchored(gran)
    earlier = last_of(ctx, ("day", "week", "month", "quarter", "season", "year"))
    if earlier:
        return replace(_counted(n, unit, direction, earlier[1], "counted from the date last mentioned"), derived=True)
    return _counted(n, unit, direction, ctx.anchor, "counted from publication") if ctx.anchor else _unanchored(gran)


def _reported_quarter(ctx: Ctx, within: int = 0) -> dt.date | None:
    """Return the quarter last mentioned that had ended by publication (reports look back)."""
    for value in reversed(ctx.previous[-within:] if within else ctx.previous):
        parsed = parse_value(value)
        if parsed and parsed[0] == "quarter" and (ctx.anchor is None or shift(parsed[1], "Q", 1) <= ctx.anchor):
            return parsed[1]
    return None


def _quarter_of(ctx: Ctx) -> dt.date | None:
    """Return the reported quarter last mentioned, or else the last completed by publication."""
    return _reported_quarter(ctx) or (shift(ctx.anchor, "Q", -1) if ctx.anchor else None)


def r_fiscal(g: Groups, ctx: Ctx) -> Resolution | None:
    words_ = f"{g['q']} {g['post'] or ''}"
    if g["what"] == "quarter" and re.search(r"\b(current|this|present)\b", words_):
        return _ok(fmt("quarter", ctx.anchor), "quarter", "the current quarter") if ctx.anchor else _unanchored("quarter")
    year = re.search(r"\b(\d{4})\b", words_)
    fiscal = re.search(r"latest|recent|corresponding|comparable|year (ago|earlier)|\d{4}", words_)
    if re.search(r"\b(x|\d{1,3})\b", words_) or g["what"] == "period" and not fiscal:
        return None  # "several quarters", "the period": not one fiscal quarter
    if g["what"] == "period" and not last_of(ctx, ("quarter",)) and not re.search(r"latest|recent", words_):
        # a "period" is a fiscal quarter only in a report that has named one
        if year:
            return _ok(year[1], "year", "the period of that year")
        return Resolution(None, "quarter", "unresolved", "a fiscal period, but no quarter is named before")
    quarter = _quarter_of(ctx)
    if not quarter:
        return _unanchored("quarter")
    if year:
        found = _ok(f"{year[1]}-Q{(quarter.month + 2) // 3}", "quarter", "the fiscal quarter of that year")
    elif re.search(r"year (ago|earlier|before)|last year|prior year|previous year|corresponding|comparable", words_):
        found = _ok(fmt("quarter", shift(quarter, "Y", -1)), "quarter", "a year before the fiscal quarter in question")
    else:
        found = _ok(fmt("quarter", quarter), "quarter", "the fiscal quarter in question")
    return replace(found, derived=True)


def r_subyear(g: Groups, ctx: Ctx) -> Resolution | None:
    half = g["p"] == "half"
    index = int(g["n"][0]) if g["n"][0].isdigit() else 2 if half else 4
    if index > (2 if half else 4):
        return None
    pre = None if g["pre"] in ("the", "a", None) else g["pre"].removeprefix("the ")
    base = _base(pre, ctx) or _base(g["post"], ctx)
    gran = "half" if half else "quarter"
    first = lambda y: dt.date(y, index * (6 if half else 3) - (5 if half else 2), 1)  # noqa: E731
    if base and base[0] == "year":
        y = base[1].year
    elif ctx.anchor and not (pre or g["post"]):
        y = place(ctx, lambda y: (first(y), shift(first(y), "M", 6 if half else 3) - dt.timedelta(1)))
    else:
        return None if (pre or g["post"]) else _unanchored(gran)
    return _ok(fmt(gran, first(y)), gran, f"a {gran} of {y}")


def r_named(g: Groups, ctx: Ctx) -> Resolution | None:
    rel, unit = g["rel"], g["unit"]
    gran = unit if unit in ("weekend", "day", "week", "month", "quarter", "year", "decade", "century") else None
    if gran is None:
        return None
    step = {"this": 0, "current": 0, "present": 0, "that": 0, "same": 0, "last": -1, "past": -1,
            "previous": -1, "prior": -1, "next": 1, "coming": 1, "following": 1}[rel.removeprefix("the ")]
    code = {"weekend": "W", "day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y",
            "decade": "DE", "century": "CE"}[unit]
    order = ("day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century")
    finer = order[: order.index(gran) + 1]
    earlier = last_of(ctx, finer) if rel in ("that", "same") or rel in ("the previous", "the prior",
                                                                       "the following", "the next") else None
    if rel in ("that", "same") and not earlier:
        return Resolution(None, gran, "unresolved", f"{rel} {unit}: no earlier date to refer to")
    start = earlier[1] if earlier else ctx.anchor
    if start is None:
        return _unanchored(gran)
    return replace(_ok(fmt(gran, shift(start, code, step)), gran,
                       f"{rel} {unit}, from " + ("the date last mentioned" if earlier else "publication")),
                   derived=bool(earlier))


def r_of(g: Groups, ctx: Ctx) -> Resolution:
    base, rest = _base(g["rest"], ctx), g["rest"]
    unit = _unit(g["unit"])
    if not base:
        return Resolution(None, None, "approximate", f"part of {rest!r}, which has no date here")
    gran = {"W": "week", "M": "month", "Y": "year"}.get(unit) if not g["pos"] else base[0]
    mod = {"early": "START", "first": "START", "opening": "START", "initial": "START"}.get(g["pos"] or "", "END" if g["pos"] else None)
    return Resolution(fmt(gran or base[0], base[1]), gran or base[0], "approximate" if mod else "exact",
                      f"within {rest!r}", "DATE", mod)


def r_ended(g: Groups, ctx: Ctx) -> Resolution:
    unit = _unit(g["unit"])
    return Resolution(duration("1", unit), "duration", "exact", f"the {g['unit']} ended on a date", "DURATION")


def r_nth(g: Groups, ctx: Ctx) -> Resolution:
    unit = _unit(g["unit"])
    return Resolution(None, GRAN[unit], "approximate", f"the {g['n']}th {g['unit']} of a period not named here")


def r_duration(g: Groups, ctx: Ctx) -> Resolution | None:
    unit = _unit(g["unit"])
    n = g["n"] or ("x" if g["unit"].endswith("s") else "1")
    if g["half"] or g["frac"] or g["half2"]:
        n = "x" if n == "x" else str(float(n if g["half"] is None else 0) + 0.5)
    if g["the"] and not g["n"] and not g["rel"] and not g["unit"].endswith("s") and unit in ("D", "W", "M", "Y"):
        # "the day": the day in question; "the year" ("sales for the year"): the current one
        found = last_of(ctx, ("day",), 3) if unit == "D" else None
        start = found[1] if found else ctx.anchor
        gran = GRAN[unit]
        if unit == "W" or start is None:
            return Resolution(None, gran, "unresolved", f"the {gran}: which one is not said")
        return replace(_ok(fmt(gran, start), gran, f"the {gran} in question"), derived=bool(found))
    kind = "approximate" if n == "x" else "exact"
    return Resolution(duration(n, unit), "duration", kind, f"{n if n != 'x' else 'some'} {g['unit']}", "DURATION")


@cache
def _rules() -> tuple[tuple[re.Pattern[str], Rule], ...]:
    """Return (pattern, rule) pairs in the order they are tried; patterns match whole strings."""
    mon, wd = "|".join(MONTHS), "|".join(WEEKDAYS)
    unit, part, season = alt("unit"), alt("part"), alt("season")
    units = rf"(?P<unit>(?:{unit})s?)"
    clock = (rf"(?:(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?(?: ?(?P<ap>am|pm)| oclock| in the (?P<pp>{part})| at night)"
             rf"|(?P<h2>\d{{1,2}}):(?P<mi2>\d\d)|(?P<named>noon|midday|midnight))")
    table: list[tuple[str, Rule]] = [
        (r"(?P<y>\d{4})-(?P<m>\d\d)(?:-(?P<d>\d\d))?(?:t(?P<h>\d\d):(?P<mi>\d\d)(?::\d\d)?)?", r_iso),
        (r"(?P<v>\d{4}-(?:w\d\d(?:-we)?|q[1-4]|h[12]|sp|su|fa|wi))|q(?P<q>[1-4]) (?P<y>\d{4})", r_timex),
        (rf"(?P<ref>{alt('ref')})", r_ref),
        (r"(?:the )?weekend", r_weekend),
        (rf"(?P<set>{alt('set')})", r_set),
        (rf"(?:every|each|per) (?:(?P<n>\d+) )?(?P<unit>{unit})s?", r_set),
        (rf"(?:every|each) (?P<wd>{wd})(?: (?P<part>{part}))?", r_set),
        (rf"(?P<wd>{wd})s(?: (?P<part>{part})s?)?", r_set),
        (rf"(?P<wd>{wd}) (?P<part>{part})s", r_set),
        (rf"(?:every|each) (?P<mon>{mon})", r_set),
        (r"(?:(?P<between>between) |from )?(?P<a>.+?) (?P<sep>and|to|through|until|till) (?P<b>.+)", r_range),
        (rf"(?:(?P<rel>{RELS}) )?(?:(?P<wd>{wd}) )?(?:(?P<mon>{mon}) (?:the )?(?P<d>\d{{1,2}})(?:th)?"
         rf"|(?:the )?(?P<d2>\d{{1,2}})(?:th)? (?:of )?(?P<mon2>{mon}))(?: (?:of )?(?P<y>\d{{4}}))?", r_date),
        (r"(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{4}|\d\d))?", r_date),
        (rf"(?:(?P<rel>{RELS}) )?(?P<mon>{mon})(?: (?:of )?(?P<y>\d{{4}})| (?P<yrel>this|last|next) year)?", r_month),
        (rf"(?:(?P<rel>{RELS}) )?(?P<hol>{alt('holiday')})(?: (?P<y>\d{{4}}))?", r_holiday),
        (r"(?:the )?(?:year )?(?P<y>\d{4})|(?:the )?(?P<cent>\d{1,2})th century|(?:the )?(?:(?P<dec>\d{3})0"
         r"|(?P<dec2>\d0)|(?P<word>twen|thir|for|fif|six|seven|eigh|nine)tie)s", r_year),
        (rf"(?:(?P<rel>{RELS}) )?(?P<season>{season})(?: (?:of )?(?P<y>\d{{4}}))?", r_season),
        (rf"(?:(?P<p1>{part}) )?(?P<day>today|tonight|yesterday|tomorrow|day before yesterday"
         rf"|day after tomorrow)(?: (?P<p2>{part}))?", r_relday),
        (rf"(?:(?P<day>this|last|that|the next|the following|next) )?(?P<p1>{part})", r_relday),
        (rf"(?:(?P<rel>{RELS}) )?(?P<wd>{wd})(?: (?P<part>{part}))?", r_weekday),
        (rf"(?:(?P<pre>.+?) (?:at )?)?{clock}(?: (?:on )?(?P<post>.+))?", r_clock),
        (rf"(?:(?P<n>\d+(?:\.\d+)?|x) )?{units} (?P<dir>ago|earlier|later|before|after|from now|hence|prior|back"
         rf"|since|previously)(?: (?:to |that )?(?P<rest>.+))?", r_counted),
        (rf"(?:(?P<pre>.+?) )?(?P<n>[1-4]th|last|final|latter) (?P<p>quarter|half)(?: (?:of )?(?P<post>.+))?", r_subyear),
        (r"(?P<q>(?:[a-z\d]+ )*?)(?P<what>quarter|period)(?P<post> last year| 1 year (?:ago|earlier)| of \d{4})?", r_fiscal),
        (r"(?P<rel>(?:the )?(?:this|current|present|last|past|previous|prior|next|coming|following)|that|same)"
         r" (?P<unit>[a-z]+)", r_named),
        (rf"(?:the )?(?P<n>\d+)th {units}", r_nth),
        (r"(?:the )?(?P<unit>year|month|week) end(?:ed|ing)", r_ended),
        (rf"(?:the )?(?:(?P<pos>early|first|last|final|closing|opening|initial|later|latter|waning) )?"
         rf"(?:(?:\d+|x) )?{units} of (?P<rest>.+)", r_of),
        (rf"(?P<the>the )?(?:(?P<rel>past|last|next|first|1th|coming|previous|latest|recent|initial|upcoming"
         rf"|year earlier|year ago) )?(?:(?P<n>\d+(?:\.\d+)?|x) (?P<frac>1/2 |and 1 half )?)?(?:(?P<half>half )(?:1 )?)?"
         rf"{units}(?P<half2> and 1 half)?(?: to come| ahead)?", r_duration),
    ]
    return tuple((re.compile(pattern), rule) for pattern, rule in table)
