"""Cut spans out of the parse the way attribution needs them: contents, sources, cues, quotations.

Pure functions over spaCy tokens and the document text. Contents follow PolNeAR's conventions:
they keep a leading "that" and their quotation marks (with the punctuation inside them), and
drop the comma or full stop that joins them to their cue; cues keep their auxiliaries, adverbs,
particles and the medium ("has also said in a statement").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, Token

from claimgraph.analyze import lexicon

QUOTES = '"“”«»„'
#: a dateline that opens a paragraph: "VILLASERENA, March 14 (Reuters) - ", "WASHINGTON (AP) — ",
#: "VILLASERENA - ": where the story was filed, no part of what anyone claims
OPENING_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:,[^()\n]{0,40})?\s*(?:\([A-Za-z .]+\)\s*)?[-–—]+\s+"
)


def in_opening_dateline(tok: Token) -> bool:
    """Return whether ``tok`` lies in the dateline that opens its paragraph ("WASHINGTON (AP) —")."""
    text = doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    found = OPENING_DATELINE.match(text, start)
    return found is not None and tok.idx < found.end()


#: the marks that open and that close a double quotation ('"' does both)
OPENING_QUOTES = '“"«„'
CLOSING_QUOTES = '”"»'


#: the text of each Doc asked about, for as long as the Doc lives
_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """Return ``doc.text``, remembered while the Doc lives (spaCy rebuilds it from the tokens on
    every access, which made attribution quadratic in the length of an article and had the
    components of a pipeline rebuild it over and over)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def in_title_case(tokens: Iterable[Token]) -> bool:
    """Return whether words are written as a headline in title case ("Cruz Wins Iowa Caucuses"):
    at least four, and four in five of them capitalised."""
    words = [t for t in tokens if t.is_alpha]
    return len(words) >= 4 and sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)


def chars(doc: Doc, rng: tuple[int, int]) -> Span:
    """Return the tokens covering the character range ``rng`` of ``doc`` (widened to tokens)."""
    span = doc.char_span(rng[0], rng[1], alignment_mode="expand")
    if span is None:
        raise ValueError(f"characters {rng} are outside the document")
    return span


#: words that open a non-restrictive tail, which PolNeAR leaves out of a content
_TAIL_OPENERS = frozenset({"who", "which", "where", "whom", "whose", "including", "when", "without"})


def _comment_on_it(comma: Token, last: Token) -> bool:
    """Return whether a comma opens an apposition that names what comes before it as a claim
    and runs to ``last`` ("..., a claim the army dismissed as propaganda")."""
    nxt = comma.doc[comma.i + 1] if comma.i + 1 < len(comma.doc) else None
    if nxt is None:
        return False
    head = nxt if nxt.dep_ == "appos" else nxt.head
    return (
        head.dep_ == "appos"
        and head.i > comma.i
        and head.left_edge.i == comma.i + 1
        and head.lemma_.lower() in lexicon.table("cue_nouns.tsv")
        and head.right_edge.i >= last.i - 1
    )


def trim_tail(tokens: list[Token]) -> list[Token]:
    """Drop a comma-led relative clause or "including ..." that ends a content, and a
    conjunction left dangling at its end.

    "it would seek a recanvass in Kentucky, where he trailed Clinton" → "...in Kentucky".
    """
    toks = sorted(tokens, key=lambda t: t.i)
    for k in range(1, len(toks) - 1):
        if toks[k].text == "," and _comment_on_it(toks[k], toks[-1]):
            return toks[:k]  # ", a claim the army dismissed": the text's comment, not the claim
        if toks[k].text == "," and toks[k + 1].lower_ in _TAIL_OPENERS:
            # the clause the opener leads: "where" hangs on its verb, "which" in ", which an
            # FBI investigation said was careless" on "was", which hangs on the clause "said"
            tail = toks[k + 1]
            while (
                tail.dep_ not in ("relcl", "acl", "prep", "appos")
                and tail.head.i != tail.i
                and tail.head.i > toks[k].i
            ):
                tail = tail.head
            if (
                tail.dep_ in ("relcl", "acl", "prep", "appos")
                and max(t.i for t in tail.subtree) >= toks[-1].i
            ):
                return toks[:k]
    while len(toks) > 1 and toks[-1].pos_ == "CCONJ":
        toks = toks[:-1]  # "taken over and", its conjunct parsed elsewhere
    return toks


_CLOSING = {")": "(", "]": "["}


def _opens(tokens: list[Token], closer: str) -> bool:
    """Return whether ``tokens`` leave a bracket of ``closer``'s kind open."""
    opener = _CLOSING[closer]
    depth = 0
    for t in tokens:
        depth += (t.text == opener) - (t.text == closer)
    return depth > 0


