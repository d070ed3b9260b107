"""Find every claim of a document with its cue, its source, its chain of sources and its status.

Reads the parse and ``doc._.cg_entities``; writes ``doc._.cg_attribution`` (sources, claims).

Per sentence, attributions come from: reporting verbs with a clausal complement or a
parenthetical position ("X said (that) ...", "..., he said"); "according to X" (with "a report
by X" resolved to X); "X, citing Y" and "X told <outlet>" (two hops); agentless hearsay ("it was
reported that", "is said to"); noun cues with a that-clause ("the denial that ..."). A sentence
without one is a claim in the publisher's own voice, unless it continues a report: a hedged
sentence (reportative conditional, "reportedly") or a quotation right after an attributed
sentence keeps that sentence's source. Anonymous sources that follow an outlet's report are
that outlet's sources (publisher → outlet → sources), as DESIGN's chains describe; so is a
document an outlet cited, when the text names it again ("The memo said ..."), and one it has
"seen" or "obtained".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from claimgraph.analyze import attribution_model as am
from claimgraph.analyze import frames as fr
from claimgraph.analyze import status as st
from claimgraph.analyze.lexicon import fold
from claimgraph.analyze.sources import EntityIndex, SourceInfo, classify
from claimgraph.analyze.spans import (
    CLOSING_QUOTES,
    OPENING_DATELINE,
    OPENING_QUOTES,
    QUOTES,
    char_range,
    chars,
    clip_to_quotation,
    close_quotation,
    cue_range,
    doc_text,
    enclosing_quotation,
    in_opening_dateline,
    in_title_case,
    is_occasion,
    medium_clause,
    quotation_at,
    quote_after,
    quote_before,
    quoted,
    source_span,
    span_of,
    subtree,
    trim_occasion,
    trim_tail,
)
from claimgraph.ids import make_id
from claimgraph.model import Claim, Entity, Source, TextSpan

#: how many sentences a report keeps governing hedged sentences after it (DESIGN: "until the text
#: changes voice"); 3 covers the seed's and the examples' runs of conditionals without reaching
#: into unrelated paragraphs. Re-check on the examples' golden files when changing it.
CONTINUATION_WINDOW = 3
#: the least learnt rate (share of a frame's occurrences in PolNeAR train that were attributions)
#: at which a verb frame counts as a cue. Chosen by F1 on PolNeAR train[:150] with the lexicon
#: and tagger learnt from train[150:] (training/cues.py --skip 150; benchmarks/polnear.py --split
#: train --limit 150 --cues ... --weights ...): with the tagger, 0.1, 0.12, 0.15, 0.2 and 0.25 gave
#: exact cue F1 .655, .656, .655, .648, .644 and relation F1 .468, .470, .471, .465, .467; but
#: below 0.2 the examples gain false reports ("did not respond to a request for comment", "the
#: meetings took the knowledge of ...") and lose "Prosecutors ... charged", so 0.2 stays.
CUE_RATE = 0.2
#: prepositions of a cue verb's setting ("praised X at a rally", "criticized X during a debate",
#: "after a meeting Thursday"): the content does not run on through them; nor through "on" or
#: "in" with a date ("on Monday"). Other "on"/"in" phrases were as often part of the content
#: ("backing for the front-runner in the race") on PolNeAR train[:150].
SETTING_PREPS = frozenset({"at", "during", "after", "before", "since", "following", "amid"})
#: the rate given to a that-clause or parenthesis of a verb in the hand-written lexicon (cues.tsv)
HAND_RATE = 0.9
#: hedges that mark a sentence as still reported speech (they continue a report in reach)
REPORTATIVE = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})


@dataclass
class Found:
    """One attribution found in a sentence, before it becomes contract items."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: Span | None
    info: SourceInfo
    status: str
    hedges: list[Token] = field(default_factory=list)
    outer: list[tuple[Span | None, SourceInfo]] = field(default_factory=list)
    sentence: int = 0


#: verbs that cannot stand without an object: "the accusation that X used" is a relative clause
_NEEDS_OBJECT = frozenset(
    {
        "use",
        "make",
        "take",
        "give",
        "bring",
        "cite",
        "face",
        "level",
        "file",
        "raise",
        "issue",
        "publish",
        "send",
        "receive",
        "offer",
        "hold",
    }
)


def _relative_clause(clause: Token) -> bool:
    """Return whether a "that" clause under a noun is relative (has an object gap), not content."""
    if any(c.dep_ in ("dobj", "ccomp", "attr", "acomp", "auxpass") for c in clause.children):
        return False
    return clause.lemma_ in _NEEDS_OBJECT or any(c.dep_ == "xcomp" for c in clause.children)


#: verbs of saying in a participle take their source from the clause they hang on: "X did A
#: by saying B" and "After saying B, X ..." (X), "calls saying B" (the calls)
PARTICIPLES = True


def _by_saying(tok: Token) -> bool:
    """Return whether ``tok`` is a verb of saying in "by / after / before / while saying ...",
    the preposition hanging on a verb."""
    return (
        tok.dep_ == "pcomp"
        and tok.tag_ == "VBG"
        and tok.head.dep_ == "prep"
        and tok.head.head.pos_ in ("VERB", "AUX")
        and _speech_verb(tok)
    )


#: one-word answers a verb of saying can report: "75 percent said yes", "55 percent said so",
#: "did not say when"
ANSWERS = frozenset({"yes", "no", "so", "when", "why", "how", "where", "otherwise"})


def _setting(prep: Token) -> bool:
    """Return whether a prepositional phrase of a cue verb says when or where it was said."""
    return (
        prep.lower_ in SETTING_PREPS
        or is_occasion(prep)
        or any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)
    )


def _cue_lemma(lemma: str, pos: str = "VERB") -> bool:
    """Return whether ``lemma`` is a verb of saying: in the hand lexicon or a strong learnt cue."""
    rates = fr.learnt().get((lemma.lower(), pos), {})
    return st.stance(lemma) is not None or max(rates.values(), default=0.0) >= 0.5


def _as_noted(tok: Token) -> bool:
    """Return whether ``tok`` is the verb of an "As X noted, Y" aside (not "just as X says
    nothing", "as if to say"): Y is X's content."""
    if tok.dep_ != "advcl":
        return False
    first = tok.left_edge
    return (
        first.lower_ == "as"
        and first.dep_ == "mark"
        and any(c.dep_ == "nsubj" for c in tok.children)
        and not any(c.dep_ in ("neg", "dobj") or c.lower_ == "if" for c in tok.children)
    )


#: "A, X said on Monday" parsed with "said" a conjunct of A's verb: X says A
REPORTING_TAILS = True
#: what such a tail's verb may have besides its subject: when, where, how, and "citing Y", but no
#: complement of its own
_TAIL_DEPENDENTS = frozenset(
    {"prep", "npadvmod", "advmod", "advcl", "punct", "agent", "dative", "nsubj", "nsubjpass", "aux", "neg"}
)


def _reporting_tail(tok: Token) -> bool:
    """Return whether ``tok`` is the verb of a reporting tail the parse made a conjunct of the
    verb before it ("Dockworkers will stay off the job, the union's leader said on Monday"):
    after a comma (not "and" or "but") come its own subject and the verb, which takes no
    complement of its own."""
    if not REPORTING_TAILS or tok.dep_ != "conj" or tok.head.i > tok.i:
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
    if not subjects or subjects[0].left_edge.i <= tok.head.i:
        return False
    before = tok.doc[subjects[0].left_edge.i - 1]
    if before.text != "," or any(c.dep_ == "cc" for c in tok.children):
        return False
    return all(c.dep_ in _TAIL_DEPENDENTS for c in tok.children)


def _report_as_modifier(tok: Token) -> tuple[Token, Token] | None:
    """Return (subject, verb of the content) when the parse made a finite verb of saying a
    modifier of its own subject and the content's verb the root: "The agency reported on
    Saturday, citing three people, that the contacts would have begun in October" parsed as "The
    agency [reported ...] would have taken place"."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or not _speech_verb(tok):
        return None
    noun = tok.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.i > tok.i:
        return None
    verb = noun.head
    that = any(c.dep_ == "mark" and c.lower_ == "that" and c.i > tok.i for c in verb.children)
    if verb.i < tok.i or not that:
        return None
    return noun, verb


def _stray_clause(tok: Token) -> Token | None:
    """Return the that-clause the parse made a relative clause of a noun in the verb's phrases
    ("said on Friday during a news conference that he may wait", "said following a vote that
    he had concerns"): its "that" is a complementizer and it has a subject of its own, so it is no
    relative clause; nouns that take that-clauses ("the claim that") keep theirs."""
    for c in tok.children:
        if c.dep_ != "prep" or c.i < tok.i:
            continue
        for g in c.children:
            if g.dep_ != "pobj" or st.stance(g.lemma_, noun=True) is not None:
                continue
            for k in g.children:
                if (
                    k.dep_ in ("relcl", "acl")
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in k.children)
                    and any(m.dep_ in ("nsubj", "nsubjpass") for m in k.children)
                ):
                    return k
    return None


def _short_answer(tok: Token) -> tuple[int, int] | None:
    """Return the one-word content right after a verb of saying ("said yes", "said so")."""
    if tok.i + 1 >= len(tok.doc) or not _speech_verb(tok):
        return None
    nxt = tok.doc[tok.i + 1]
    if nxt.head.i != tok.i or nxt.lower_ not in ANSWERS:
        return None
    if nxt.dep_ not in ("intj", "advmod", "dobj", "ccomp"):
        return None
    return nxt.idx, nxt.idx + len(nxt.text)


#: a finite verb of saying that the parse left without a subject takes the noun phrase right
#: before it ("About 4 in 10 say ...", "..., former president Bill Clinton said ..." where the
#: small model hangs the phrase elsewhere)
SUBJECT_BEFORE = True
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON", "NUM"})


def _subject_before(tok: Token) -> Token | None:
    """Return the head of the noun phrase that ends right before the finite verb of saying
    ``tok`` (adverbs of the verb between them allowed), when the parse gave the verb no subject."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or not _speech_verb(tok):
        return None
    head = tok.head
    if tok.dep_ in ("dep", "parataxis") and head.i < tok.i and head.tag_ in ("VBG", "VBN"):
        # "Majorities of Democrats in five states going to the polls Tuesday say ...": the parse
        # made the participle of the subject's phrase the root and the verb of saying its "dep"
        before = [t for t in head.subtree if t.i < tok.i and not any(x.i == t.i for x in tok.subtree)]
        subj = [c for c in head.children if c.dep_ == "nsubj" and c.i < head.i]
        if subj and before and max(t.i for t in before) == tok.i - 1:
            return subj[0]
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].dep_ == "advmod" and tok.doc[i].head.i == tok.i:
        i -= 1
    if i < tok.sent.start:
        return None
    cur = tok.doc[i]
    while cur.dep_ != "appos" and cur.head.i < tok.i and cur.head.right_edge.i == i and cur.head.i != cur.i:
        cur = cur.head  # up to the whole phrase that ends here ("majorities of voters in six states")
    if cur.pos_ not in _NOMINAL or cur.dep_ in ("dobj", "pobj", "poss", "compound", "attr"):
        return None  # "He criticized Clinton's record said ...": an object is no speaker
    if cur.dep_ == "conj" and not _after_quotation(cur):
        return None
    if cur.head.i < tok.i and cur.dep_ not in ("appos", "conj"):
        return None  # the phrase belongs to a clause before the verb
    return cur if cur.right_edge.i == i and cur.left_edge.i >= tok.sent.start else None


