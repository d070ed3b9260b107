"""Decide a claim's epistemic status from its cue's stance and the hedges in its content.

Order of precedence: denied > uncertain > hedged > reported (attributed) / asserted (the
publisher's own voice). Pure functions over token spans.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from claimgraph.analyze import lexicon

STANCE_STATUS = {
    "neutral": "reported",
    "assertive": "reported",
    "hedging": "hedged",
    "uncertain": "uncertain",
    "denial": "denied",
}
RANK = {"asserted": 0, "reported": 0, "hedged": 1, "uncertain": 2, "denied": 3}
#: adjectives that, negated or not, open a question: "it is not clear whether", "it remains unknown"
OPEN_QUESTION = frozenset({"clear", "unclear", "known", "unknown", "certain", "uncertain", "sure", "evident"})
#: verbs of refusing to speak: what they "decline to say" is left open
REFUSALS = frozenset({"decline", "refuse"})
#: what a source can decline to do that leaves its content open ("declined to say how long",
#: "refused to rule out new taxes"); "refused to negotiate" is a stance, reported as such
WITHHELD = frozenset(
    {"say", "comment", "disclose", "confirm", "deny", "rule", "reveal", "specify", "elaborate", "discuss",
     "answer", "identify", "name", "explain", "detail", "speculate", "predict", "estimate"}
)
#: verbs that, in "is said to", "is believed to", make an agentless hedge
HEARSAY_PASSIVES = frozenset(
    {"say", "believe", "think", "report", "rumor", "rumour", "understand", "allege", "expect"}
)


def stance(lemma: str, noun: bool = False) -> str | None:
    """Return the stance of a cue lemma (neutral, assertive, hedging, uncertain, denial) or None."""
    entry = lexicon.table("cue_nouns.tsv" if noun else "cues.tsv").get(lemma.lower())
    return entry[0] if entry else None


def cue_status(cue: Token | None, noun: bool = False) -> str:
    """Return the status a cue gives on its own: its stance, with negation."""
    if cue is None:
        return "asserted"
    st = stance(cue.lemma_, noun) or "neutral"
    status = STANCE_STATUS[st]
    if cue.lemma_ in REFUSALS and any(c.dep_ == "xcomp" and c.lemma_ in WITHHELD for c in cue.children):
        return "uncertain"  # "declined to say how long ...", "refused to rule out": left open
    if any(c.dep_ == "neg" for c in cue.children) and status in ("reported", "hedged", "denied"):
        return "uncertain"  # "did not say", "did not deny that X": X is left open
    return combine(status, *(s for _, s in cue_hedges(cue)))


def cue_hedges(cue: Token | None) -> list[tuple[Token, str]]:
    """Return the hedges on a cue verb itself: "U.S. officials reportedly demanded that ...",
    "allegedly offered": the report is hearsay."""
    return hedges(c for c in cue.children if c.dep_ == "advmod") if cue is not None else []


#: the lemmas the clause-level hedges of this module start from ("it is not clear", "it seems")
_COPULAS = frozenset({"be", "remain", "seem"})
_SEEMING = frozenset({"appear", "seem"})


def is_reportative_conditional(tok: Token) -> bool:
    """Return whether ``tok`` heads "would have + past participle" outside an if-clause."""
    if tok.tag_ != "VBN":
        return False
    auxes = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if "would" not in auxes or "have" not in auxes:
        return False
    sent = tok.sent
    return not any(t.lower_ in ("if", "unless") and t.dep_ == "mark" for t in sent)


def is_open_question(tok: Token) -> bool:
    """Return whether ``tok`` heads "it is (not) clear whether ..." or "it remains unknown if ..."."""
    if tok.lemma_ not in _COPULAS:
        return False
    acomp = [c for c in tok.children if c.dep_ in ("acomp", "attr") and c.lower_ in OPEN_QUESTION]
    if not acomp:
        return False
    negated = any(c.dep_ == "neg" for c in tok.children)
    opens = any(
        g.dep_ == "mark" and g.lower_ in ("whether", "if", "how", "why", "when", "what", "who")
        for c in list(tok.children) + list(acomp[0].children)
        if c.dep_ == "ccomp"
        for g in c.children
    ) or any(
        c.dep_ == "ccomp" and c.tag_ in ("WRB", "WP") or c.lower_ in ("whether",) for c in acomp[0].subtree
    )
    word = acomp[0].lower_
    return opens and (word in ("unclear", "unknown", "uncertain") or negated)


#: adjectives by which "it is ... that X" rejects X (and "true", negated: "it is not true that")
REFUTING = frozenset(
    {"false", "untrue", "wrong", "baseless", "unfounded", "groundless", "incorrect", "inaccurate"}
)


def is_refutation(tok: Token) -> bool:
    """Return whether ``tok`` heads "it is false that ...", "it is not true that ...": the
    clause is rejected, as by "deny"."""
    if tok.lemma_ not in _COPULAS:
        return False
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in tok.children):
        return False
    negated = any(c.dep_ == "neg" for c in tok.children)
    said = [c for c in tok.children if c.dep_ in ("acomp", "attr")]
    rejects = any(a.lower_ in REFUTING and not negated or a.lower_ == "true" and negated for a in said)
    clause = [c for c in [*tok.children, *(g for a in said for g in a.children)] if c.dep_ == "ccomp"]
    return rejects and any(g.dep_ == "mark" and g.lower_ == "that" for c in clause for g in c.children)


def is_seeming(tok: Token) -> bool:
    """Return whether ``tok`` heads "it appears that ..." or "it seems that ...": an "it" that
    stands for no one, and the text's own hedge on the clause (like "apparently")."""
    return (
        tok.lemma_ in ("appear", "seem")
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in tok.children)
        and any(c.dep_ == "ccomp" for c in tok.children)
    )


