"""Read the words of a temporal expression: spelling, numbers, modifiers and filler.

:func:`normalise` lower-cases an expression and writes numbers as digits and month and day names
in full ("Aug. 7" gives "august 7", "nineteen ninety-six" gives "1996", "a few years" gives
"x years"); :func:`strip_mods` takes off modifiers, which become a TIMEX3 ``mod`` ("about",
"early", "at least"), and words that add nothing ("only", "fiscal"). Every word list is read from
``data/time_words.tsv``.
"""

from __future__ import annotations

import re
from functools import cache

from claimgraph.analyze import lexicon

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


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


def unit_code(word: str) -> str:
    """Return the TIMEX3 unit of a unit word, singular or plural ("weeks" gives "W")."""
    units = words("unit")
    return units[word.rstrip("s") if word.rstrip("s") in units else word]


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
        elif (
            "ordinal" in kinds
            and w not in ("last", "final")
            and (w != "second" or nxt.rstrip("s") in units | {"half"} or out[-1:] == ["the"])
        ):
            out.append(f"{kinds['ordinal']}th")
        elif "month" in kinds:
            out.append(MONTHS[int(kinds["month"]) - 1])
        elif "weekday" in kinds:
            out.append(WEEKDAYS[int(kinds["weekday"])])
        elif "zone" in kinds:  # the clock time stays as written; UTC is marked "Z" (ISO 8601)
            out += ["z"] if kinds["zone"] == "Z" else []
        else:
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


def strip_mods(s: str) -> tuple[str, str | None]:
    """Return ``s`` without leading and trailing modifiers or filler, and the TIMEX3 mod given."""
    mod, changed = None, True
    while changed:
        changed = False
        for phrase, value in _leading().items():
            rest = s[len(phrase) + 1 :]
            if (
                not s.startswith(phrase + " ")
                or (phrase in ("some", "under", "post", "pre") and not re.match(r"[\dx]", rest))
                or (
                    phrase in ("earlier", "later")
                    and not re.match(r"(this|that|today|tonight|in|[a-z]+day)\b", rest)
                )
            ):
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