def _after_quotation(tok: Token) -> bool:
    """Return whether the phrase of ``tok`` follows a closing quotation mark ("“…,” Ramos")."""
    i = tok.left_edge.i
    if tok.doc[i].text not in CLOSING_QUOTES:  # the parse may hang the mark on the phrase
        i -= 1
        while i >= 0 and tok.doc[i].text == ",":
            i -= 1
    return i >= 0 and tok.doc[i].text in CLOSING_QUOTES


def _subjects(tok: Token) -> list[Token]:
    """Return the subjects of ``tok``, without those the parse took from a quotation the verb
    stands outside of ("“Very good reporter, this guy,” Trump said": the quotation's noun is
    what Trump said, not who said it), or from the dateline before it ("WASHINGTON, Aug. 24
    (UPI) — A spokesman ... called"), unless nothing else is left."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if len(subj) < 2:
        return subj
    text = doc_text(tok.doc)
    outside = quotation_at(text, tok.idx) is None
    kept = [
        c
        for c in subj
        if not (outside and quotation_at(text, c.idx) is not None) and not in_opening_dateline(c)
    ]
    return kept or subj


def _without_according(tok: Token, content: list[Token]) -> list[Token]:
    """Return ``content`` without an "according to X" the parse hangs inside it ("Police said two
    people were arrested, according to local media": that is the sentence's outer report), or a
    "citing Y" ("Reuters reported, citing three people, that X": Y is a hop of the chain)."""
    outer = [
        t
        for t in content
        if (t.lower_ == "according" or (t.lemma_ == "cite" and t.tag_ == "VBG"))
        and not any(x.i == tok.i for x in t.subtree)
    ]
    if not outer:
        return content
    drop = {t.i for a in outer for t in a.subtree}
    return [t for t in content if t.i not in drop]


#: a share of the people polled as the subject ("56 percent", "about 4 in 10", "a majority of
#: voters") makes verbs of preference reports of what they told the poll
POLLS = True
POLL_VERBS = frozenset(
    {"want", "support", "vote", "choose", "prefer", "favor", "favour", "back", "oppose", "approve",
     "disapprove", "agree", "disagree", "trust", "distrust", "like", "dislike", "pick", "name", "expect"}
)
POLL_FRAMES = ("ccomp", "xcomp", "dobj", "prep:for", "prep:with")
#: a share written out before the subject's head: "27 percent", "4 in 10 voters", "6 out of 10"
_SHARE = re.compile(r"\b(?:percent|per cent|(?:\w+|\d+) (?:in|out of) (?:10|ten|\d+))\b|%", re.IGNORECASE)
#: head words of a subject that is a share of people ("a majority of voters", "about a third")
_SHARE_HEADS = frozenset({"percent", "majority", "half", "third", "quarter", "fifth", "%", "plurality"})


def _poll_subject(tok: Token) -> bool:
    """Return whether the subject of ``tok`` is a share of people: "27 percent", "about 4 in 10
    voters", "A majority of voters", "half"; by its head word or the words up to it, not a noun
    it governs ("the party of half the country")."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subj or subj[0].pos_ == "PROPN":
        return False
    head = subj[0]
    if head.lemma_.lower() in _SHARE_HEADS:
        return True
    return bool(_SHARE.search(" ".join(t.text for t in head.subtree if t.i <= head.i)))


#: verbs that give a name in a relative clause ("what he calls X", "which she described as X"):
#: a report of the name, where other free relatives claim nothing
NAMING_RELATIVES = True
NAMING_VERBS = frozenset({"call", "describe", "label", "term", "dub", "brand", "characterize", "declare"})

#: a noun the parse made the head of a clause with a subject before it and a that-clause after
#: is a verb the tagger mistook ("Figures from the agency show that ...")
REPAIR_VERBS = True


def repair_verbs(doc: Doc) -> None:
    """Give the part of speech of a verb to nouns the parse uses as one: a subject before them
    and a clause after ("Data from the agency show that X", where the tagger read "show" as the
    noun). The attribution rules and the tagger's features read it as the verb it is."""
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        kids = list(tok.children)
        if any(c.dep_ == "nsubj" and c.i < tok.i for c in kids) and any(
            c.dep_ == "ccomp" and c.i > tok.i for c in kids
        ):
            tok.pos_ = "VERB"
            tok.tag_ = "VBZ" if tok.lower_.endswith("s") else "VBP"


def _cites_source(tok: Token, index: EntityIndex) -> bool:
    """Return whether ``tok`` is the "citing" of "X, citing Y" or "X, which cited Y" with Y a
    source (people, a report, an outlet: a hop of X's chain), not a reason ("citing low growth":
    X's own claim)."""
    if tok.lemma_ != "cite":
        return False
    relative = tok.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in tok.children
    )
    if tok.tag_ != "VBG" and not relative:
        return False
    obj = [c for c in tok.children if c.dep_ == "dobj"]
    span = span_of(tok.doc, list(obj[0].subtree)) if obj else None
    return span is not None and classify(span, index).kind != "unspecified"


def _expletive(tok: Token) -> bool:
    """Return whether ``tok`` is the "it" of "it was reported that ...", which stands for the
    clause after the verb."""
    if tok.dep_ != "nsubjpass" or tok.lower_ != "it":
        return False
    return any(c.dep_ == "ccomp" for c in tok.head.children)


def _speech_verb(tok: Token) -> bool:
    """Return whether ``tok`` is a verb of saying: in the hand lexicon or a strong learnt cue."""
    return _cue_lemma(tok.lemma_, tok.pos_)


#: wire credit lines, which name who wrote the story rather than state anything
CREDIT_LINE = re.compile(r"^\W*(?:additional )?(?:reporting|writing|editing|compiled)\b.{0,80}\bby\b", re.I)


#: a byline on a line of its own: "By Sarah Lee", "By JOHN SMITH and ANA RUIZ"
BYLINE = re.compile(r"^\W*(?:By|BY|by)\s+(?:(?:[A-Z][\w.'’-]*|and|&),?\s*){1,8}$")


#: a wire dateline: "VILLASERENA, March 14 (Reuters) -"
DATELINE = re.compile(r"^\W*[A-Z][A-Z .'’-]+(?:,[^()]{0,40})?\s*\([A-Za-z .]+\)?\W*$")


def _is_statement(sent: Span) -> bool:
    """Return whether a sentence states something: not a dateline, byline or credit line, and a verb or
    at least three words (headlines: "Talks resume in Lisbon", whose verb may be tagged a noun)."""
    line = sent.text.strip()
    if CREDIT_LINE.match(sent.text) or DATELINE.match(line) or BYLINE.match(line):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in sent) or sum(t.is_alpha for t in sent) >= 3


#: a sentence whose main verb no report takes in is also the publisher's claim ("The minister
#: resigned on Thursday, two days after reports that she had accepted payments")
OWN_VOICE = True


def _own_voice(sent: Span, found: list[Found], si: int) -> Found | None:
    """Return the publisher's claim of a sentence that holds reports but whose main verb none of
    them takes in (as cue, content or source), or None."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or not _is_statement(sent):
        return None
    at = root.idx
    for f in found:
        spans = [f.content, f.cue]
        if f.source is not None:
            spans.append((f.source.start_char, f.source.end_char))
        if any(s is not None and s[0] <= at < s[1] for s in spans):
            return None
        cue = chars(sent.doc, f.cue).root if f.cue is not None else None
        if cue is not None and cue.dep_ == "parataxis" and cue.head.i == root.i:
            return None  # "X told reporters, the agency said, that Y": the whole is the agency's
    rng = char_range(list(sent))
    if rng is None:
        return None
    status, marks = st.content_status("asserted", sent)
    if status == "hedged":
        return None  # "X reportedly did Y": whose report it goes on is the continuation's question
    return Found(rng, None, None, SourceInfo("publisher", None, None), status, marks, [], si)


def _colon_after(clause: Token) -> bool:
    """Return whether a colon or semicolon ends the clause headed by ``clause``."""
    nxt = clause.right_edge.i + 1
    return nxt < len(clause.doc) and clause.doc[nxt].text in (":", ";")


def _line_break(tok: Token) -> bool:
    return tok.is_space and "\n" in tok.text


#: who speaks for a named person or body in a headline ("Clinton camp: ...")
_SPOKESPEOPLE = frozenset(
    {"camp", "campaign", "aide", "aides", "allies", "team", "spokesman", "spokeswoman", "lawyer", "lawyers"}
)


def _rest_of_line(sent: Span) -> list[Token]:
    """Return the tokens after ``sent`` up to the end of its line."""
    doc = sent.doc
    if _line_break(sent[-1]):
        return []
    out = []
    for t in doc[sent.end :]:
        if _line_break(t):
            break
        if not t.is_space:
            out.append(t)
    return out


def _next_paragraph(sent: Span) -> list[Token]:
    """Return the tokens of the paragraph after ``sent`` when ``sent`` ends its own paragraph."""
    doc = sent.doc
    i = sent.end
    if not (_line_break(sent[-1]) or (i < len(doc) and _line_break(doc[i]))):
        return []
    while i < len(doc) and doc[i].is_space:
        i += 1
    out = []
    while i < len(doc) and not _line_break(doc[i]):
        if not doc[i].is_space:
            out.append(doc[i])
        i += 1
    return out


def _quotation_before_speaker(tok: Token, rng: tuple[int, int]) -> tuple[int, int]:
    """Return ``rng`` opened at the quotation that ends with a comma right before the speaker and
    the cue ``tok`` stand (“A,” he added, “B.” / “A,” added Smith, “B.”), if there is one."""
    text = doc_text(tok.doc)
    starts = [tok.idx] + [t.idx for c in _subjects(tok) if c.i < tok.i for t in c.subtree]
    before = quote_before(text, min(starts))
    if before is None or not text[before[0] : before[1] - 1].rstrip().endswith(","):
        return rng
    if text[tok.sent.start_char : before[0]].strip():
        return rng  # 'Holding signs calling him “Loser,” the protesters chanted “B”': the signs' words
    return before[0], rng[1]


def _earlier_clause(tok: Token) -> Token | None:
    """Return the clause the parse made the first complement of a verb of saying that has no
    subject but another complement after it: in "Kasich offered the man a job, then says he'll
    welcome advice", "offered" is not what he says but his first act, and its subject his."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) or not _speech_verb(tok):
        return None
    comps = [c for c in tok.children if c.dep_ == "ccomp"]
    before = [c for c in comps if c.i < tok.i and any(g.dep_ == "nsubj" for g in c.children)]
    after = [c for c in comps if c.i > tok.i]
    if len(before) != 1 or not after or quoted(before[0]):
        return None
    between = [t for t in tok.doc[before[0].right_edge.i + 1 : tok.i] if not t.is_punct]
    if not all(t.lower_ in ("then", "and", "but", "later") for t in between):
        return None
    return before[0]


