"""Name how a content hangs off its cue in the parse: the frames of the learnt cue lexicon.

Shared by the attribution component and by ``training/cues.py``, which learns from PolNeAR how
often each (lemma, part of speech, frame) introduces an attribution.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from claimgraph.analyze import lexicon
from claimgraph.analyze.status import REFUSALS  # "declined to comment": refusing to speak says nothing

#: complements through which a content can hang off its cue
FRAME_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "oprd", "prep", "attr", "acomp", "nsubjpass", "advcl", "dative"}
)
#: positions of a cue inside its content: "..., he said", "according to X"
HEAD_DEPS = frozenset({"parataxis", "advcl", "prep", "ccomp", "conj", "relcl"})


def child_frame(child: Token) -> str:
    """Return the frame a complement child stands in: its label, or ``prep:<word>``."""
    return f"prep:{child.lower_}" if child.dep_ == "prep" else child.dep_


def frames_present(tok: Token) -> set[str]:
    """Return the frames a token could take a content in: its complements, or its own position."""
    present = {child_frame(c) for c in tok.children if c.dep_ in FRAME_DEPS}
    if tok.dep_ in HEAD_DEPS and tok.head != tok:
        present.add(f"head:{tok.dep_}")
    return present


#: "did not respond to a request for comment": a reply to these is no content
REQUESTS = frozenset({"request", "message", "call", "email", "inquiry", "query", "question"})


def says_nothing(tok: Token) -> bool:
    """Return whether ``tok`` is a verb of (not) answering that says nothing: "did not respond to
    a request for comment", "declined to comment (on the report)"."""
    lemma = tok.lemma_
    if lemma in ("respond", "reply"):
        return any(
            c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_ in REQUESTS for g in c.children)
            for c in tok.children
        )
    if lemma == "comment":
        return tok.dep_ == "xcomp" and tok.head.lemma_ in REFUSALS
    if lemma in REFUSALS:
        return any(c.dep_ == "xcomp" and c.lemma_ == "comment" for c in tok.children)
    return False


def frame(cue: Token, content: Token) -> str:
    """Return how the content's head hangs off the cue's head (``other`` when it does not)."""
    if content.head == cue and content != cue:
        return child_frame(content)
    if content.head.head == cue and content.head.dep_ in ("prep", "agent"):
        return f"prep:{content.head.lower_}"
    if cue.head == content or (cue != content and cue in content.subtree):
        return f"head:{cue.dep_}"
    return "other"


@cache
def learnt() -> dict[tuple[str, str], dict[str, float]]:
    """Return ``{(lemma, pos): {frame: rate}}`` from ``data/cues_learned.tsv``."""
    out: dict[tuple[str, str], dict[str, float]] = {}
    for lemma, pos, frame_, _cues, _seen, rate in lexicon.rows("cues_learned.tsv"):
        out.setdefault((lemma, pos), {})[frame_] = float(rate)
    return out