def char_range(tokens: list[Token]) -> tuple[int, int] | None:
    """Return the char range of ``tokens`` without leading/trailing punctuation, "that" and spaces."""
    toks = sorted(tokens, key=lambda t: t.i)
    # PolNeAR's contents keep a leading "that" and the quotation marks; they drop the comma or
    # full stop that joins the content to its cue.
    while toks and (toks[0].is_space or (toks[0].is_punct and toks[0].text not in QUOTES)):
        if toks[0].text == "‘" and any(t.text == "’" for t in toks[1:]):
            break  # "‘It Is Not A Radical Idea’ To Ask ...": a single quotation mark, paired
        toks.pop(0)
    while toks and (toks[-1].is_space or (toks[-1].is_punct and toks[-1].text not in QUOTES)):
        if toks[-1].text in _CLOSING and _opens(toks[:-1], toks[-1].text):
            break  # "Sen. Marco Rubio (R-FL)": a bracket the content opened stays closed
        if toks[-1].text == "’" and any(t.text == "‘" for t in toks[:-1]):
            break
        toks.pop()
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc_text(toks[0].doc)
    return balance_quotes(text, start, end)


def _closing_after(text: str, end: int) -> int | None:
    """Return the end of "[,.?!]*<closing quote>" right after ``end``, or None."""
    after = end
    while after < len(text) and text[after] in ",.?!;:":
        after += 1
    return after + 1 if after < len(text) and text[after] in QUOTES else None