def _second_report(tok: Token, comps: list[Token]) -> Token | None:
    """Return a later complement of a verb of saying that is a report of its own, coordinated
    with the first: "Six in 10 said A, and three-quarters said B", which the parse makes two
    complements of the first "said" (B was nested in A's report, through its speaker)."""
    clauses = sorted((c for c in comps if c.dep_ == "ccomp"), key=lambda c: c.i)
    if len(clauses) < 2 or clauses[0].i < tok.i:
        return None
    first = clauses[0]
    last = first.right_edge.i  # the "and" may hang on the first clause, at its end
    while last > first.i and (tok.doc[last].dep_ == "cc" or tok.doc[last].is_punct):
        last -= 1
    for c in clauses[1:]:
        if c.pos_ not in ("VERB", "AUX") or not (_speech_verb(c) or st.stance(c.lemma_) is not None):
            continue
        if not any(g.dep_ == "nsubj" and g.i < c.i for g in c.children):
            continue
        between = tok.doc[last + 1 : c.left_edge.i]
        if any(t.dep_ == "cc" or t.text == ";" for t in between):
            return c
    return None


def _participle_report(v: Token) -> bool:
    """Return whether ``v`` is a participle of saying after a comma that reports on its own:
    "X called for A, saying B" (B is X's second report, as PolNeAR marks it)."""
    return (
        v.dep_ == "advcl"
        and v.tag_ == "VBG"
        and v.i > 0
        and _after_comma(v.doc, min(t.i for t in v.subtree))
        and not any(g.dep_ == "mark" for g in v.children)
        and _speech_verb(v)
    )


#: marks of a clause that sets another speaker's report beside the first ("X say A, while
#: about 4 in 10 want B"; "64 percent call him competent, after 55 percent said so")
_BESIDE = frozenset({"while", "whereas", "after", "though", "although"})


