"""Find temporal expressions and normalise them to TIMEX3, relative to the publication date.

Reads ``doc.ents`` (DATE and TIME), the parse when there is one, and ``doc._.cg_document``
(its ``published`` date is the anchor); writes ``doc._.cg_times``. Candidates are the model's
DATE and TIME entities plus token patterns for what the small model misses ("now", "recently",
"daily", holidays, weekdays); extents then follow TimeBank's TIMEX3 conventions: determiners and
modifiers stay ("the third quarter", "about two years ago"), prepositions and possessive endings
go ("in 2003" gives "2003"). An expression counted from an event keeps the event ("months before
the operation"): its value is null, since the event has no date here. Values come from
:func:`claimgraph.analyze.timex.resolve`, given the tense of the governing verb and the values
found earlier in the document.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from claimgraph.analyze import extensions  # noqa: F401  (registers doc._.cg_times)
from claimgraph.analyze.timex import NO_RULE, WEEKDAYS, Resolution, parse_value, resolve, words
from claimgraph.ids import make_id
from claimgraph.model import Time

LABELS = ("DATE", "TIME")
#: an arbitrary anchor for asking whether an expression can be read at all
READ_ANCHOR = dt.date(2000, 1, 1)
#: days an anchor is moved by to see whether a value depends on it: more than a year, and not a
#: whole number of weeks, so that years, weeks, weekdays and days all move
ANCHOR_PROBE = 400
#: words dropped from the start of an extent (TimeML leaves prepositions to SIGNAL tags)
TRIM_LEFT = frozenset(
    {
        "in",
        "on",
        "at",
        "for",
        "since",
        "by",
        "during",
        "until",
        "till",
        "from",
        "through",
        "throughout",
        "of",
        "as",
        "to",
        "into",
        "within",
        "after",
        "before",
        "between",
        "and",
        "or",
        "only",
        "just",
        "barely",
        "'s",
        "over",
        "per",
        "than",
        "except",
        "beyond",
        "toward",
        "towards",
        "some",
        "like",
        "but",
        "so",
        "far",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
    }
)
#: of TRIM_LEFT, words TimeBank keeps before a number ("over a week", "within 18 months")
KEEP_BEFORE_NUMBER = frozenset({"over", "within", "some"})
#: words that make a unit a time when they stand just before a span ("this" + "year's election")
LEFT_MODIFIERS = frozenset(
    {
        "this",
        "last",
        "next",
        "that",
        "past",
        "coming",
        "previous",
        "following",
        "early",
        "late",
        "mid",
        "each",
        "every",
        "recent",
    }
)
TRIM_RIGHT = frozenset({"'s", "’s", "'", "of", "and", "or", "to", "than", "as", "-", "the", "a"})
#: one-word expressions the model misses, kept where TimeBank mostly annotates them (measured on
#: TimeBank 1.2 + AQUAINT, annotated of all: "now" 60 of 85, "recently" 13 of 20, "currently"
#: 10 of 16, "daily" 11 of 17; left out: "previously" 3 of 23, "soon" 5 of 18, "already" 2 of 38,
#: "then" 2 of 45, "once" 1 of 25). Re-run benchmarks/timebank.py when changing the list.
SINGLE = (
    "now",
    "currently",
    "recently",
    "lately",
    "nowadays",
    "daily",
    "weekly",
    "hourly",
    "nightly",
    "monthly",
    "yearly",
    "biweekly",
    "current",
)
#: of SINGLE, words that are times only as adverbs ("rallies held daily", not "daily volume");
#: "current" is the exception, an adjective of its own (9 of 17 standalone uses annotated)
ADVERBS_ONLY = frozenset({"daily", "weekly", "hourly", "nightly", "monthly", "yearly", "biweekly"})
#: multi-word PAST/PRESENT/FUTURE_REF phrases not looked for ("the moment": 0 of 5 annotated)
NOT_FOUND_REFS = frozenset({"the moment", "the present", "this time", "past years"})
#: leading phrases TimeBank keeps in an extent ("at least 72 hours") or drops ("as long as a month")
KEEP_LEFT = ("at least", "more than", "less than", "no more than", "no less than", "up to")
DROP_LEFT = (
    "as long as",
    "as many as",
    "as much as",
    "as early as",
    "as late as",
    "as recently as",
    "as of",
    "so far",
    "up until",
    "right after",
    "right before",
    "just after",
    "just before",
)
#: what follows a span of time counted from an event ("months before the operation")
EVENT_SIGNALS = (
    "before",
    "after",
    "prior to",
    "following",
    "ahead of",
    "leading up to",
    "since",
    "into",
    "of",
)
UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century")
UNIT_WORDS = frozenset({u for u in UNITS} | {u + "s" for u in UNITS} | {"centuries"})
#: verbs of planning: what they govern lies ahead of the telling
INTENT = frozenset(
    {
        "plan",
        "schedule",
        "set",
        "expect",
        "intend",
        "hope",
        "aim",
        "prepare",
        "propose",
        "slate",
        "arrange",
        "due",
        "vow",
        "promise",
        "threaten",
        "want",
        "seek",
    }
)
AGE = re.compile(r"^\d+[- ](?:year|month|week|day)s?[- ]old$|^\d+$|^\d+-year-olds?$", re.I)
#: adjectives the model tags DATE that TimeBank does not annotate ("annual report": 0 of 6)
NOT_TIMES = frozenset({"annual", "quarterly", "annually", "biannual", "semiannual"})


def anchor_of(doc: Doc) -> dt.date | None:
    """Return the publication date of ``doc`` from ``doc._.cg_document``, or None."""
    document = doc._.cg_document
    published = getattr(document, "published", None) or ""
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def tense_of(span: Span) -> str | None:
    """Return ``past``, ``present`` or ``future`` for the verb that governs ``span``, or None.

    A deadline ("until 9 a.m. Tuesday") may lie on either side of a past-tense report, so it
    gets no tense (the nearest day wins); a possessive ("Thursday's closing price") looks back.
    """
    doc = span.doc
    if not doc.has_annotation("DEP"):
        return None
    if span.start > 0 and doc[span.start - 1].lower_ in ("until", "till", "by", "through"):
        return None
    tok = span.root
    if span.end < len(doc) and doc[span.end].tag_ == "POS":
        return "past"
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return verb_tense(tok)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """Return the tense of a verb from its tag and auxiliaries ("will", "has", "was").

    Verbs of planning in the present look ahead ("is set to resume Monday"); in the past they
    give no tense ("planned a rally on Saturday" may be before or after publication). An
    infinitive takes the tense of the verb it depends on ("is to resume", "agreed to pay").
    """
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "'ll", "shall", "wo"}:
        return "future"
    if verb.lemma_.lower() in INTENT:  # "is scheduled to", but not "had been due to" or "planned"
        return None if verb.tag_ == "VBD" or "had" in aux else "future"
    if "to" in aux and verb.tag_ == "VB":
        head = verb.head
        if head.lemma_.lower() == "be" or head.lemma_.lower() in INTENT:
            return "future" if "had" not in {c.lower_ for c in head.children} else None  # "is to resume"
        if head.i != verb.i and head.pos_ in ("VERB", "AUX") and depth < 3:
            return verb_tense(head, depth + 1)
        return None
    if aux & {"would", "could", "might", "should", "may", "can", "must"}:
        return None
    if verb.tag_ == "VBD" or aux & {"was", "were", "had", "did", "has", "have", "'ve"}:
        return "past"
    if verb.tag_ == "VBG" and aux & {"is", "are", "am", "'s", "'re"}:
        return "future"  # "is meeting Friday": the present progressive of plans
    if verb.tag_ in ("VBZ", "VBP") or aux & {"is", "are", "am", "does", "do"}:
        return "present"
    return "past" if verb.morph.to_dict().get("Tense") == "Past" else None


class TimeTagger:
    """Find temporal expressions and give each a TIMEX3 value, granularity and type."""

    def __init__(self, nlp: Language, name: str = "claimgraph_time") -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("SINGLE", [[{"LOWER": {"IN": list(SINGLE)}}]])
        self.matcher.add("WEEKDAY", [[{"LOWER": {"IN": list(WEEKDAYS)}, "IS_TITLE": True}]])
        self.matcher.add(
            "SET",
            [
                [
                    {"LOWER": {"IN": ["every", "each"]}},
                    {"LIKE_NUM": True, "OP": "?"},
                    {"LOWER": {"IN": [*UNITS, *WEEKDAYS]}},
                ]
            ],
        )
        months = list(words("month")) + [w + "." for w in words("month") if len(w) <= 4]
        self.matcher.add("MONTH_DAY", [[{"LOWER": {"IN": months}, "IS_TITLE": True}, {"LIKE_NUM": True}]])
        period = {"LOWER": {"IN": ["period", "quarter"]}}
        self.matcher.add(
            "FISCAL",
            [
                [
                    {"LOWER": "the"},
                    {"LOWER": {"IN": ["latest", "comparable", "corresponding", "same"]}},
                    period,
                ],
                [{"LOWER": "the"}, {"SHAPE": "dddd"}, period],
            ],
        )
        self.matcher.add(
            "PART_OF",
            [
                [
                    {"LOWER": "the", "OP": "?"},
                    {
                        "LOWER": {
                            "IN": [
                                "early",
                                "first",
                                "last",
                                "final",
                                "closing",
                                "opening",
                                "waning",
                                "initial",
                            ]
                        }
                    },
                    {"LOWER": {"IN": ["days", "weeks", "months", "years", "hours"]}},
                ]
            ],
        )
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        multi = [w for w in words("ref") if " " in w and w not in NOT_FOUND_REFS]
        self.phrases.add("REF", [nlp.make_doc(w) for w in multi])
        self.phrases.add("HOLIDAY", [nlp.make_doc(w) for w in words("holiday") if not w.startswith("the ")])
        self.holiday = nlp.vocab.strings["HOLIDAY"]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def set_annotations(self, doc: Doc, found: list[Time]) -> None:
        """Write the times found to ``doc._.cg_times`` (the only place this component writes)."""
        doc._.cg_times = found

    def find(self, doc: Doc) -> list[Time]:
        """Return the temporal expressions of ``doc`` in text order, each with its TIMEX3 value."""
        anchor = anchor_of(doc)
        previous: list[str] = []
        times: list[Time] = []
        for span in self.spans(doc):
            text = span.text
            after = doc[span.end].lower_ if span.end < len(doc) else ""
            if span[-1].lower_ == "year" and after in ("ended", "ending"):
                text += " " + after  # "the year ended March 31": a twelve-month period
            if (
                len(span) == 2
                and span[0].lower_ in ("a", "an", "per")
                and span.start > 0
                and doc[span.start - 1].ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT")
            ):
                text = "per " + span[1].lower_  # a rate ("$1 billion a year") recurs: a TIMEX3 SET
            found = resolve(text, anchor, tense_of(span), previous)
            if found.value is None and found.reason == NO_RULE and not _has_time_word(span):
                continue
            if found.value and parse_value(found.value) and not found.derived:
                previous.append(found.value)
            times.append(
                Time(
                    id=make_id("t", span.start_char, span.end_char),
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    value=found.value,
                    granularity=found.granularity,
                    type=found.type,
                    timex_type=found.timex_type,
                    anchor=_anchor_used(found, text, anchor, span, previous),
                    reason=found.reason,
                    mod=found.mod,
                )
            )
        return times

    # -- extents ---------------------------------------------------------------------------

    def spans(self, doc: Doc) -> list[Span]:
        """Return the candidate extents of ``doc``: merged, trimmed, split and extended."""
        cands = [(e.start, e.end) for e in doc.ents if e.label_ in LABELS]
        for _, start, end in self.matcher(doc):
            if doc[start].lower_ in ADVERBS_ONLY and doc[start].pos_ in ("ADJ", "NOUN", "PROPN"):
                continue
            if doc[start].lower_ == "current" and (
                doc[start].dep_ != "amod" or doc[start].head.lower_ in UNIT_WORDS
            ):
                continue  # "current" alone is a time as an adjective ("current levels")
            if doc[start].lower_ in WEEKDAYS and start > 0 and doc[start - 1].lower_ in ("the",):
                continue
            cands.append((start, end))
        for label, start, end in self.phrases(doc):
            if label != self.holiday or doc[start].is_title:
                cands.append((start, end))
        spans: list[Span] = []
        for start, end in _merge(doc, cands):
            for piece in _split(doc, start, end):
                span = _trim(doc, *piece)
                if span is not None and not _not_a_time(span):
                    spans.extend(_extend(doc, part) for part in _readable(doc, span))
        out: list[Span] = []
        for span in sorted(spans, key=lambda s: (s.start, -len(s))):
            if out and span.start < out[-1].end:
                continue  # an extension swallowed the next candidate ("two days before Christmas")
            out.append(span)
        return out


def _anchor_used(
    found: Resolution, text: str, anchor: dt.date | None, span: Span, previous: list[str]
) -> str | None:
    """Return the anchor if the value was resolved against it (it moves when the anchor does)."""
    if anchor is None or found.value is None or found.derived:
        return None
    moved = resolve(text, anchor + dt.timedelta(days=ANCHOR_PROBE), tense_of(span), previous)
    return anchor.isoformat() if moved.value != found.value else None


def _merge(doc: Doc, cands: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return candidates with overlapping ones united and touching ones joined.

    Touching candidates join ("Wednesday" + "night", "9 a.m. EST" + "Tuesday"), and so do a
    weekday or a clock time and the date after a comma ("Thursday, April 6", "5 p.m., Nov. 6").
    """
    out: list[list[int]] = []
    for start, end in sorted(set(cands)):
        if out and (
            start <= out[-1][1]
            or (
                start == out[-1][1] + 1
                and doc[start - 1].text == ","
                and (doc[out[-1][0]].lower_ in WEEKDAYS or doc[out[-1][0]].ent_type_ == "TIME")
                and _month_day(doc[start:end].text)
            )
        ):
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def _split(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Return the pieces of a candidate cut at a verb ("the quarter ended Sept. 30")."""
    cuts = [
        i
        for i in range(start + 1, end - 1)
        if doc[i].tag_ in ("VBD", "VBN", "VBG")
        and doc[i].lower_ in ("ended", "ending", "ends", "began", "beginning", "starting", "started")
    ]
    if not cuts:
        return [(start, end)]
    bounds = [start, *cuts, end]
    return [(bounds[k] + (k > 0), bounds[k + 1]) for k in range(len(bounds) - 1)]


def _reads(span: Span) -> bool:
    """Return whether some rule reads ``span`` as one expression (any anchor will do).

    A range the text does not mark with "between" or "from" ("Aug. 26 to Oct. 20") is two.
    """
    found = resolve(span.text, READ_ANCHOR)
    return found.reason != NO_RULE and (found.type != "range" or span[0].lower_ in ("between", "from"))


def _readable(doc: Doc, span: Span) -> list[Span]:
    """Return ``span``, or if no rule reads it, the longest readable pieces it is made of.

    The model sometimes joins two expressions ("more than four hours Friday", "now and Feb. 10")
    or takes a word too many ("April month"); a span nothing in it reads stays whole.
    """
    if _reads(span):
        return [span]
    out, i = [], span.start
    while i < span.end:
        j = next((j for j in range(span.end, i, -1) if _reads(doc[i:j])), None)
        piece = _trim(doc, i, j) if j else None
        if piece is not None and not _not_a_time(piece) and _reads(piece):
            out.append(piece)
        i = j or i + 1
    return out or [span]


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """Return the candidate without prepositions, punctuation and possessive endings at its edges."""
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in TRIM_RIGHT
    ):
        end -= 1
    for first in (start - 1, start):  # "between May and July" keeps its "between": a range
        if (
            first >= 0
            and doc[first].lower_ in ("between", "from")
            and end > first + 1
            and resolve(doc[first:end].text).type == "range"
        ):
            return doc[first:end]
    text = doc[start:end].text.lower()
    for phrase in DROP_LEFT:
        if text.startswith(phrase + " "):
            start += len(phrase.split())
    if any(text.startswith(phrase + " ") for phrase in KEEP_LEFT):
        return doc[start:end]
    while start > 0 and doc[start - 1].lower_ in LEFT_MODIFIERS and doc[start].lower_ in UNIT_WORDS:
        start -= 1
    while start < end and (
        doc[start].is_punct
        or doc[start].is_space
        or (
            doc[start].lower_ in TRIM_LEFT
            and not (
                doc[start].lower_ in KEEP_BEFORE_NUMBER
                and start + 1 < end
                and (doc[start + 1].like_num or doc[start + 1].lower_ in ("a", "an", "half"))
            )
        )
    ):
        start += 1
    if (
        start < end - 1
        and doc[start].lower_ == "the"
        and (doc[start + 1].lower_ in WEEKDAYS or _month_day(doc[start + 1 : end].text))
    ):
        start += 1  # "the Aug. 7 bombing": the date alone is the expression
    if (
        start < end - 1
        and doc[start].lower_ in ("about", "around")
        and (re.fullmatch(r"1\d{3}|20\d\d", doc[start + 1].text) or doc[start + 1].lower_ in WEEKDAYS)
    ):
        start += 1  # "spoke about 2003": a preposition before a named date ("about two years": a mod)
    return doc[start:end] if start < end else None


def _month_day(text: str) -> bool:
    return bool(re.match(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d", text, re.I))


def _not_a_time(span: Span) -> bool:
    """Return whether a candidate is an age, a bare number or an adjective TimeBank skips."""
    text = span.text.lower()
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if AGE.match(text) and not re.fullmatch(r"1\d{3}|20\d\d", text):
        return True
    return text in NOT_TIMES or after == "old" or text.endswith("-old")


def _has_time_word(span: Span) -> bool:
    """Return whether a span holds a word that names time (a unit, month, weekday, season)."""
    lowered = {t.lower_.rstrip(".") for t in span}
    return bool(
        lowered
        & (UNIT_WORDS | set(WEEKDAYS) | set(words("month")) | set(words("season")) | set(words("part")))
    )


def _extend(doc: Doc, span: Span) -> Span:
    """Return ``span`` extended over the event it counts from ("months before the operation").

    A count the model left without its "ago" gets it back ("a week or so" + "ago").
    """
    if span.end < len(doc) and doc[span.end].lower_ == "ago" and _reads(doc[span.start : span.end + 1]):
        return doc[span.start : span.end + 1]
    last = span[-1].lower_
    if last not in UNIT_WORDS or not last.endswith("s") and last != "centuries" or span.end >= len(doc):
        return span
    rest = doc[span.end : span.end + 4].text.lower()
    signal = next((s for s in EVENT_SIGNALS if rest.startswith(s + " ")), None)
    part_of = r"\b(early|first|last|final|closing|opening|waning|initial)\b"
    if signal is None or (signal == "of" and not re.search(part_of, span.text.lower())):
        return span  # "of" counts from an event only after a part ("the early days of X")
    prep = doc[span.end + len(signal.split()) - 1]
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or objects[0].ent_type_ in LABELS:
        return span  # a clause follows, or a date ("two days before Christmas"): two expressions
    return doc[span.start : _phrase_end(objects[0])]


def _phrase_end(head: Token) -> int:
    """Return the end of the noun phrase headed by ``head``, with its "of" phrases."""
    end = head.i + 1
    for child in head.children:
        if child.i > head.i and child.dep_ in ("compound", "amod", "nummod", "poss", "case"):
            end = max(end, child.i + 1)
        if child.i > head.i and child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                end = max(end, _phrase_end(objects[0]))
    return end
