"""Unit tests of epistemic status decisions on hand-built parsed Docs."""

from __future__ import annotations

import pytest
from handbuilt import build
from test_attribution import CONDITIONAL, OPEN_QUESTION

from claimgraph.analyze import status as st

COUNTERFACTUAL = (
    "If the rain had stopped, the dam would have closed.",
    """
If if SCONJ IN mark 4
the the DET DT det 2
rain rain NOUN NN nsubj 4
had have AUX VBD aux 4
stopped stop VERB VBN advcl 10
, , PUNCT , punct 10
the the DET DT det 7
dam dam NOUN NN nsubj 10
would would AUX MD aux 10
have have AUX VB aux 10
closed close VERB VBN ROOT 10
. . PUNCT . punct 10
""",
)


def test_status_reportative_conditional_is_a_hedge():
    doc = build(*CONDITIONAL)
    assert [(t.text, s) for t, s in st.hedges(doc)] == [("closed", "hedged")]


def test_status_counterfactual_conditional_is_not_reportative():
    doc = build(*COUNTERFACTUAL)
    assert st.hedges(doc) == []


def test_status_open_question_is_uncertain():
    doc = build(*OPEN_QUESTION)
    assert st.content_status("asserted", doc[:]) == ("uncertain", [doc[1]])


@pytest.mark.parametrize(
    "statuses,expected",
    [
        (("asserted",), "asserted"),
        (("reported", "hedged"), "hedged"),
        (("hedged", "uncertain"), "uncertain"),
        (("uncertain", "denied", "reported"), "denied"),
    ],
)
def test_status_combine_keeps_the_strongest(statuses, expected):
    assert st.combine(*statuses) == expected


@pytest.mark.parametrize(
    "lemma,noun,expected",
    [
        ("say", False, "neutral"),
        ("deny", False, "denial"),
        ("allege", False, "hedging"),
        ("confirm", False, "assertive"),
        ("denial", True, "denial"),
        ("eat", False, None),
    ],
)
def test_status_cue_stance_comes_from_the_lexicon(lemma, noun, expected):
    assert st.stance(lemma, noun) == expected


def test_status_the_month_may_is_no_modal():
    doc = build(
        "The talks would have begun in May, and they may resume.",
        """
The the DET DT det 1
talks talk NOUN NNS nsubj 4
would would AUX MD aux 4
have have AUX VB aux 4
begun begin VERB VBN ROOT 4
in in ADP IN prep 4
May May PROPN NNP pobj 5
, , PUNCT , punct 4
and and CCONJ CC cc 4
they they PRON PRP nsubj 12
may may AUX MD aux 12
resume resume VERB VB conj 4
. . PUNCT . punct 4
""",
    )
    assert [(t.text, s) for t, s in st.hedges(doc)] == [("begun", "hedged"), ("may", "uncertain")]


IT_SEEMS = (
    "It seems that the talks failed.",
    """
It it PRON PRP nsubj 1
seems seem VERB VBZ ROOT 1
that that SCONJ IN mark 5
the the DET DT det 4
talks talk NOUN NNS nsubj 5
failed fail VERB VBD ccomp 1
. . PUNCT . punct 1
""",
)


def test_status_it_seems_that_is_the_texts_own_hedge():
    doc = build(*IT_SEEMS)
    assert st.content_status("asserted", doc[:]) == ("hedged", [doc[1]])
    from test_attribution_spans import _claims

    # "It" says nothing: no one's report, the publisher's claim, hedged by its cue
    by_id, claims = _claims(*IT_SEEMS)
    [claim] = claims
    assert by_id[claim.source].kind == "publisher"
    assert (claim.cue.text, claim.content.text, claim.status) == ("seems", "that the talks failed", "hedged")


def _it_is(adjective: str, negated: bool) -> tuple[str, str]:
    words = ["It", "is", *(["not"] if negated else []), adjective, "that", "the", "dam", "was", "closed", "."]
    n = len(words)
    rows = [
        "It it PRON PRP nsubj 1",
        "is be AUX VBZ ROOT 1",
        *(["not not PART RB neg 1"] if negated else []),
        f"{adjective} {adjective} ADJ JJ acomp 1",
        f"that that SCONJ IN mark {n - 2}",
        f"the the DET DT det {n - 4}",
        f"dam dam NOUN NN nsubjpass {n - 2}",
        f"was be AUX VBD auxpass {n - 2}",
        "closed close VERB VBN ccomp 1",
        ". . PUNCT . punct 1",
    ]
    return " ".join(words[:-1]) + ".", "\n".join(rows)


@pytest.mark.parametrize(
    ("adjective", "negated", "expected"),
    [("false", False, "denied"), ("true", True, "denied"), ("true", False, "asserted"), ("unfounded", False, "denied")],
)
def test_status_it_is_false_that_rejects_the_clause(adjective, negated, expected):
    doc = build(*_it_is(adjective, negated))
    assert st.content_status("asserted", doc[:])[0] == expected


def test_status_a_hedge_on_the_cue_verb_hedges_the_report():
    doc = build(
        "Officials reportedly demanded that he resign.",
        """
Officials official NOUN NNS nsubj 2
reportedly reportedly ADV RB advmod 2
demanded demand VERB VBD ROOT 2
that that SCONJ IN mark 5
he he PRON PRP nsubj 5
resign resign VERB VB ccomp 2
. . PUNCT . punct 2
""",
    )
    assert st.cue_status(doc[2]) == "hedged"
    assert st.cue_status(doc[5]) == "reported"


def test_status_what_a_source_declines_to_say_stays_open():
    doc = build(
        "Park declined to say how long rates would stay high.",
        """
Park Park PROPN NNP nsubj 1
declined decline VERB VBD ROOT 1
to to PART TO aux 3
say say VERB VB xcomp 1
how how SCONJ WRB advmod 5
long long ADV RB advmod 9
rates rate NOUN NNS nsubj 9
would would AUX MD aux 9
stay stay VERB VB ccomp 3
high high ADJ JJ acomp 8
. . PUNCT . punct 1
""",
    )
    assert st.cue_status(doc[1]) == "uncertain"


def test_status_refusing_to_act_is_a_stance_not_an_open_question():
    doc = build(
        "He refused to negotiate.",
        """
He he PRON PRP nsubj 1
refused refuse VERB VBD ROOT 1
to to PART TO aux 3
negotiate negotiate VERB VB xcomp 1
. . PUNCT . punct 1
""",
    )
    assert st.cue_status(doc[1]) == "reported"


@pytest.mark.parametrize(("lemma", "expected"), [("deny", "uncertain"), ("say", "uncertain")])
def test_status_a_negated_cue_leaves_its_content_open(lemma, expected):
    # "The company did not deny that it had paid": no denial, and no confirmation either
    doc = build(
        f"It did not {lemma} that.",
        f"""
It it PRON PRP nsubj 3
did do AUX VBD aux 3
not not PART RB neg 3
{lemma} {lemma} VERB VB ROOT 3
that that PRON DT dobj 3
. . PUNCT . punct 3
""",
    )
    assert st.cue_status(doc[3]) == expected