def _other_speaker(v: Token) -> bool:
    """Return whether ``v`` is a report of another speaker coordinated with, or set beside, a
    content: a verb of saying or stance with a subject of its own, or a polled share's
    preference, in a conjunct or a clause opened by "while", "after" and their like."""
    if v.dep_ == "advcl":
        if not any(g.dep_ == "mark" and g.lower_ in _BESIDE for g in v.children):
            return False
    elif v.dep_ != "conj":
        return False
    if not any(g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN", "NUM") for g in v.children):
        return False
    return (
        _speech_verb(v)
        or st.stance(v.lemma_) is not None
        or (POLLS and v.lemma_ in POLL_VERBS and _poll_subject(v))
    )


#: "X seemed to Y", "it appears that X": a claim of the text that its verb hedges, with the
#: verb as its cue (_seeming)
SEEMING = True
#: complements of "seem" and "appear" that hold what seems so
_SEEMS = frozenset({"xcomp", "acomp", "attr", "oprd", "ccomp"})


def _seeming(tok: Token) -> list[Token] | None:
    """Return the words of what ``tok`` says seems so: the subject with the complement ("Both
    objections seemed to carry little weight", "New Hampshire seems stable"), or the clause after
    an "it" that stands for nothing ("It appears that X": X); None when ``tok`` is no such verb
    ("appeared on television", "appears in court")."""
    if tok.lemma_ not in ("seem", "appear") or tok.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(tok.children)
    comp = [
        c for c in kids if c.i > tok.i and (c.dep_ in _SEEMS or (c.dep_ == "prep" and c.lower_ == "like"))
    ]
    if not comp:
        return None
    if st.is_seeming(tok):
        return list(next(c for c in kids if c.dep_ == "ccomp").subtree)
    subj = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
    if not subj or subj[0].lower_ == "it":
        return None
    verb = comp[0]
    if verb.pos_ in ("VERB", "AUX") and (_speech_verb(verb) or st.stance(verb.lemma_) is not None):
        return None  # "Trump seemed to suggest that X": his report, which the verb hedges
    return [t for c in (subj[0], comp[0]) for t in c.subtree]


#: an embedded post signed "— Name (@handle) Month D, YYYY" is that account's words, the dash
#: its cue (as PolNeAR marks the tweets its articles embed)
SIGNED_POSTS = True
_SIGNATURE = re.compile(
    r"\s(?P<cue>[—–]|--?)\s*(?P<name>[^\n()<>—–]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})"
)
#: links an embedded post ends with, which are no words of it
_POST_LINK = re.compile(r"(?:\s+(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _signed_posts(doc: Doc, index: EntityIndex) -> list[tuple[Found, tuple[int, int]]]:
    """Return a Found for each embedded post of ``doc`` signed "— Name (@handle) Date" (its
    text from the start of its line, or the markup that opens it, to the signature), with where
    the signature stands."""
    text = doc_text(doc)
    out: list[tuple[Found, tuple[int, int]]] = []
    if "(@" not in text:
        return out  # most articles embed no signed post: no need to scan them
    for m in _SIGNATURE.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        start = max(line, text.rfind(">", line, m.start()) + 1)
        body = text[start : m.start()]
        body = _POST_LINK.sub("", body).rstrip()
        lead = len(body) - len(body.lstrip())
        if len(body.strip()) < 2:
            continue
        source = doc.char_span(m.start("name"), m.end("handle") + 1, alignment_mode="expand")
        if source is None or not len(source):
            continue
        info = classify(source, index)
        post = Found((start + lead, start + len(body)), m.span("cue"), source, info, "reported")
        out.append((post, (m.start("cue"), m.end())))
    return out


#: "X was asked whether Y" is a question without a source, as "Asked whether Y" is
PASSIVE_ASKED = True


def _asked_of(tok: Token, subj: list[Token], passive_subj: list[Token]) -> bool:
    """Return whether ``tok`` is the bare participle of "Asked whether X, ..." or "when asked
    about X": a question put by someone unnamed to the clause's subject."""
    if tok.lemma_ != "ask" or tok.tag_ != "VBN" or subj or any(c.dep_ == "agent" for c in tok.children):
        return False
    if passive_subj:
        # "the actress was asked if she had ever been discriminated against": by someone unnamed
        return PASSIVE_ASKED and any(c.dep_ == "auxpass" for c in tok.children)
    helped = any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    return tok.dep_ in ("advcl", "conj", "ROOT") and not helped


def _opening_quotation(sent: Span) -> int | None:
    """Return where the quotation a sentence opens with starts: at its first character, or
    after one conjunction or adverb ('But “Donald Trump's candidacy is strengthened.”')."""
    toks = [t for t in sent if not t.is_space]
    if toks and toks[0].text in QUOTES:
        return toks[0].idx
    if len(toks) > 1 and toks[0].pos_ in ("CCONJ", "ADV") and toks[1].text in OPENING_QUOTES:
        return toks[1].idx
    return None


def _own_cue_after(text: str, quotation: tuple[int, int]) -> bool:
    """Return whether a quotation ends as one that its own cue follows: “…,” she adds."""
    inner = text[quotation[0] : quotation[1] - 1].rstrip()
    return inner.endswith(",")


def _said_below(tok: Token) -> tuple[int, int] | None:
    """Return the paragraph below a verb of saying whose sentence ends with it and a colon
    ("Reporter Jomana Karadsheh says:" over the words she says)."""
    if not COLON_NAMES:
        return None
    sent = tok.sent
    rest = [t for t in sent if t.i > tok.i and not t.is_space]
    if [t.text for t in rest] != [":"]:
        return None
    return char_range(_next_paragraph(sent))


def _is_outlet(entity: Entity | None) -> bool:
    return entity is not None and entity.type == "outlet"


#: participles by which an outlet vouches for a document or reaches people: "a filing seen by
#: Reuters", "economists polled by Reuters", "residents interviewed by the AP"
SEEN_BY = frozenset(
    {"see", "obtain", "review", "view", "examine", "get"}
    | {"poll", "survey", "interview", "contact", "consult", "reach"}
)


def _named(tok: Token, index: EntityIndex) -> bool:
    """Whether ``tok`` names an entity, itself or by the name in apposition to it ("the newspaper
    El Heraldo")."""
    return index.at(tok) is not None or any(
        c.dep_ == "appos" and index.at(c) is not None for c in tok.children
    )


#: the occasions on which an outlet hears a speaker: "in an interview with the BBC"
_INTERVIEWS = frozenset({"interview", "conversation", "appearance", "podcast", "broadcast"})


def _interviewed_by(tok: Token, index: EntityIndex) -> Span | None:
    """Return the outlet of "in an interview with the BBC, X said": the hop between the
    publisher and X, as in "X told the BBC"."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "during", "on"):
            continue
        for occasion in c.children:
            if occasion.dep_ != "pobj" or occasion.lemma_.lower() not in _INTERVIEWS:
                continue
            for p in occasion.children:
                if p.dep_ == "prep" and p.lower_ in ("with", "to", "on"):
                    outlets = [g for g in p.children if g.dep_ == "pobj" and _is_outlet(index.at(g))]
                    if outlets:
                        return source_span(outlets[0])
    return None


def _seen_by(source: Span | None, index: EntityIndex) -> Span | None:
    """Return the outlet a source was "seen by", "obtained by" or "polled by": the hop between
    the publisher and that source."""
    if source is None:
        return None
    for acl in source.root.children:
        if acl.dep_ == "acl" and acl.lemma_ in SEEN_BY:
            for by in acl.children:
                if by.dep_ != "agent":
                    continue
                outlets = [g for g in by.children if g.dep_ == "pobj" and _is_outlet(index.at(g))]
                if outlets:
                    return span_of(source.doc, list(outlets[0].subtree))
    return None


#: headline colons: a short capitalised name before the colon is a source even when the entity
#: rules do not know it ("Clinton camp: ...", "TAPPER: ..."), past a kicker ("EXCLUSIVE –")
#: and after "on"/"to" ("Gillibrand on X: ...")
COLON_NAMES = True
_NOT_SPEAKERS = frozenset(
    {
        "question",
        "answer",
        "name",
        "update",
        "latest",
        "poll",
        "transcript",
        "analysis",
        "opinion",
        "exclusive",
        "watch",
        "video",
        "photos",
        "breaking",
        "editorial",
        "review",
        "factbox",
        "explainer",
        "live",
        "note",
        "correction",
        "related",
        "read",
        "more",
        "background",
        "context",
        "comment",
        "editor",
        "email",
        "twitter",
        "photo",
        "credit",
        "date",
        "time",
        "location",
        "subject",
        "warning",
        "headline",
        "summary",
        "key",
        "conclusion",
        "introduction",
        "step",
        "tip",
        "fact",
        "reality",
        "claim",
        "verdict",
        "rating",
        "result",
        "results",
        "bottom",
        "line",
        "here",
        "why",
        "what",
        "how",
        "who",
        "when",
        "where",
    }
)
#: cut a content's trailing clauses that belong to its cue (_trim_coordination)
TRIM_TAILS = True
#: which kinds of trailing clause _trim_coordination cuts. Measured on PolNeAR train[:150] with
#: the lexicon and tagger learnt from train[150:]: "bare" and "participle" gain .3 content and
#: relation F1 there; cutting every subjectless conjunct, or any participle, lost a point
#: ("says A and expects B" keeps both), and so did cutting reports with a subject of their own;
#: "second" cuts only another speaker's report ("X told Reuters that A, and an official
#: confirmed B": a noun subject and a verb of the hand lexicon), which the held-out articles
#: hold no case of (and "A and he feels B" stays whole)
TRIM_KINDS = frozenset({"bare", "participle", "second"})


def _after_comma(doc: Doc, i: int) -> bool:
    """Return whether token ``i`` follows a comma (or a quotation closed after one: ',”')."""
    k = i - 1
    if k > 0 and doc[k].text in QUOTES:
        k -= 1
    return k >= 0 and doc[k].text == ","


#: _trim_coordination cuts a content from a second report on to its end, not that report's
#: subtree alone
REST_TO_SECOND = True
#: a verb's participle of saying after a comma ("X called for A, saying B") is a second report,
#: not one of the verb's contents, when the verb has another
PARTICIPLE_APART = True
#: a content that opens a quotation ends no sooner than the quotation (spans.close_quotation)
CLOSE_QUOTES = True


def _trim_coordination(content: list[Token], comps: list[Token]) -> list[Token]:
    """Drop what the parse hangs on a content but the sentence says of the cue's speaker.

    "X said [A] and called B", "X says [A] and tells the crowd B": a coordinated verb of saying
    without a subject of its own, after a clause that has one, shares the speaker's subject
    ("bare"); "X argued [A], saying B": a participle of saying after a comma ("participle").
    PolNeAR ends the content before each (and annotates the second report apart).
    """
    cut: set[int] = set()
    for c in comps:
        if not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            continue
        kids = sorted(c.children, key=lambda g: g.i)
        for k, v in enumerate(kids):
            if v.i < c.i or v.pos_ not in ("VERB", "AUX"):
                continue
            own_subject = any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in v.children)
            kind = None
            if v.dep_ == "conj" and not own_subject and _speech_verb(v):
                kind = "bare"
            elif _other_speaker(v):
                kind = "second"  # "X told Reuters that A, and an official confirmed B"
            elif _participle_report(v):
                kind = "participle"
            if kind is None or kind not in TRIM_KINDS:
                continue
            # the "and" or comma right before the second verb goes with it; a closing quotation
            # mark before them stays with the content ('were "not serious" and accused ...')
            lead = {g.i for g in kids[:k] if g.i > c.i and g.dep_ in ("cc", "punct") and g.text not in QUOTES}
            start = min(t.i for t in v.subtree)
            while start - 1 in lead:
                start -= 1
            end = max(t.i for t in v.subtree) + 1
            if REST_TO_SECOND:
                # what the parse hangs elsewhere after the second report is still its words ("X
                # said A, telling Y that “B, C”", where C came out a clause of "said")
                end = max(end, max(t.i for t in content) + 1)
            cut |= set(range(start, end))
            break
    return [t for t in content if t.i not in cut] if cut else content


#: prepositions that PolNeAR puts at the end of a cue ("called for", "talked about", "accused
#: X of"): its cues end with one of these about twenty times as often as its contents start so
_CUE_PREPS = frozenset({"for", "about", "of", "on", "against", "with"})


def _prep_to_cue(doc: Doc, f: Found) -> None:
    """Move a preposition that opens a content right after its cue into the cue ("is calling
    for | the United States to step up ...", where the parse reads "for" as a clause's mark), or
    that stands alone between them ("would vote | for | Clinton", "comments | on | Muslims")."""
    if f.cue is None:
        return
    gap = None
    if f.content[0] > f.cue[1]:
        gap = doc.char_span(f.cue[1], f.content[0], alignment_mode="contract")
    if gap is not None and len(gap) == 1 and gap[0].pos_ == "ADP" and gap[0].dep_ in ("prep", "agent"):
        f.cue = (f.cue[0], gap[0].idx + len(gap[0].text))
        return
    if not 0 <= f.content[0] - f.cue[1] <= 1:
        return
    span = doc.char_span(*f.content, alignment_mode="expand")
    if span is None or len(span) < 2:
        return
    first = span[0]
    if first.lower_ not in _CUE_PREPS or first.dep_ not in ("prep", "mark"):
        return
    if any(g.ent_type_ in ("DATE", "TIME") for g in first.children):
        return  # "said on Friday ..."
    rest = char_range(list(span[1:]))
    if rest is not None:
        f.cue = (f.cue[0], first.idx + len(first.text))
        f.content = rest


def _date_out_of_content(doc: Doc, f: Found) -> None:
    """Start a content after its cue when it opens inside it ("said Tuesday | his actions ...",
    where the cue takes the day) or with the day the cue was said ("said on Friday | he met
    ..."): a date between a verb of saying and the subject of its clause dates the saying."""
    if f.cue is None or f.content[0] < f.cue[0] or f.content[0] - f.cue[1] > 1:
        return
    span = doc.char_span(max(f.content[0], f.cue[1]), f.content[1], alignment_mode="expand")
    if span is None or len(span) < 3:
        return
    k = 0
    if span[0].lower_ in ("on", "in", "last", "this") or span[0].ent_type_ in ("DATE", "TIME"):
        while k < len(span) and (span[k].ent_type_ in ("DATE", "TIME") or (k == 0 and span[k].pos_ == "ADP")):
            k += 1
    if k == 0 or k >= len(span) or not any(t.ent_type_ in ("DATE", "TIME") for t in span[:k]):
        if f.content[0] < f.cue[1]:
            rest = char_range([t for t in span if t.idx >= f.cue[1]])
            f.content = rest or f.content
        return
    clause = span[k]
    opens_clause = clause.dep_ in ("nsubj", "nsubjpass", "mark", "det", "compound", "amod", "poss")
    if not opens_clause and clause.pos_ not in ("PRON", "PROPN", "NOUN", "DET"):
        return  # "said on Friday morning that": "that" is its own mark; anything else stays
    rest = char_range(list(span[k:]))
    if rest is not None:
        f.content = rest


#: cut sources the way PolNeAR marks them (_trim_source)
TRIM_SOURCES = True
#: verbs that lend their subject to an infinitive without acting on it ("appeared to imply",
#: "continued to insist"): the infinitive's report stands on its own
RAISING = frozenset(
    {"appear", "seem", "continue", "begin", "start", "go", "keep", "try", "come", "tend", "proceed"}
)


Hops = list[tuple[Span | None, SourceInfo]]


def _cited_before(f: Found, head: Token | None, documents: dict[str, Hops]) -> None:
    """Give "The memo said ..." the hops of the memo cited before ("The Guardian, citing a leaked
    memo, reported ..."): the publisher has it from the Guardian. ``documents`` maps the head
    noun of each document met so far, as a source or as a hop, to the hops before it."""
    if f.info.kind == "document" and head is not None and not f.outer:
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in head.children)
        if definite and head.lemma_ in documents:
            f.outer = list(documents[head.lemma_])
    for k, (span, info) in enumerate(f.outer):
        if info.kind == "document" and span is not None:
            documents.setdefault(span.root.lemma_, f.outer[:k])
    if f.info.kind == "document" and head is not None:
        documents.setdefault(head.lemma_, list(f.outer))


def _content_text(text: str, f: Found) -> str:
    return text[f.content[0] : f.content[1]]


def _inside_another_cue(g: Found, found: list[Found]) -> bool:
    """Return whether another attribution of the same content holds ``g``'s cue in its own:
    "said in a statement that X", where the parse also hangs X on "statement", is one report."""
    return g.cue is not None and any(
        f.cue is not None
        and f.cue != g.cue
        and f.content == g.content
        and f.cue[0] <= g.cue[0]
        and g.cue[1] <= f.cue[1]
        for f in found
    )


def _controlled(doc: Doc, cue: tuple[int, int], cues: set[int]) -> bool:
    """Return whether the cue at ``cue`` is the infinitive another cue verb governs ("refused |
    to rule out new taxes", "urged supporters to denounce the report"), so what it reports is
    that verb's content, not a claim of its own: the minister did not rule the taxes out."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = next((t for t in span if t.pos_ in ("VERB", "AUX")), span.root)
    head = verb.head
    # the governing cue may open with its auxiliaries ("has refused")
    return verb.dep_ == "xcomp" and head.lemma_ not in RAISING and any(
        t.idx in cues for t in doc[max(head.i - 3, 0) : head.i + 1]
    )


#: a pronoun that stands for the outer source is that source (_speaks_of_itself)
SELF_REPORTS = True
#: contents that are a question word alone: the cue reports no claim ("declined to say why")
BARE_QUESTIONS = frozenset({"why", "how", "what", "when", "where", "who", "whether", "which"})
#: personal pronouns that, as the source of a report nested in another, stand for the outer
#: source when their number agrees ("Smith said he would vote against the bill": Smith's own)
_SINGULAR_SELF = frozenset({"he", "she", "i"})
_PLURAL_SELF = frozenset({"they", "we"})


def _speaks_of_itself(f: Found) -> bool:
    """Return whether ``f``'s source is a personal pronoun that stands for the source of the
    report it is nested in: "Smith said he would vote against the bill" and "Officials said they
    believed ..." are Smith's and the officials' own words, one hop, not a hop from Smith to an
    unnamed "he". The pronoun agrees in number with that source: "he" with one person or one
    anonymous source, "they" and "we" with a plural, coordinated or collective one."""
    if f.source is None or len(f.source) != 1 or not f.outer or f.outer[-1][0] is None:
        return False
    word = f.source[0].lower_
    span, info = f.outer[-1]
    assert span is not None
    head = span.root
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children) or (
        info.count is not None and info.count > 1
    )
    if word in _SINGULAR_SELF:
        return info.kind in ("person", "anonymous") and not plural and head.pos_ in ("PROPN", "NOUN")
    if word in _PLURAL_SELF:
        return plural or info.kind in ("organization", "outlet")
    return False


_RELATIVE = frozenset({"who", "which", "whose", "whom", "where"})
_DASHES = frozenset({"—", "–", "-", "--"})


def _trim_source(span: Span) -> Span:
    """Return a source without what PolNeAR leaves out of one: a dateline before it ("WASHINGTON
    (AP) — Donald Trump"), a comma-led relative clause ("Zucker, who in the past ...") or age
    ("Sarandon, 69") after it."""
    toks = list(span)
    for k, t in enumerate(toks[:12]):
        if t.text in _DASHES and k > 0 and toks[k - 1].text == ")" and k + 1 < len(toks):
            toks = toks[k + 1 :]
            break
    for k in range(1, len(toks) - 1):
        nxt = toks[k + 1]
        if toks[k].text == "," and (
            nxt.lower_ in _RELATIVE
            or (nxt.like_num and (k + 2 == len(toks) or toks[k + 2].text == ","))
        ):
            toks = toks[:k]
            break
    if len(toks) == len(span):
        return span
    return span_of(span.doc, toks) or span


#: prepositions that give a cue noun of the hand lexicon its topic, the content ("warnings from
#: the UN about famine")
_TOPIC_PREPS = frozenset({"about", "of", "on", "over", "against"})
#: a noun is a cue only with one of these among its dependents: the clause of "the denial that
#: X", or the prepositional phrase of a learnt frame ("Trump's criticism of X")
_NOUN_CUE_DEPS = frozenset({"acl", "ccomp", "appos", "prep"})


class Attributor:
    """Find claims, their cues, sources, chains and status."""

    def __init__(self, nlp: Language, name: str = "claimgraph_attribution") -> None:
        self.name = name
        self.weights = am.load()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Annotate ``docs`` as ``__call__`` does, a batch at a time (see ``find_all``)."""
        for batch in minibatch(docs, size=batch_size):
            for doc, found in zip(batch, self.find_all(batch), strict=True):
                self.set_annotations(doc, found)
            yield from batch

    # -- sentence level ---------------------------------------------------------------------

    def _according(self, sent: Span, index: EntityIndex) -> list[Found]:
        out: list[Found] = []
        if "accord" not in doc_text(sent.doc)[sent.start_char : sent.end_char].lower():
            return out  # most sentences: no need to look at their tokens one by one
        for tok in sent:
            if tok.lower_ != "according":
                continue
            to = [c for c in tok.children if c.lower_ == "to"]
            pobj = [c for c in to[0].children if c.dep_ == "pobj"] if to else []
            if not pobj:
                continue
            head = pobj[0]
            cue_end = to[0].idx + len(to[0].text)
            # "according to a report by Reuters": the author is the source.
            by = [
                g
                for c in head.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                for g in c.children
                if g.dep_ == "pobj" and _named(g, index)
            ]
            by += [  # "according to the exclusive revealed by the agency" (not one "seen by" it)
                g
                for c in head.children
                if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ not in SEEN_BY
                for a in c.children
                if a.dep_ == "agent"
                for g in a.children
                if g.dep_ == "pobj" and _named(g, index)
            ]
            src_head = by[0] if by else head
            excluded = {t.i for t in tok.subtree}
            cites = self._citing(sent, index)
            excluded |= {t.i for c in cites for t in c.subtree}
            clause = tok.head
            if clause.dep_ == "ccomp" and tok.i < clause.i and _speech_verb(clause.head):
                # "The AP reported that, according to an analysis, X": the analysis says X,
                # inside the AP's report
                inner = [t for t in clause.subtree if t.i not in excluded]
                while inner and (inner[0].is_punct or inner[0].dep_ == "mark"):
                    inner = inner[1:]
                content = char_range(inner)
            else:
                content = char_range([t for t in sent if t.i not in excluded])
            source = source_span(src_head) if src_head is head else span_of(sent.doc, list(src_head.subtree))
            if source is not None and not by:
                source = span_of(
                    sent.doc, [t for t in head.subtree if not any(t in c.subtree for c in cites)]
                )
            if content is None or source is None:
                continue
            info = classify(source, index)
            found = Found(content, (tok.idx, cue_end), source, info, "reported")
            outlet = _seen_by(source, index)  # "according to a court document seen by Reuters"
            if outlet is not None:
                found.outer.append((outlet, classify(outlet, index)))
            self._nest_citing(found, cites, index)
            out.append(found)
        return out

    @staticmethod
    def _citing(sent: Span, index: EntityIndex) -> list[Token]:
        """Return the "citing Y" verbs of a sentence whose object Y is an inner source."""
        return [t for t in sent if _cites_source(t, index)]

    def _nest_citing(self, found: Found, cites: list[Token], index: EntityIndex) -> None:
        """Turn "X, citing Y" into a chain X → Y: Y becomes the claim's own source."""
        for cite in cites:
            obj = [c for c in cite.children if c.dep_ == "dobj"][0]
            inner = span_of(cite.doc, list(obj.subtree))
            if inner is None:
                continue
            found.outer.append((found.source, found.info))
            found.source, found.info = inner, classify(inner, index)
            break

    def _frames(self, tok: Token) -> tuple[str, dict[str, float]] | None:
        """Return (the best frame, all usable frames) if ``tok`` introduces a content, else None.

        A frame is usable when the learnt lexicon gives it a rate of at least CUE_RATE, or when
        the hand-written lexicon lists the lemma and the frame is a that-clause or a parenthesis.
        """
        present = fr.frames_present(tok)
        if not present:
            return None
        rates = dict(fr.learnt().get((tok.lemma_.lower(), tok.pos_), {}))
        if tok.pos_ in ("VERB", "AUX") and st.stance(tok.lemma_) is not None:
            for f in ("ccomp", "head:parataxis"):
                rates[f] = max(rates.get(f, 0.0), HAND_RATE)
            if _as_noted(tok):
                rates["head:advcl"] = max(rates.get("head:advcl", 0.0), HAND_RATE)
            if _reporting_tail(tok):
                rates["head:conj"] = max(rates.get("head:conj", 0.0), HAND_RATE)
        usable = {f: r for f, r in rates.items() if f in present and r >= CUE_RATE}
        if not usable and POLLS and tok.lemma_ in POLL_VERBS and _poll_subject(tok):
            # "56 percent would vote for Clinton", "about 4 in 10 want a switch": a poll's
            # people say so, though the verb seldom reports anywhere else
            usable = {f: HAND_RATE for f in POLL_FRAMES if f in present}
        if not usable:
            return None
        return max(usable, key=usable.__getitem__), usable

    def _verbs(self, sent: Span, index: EntityIndex) -> list[Found]:
        out = []
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or tok.lower_ == "according":
                continue
            if _cites_source(tok, index):
                continue  # "X, citing Y" is a hop of X's chain (_nest_citing), not a claim of its own
            passive_subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
            xcomp = [c for c in tok.children if c.dep_ == "xcomp"]
            hearsay = None
            if tok.lemma_ in st.HEARSAY_PASSIVES and tok.tag_ == "VBN" and passive_subj:
                if xcomp:  # "He is said to have fled": the subject with the complement
                    hearsay = subtree(passive_subj[0]) + subtree(xcomp[0])
                elif _expletive(passive_subj[0]) and not any(c.dep_ == "agent" for c in tok.children):
                    # "It is understood that X": X
                    hearsay = list(next(c for c in tok.children if c.dep_ == "ccomp").subtree)
            if hearsay is None and SEEMING:
                seeming = _seeming(tok)
                if seeming is not None:
                    # "Clinton appeared to assuage ...": the text's own impression, hedged by its
                    # cue; the claim is the publisher's, and PolNeAR marks it without a source
                    rng = char_range(seeming)
                    if rng:
                        text_itself = SourceInfo("publisher", None, None)
                        out.append(Found(rng, cue_range(tok), None, text_itself, "hedged"))
                    continue
            if hearsay is not None:  # agentless hearsay: nobody stands behind it
                rng = char_range(hearsay)
                if rng:
                    nobody = SourceInfo("unspecified", None, None)
                    out.append(Found(rng, cue_range(tok), None, nobody, "hedged"))
                continue
            misparse = _report_as_modifier(tok)
            if misparse is not None:
                noun, verb = misparse
                subject = {t.i for t in noun.subtree}
                rng = char_range(_without_according(tok, [t for t in verb.subtree if t.i not in subject]))
                found = self._attribute(tok, rng, None, sent, index) if rng is not None else None
                if found is not None:
                    self._nest_citing(found, self._citing(sent, index), index)
                    out.append(found)
                continue
            clause = (
                (medium_clause(tok) or _stray_clause(tok))
                if _speech_verb(tok) and not any(c.dep_ == "ccomp" for c in tok.children)
                else None
            )
            if clause is not None:
                # "said in a statement that X", the parse hanging X on "statement"
                rng = char_range(list(clause.subtree))
                found = self._attribute(tok, rng, None, sent, index) if rng is not None else None
                if found is not None:
                    out.append(found)
                continue
            chosen = self._frames(tok)
            if chosen is None:
                quote = _short_answer(tok) or self._bare_quote(tok)
                found = self._attribute(tok, quote, None, sent, index) if quote is not None else None
                if found is not None:
                    out.append(found)
                continue
            best, usable = chosen
            if fr.says_nothing(tok):
                continue  # "did not respond to a request for comment", "declined to comment"
            if tok.lemma_ == "ask" and best == "ccomp":
                comp = next(c for c in tok.children if c.dep_ == "ccomp")
                if not any(
                    g.lower_ in ("whether", "if") or g.tag_ in ("WRB", "WP")
                    for g in comp.children
                    if g.i < comp.i
                ) and not quoted(comp):
                    continue  # "asked whether X" asks; "asked X to" is a request
            cue_end = None
            if best.startswith("head:"):
                # "The talks, he said, were over": the content is the rest of the head's clause.
                own = {t.i for t in tok.subtree}
                rng = char_range([t for t in tok.head.subtree if t.i not in own])
            else:
                comps = []
                for c in tok.children:
                    if c.dep_ in fr.FRAME_DEPS and fr.child_frame(c) in usable and c.pos_ != "SCONJ":
                        # (a bare "that" the parse made an object is no content)
                        if _expletive(c):  # "it is not known whether X": the content is X
                            c = next(x for x in tok.children if x.dep_ == "ccomp")
                        if c not in comps:
                            comps.append(c)
                named = None
                wh = [c for c in comps if c.i < tok.i and c.tag_ in ("WP", "WDT")]
                if wh:
                    later = [c for c in comps if c.i > tok.i]
                    if not (NAMING_RELATIVES and tok.lemma_ in NAMING_VERBS and later):
                        continue  # "what he had promised a man": a free relative names, claims nothing
                    # "what he calls X", "which he described as X": the name is his, and PolNeAR's
                    # content runs from the relative word to it
                    named, comps = wh[0], later
                earlier = _earlier_clause(tok)
                if earlier is not None:
                    comps = [c for c in comps if c.i != earlier.i]  # "X did A, then says B": B
                if PARTICIPLE_APART and len(comps) > 1:
                    comps = [c for c in comps if not _participle_report(c)] or comps
                if len(comps) > 1:
                    comps = [c for c in comps if not _other_speaker(c)] or comps
                if len(comps) > 1 and any(c.i > tok.i for c in comps):
                    # "The navy's denial came hours later: it said X": the clause before the
                    # colon is the text's own, the content is X
                    comps = [c for c in comps if c.i > tok.i or not _colon_after(c)]
                second = _second_report(tok, comps)
                if second is not None:
                    comps = [c for c in comps if c.i != second.i]  # "X said A, and Y said B": A
                content: list[Token] = []
                for c in comps:
                    if c.dep_ == "prep":
                        content += [t for g in c.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
                        if c.i == tok.i + 1 or (c.i == tok.i + 2 and tok.doc[tok.i + 1].dep_ == "prt"):
                            cue_end = c.idx + len(c.text)  # "called for", "referred to"
                    else:
                        content += list(c.subtree)
                if content and any(c.dep_ in ("dobj", "prep") for c in comps):
                    # "slams X for receiving ...", "tweeted her thanks to the president": PolNeAR's
                    # content runs on through the verb's later phrases, which the parse hangs on it.
                    first = min(t.i for t in content)
                    cue_last = cue_end is not None and max(
                        t.i for t in tok.doc[tok.i : tok.i + 3] if t.idx < cue_end
                    )
                    content += [
                        t
                        for c in tok.children
                        if c.i > first
                        and c.dep_ in ("prep", "dative", "oprd")
                        and c.i != cue_last
                        and not _setting(c)
                        and not (PARTICIPLES and any(_by_saying(g) for g in c.children))
                        for t in c.subtree
                    ]
                if TRIM_TAILS:
                    content = _trim_coordination(content, comps)
                if named is not None and content:
                    content = [named, *content]
                rng = char_range(trim_occasion(trim_tail(_without_according(tok, content))))
            cue = cue_range(tok)
            if rng is not None and rng[1] <= cue[0]:
                # “We will win,” he said, “and soon.”: one content from the first mark to the last.
                ends = [cue_end or cue[1]] + [
                    t.idx + len(t.text) for c in _subjects(tok) if c.i > tok.i for t in c.subtree
                ]  # “A,” added Smith, “B.”
                after = quote_after(doc_text(tok.doc), max(ends))
                if after is not None:
                    rng = (rng[0], after[1])
            if rng is None:
                continue
            found = self._attribute(tok, rng, cue_end, sent, index)
            if found is not None:
                out.append(found)
        cues = {f.cue[0] for f in out if f.cue is not None}
        return [f for f in out if f.cue is None or not _controlled(sent.doc, f.cue, cues)]

    def _bare_quote(self, tok: Token) -> tuple[int, int] | None:
        """Return the quotation a verb of saying stands beside when the parse gave it no clause:
        “With an eye to February,” he said. / Clinton said, “as long as we're not...”"""
        if not _speech_verb(tok):
            return None
        text = doc_text(tok.doc)
        cue = cue_range(tok)
        # "He tells the crowd: “...”", "..., telling reporters, “...”": past whom he tells
        heard = [t for c in tok.children if c.dep_ in ("dobj", "dative") and c.i > tok.i for t in c.subtree]
        after = max((t.idx + len(t.text) for t in heard), default=cue[1])
        subjects = _subjects(tok)
        if not subjects:
            participle = tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp")
            if participle:
                return quote_after(text, after)
            before = _subject_before(tok)  # "“…,” Ramos, 58, told AFP": the parse left it no subject
            if before is None:
                return None
            return quote_before(text, min(t.idx for t in before.subtree if not t.is_punct))
        subj = min(t.idx for c in subjects for t in (source_span(c) or c.subtree))
        return quote_after(text, after) or quote_before(text, min(subj, cue[0])) or _said_below(tok)

    def _attribute(
        self, tok: Token, rng: tuple[int, int], cue_end: int | None, sent: Span, index: EntityIndex
    ) -> Found | None:
        """Return the attribution of content ``rng`` to the subject (or agent) of cue ``tok``.

        Only "it was reported that" and its like stand without a source: a cue word with no
        subject or agent in reach ("to attack the opposition", "had not been reported") is no
        attribution. A relative pronoun stands for the noun its clause hangs on.
        """
        passive_subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
        cue = cue_range(tok)
        subj = _subjects(tok)
        if not subj and not passive_subj and tok.dep_ == "conj":
            before = _subject_before(tok)
            if before is not None and before.dep_ == "conj":
                subj = [before]  # "“…,” Ramos, 58, told AFP": the parse made both conjuncts
        up = tok
        if (
            not subj
            and TRIM_TAILS
            and (
                ("bare" in TRIM_KINDS and tok.dep_ == "conj")
                or ("participle" in TRIM_KINDS and tok.dep_ == "advcl" and tok.tag_ == "VBG")
            )
            and tok.head.dep_ == "ccomp"
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.head.children)
            and _speech_verb(tok)
            and _speech_verb(tok.head.head)
        ):
            # "X said A and called B", "X denied A, dismissing B": X is the speaker of both, as
            # _trim_coordination reads it
            up = tok.head.head
            subj = [c for c in up.children if c.dep_ == "nsubj"]
        if st.is_seeming(tok):
            return None  # "It appears that X": nobody says X; it is the text's own hedged claim
        earlier = _earlier_clause(tok) if not subj and not passive_subj else None
        if earlier is not None:
            subj = [c for c in earlier.children if c.dep_ == "nsubj"][:1]
        if _asked_of(tok, subj, passive_subj):
            # "Asked whether X, 75 percent said yes": whoever asked is not named, and the people
            # asked did not ask; the question stands without a source, as PolNeAR marks it
            nobody = SourceInfo("unspecified", None, None)
            return Found(rng, (cue[0], cue_end or cue[1]), None, nobody, st.cue_status(tok))
        for _ in range(3):  # "X wants to criticize Y", "X said A and added B": X is the source
            if subj or passive_subj:
                break  # ("X met Y before the ceasefire was signed": not X's signing)
            if PARTICIPLES and _by_saying(up):
                up = up.head.head  # "X distanced himself by saying B", "After saying B, X ...": X
            elif up.dep_ not in ("conj", "xcomp", "advcl") or up.head.pos_ not in ("VERB", "AUX"):
                break
            else:
                up = up.head
            subj = [c for c in up.children if c.dep_ == "nsubj"]
        agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        src_tok = subj[0] if subj else (agent[0] if agent else None)
        if src_tok is None and not passive_subj and SUBJECT_BEFORE:
            src_tok = _subject_before(tok)
        modifier = src_tok is None and _report_as_modifier(tok) is not None
        if modifier:
            src_tok = tok.head  # "The agency [reported ..., that X]": the agency
        described = (
            src_tok is None
            and PARTICIPLES
            and tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            and tok.head.pos_ in ("NOUN", "PROPN")
            and _speech_verb(tok)
        )
        if described:
            src_tok = tok.head  # "911 calls saying shots had been fired": the calls say so
        expletive = bool(passive_subj) and passive_subj[0].lower_ == "it"
        if expletive:
            src_tok = agent[0] if agent else None
        elif src_tok is None:
            return None
        referent = src_tok
        if src_tok is not None and src_tok.tag_ in ("WP", "WDT") and src_tok.head.dep_ == "relcl":
            if st.stance(tok.lemma_) is None:
                return None  # "sources who discussed communications": a description, not a report
            # the source is written "who"; what it is, is the noun it stands for (of the verb
            # whose subject it is: "Arrabal, who took office promising ...")
            referent = src_tok.head.head
        source = source_span(src_tok) if src_tok is not None else None
        if modifier and src_tok is not None:
            source = span_of(tok.doc, [t for t in src_tok.subtree if t.i < tok.i])
        if described and source is not None:
            source = span_of(tok.doc, trim_tail([t for t in source if t.i < tok.i and not t.is_punct]))
        about = source_span(referent) if referent is not None and referent is not src_tok else source
        info = classify(about, index) if about is not None else SourceInfo("unspecified", None, None)
        base = st.cue_status(tok)
        if source is None and base == "reported":
            base = "hedged"  # "it was reported that": nobody stands behind it
        found = Found(rng, (cue[0], cue_end or cue[1]), source, info, base)
        # "X told Reuters": the outlet is the hop between the publisher and X.
        heard = [c for c in tok.children if c.dep_ in ("dobj", "dative") and _is_outlet(index.at(c))]
        # the whole name told ("the Associated Press"), or the outlet a source was "seen by"
        outlet = (
            (source_span(heard[0]) if heard else None)
            or _interviewed_by(tok, index)
            or (_interviewed_by(tok.head, index) if tok.dep_ == "conj" else None)  # "said A and denied B"
            or _seen_by(source, index)
        )
        if outlet is not None:
            found.outer.append((outlet, classify(outlet, index)))
        cites = self._citing(sent, index)
        if tok.dep_ != "ROOT":  # "A, X said, citing Y" where the parse made "said" a conjunct
            cites = [c for c in cites if c.head.i == tok.i]
        self._nest_citing(found, cites, index)
        return found

    def _nouns(self, sent: Span, index: EntityIndex) -> list[Found]:
        """Find noun cues: "the ministry's denial that X", "Trump's criticism of X"."""
        out = []
        for tok in sent:
            if tok.pos_ != "NOUN" or not any(c.dep_ in _NOUN_CUE_DEPS for c in tok.children):
                continue
            poss = [c for c in tok.children if c.dep_ == "poss"]
            by = [
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from")
                for g in c.children
                if g.dep_ == "pobj"
            ]
            src = poss[0] if poss else (by[0] if by else None)
            source = source_span(src) if src is not None else None
            clause = [
                c
                for c in tok.children
                if c.dep_ in ("acl", "ccomp", "appos")
                and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
            ]
            cue = (tok.idx, tok.idx + len(tok.text))
            stance = st.stance(tok.lemma_, noun=True)
            topic = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ == "prep"
                    and c.lower_ in _TOPIC_PREPS
                    and c.i > tok.i
                    and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)  # "on Saturday"
                ),
                None,
            )
            if tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
                topic = None  # "according to a report on the talks by Reuters": the source, not a claim
            if stance is not None and clause and not _relative_clause(clause[0]):
                rng = char_range(subtree(clause[0]))
            elif stance is not None and source is not None and topic is not None:
                # "warnings from the UN about famine", "the ministry's denial of the report"
                rng = char_range([t for g in topic.children if g.dep_ == "pobj" for t in g.subtree])
            elif source is not None and (chosen := self._frames(tok)) and chosen[0].startswith("prep:"):
                # "Trump's criticism of the deal": learnt noun frames need their author in reach.
                prep = next(c for c in tok.children if c.dep_ == "prep" and fr.child_frame(c) == chosen[0])
                rng = char_range([t for g in prep.children if g.dep_ == "pobj" for t in g.subtree])
                if prep.i == tok.i + 1:
                    cue = (tok.idx, prep.idx + len(prep.text))
            else:
                continue
            if rng is None:
                continue
            info = classify(source, index) if source is not None else SourceInfo("unspecified", None, None)
            status = st.cue_status(tok, noun=True)
            if source is None and status == "reported":
                status = "hedged"  # "after reports that X": nobody stands behind X
            out.append(Found(rng, cue, source, info, status))
        return out

    def _colon(self, sent: Span, index: EntityIndex) -> list[Found]:
        """Find "Source: content", as in headlines ("Graham: Trump's rhetoric destroys GOP")."""
        head: list[Token] = []
        for t in sent:  # most sentences have no colon in their first words: look no further
            if not t.is_space:
                head.append(t)
                if len(head) == 8:
                    break
        colon = next((t for t in head if t.text == ":"), None)
        if colon is None or colon.i == head[0].i:
            return []
        toks = [t for t in sent if not t.is_space]
        before = [t for t in toks if t.i < colon.i]
        after = [t for t in toks if t.i > colon.i]
        dash = [k for k, t in enumerate(before) if t.text in ("–", "—", "-") and k <= 2]
        if COLON_NAMES and dash and all(t.is_upper or t.is_punct for t in before[: dash[0]]):
            before = before[dash[0] + 1 :]  # "EXCLUSIVE – Roger Stone: ..."
        about = next((k for k, t in enumerate(before) if t.lower_ in ("on", "to", "at") and k > 0), None)
        if COLON_NAMES and about is not None and before[about - 1].pos_ == "PROPN":
            before = before[:about]  # "Gillibrand on Hillary's Speeches: ...", "Mukasey at RNC: ..."
        if not after and COLON_NAMES:
            # "Ann Coulter: And Then There Was the One.", parsed as two sentences: the rest of
            # the line; "TAPPER:" on a line of its own: the words below it
            after = _rest_of_line(sent) or _next_paragraph(sent)
        if len(after) < 3 or not before or any(t.pos_ in ("VERB", "AUX") for t in before):
            return []
        if not all(t.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "DET", "PART", "PUNCT", "NUM") for t in before):
            return []
        if len(before) == 1 and before[0].lower_ in _NOT_SPEAKERS:
            return []  # "Analysis: ...", "Video: ...": a kicker, not a speaker
        source = span_of(sent.doc, before)
        rng = char_range(after)
        if source is None or rng is None:
            return []
        info = classify(source, index)
        named = (
            len(before) <= 3
            and all(
                ((t.is_title or t.is_upper) or t.lower_ in _SPOKESPEOPLE) and t.pos_ in ("PROPN", "NOUN")
                for t in before
            )
            and (any(t.pos_ == "PROPN" for t in before) or len(before) == 1)  # "Trump: ..."
            and not any(t.lower_ in _NOT_SPEAKERS for t in before)
        )
        if info.kind == "unspecified" and not (COLON_NAMES and named):
            return []
        return [Found(rng, (colon.idx, colon.idx + 1), source, info, "reported")]

    @staticmethod
    def _title_case(sent: Span, index: EntityIndex) -> list[Found]:
        """Find "Source Verbs Content" in a headline in title case ("Conservative Icon Morton
        Blackwell Endorses Ted Cruz"), where the small model reads every word as part of one
        name: the first capitalised word (past the first) that is the third person of a verb of
        saying or a strong learnt cue is the cue, the words before it the source, the rest the
        content."""
        if not in_title_case(sent):
            return []
        toks = [t for t in sent if not t.is_space]
        for k, tok in enumerate(toks[1:-1], start=1):
            if tok.pos_ in ("VERB", "AUX"):
                return []  # the parse found a verb before any: the rules have read it
            low = tok.lower_
            if not (tok.is_title and low.endswith("s")):
                continue
            lemma = next((c for c in (low[:-1], low[:-2]) if _cue_lemma(c)), None)
            if lemma is None:
                continue
            before = [t for t in toks[:k] if not (t.is_punct and t.i == toks[0].i)]
            if not any(t.pos_ in ("PROPN", "NOUN") for t in before):
                continue  # "The Bills Beat The Jets": a name, not a speaker and a verb
            if any(t.is_punct and t.text not in ("-", "’s", "'s") for t in before):
                return []
            source = span_of(sent.doc, before)
            rng = char_range(toks[k + 1 :])
            if source is None or rng is None:
                return []
            status = st.STANCE_STATUS[st.stance(lemma) or "neutral"]
            return [Found(rng, (tok.idx, tok.idx + len(tok.text)), source, classify(source, index), status)]
        return []

    def _in_sentence(self, sent: Span, index: EntityIndex) -> list[Found]:
        found = (
            self._according(sent, index)
            + self._verbs(sent, index)
            + self._nouns(sent, index)
            + self._colon(sent, index)
        )
        if not found:
            found = self._title_case(sent, index)
        found = [g for g in found if not _inside_another_cue(g, found)]
        text = doc_text(sent.doc)
        for f in found:
            if f.cue is not None:
                whole = enclosing_quotation(text, f.content, f.cue)
                f.content = whole or clip_to_quotation(text, f.content, f.cue)
                if CLOSE_QUOTES and whole is None:
                    f.content = close_quotation(text, f.content, f.cue)
                if f.content[0] >= f.cue[1] and text[f.content[0]] in QUOTES:
                    # “A,” he added, “B.”: the quotation before the speaker and cue opens it
                    cue = sent.doc.char_span(*f.cue, alignment_mode="expand")
                    if cue is not None and len(cue):
                        f.content = _quotation_before_speaker(cue.root, f.content)
        found.sort(key=lambda f: f.content[0])
        return found

    @staticmethod
    def _nest(found: list[Found]) -> None:
        """Within one sentence, a cue inside another's content is reported by that source."""
        for f in found:
            for g in found:
                if g is not f and f.cue and g.content[0] <= f.cue[0] < g.content[1]:
                    f.outer = [*g.outer, (g.source, g.info), *f.outer]

    @staticmethod
    def _take_back(out: list[Found], found: list[Found]) -> None:
        """“A. B,” he said: the sentences of a quotation before its cue's sentence are his words,
        not the publisher's claims, and the reports they hold are nested in his."""
        for f in found:
            if f.cue is None:
                continue
            inside = [g for g in out if f.content[0] <= g.content[0] and g.content[1] <= f.content[1]]
            for g in inside:
                if g.cue is None:
                    out.remove(g)
                elif f.content[0] <= g.cue[0] < f.content[1]:
                    g.outer = [*f.outer, (f.source, f.info), *g.outer]

    # -- document level ---------------------------------------------------------------------

    def find(self, doc: Doc, refine: bool = True) -> list[Found]:
        """Return every claim of ``doc`` as a Found, in text order (publisher claims included).

        With ``refine`` and the learnt tagger's weights installed, the tagger corrects and
        completes the rules' attributions (``attribution_model``); it needs the statistical
        model's token vectors (``doc.tensor``), so hand-built Docs get the rules alone.
        """
        return self.find_all([doc], refine)[0]

    def find_all(self, docs: list[Doc], refine: bool = True) -> list[list[Found]]:
        """Return ``find`` of each doc, the tagger's network run once over the batch."""
        found = [self._find(doc) for doc in docs]
        tagged = [i for i, doc in enumerate(docs) if am.has_tensor(doc)]
        if refine and self.weights is not None and tagged:
            decoded = am.decode(self.weights, [docs[i] for i in tagged], [found[i] for i in tagged])
            for i, t in zip(tagged, decoded, strict=True):
                found[i] = am.refine(docs[i], found[i], t)
        return [self._finish(doc, f) for doc, f in zip(docs, found, strict=True)]

    @staticmethod
    def _finish(doc: Doc, found: list[Found]) -> list[Found]:
        text = doc_text(doc)
        for f in found:
            _prep_to_cue(doc, f)
            _date_out_of_content(doc, f)
            if f.source is not None and TRIM_SOURCES:
                f.source = _trim_source(f.source)
            if SELF_REPORTS and _speaks_of_itself(f):
                (f.source, f.info), f.outer = f.outer[-1], f.outer[:-1]
            # "VILLASERENA, March 14 (Reuters) - ", whole or from its date on, opens no content
            paragraph = text.rfind("\n", 0, f.content[0]) + 1
            dateline = OPENING_DATELINE.match(text, paragraph, f.content[1])
            if dateline is not None and f.content[0] < dateline.end() < f.content[1]:
                f.content = (dateline.end(), f.content[1])
        # "Neither has explained why", "he would not say how": a question word alone says nothing
        found = [
            f for f in found if f.cue is None or _content_text(text, f).strip().lower() not in BARE_QUESTIONS
        ]
        # "X, which cited Y" is a hop of X's chain, not X's claim (the tagger may read one there)
        citing = [f for f in found if f.cue is not None and "cit" in text[f.cue[0] : f.cue[1]].lower()]
        if citing:
            index = EntityIndex(doc, doc._.cg_entities or [])
            hops = {id(f) for f in citing if f.cue and _cites_source(chars(doc, f.cue).root, index)}
            found = [f for f in found if id(f) not in hops]
        return found

    def _find(self, doc: Doc) -> list[Found]:
        if REPAIR_VERBS:
            repair_verbs(doc)
        index = EntityIndex(doc, doc._.cg_entities or [])
        out: list[Found] = []
        context: tuple[Span | None, SourceInfo] | None = None  # the outlet whose report governs
        last: Found | None = None
        consumed = 0  # end of the last quotation merged into a content
        unnamed: dict[str, Found] = {}  # head noun of each anonymous source -> where it came
        group: Found | None = None  # the last unnamed group of people ("they" stands for it)
        documents: dict[str, Hops] = {}  # a document's head noun -> the hops to it
        for si, sent in enumerate(s for s in doc.sents if any(t.is_alpha for t in s)):
            found = self._in_sentence(sent, index)
            continued = bool(found) and self._goes_on(doc, sent, si, last, found)
            # “A,” she said. “B. And they expect C.”: inside the quotation already taken into her
            # report, what the rules read is hers to report
            inside = bool(found) and last is not None and last.content[0] < sent.start_char < consumed
            if continued:
                # “A,” he said. “B, showing C.”: the quotation goes on, and what the rules read
                # inside it is that speaker's, nested in the one content PolNeAR takes.
                assert last is not None
                quotation = quote_after(doc_text(doc), sent.start_char)
                assert quotation is not None
                last.content = (last.content[0], quotation[1])
                consumed = last.content[1]
            if continued or inside:
                assert last is not None
                last.sentence = si
                for f in found:
                    f.outer = [*last.outer, (last.source, last.info), *f.outer]
            for f in found:
                f.sentence = si
                head = f.source.root if f.source is not None else None
                if (
                    head is not None
                    and f.info.entity is None
                    and head.lemma_ in unnamed
                    and any(
                        c.dep_ == "det" and c.lower_ in ("the", "that", "these", "those")
                        for c in head.children
                    )
                ):
                    # "The official said ..." after "A senior official confirmed ...": the same source.
                    earlier = unnamed[head.lemma_]
                    f.info, f.outer = earlier.info, list(earlier.outer)
                if f.info.kind == "anonymous" and head is not None:
                    unnamed.setdefault(head.lemma_, f)
                    if f.info.count != 1:
                        group = f
                if (
                    head is not None
                    and head.lower_ == "they"
                    and f.info.kind == "unspecified"
                    and group is not None
                    and si - group.sentence <= 2
                ):
                    # "three people said ... No decision has been made, they said": the same people
                    f.info, f.outer = group.info, list(group.outer)
                _cited_before(f, head, documents)
                if f.info.kind == "outlet" and not f.outer:
                    context = (f.source, f.info)
                elif f.outer and f.outer[0][1].kind == "outlet":
                    context = f.outer[0]
                elif f.info.kind in ("anonymous", "unspecified") and not f.outer and context:
                    f.outer = [context]
                elif (
                    f.info.kind in ("person", "organization")
                    and not f.outer
                    and f.cue is not None
                    and not any(g is not f and g.content[0] <= f.cue[0] < g.content[1] for g in found)
                ):
                    context = None  # the text changes voice: a named source speaks in its own
                cue = chars(doc, f.cue).root if f.cue else None
                f.status, f.hedges = st.content_status(f.status, chars(doc, f.content), cue)
                last = f
            if found:
                self._nest(found)
                self._take_back(out, found)
                # A report that goes on is the sentence's outermost one, not one nested in it.
                outermost = [
                    f
                    for f in found
                    if not any(
                        g is not f and f.cue and g.content[0] <= f.cue[0] < g.content[1] for g in found
                    )
                ]
                if not continued:  # a quotation that went on keeps its speaker's report last
                    # the speaker of a quotation, not a report after it ('“A,” Clinton said,
                    # referencing B. “C.”': the quotation goes on with Clinton's words)
                    text = doc_text(doc)
                    quoting = [
                        f
                        for f in outermost
                        if f.cue is not None and text[f.content[0]] in QUOTES and f.cue[0] > f.content[0]
                    ]
                    last = (quoting or outermost or found)[-1]
                own = _own_voice(sent, found, si) if OWN_VOICE and not continued else None
                out.extend(found if own is None else sorted([own, *found], key=lambda f: f.content[0]))
                # "Karadsheh says:" over the paragraph she says: its sentences are that content
                consumed = max([consumed, *(f.content[1] for f in found if f.content[1] > sent.end_char)])
                continue
            if sent.start_char < consumed:
                # inside a quotation already taken into a claim's content: that report goes on
                # to here ("“A,” he said. “B. C.”" and a quotation in the next paragraph, "“D.”")
                if last is not None and last.content[0] <= sent.start_char < last.content[1]:
                    last.sentence = si
                continue
            rng = char_range(list(sent))
            opening = _opening_quotation(sent)
            quoted = opening is not None
            statement = _is_statement(sent)
            if rng is None or not (statement or quoted):  # “Not one.”: a quotation may go on
                continue
            status, marks = st.content_status("asserted", sent)
            recent = last is not None and si - last.sentence <= CONTINUATION_WINDOW
            text = doc_text(doc)
            if (
                quoted
                and last is not None
                and si - last.sentence == 1
                and text[last.content[0]] in QUOTES
                and last.cue is not None
                and last.cue[0] > last.content[0]
            ):
                # “A,” he said. “B. C.”: the quotation goes on; PolNeAR takes it as one content.
                quotation = quote_after(text, opening or sent.start_char)
                if quotation is None or not _own_cue_after(text, quotation):
                    last.content = (last.content[0], quotation[1] if quotation else rng[1])
                    last.sentence = si
                    consumed = last.content[1]
                    continue
                # “B. C,” she adds: the next quotation has a cue of its own
            if not statement:
                continue
            if (
                recent
                and last is not None
                and (
                    any(st.is_reportative_conditional(t) for t in marks)
                    # "reportedly" reports what someone reported, not a speaker's own quoted words
                    or (any(t.lower_ in REPORTATIVE for t in marks) and text[last.content[0]] not in QUOTES)
                    or (quoted and si - last.sentence == 1)
                )
            ):
                f = Found(
                    rng,
                    None,
                    last.source,
                    last.info,
                    st.combine("reported", status),
                    marks,
                    list(last.outer),
                    si,
                )
                last = f
            elif status == "hedged":
                f = Found(
                    rng,
                    None,
                    None,
                    SourceInfo("unspecified", None, None),
                    status,
                    marks,
                    [context] if context else [],
                    si,
                )
            else:
                f = Found(rng, None, None, SourceInfo("publisher", None, None), status, marks, [], si)
            out.append(f)
        if SIGNED_POSTS:
            signed = _signed_posts(doc, index)
            if signed:
                posts = [f for f, _ in signed]
                signatures = [sig for _, sig in signed]
                self._take_back(out, posts)
                # the signature itself ("— Name (@handle) Date") claims nothing
                out = [f for f in out if f.cue is not None or not _inside(f.content[0], signatures)]
                out = sorted([*out, *posts], key=lambda f: f.content[0])
        return self._split_open_questions(doc, out)

    @staticmethod
    def _goes_on(doc: Doc, sent: Span, si: int, last: Found | None, found: list[Found]) -> bool:
        """Return whether ``sent`` is a quotation that continues the report ``last`` ended with
        (“A,” he said. “B.”) and holds every cue the rules found in it."""
        text = doc_text(doc)
        if (
            last is None
            or si - last.sentence != 1
            or last.cue is None
            or sent.text.lstrip()[:1] not in QUOTES
            or text[last.content[0]] not in QUOTES
            or last.cue[0] <= last.content[0]
        ):
            return False
        quotation = quote_after(text, sent.start_char)
        return quotation is not None and not _own_cue_after(text, quotation) and all(
            f.cue is not None and quotation[0] < f.cue[0] and f.cue[1] < quotation[1] for f in found
        )

    def _split_open_questions(self, doc: Doc, found: list[Found]) -> list[Found]:
        """Give "..., although it is not clear whether X" its own claim, with status uncertain."""
        out: list[Found] = []
        for f in found:
            span = chars(doc, f.content)
            q = next((t for t in span if st.is_open_question(t) and t.dep_ in ("advcl", "conj")), None)
            sub = (
                char_range([t for t in q.subtree if t.dep_ not in ("mark", "cc") or t.head != q])
                if q
                else None
            )
            main = char_range([t for t in span if t.i < min(x.i for x in q.subtree)]) if q else None
            if q is None or sub is None or main is None:
                out.append(f)
                continue
            status, marks = st.content_status(
                f.status if f.status != "uncertain" else "reported",
                chars(doc, main),
            )
            out.append(Found(main, f.cue, f.source, f.info, status, marks, f.outer, f.sentence))
            out.append(Found(sub, None, f.source, f.info, "uncertain", [q], f.outer, f.sentence))
        return out

    # -- writing ----------------------------------------------------------------------------

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        doc._.cg_attribution = build(doc, found)