#: modal verbs of possibility: uncertain as modals only (the table lists them for phrases)
MODALS = frozenset({"may", "might", "could"})


def hedges(tokens: Iterable[Token]) -> list[tuple[Token, str]]:
    """Return (token, status) for every hedge or uncertainty marker among ``tokens``.

    Each token's spelling, tag and lemma are read once (the tests below look at few words)."""
    table = lexicon.table("hedges.tsv")
    found: list[tuple[Token, str]] = []
    for tok in tokens:
        low = tok.lower_
        tag = tok.tag_
        if tag == "MD" and low in MODALS:
            found.append((tok, "uncertain"))
        elif low in table and tag != "MD" and low not in MODALS:  # "in May" is a month
            found.append((tok, table[low][0]))
        elif tag == "VBN" and is_reportative_conditional(tok):
            found.append((tok, "hedged"))
        else:
            lemma = tok.lemma_
            if lemma in _COPULAS and is_open_question(tok):
                found.append((tok, "uncertain"))
            elif lemma in _SEEMING and is_seeming(tok):
                found.append((tok, "hedged"))
            elif lemma in _COPULAS and is_refutation(tok):
                found.append((tok, "denied"))
            elif (
                tag == "VBN"
                and lemma in HEARSAY_PASSIVES
                and any(c.dep_ == "auxpass" for c in tok.children)
                and any(c.dep_ == "xcomp" for c in tok.children)
            ):
                found.append((tok, "hedged"))
    return found


def combine(*statuses: str) -> str:
    """Return the strongest of ``statuses`` (denied > uncertain > hedged > reported/asserted)."""
    return max(statuses, key=lambda s: RANK[s])


def content_status(base: str, content: Span, cue: Token | None = None) -> tuple[str, list[Token]]:
    """Return the status of a claim from its cue status ``base`` and the hedges in ``content``,
    with the words that made it: the hedges on the cue verb (already in ``base``) first."""
    found = hedges(content)
    status = combine(base, *(s for _, s in found))
    return status, [t for t, _ in [*cue_hedges(cue), *found]]
