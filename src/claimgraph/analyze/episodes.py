"""Link the mentions of one happening across a document, so that they share its date.

Used by the event component. A news text names one happening many times: "Maduro's capture",
"the U.S. operation that resulted in the capture of Nicolás Maduro", "the operation on January
3rd", "the capture of the dictator". Mentions are linked when

- an episode noun ("operation", ``data/episodes.txt``) is said to have resulted in, led to or
  ended in an event ("the operation that resulted in the capture"): the noun takes its type;
- a later definite noun ("the capture", "the operation", a possessed or country-modified noun)
  repeats an earlier noun's lemma, or its type with a shared recipient, and their arguments do
  not clash (no disjoint actors or recipients).

A linked group shares its one date (the value of its dated mentions, when they agree), fills
empty actors and recipients from each other, and points at its first mention with ``same_as``.
Negated mentions ("he was not arrested during the operation") are never linked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from claimgraph.analyze.events import Found

#: verbs by which one happening is said to produce another ("resulted in the capture")
RESULT_VERBS = frozenset({"result", "lead", "end", "culminate", "bring"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _definite(tok: Token) -> bool:
    """Return whether a noun refers back: "the capture", "Maduro's capture", "the U.S. raid"."""
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE)
        or c.dep_ == "poss"
        or (c.dep_ == "compound" and c.pos_ == "PROPN")
        for c in tok.children
    )


def _results(tok: Token) -> list[Token]:
    """Return the nouns ``tok`` is said to have resulted in: "operation that resulted in the capture"."""
    out = []
    for verb in tok.children:
        if verb.dep_ in ("relcl", "acl") and verb.lemma_ in RESULT_VERBS:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "to"):
                    out += [g for g in prep.children if g.dep_ == "pobj"]
    return out


def _clash(a: list[str], b: list[str]) -> bool:
    return bool(a and b and not set(a) & set(b))


def _corefer(a: Found, b: Found) -> bool:
    """Return whether the later noun mention ``b`` names the happening ``a`` names."""
    if b.token.pos_ != "NOUN" or a.token.pos_ != "NOUN" or not _definite(b.token):
        return False
    if _clash(a.actors, b.actors) or _clash(a.recipients, b.recipients):
        return False
    if a.token.lemma_ == b.token.lemma_:
        if a.plover is None and b.plover is None or a.token.tag_ != b.token.tag_:
            # "the operation" twice says nothing until one is typed; "operations" is not
            # "the operation"
            return a.plover is None and b.plover is None and a.token.tag_ == b.token.tag_
        return a.plover is None or b.plover is None or a.plover == b.plover
    shared = set(a.recipients) & set(b.recipients)
    return a.plover is not None and a.plover == b.plover and bool(shared)


def link(found: list[Found]) -> None:
    """Link the mentions in ``found`` (text order) that name one happening; update them in place."""
    nouns = [f for f in found if f.token.pos_ == "NOUN" and not f.negated]
    if len(nouns) < 2:
        return
    parent = {id(f): f for f in nouns}

    def root(f: Found) -> Found:
        while parent[id(f)] is not f:
            f = parent[id(f)]
        return f

    def union(a: Found, b: Found) -> None:
        ra, rb = root(a), root(b)
        if ra is not rb:
            first, second = (ra, rb) if ra.token.i < rb.token.i else (rb, ra)
            parent[id(second)] = first

    by_token = {f.token.i: f for f in nouns}
    for f in nouns:
        for result in _results(f.token):
            if result.i in by_token:
                union(f, by_token[result.i])
                if f.plover is None:
                    f.plover, f.cameo = by_token[result.i].plover, by_token[result.i].cameo
    for k, b in enumerate(nouns):
        for a in nouns[:k]:
            if _corefer(a, b):
                union(a, b)
                break
    groups: dict[int, list[Found]] = {}
    for f in nouns:
        groups.setdefault(id(root(f)), []).append(f)
    for members in groups.values():
        if len(members) > 1:
            _share(members)


def _share(members: list[Found]) -> None:
    typed = next((m for m in members if m.plover is not None), None)
    if typed is None:
        return
    dated = [m.when for m in members if m.when is not None and m.when.value is not None]
    when = dated[0] if dated and len({t.value for t in dated}) == 1 else None
    actors = [e for m in members for e in m.actors]
    recipients = [e for m in members for e in m.recipients if e not in actors]
    for m in members:
        if m.plover is None:
            m.plover, m.cameo = typed.plover, typed.cameo
        if when is not None and (m.when is None or m.when.value is None):
            m.when = when
        m.actors = m.actors or list(dict.fromkeys(actors))
        m.recipients = m.recipients or [e for e in dict.fromkeys(recipients) if e not in m.actors]
    first = members[0]
    for m in members[1:]:
        m.same_as = first