def build(doc: Doc, found: list[Found]) -> tuple[list[Source], list[Claim]]:
    """Turn Found items into contract sources and claims (deterministic ids, one publisher)."""
    document = doc._.cg_document
    outlet = document.outlet if document is not None else None
    pub_entity = next((e.id for e in doc._.cg_entities or [] if outlet and e.name == outlet), None)
    publisher = Source(
        make_id("s", "publisher"), "publisher", pub_entity, outlet or "the publisher", None, None
    )
    sources: dict[str, Source] = {publisher.id: publisher}

    def source_of(span: Span | None, info: SourceInfo) -> Source:
        if info.kind == "publisher" or (
            info.kind == "outlet"
            and info.entity is not None
            and outlet is not None
            and fold(info.entity.name) == fold(outlet)
        ):
            return publisher  # "told Reuters" in Reuters' own story is the publisher
        if span is None:
            src = Source(
                make_id("s", info.kind, None),
                info.kind,
                None,
                "(unnamed)" if info.kind == "unspecified" else info.kind,
                None,
                None,
            )
        else:
            src = Source(
                make_id("s", info.kind, span.start_char, span.end_char),
                info.kind,
                info.entity.id if info.entity else None,
                span.text,
                span.start_char,
                span.end_char,
                info.count,
            )
        return sources.setdefault(src.id, src)

    claims: dict[str, Claim] = {}
    text = doc_text(doc)
    for f in found:
        own = source_of(f.source, f.info)
        hops = [publisher]
        for src in [*(source_of(span, info) for span, info in f.outer), own]:
            if src in hops:
                continue
            last = hops[-1]
            same = src.entity is not None and (last.entity, last.kind) == (src.entity, "outlet")
            if same and last is not publisher:
                # "The Times reported X, which the newspaper said ...": one hop (outlets only: a
                # title such as "the president" is resolved to a person less surely)
                hops[-1] = src
            else:
                hops.append(src)
        chain = [h.id for h in hops]
        chain = chain[: chain.index(own.id) + 1]
        content = TextSpan(f.content[0], f.content[1], text[f.content[0] : f.content[1]])
        cue = TextSpan(f.cue[0], f.cue[1], text[f.cue[0] : f.cue[1]]) if f.cue else None
        cid = make_id("c", own.id, content.start, content.end)
        claims.setdefault(
            cid,
            Claim(
                id=cid,
                content=content,
                cue=cue,
                source=own.id,
                chain=chain,
                status=f.status,
                hedges=[TextSpan(t.idx, t.idx + len(t.text), t.text) for t in f.hedges],
            ),
        )
    return list(sources.values()), list(claims.values())