def balance_quotes(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return (start, end) grown to take in the quotation marks a content opens or closes.

    A quotation keeps its marks and the punctuation inside them (“We will not,” she said), as
    PolNeAR's contents do; a lone mark that cannot be paired is dropped instead.
    """
    while start < end and text[start].isspace():
        start += 1
    inner = text[start:end]
    marks = sum(inner.count(q) for q in QUOTES)
    if start > 0 and text[start - 1] in QUOTES and marks % 2 == 0:
        closing = _closing_after(text, end)
        if closing is not None:
            return start - 1, closing
    if marks % 2 == 1:
        closing = _closing_after(text, end)
        if closing is not None:
            return start, closing
        if start > 0 and text[start - 1] in QUOTES:
            return start - 1, end
        if inner[:1] in QUOTES:
            start += 1
        elif inner[-1:] in QUOTES:
            end -= 1
    return (start, end) if start < end else None


def span_of(doc: Doc, tokens: list[Token]) -> Span | None:
    toks = [t for t in sorted(tokens, key=lambda t: t.i) if not t.is_space]
    while toks and toks[-1].is_punct and not (toks[-1].text in _CLOSING and _opens(toks[:-1], toks[-1].text)):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return doc[toks[0].i : toks[-1].i + 1] if toks else None


def quoted(tok: Token) -> bool:
    """Return whether the clause headed by ``tok`` stands between quotation marks."""
    toks = list(tok.subtree)
    doc = tok.doc
    before = doc[toks[0].i - 1] if toks[0].i > 0 else None
    return toks[0].text in QUOTES or (before is not None and before.text in QUOTES)


def subtree(tok: Token, without: set[int] = frozenset()) -> list[Token]:  # type: ignore[assignment]
    return [t for t in tok.subtree if t.i not in without]


_CLAUSES = frozenset({"ccomp", "parataxis"})


def source_span(head: Token) -> Span | None:
    """Return the source phrase headed by ``head``: its subtree, without a comma-led relative
    clause ("Barkley, who said he votes democratic") or a dateline before it ("MACAU (Reuters) –")."""
    # a clause the parse hangs on the noun before it is what was said, not who said it
    # ("“That's a concern,” Sarandon, 69, told MSNBC": the quotation is no part of "Sarandon")
    said = {t.i for c in head.children if c.i < head.i and c.dep_ in _CLAUSES for t in c.subtree}
    keep = [t for t in head.subtree if t.i not in said]
    if said:
        while keep and keep[0].is_punct and keep[0].i < head.i:
            keep = keep[1:]
    keep = trim_tail([t for t in keep if not (t.i > head.i and t.dep_ == "punct" and t.head == head)])
    for k, t in enumerate(keep[:-1]):
        if t.text in ("–", "—", "-", "--") and k > 0 and keep[k - 1].text == ")" and t.i < head.i:
            keep = keep[k + 1 :]  # the dateline ends with its dash
            break
    return span_of(head.doc, keep)


#: nouns of the medium in "said in a statement", which PolNeAR counts as part of the cue
MEDIA = frozenset(
    {
        "statement",
        "interview",
        "post",
        "tweet",
        "letter",
        "speech",
        "email",
        "op-ed",
        "release",
        "memo",
        "video",
        "message",
        "note",
        "essay",
        "column",
        "podcast",
    }
)
_WHEN = frozenset({"DATE", "TIME"})
#: occasions of speech besides MEDIA: "told reporters X at a rally", "said X during the debate"
OCCASIONS = MEDIA | frozenset(
    {
        "rally",
        "debate",
        "conference",
        "briefing",
        "appearance",
        "hearing",
        "show",
        "program",
        "programme",
        "broadcast",
        "media",
        "event",
        "town",  # "at a town hall"
        "hall",
        "anonymity",
        "occasion",
        "page",
        "blog",
        "account",
        "feed",
        "meeting",
        "remark",
    }
)
#: the prepositions that set an occasion of speech: "in a tweet", "during a speech", "on the
#: condition of anonymity", "at a rally"
_OCCASION_PREPS = frozenset({"in", "during", "at", "on", "after"})


#: verbs whose own occasion it is: "he would speak at a rally" says where he would speak
_TAKE_PLACE = frozenset(
    {
        "speak", "appear", "talk", "address", "testify", "attend", "hold", "host", "participate",
        "debate", "deliver", "give", "take", "be", "happen", "occur", "meet", "perform", "air",
        "announce",
    }
)


def speaks_anonymously(prep: Token) -> bool:
    """Return whether a prepositional phrase is the condition of anonymity a source spoke on."""
    return prep.lower_ in _OCCASION_PREPS and any(x.lower_ == "anonymity" for x in prep.subtree)


def is_occasion(prep: Token) -> bool:
    """Return whether a prepositional phrase names an occasion of speech ("in a tweet", "at a
    victory rally", "on his Facebook page", "during the press conference", "on condition of
    anonymity")."""
    return speaks_anonymously(prep) or (
        prep.lower_ in _OCCASION_PREPS
        and any(g.dep_ == "pobj" and g.lemma_.lower() in OCCASIONS for g in prep.children)
    )


def trim_occasion(tokens: list[Token]) -> list[Token]:
    """Drop the phrase that ends a content when it names the occasion of the speech, not part of
    what was said: "he would win during a speech in Iowa", "the law is unfair in a tweet",
    "the talks failed on the condition of anonymity" (the parse hangs it on the content's verb)."""
    toks = sorted(tokens, key=lambda t: t.i)
    if len(toks) < 4 or toks[0].text in QUOTES:
        return toks  # a quotation's words are all said
    first, last = toks[0].i, toks[-1].i
    for t in toks:
        if t.dep_ != "prep" or t.lower_ not in _OCCASION_PREPS or t.i <= first + 1:
            continue
        if t.right_edge.i < last and not all(x.is_punct for x in toks if x.i > t.right_edge.i):
            continue
        anonymity = speaks_anonymously(t)
        if not is_occasion(t):
            continue
        own = t.head.pos_ in ("VERB", "AUX", "NOUN", "PROPN") and t.head.lemma_.lower() not in _TAKE_PLACE
        if anonymity or own:
            kept = [x for x in toks if x.i < t.i]
            while kept and kept[-1].is_punct and kept[-1].text not in QUOTES:
                kept = kept[:-1]
            return kept or toks
    return toks


def cue_range(tok: Token) -> tuple[int, int]:
    """Return the char range of a verb cue with what PolNeAR counts as part of it.

    Auxiliaries, negation and adverbs right before it ("has also said"), particles right after
    it ("pointed out"), a bare day right after it ("said Tuesday"), and the medium ("said in a
    statement").
    """
    doc = tok.doc
    start = tok.i
    helpers = {
        c.i
        for c in tok.children
        if c.dep_ in ("aux", "auxpass", "neg") or (c.dep_ == "advmod" and c.i < tok.i and c.pos_ == "ADV")
    }
    while start - 1 in helpers:
        start -= 1
    end = tok.i
    clause = medium_clause(tok)
    said = {t.i for t in clause.subtree} if clause is not None else set()
    for c in sorted(tok.children, key=lambda c: c.i):
        if c.i != end + 1:
            continue
        if c.dep_ == "prt" or (c.dep_ == "npadvmod" and c.ent_type_ in _WHEN and len(list(c.subtree)) == 1):
            end = c.i
        elif (
            c.dep_ == "prep"
            and c.lower_ == "in"
            and any(g.dep_ == "pobj" and g.lemma_.lower() in MEDIA for g in c.children)
        ):
            end = max(t.i for t in c.subtree if t.i not in said and not t.is_space)
    last = doc[end]
    stop = last.idx + len(last.text)
    closing = last.i + 1 == len(doc) or doc[last.i + 1].is_space
    if end > tok.i and closing and last.text.endswith(".") and "." not in last.text[:-1] and len(last) > 1:
        stop -= 1  # "in a post on X." closing its paragraph: the full stop is no part of the name
    return doc[start].idx, stop


def medium_clause(tok: Token) -> Token | None:
    """Return the that-clause the parse hangs on the medium of a cue verb instead of on the verb
    ("said in a statement that X", "told reporters in an interview that X": X), or None."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for g in c.children:
            if g.dep_ != "pobj" or g.lemma_.lower() not in MEDIA:
                continue
            for k in g.children:
                if k.dep_ in ("acl", "relcl", "ccomp") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in k.children
                ):
                    return k
    return None


def quote_after(text: str, pos: int) -> tuple[int, int] | None:
    """Return the quotation that opens right after ``pos`` (past spaces and a comma), if any."""
    i = pos
    while i < len(text) and text[i] in " ,:\u00a0":
        i += 1
    if i >= len(text) or text[i] not in OPENING_QUOTES:
        return None
    closer = {"“": "”", "«": "»", "„": "“"}.get(text[i], text[i])
    end = text.find(closer, i + 1)
    if end == -1 or "\n\n" in text[i:end]:
        return None
    return i, end + 1


def quote_before(text: str, pos: int) -> tuple[int, int] | None:
    """Return the quotation that closes right before ``pos`` (past spaces and a comma), if any."""
    i = pos - 1
    while i >= 0 and text[i] in " ,\u00a0":
        i -= 1
    if i < 0 or text[i] not in CLOSING_QUOTES:
        return None
    opener = {"”": "“", "»": "«"}.get(text[i], text[i])
    start = text.rfind(opener, 0, i)
    if start == -1 or "\n\n" in text[start:i]:
        return None
    return start, i + 1


#: a double quotation within one line, marks included
_QUOTATION = re.compile(r'“[^”“\n]*”|"[^"\n]*"|«[^»\n]*»|„[^“„\n]*“')
#: what may stand between a quotation and its cue: no sentence end, mark or line break
_GAP = re.compile(r'[^.?!;“”"«»„\n]{0,80}')


def _quotations(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield the quotations, marks included, of the line (or lines) that hold ``start:end``."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    for m in _QUOTATION.finditer(text, lo, len(text) if hi == -1 else hi):
        yield m.span()


def enclosing_quotation(text: str, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int] | None:
    """Return the whole quotation (marks included) a cue's content lies in, when the cue stands
    outside it, next to it: “A. B,” he said / He said, “A. B.” The parse gives the cue only the
    sentence it stands in; the quotation is what the source said, as PolNeAR's contents take it.
    """
    start, end = content
    for q0, q1 in _quotations(text, start, end):
        if q0 > start:
            return None
        if end > q1 or (q0, q1) == (start, end):
            continue
        if cue[0] >= q1:
            gap = text[q1 : cue[0]]
        elif cue[1] <= q0:
            gap = text[cue[1] : q0]
        else:
            return None
        return (q0, q1) if _GAP.fullmatch(gap) else None
    return None


def quotation_at(text: str, pos: int) -> tuple[int, int] | None:
    """Return the quotation (marks included, within one line) that holds the character ``pos``."""
    for q0, q1 in _quotations(text, pos, pos):
        if q0 < pos < q1 - 1:
            return q0, q1
        if q0 > pos:
            return None
    return None


def close_quotation(text: str, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """Return ``content`` run on to the end of a quotation it opens but the parse ended inside
    ('telling reporters that “we tell the truth, we deal with the issues”', where the parse hung
    the second clause elsewhere), when its cue stands outside that quotation."""
    start, end = content
    for q0, q1 in _quotations(text, start, end):
        if q0 >= end:
            break
        if start <= q0 and end < q1 - 1 and not q0 <= cue[0] < q1:
            return (start, q1)
    return content


def clip_to_quotation(text: str, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """Return ``content`` ended at the quotation its cue stands in, when it runs past it: a report
    quoted inside someone's words ('“The platform is telling voters that X,” said Pavone') is
    theirs, and its content stops where the quotation does."""
    quotation = quotation_at(text, cue[0])
    if quotation is None or content[1] <= quotation[1] or content[0] <= quotation[0]:
        return content
    end = quotation[1] - 1
    while end > content[0] and text[end - 1] in " ,.;:!?\u00a0":
        end -= 1
    return (content[0], end) if end > content[0] else content
