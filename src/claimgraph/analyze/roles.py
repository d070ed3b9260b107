"""Find the roles people hold and their ages, from titles around their mentions.

Pure functions used by the entity component. A role comes from a title before a name
("Venezuela's Interior Minister Diosdado Cabello", "interim president Delcy Rodríguez"), a title
in apposition ("Delcy Rodríguez, interim president of Venezuela", "Diosdado Cabello, the Interior
Minister and second-in-command"), a copular sentence ("Cabello is the main enforcer of
repression") or an "as" phrase about the subject ("As a former military officer, he ..."). The
organisation or country goes in ``Role.of``; modifiers such as former, interim and acting are
kept. An apposed number is an age ("Cabello, 62,").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.analyze import lexicon
from claimgraph.model import Entity, Role

#: modifiers of a title that say when or how it is held; kept in ``Role.modifiers``
TITLE_MODIFIERS = frozenset(
    {"former", "interim", "acting", "deputy", "outgoing", "incoming", "late", "then", "ex"}
)
#: prepositions whose object is the scope of a title ("president of Venezuela")
SCOPE_PREPS = frozenset({"of", "for", "in", "at"})


def is_title(token: Token) -> bool:
    """Return whether a token is the head noun of a title ("minister", "spokeswoman")."""
    titles = lexicon.words("titles.txt")
    return token.lower_ in titles or token.lemma_.lower() in titles


def hyphenated_title(token: Token) -> Span | None:
    """Return the span of a hyphenated title starting at ``token`` ("second-in-command")."""
    doc, end = token.doc, token.i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        end += 2
    if end == token.i + 1:
        return None
    span = doc[token.i : end]
    return span if span.text.lower() in lexicon.words("titles.txt") else None


def add_role(entity: Entity, tokens: list[Token], of: Entity | None) -> None:
    """Add a role spanning ``tokens`` (contiguous) to ``entity`` unless it is there already."""
    if not tokens:
        return
    doc = tokens[0].doc
    span = doc[tokens[0].i : tokens[-1].i + 1]
    words = [t.lower_ for t in span]
    modifiers = [w for w in words if w in TITLE_MODIFIERS]
    title = " ".join(w for w in words if w not in ("the", "a", "an")).replace(" - ", "-")
    for r in entity.roles:
        if r.title == title:
            # The same title said twice: keep the first span, and the scope if either gives one.
            r.of = r.of or (of.id if of else None)
            return
    entity.roles.append(
        Role(
            title=title,
            of=of.id if of else None,
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            modifiers=modifiers,
        )
    )


def _scope(head: Token, by_token: dict[int, Entity], last: int) -> Entity | None:
    """Return the entity a title's "of/for/in" phrase names, looking no further than ``last``."""
    for sub in head.subtree:
        if head.i < sub.i <= last and sub.i in by_token and sub.head.lower_ in SCOPE_PREPS:
            entity = by_token[sub.i]
            if entity.type != "person":
                return entity
    return None


def _title_phrase(head: Token, by_token: dict[int, Entity]) -> list[Token]:
    """Return the tokens of a title noun phrase: its modifiers and the head ("interim president")."""
    lefts = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod") and t.i not in by_token]
    start = lefts[0].i if lefts else head.i
    hyphen = hyphenated_title(head)
    end = hyphen.end if hyphen is not None else head.i + 1
    return list(head.doc[start:end])


def _is_title_head(token: Token) -> bool:
    if hyphenated_title(token) is not None:
        return True  # "second-in-command", whatever the tagger made of "second"
    return token.pos_ in ("NOUN", "PROPN") and is_title(token)


def premodifier_roles(entity: Entity, mention: Span, by_token: dict[int, Entity]) -> None:
    """Add the title written before a name: "Venezuela's Interior Minister Diosdado Cabello"."""
    doc = mention.doc
    i = mention.start - 1
    left: list[Token] = []
    while i >= 0 and doc[i].pos_ in ("PROPN", "NOUN", "ADJ") and doc[i].i not in by_token:
        left.insert(0, doc[i])
        i -= 1
    while left and not is_title(left[-1]):
        left.pop()
    if left:
        of = None
        if i >= 1 and doc[i].tag_ == "POS" and doc[i - 1].i in by_token:
            of = by_token[doc[i - 1].i]
        add_role(entity, left, of)


def apposition_roles(entity: Entity, mention: Span, by_token: dict[int, Entity]) -> None:
    """Add titles and the age apposed to a name: "Delcy Rodríguez, interim president of Venezuela"."""
    head = mention.root
    for child in head.children:
        if child.dep_ != "appos":
            continue
        if child.like_num and child.i > head.i:
            try:
                age = int(child.text)
            except ValueError:
                continue
            if 0 < age < 120:
                entity.age = age
            continue
        if child.i in by_token:
            continue
        # "the Interior Minister and second-in-command of chavismo": each conjoined title.
        # A scope after the last one is shared by titles with none of their own.
        heads = [child, *(c for c in child.children if c.dep_ == "conj" and c.i not in by_token)]
        heads = [h for h in heads if _is_title_head(h)]
        scopes = [
            _scope(h, by_token, heads[k + 1].i - 1 if k + 1 < len(heads) else h.right_edge.i)
            for k, h in enumerate(heads)
        ]
        for title, scope in zip(heads, scopes, strict=True):
            add_role(entity, _title_phrase(title, by_token), scope or (scopes[-1] if scopes else None))


def clause_roles(entity: Entity, subject: Token, by_token: dict[int, Entity]) -> None:
    """Add the roles a clause gives its subject: copular ("Cabello is the main enforcer of
    repression in Venezuela") and "as" phrases ("As a former military officer, he exerts ...")."""
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ == "neg" for c in verb.children):
        return  # "he is not the minister" gives no role
    for child in verb.children:
        title: Token | None = None
        if child.dep_ == "attr" and verb.lemma_ == "be":
            title = child
        elif child.dep_ == "prep" and child.lower_ == "as":
            title = next((g for g in child.children if g.dep_ == "pobj"), None)
        if title is not None and title.i not in by_token and _is_title_head(title):
            add_role(entity, _title_phrase(title, by_token), _scope(title, by_token, title.right_edge.i))
