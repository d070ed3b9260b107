"""Unit tests of the attribution component on hand-built parsed Docs (no statistical model)."""

from __future__ import annotations

import pytest
from handbuilt import NLP, build

from claimgraph.analyze.attribution import Attributor
from claimgraph.analyze.entities import EntityLinker

ACCORDING_CITING = (
    "Both sides kept talking, according to a report by Reuters, citing three officials familiar with the talks.",
    """
Both both DET DT det 1
sides side NOUN NNS nsubj 2
kept keep VERB VBD ROOT 2
talking talk VERB VBG xcomp 2
, , PUNCT , punct 2
according accord VERB VBG prep 2
to to ADP IN prep 5
a a DET DT det 8
report report NOUN NN pobj 6
by by ADP IN prep 8
Reuters Reuters PROPN NNP pobj 9 B-ORG
, , PUNCT , punct 2
citing cite VERB VBG advcl 2
three three NUM CD nummod 14 B-CARDINAL
officials official NOUN NNS dobj 12
familiar familiar ADJ JJ amod 14
with with ADP IN prep 15
the the DET DT det 18
talks talk NOUN NNS pobj 16
. . PUNCT . punct 2
""",
)
CONDITIONAL = (
    "The dam would have closed on Monday.",
    """
The the DET DT det 1
dam dam NOUN NN nsubj 4
would would AUX MD aux 4
have have AUX VB aux 4
closed close VERB VBN ROOT 4
on on ADP IN prep 4
Monday Monday PROPN NNP pobj 5 B-DATE
. . PUNCT . punct 4
""",
)
DENIAL = (
    "The ministry denied that the dam had closed.",
    """
The the DET DT det 1
ministry ministry NOUN NN nsubj 2
denied deny VERB VBD ROOT 2
that that SCONJ IN mark 7
the the DET DT det 5
dam dam NOUN NN nsubj 7
had have AUX VBD aux 7
closed close VERB VBN ccomp 2
. . PUNCT . punct 2
""",
)
QUOTE = (
    '"We will not close the dam," Finance Minister Ana Ruiz said.',
    """
" " PUNCT `` punct 13
We we PRON PRP nsubj 4
will will AUX MD aux 4
not not PART RB neg 4
close close VERB VB ccomp 13
the the DET DT det 6
dam dam NOUN NN dobj 4
, , PUNCT , punct 13
" " PUNCT '' punct 13
Finance Finance PROPN NNP compound 10
Minister Minister PROPN NNP compound 12
Ana Ana PROPN NNP compound 12 B-PERSON
Ruiz Ruiz PROPN NNP nsubj 13 I-PERSON
said say VERB VBD ROOT 13
. . PUNCT . punct 13
""",
)
OPEN_QUESTION = (
    "It is not clear whether the dam closed.",
    """
It it PRON PRP nsubj 1
is be AUX VBZ ROOT 1
not not PART RB neg 1
clear clear ADJ JJ acomp 1
whether whether SCONJ IN mark 7
the the DET DT det 6
dam dam NOUN NN nsubj 7
closed close VERB VBD ccomp 1
. . PUNCT . punct 1
""",
)
PARENTHETICAL = (
    "The talks, he said, were over.",
    """
The the DET DT det 1
talks talk NOUN NNS nsubj 6
, , PUNCT , punct 4
he he PRON PRP nsubj 4
said say VERB VBD parataxis 6
, , PUNCT , punct 4
were be AUX VBD ROOT 6
over over ADV RB advmod 6
. . PUNCT . punct 6
""",
)
TOLD_OUTLET = (
    "Ruiz told Reuters that the dam was safe.",
    """
Ruiz Ruiz PROPN NNP nsubj 1 B-PERSON
told tell VERB VBD ROOT 1
Reuters Reuters PROPN NNP dobj 1 B-ORG
that that SCONJ IN mark 6
the the DET DT det 5
dam dam NOUN NN nsubj 6
was be AUX VBD ccomp 1
safe safe ADJ JJ acomp 6
. . PUNCT . punct 1
""",
)


def analyse(text: str, spec: str):
    doc = build(text, spec)
    doc = EntityLinker(NLP)(doc)
    doc = Attributor(NLP)(doc)
    sources, claims = doc._.cg_attribution
    by_id = {s.id: s for s in sources}
    return by_id, claims


def chain(by_id, claim) -> list[tuple[str, str, int | None]]:
    return [(by_id[s].kind, by_id[s].text, by_id[s].count) for s in claim.chain]


def test_attribution_according_to_report_citing_makes_two_hops():
    by_id, claims = analyse(*ACCORDING_CITING)
    [claim] = claims
    assert claim.content.text == "Both sides kept talking"
    assert claim.cue.text == "according to"
    assert chain(by_id, claim) == [
        ("publisher", "The Daily Post", None),
        ("outlet", "Reuters", None),
        ("anonymous", "three officials familiar with the talks", 3),
    ]
    assert claim.status == "reported"


def test_attribution_reportative_conditional_is_hedged_and_unspecified():
    by_id, [claim] = analyse(*CONDITIONAL)
    assert claim.status == "hedged"
    assert [k for k, _, _ in chain(by_id, claim)] == ["publisher", "unspecified"]
    assert [h.text for h in claim.hedges] == ["closed"]


def test_attribution_denial_verb_gives_denied_organization_source():
    by_id, [claim] = analyse(*DENIAL)
    assert claim.status == "denied"
    assert claim.content.text == "that the dam had closed"
    assert chain(by_id, claim)[-1] == ("organization", "The ministry", None)


def test_attribution_direct_quote_names_the_person():
    by_id, [claim] = analyse(*QUOTE)
    source = by_id[claim.source]
    assert (source.kind, source.text) == ("person", "Finance Minister Ana Ruiz")
    assert source.entity is not None
    assert claim.content.text == '"We will not close the dam,"'

    assert claim.status == "reported"


def test_attribution_open_question_is_uncertain_publisher_claim():
    by_id, [claim] = analyse(*OPEN_QUESTION)
    assert claim.status == "uncertain"
    assert chain(by_id, claim) == [("publisher", "The Daily Post", None)]


def test_attribution_parenthetical_cue_takes_rest_of_sentence():
    by_id, [claim] = analyse(*PARENTHETICAL)
    assert claim.cue.text == "said"
    # One span from the first to the last character of the content, as PolNeAR scores it.
    assert claim.content.text == "The talks, he said, were over"
    assert by_id[claim.source].text == "he"


def test_attribution_told_outlet_puts_outlet_between_publisher_and_speaker():
    by_id, [claim] = analyse(*TOLD_OUTLET)
    assert chain(by_id, claim) == [
        ("publisher", "The Daily Post", None),
        ("outlet", "Reuters", None),
        ("person", "Ruiz", None),
    ]


@pytest.mark.parametrize("text,spec", [ACCORDING_CITING, CONDITIONAL, DENIAL, QUOTE, OPEN_QUESTION])
def test_attribution_offsets_slice_the_text(text, spec):
    doc = Attributor(NLP)(EntityLinker(NLP)(build(text, spec)))
    sources, claims = doc._.cg_attribution
    for c in claims:
        assert text[c.content.start : c.content.end] == c.content.text
        if c.cue:
            assert text[c.cue.start : c.cue.end] == c.cue.text
    for s in sources:
        if s.start is not None:
            assert text[s.start : s.end] == s.text


IT_WAS_REPORTED = (
    "It was reported that the army had withdrawn.",
    """
It it PRON PRP nsubjpass 2
was be AUX VBD auxpass 2
reported report VERB VBN ROOT 2
that that SCONJ IN mark 7
the the DET DT det 5
army army NOUN NN nsubj 7
had have AUX VBD aux 7
withdrawn withdraw VERB VBN ccomp 2
. . PUNCT . punct 2
""",
)
WARNINGS_FROM = (
    "Warnings from the UN about famine went unheeded.",
    """
Warnings warning NOUN NNS nsubj 6
from from ADP IN prep 0
the the DET DT det 3
UN UN PROPN NNP pobj 1 B-ORG
about about ADP IN prep 0
famine famine NOUN NN pobj 4
went go VERB VBD ROOT 6
unheeded unheeded ADJ JJ acomp 6
. . PUNCT . punct 6
""",
)


def test_attribution_it_was_reported_leaves_the_expletive_out_of_the_content():
    by_id, [claim] = analyse(*IT_WAS_REPORTED)
    assert (claim.cue.text, claim.content.text) == ("was reported", "that the army had withdrawn")
    assert claim.status == "hedged"
    assert [k for k, _, _ in chain(by_id, claim)] == ["publisher", "unspecified"]


def test_attribution_cue_noun_of_the_hand_lexicon_takes_its_topic_as_content():
    by_id, [own, claim] = analyse(*WARNINGS_FROM)
    assert (claim.cue.text, claim.content.text) == ("Warnings", "famine")
    assert chain(by_id, claim)[-1] == ("organization", "the UN", None)
    # that the warnings went unheeded is the publisher's own claim
    assert (own.cue, own.content.text, own.status) == (None, "Warnings from the UN about famine went unheeded", "asserted")


IN_A_STATEMENT = (
    "The minister said in a statement that the dam would hold.",
    """
The the DET DT det 1
minister minister NOUN NN nsubj 2
said say VERB VBD ROOT 2
in in ADP IN prep 2
a a DET DT det 5
statement statement NOUN NN pobj 3
that that SCONJ IN mark 10
the the DET DT det 8
dam dam NOUN NN nsubj 10
would would AUX MD aux 10
hold hold VERB VB acl 5
. . PUNCT . punct 2
""",
)


def test_attribution_a_clause_the_parse_hangs_on_the_medium_is_the_verbs_content():
    """"said in a statement that X" with X parsed as a clause of "statement", not of "said"."""
    by_id, [claim] = analyse(*IN_A_STATEMENT)
    assert (claim.cue.text, claim.content.text) == ("said in a statement", "that the dam would hold")
    assert chain(by_id, claim)[-1] == ("person", "The minister", 1)
    assert claim.status == "reported"


SAME_OUTLET = (
    "The Times reported that Smith had resigned, which the newspaper said was forced.",
    """
The the DET DT det 1
Times Times PROPN NNP nsubj 2 B-ORG
reported report VERB VBD ROOT 2
that that SCONJ IN mark 6
Smith Smith PROPN NNP nsubj 6 B-PERSON
had have AUX VBD aux 6
resigned resign VERB VBN ccomp 2
, , PUNCT , punct 6
which which PRON WDT nsubj 13
the the DET DT det 10
newspaper newspaper NOUN NN nsubj 11
said say VERB VBD advcl 6
was be AUX VBD auxpass 13
forced force VERB VBN ccomp 11
. . PUNCT . punct 2
""",
)


def test_attribution_an_outlet_named_again_inside_its_own_report_is_one_hop():
    by_id, claims = analyse(*SAME_OUTLET)
    inner = next(c for c in claims if c.cue.text == "said")
    assert [(k, t) for k, t, _ in chain(by_id, inner)] == [
        ("publisher", "The Daily Post"),
        ("outlet", "the newspaper"),
    ]
    assert by_id[inner.source].entity == by_id[claims[0].source].entity is not None


ACCORDING_AFTER_SAID = (
    "Police said two people were arrested, according to local media.",
    """
Police Police NOUN NNS nsubj 1
said say VERB VBD ROOT 1
two two NUM CD nummod 3
people people NOUN NNS nsubjpass 5
were be AUX VBD auxpass 5
arrested arrest VERB VBN ccomp 1
, , PUNCT , punct 5
according accord VERB VBG prep 5
to to ADP IN prep 7
local local ADJ JJ amod 10
media medium NOUN NNS pobj 8
. . PUNCT . punct 1
""",
)
NO_RESPONSE = (
    "A spokesperson did not respond to a request for comment.",
    """
A a DET DT det 1
spokesperson spokesperson NOUN NN nsubj 4
did do AUX VBD aux 4
not not PART RB neg 4
respond respond VERB VB ROOT 4
to to ADP IN prep 4
a a DET DT det 7
request request NOUN NN pobj 5
for for ADP IN prep 7
comment comment NOUN NN pobj 8
. . PUNCT . punct 4
""",
)


def test_attribution_according_to_after_a_report_is_the_outer_hop_not_its_content():
    by_id, claims = analyse(*ACCORDING_AFTER_SAID)
    said = next(c for c in claims if c.cue.text == "said")
    assert said.content.text == "two people were arrested"
    assert [(k, t) for k, t, _ in chain(by_id, said)] == [
        ("publisher", "The Daily Post"),
        ("outlet", "local media"),
        ("organization", "Police"),
    ]
    according = next(c for c in claims if c.cue.text == "according to")
    assert len(according.chain) == 2 and by_id[according.source].entity is None


def test_attribution_no_response_to_a_request_for_comment_is_no_claim_of_the_silent():
    by_id, claims = analyse(*NO_RESPONSE)
    assert [(c.cue, by_id[c.source].kind) for c in claims] == [(None, "publisher")]


_REUTERS = """
Reuters Reuters PROPN NNP nsubj 1 B-ORG
reported report VERB VBD ROOT 1
that that SCONJ IN mark 5
the the DET DT det 4
talks talk NOUN NNS nsubj 5
stalled stall VERB VBD ccomp 1
. . PUNCT . punct 1
"""
THEN_OFFICIALS = (
    "Reuters reported that the talks stalled. Officials said the deal was dead.",
    _REUTERS
    + """
Officials official NOUN NNS nsubj 8
said say VERB VBD ROOT 8
the the DET DT det 10
deal deal NOUN NN nsubj 11
was be AUX VBD ccomp 8
dead dead ADJ JJ acomp 11
. . PUNCT . punct 8
""",
)
THEN_MINISTER_THEN_OFFICIALS = (
    "Reuters reported that the talks stalled. The minister said they would resume. Officials said the deal was dead.",
    _REUTERS
    + """
The the DET DT det 8
minister minister NOUN NN nsubj 9
said say VERB VBD ROOT 9
they they PRON PRP nsubj 12
would would AUX MD aux 12
resume resume VERB VB ccomp 9
. . PUNCT . punct 9
Officials official NOUN NNS nsubj 15
said say VERB VBD ROOT 15
the the DET DT det 17
deal deal NOUN NN nsubj 18
was be AUX VBD ccomp 15
dead dead ADJ JJ acomp 18
. . PUNCT . punct 15
""",
)


def test_attribution_unnamed_sources_stay_in_the_outlets_report_until_the_voice_changes():
    by_id, claims = analyse(*THEN_OFFICIALS)
    assert [t for _, t, _ in chain(by_id, claims[-1])] == ["The Daily Post", "Reuters", "Officials"]
    by_id, claims = analyse(*THEN_MINISTER_THEN_OFFICIALS)
    assert [t for _, t, _ in chain(by_id, claims[-1])] == ["The Daily Post", "Officials"]


ACCORDING_TO_A_REPORT_ON = (
    "According to a report on the talks by Reuters, the army withdrew.",
    """
According accord VERB VBG prep 12
to to ADP IN prep 0
a a DET DT det 3
report report NOUN NN pobj 1
on on ADP IN prep 3
the the DET DT det 6
talks talk NOUN NNS pobj 4
by by ADP IN prep 3
Reuters Reuters PROPN NNP pobj 7 B-ORG
, , PUNCT , punct 12
the the DET DT det 11
army army NOUN NN nsubj 12
withdrew withdraw VERB VBD ROOT 12
. . PUNCT . punct 12
""",
)


def test_attribution_the_report_a_claim_is_according_to_is_its_source_not_another_claim():
    by_id, claims = analyse(*ACCORDING_TO_A_REPORT_ON)
    assert [(c.cue.text, c.content.text) for c in claims] == [("According to", "the army withdrew")]
    assert [k for k, _, _ in chain(by_id, claims[0])] == ["publisher", "outlet"]


IT_IS_UNDERSTOOD = (
    "It is understood that the cabinet will meet.",
    """
It it PRON PRP nsubjpass 2
is be AUX VBZ auxpass 2
understood understand VERB VBN ROOT 2
that that SCONJ IN mark 7
the the DET DT det 5
cabinet cabinet NOUN NN nsubj 7
will will AUX MD aux 7
meet meet VERB VB ccomp 2
. . PUNCT . punct 2
""",
)
DECLINED_TO_COMMENT = (
    "The spokesman declined to comment on the report.",
    """
The the DET DT det 1
spokesman spokesman NOUN NN nsubj 2
declined decline VERB VBD ROOT 2
to to PART TO aux 4
comment comment VERB VB xcomp 2
on on ADP IN prep 4
the the DET DT det 7
report report NOUN NN pobj 5
. . PUNCT . punct 2
""",
)
THAT_AS_OBJECT = (
    "Reuters reported that the army had withdrawn.",
    """
Reuters Reuters PROPN NNP nsubj 1 B-ORG
reported report VERB VBD ROOT 1
that that SCONJ IN dobj 6
the the DET DT det 4
army army NOUN NN nsubj 6
had have AUX VBD aux 6
withdrawn withdraw VERB VBN ccomp 1
. . PUNCT . punct 1
""",
)


def test_attribution_it_is_understood_that_is_agentless_hearsay():
    by_id, [claim] = analyse(*IT_IS_UNDERSTOOD)
    assert (claim.cue.text, claim.content.text, claim.status) == (
        "is understood",
        "that the cabinet will meet",
        "hedged",
    )
    assert [k for k, _, _ in chain(by_id, claim)] == ["publisher", "unspecified"]


def test_attribution_declining_to_comment_is_no_claim():
    by_id, claims = analyse(*DECLINED_TO_COMMENT)
    assert [(c.cue, by_id[c.source].kind) for c in claims] == [(None, "publisher")]


def test_attribution_a_that_the_parse_made_an_object_is_no_content():
    by_id, claims = analyse(*THAT_AS_OBJECT)
    assert [(c.cue.text, c.content.text) for c in claims] == [("reported", "that the army had withdrawn")]


SAID_AND_ACCUSED = (
    'The chief said the rebels were "not serious" and accused them of stalling.',
    """
The the DET DT det 1
chief chief NOUN NN nsubj 2
said say VERB VBD ROOT 2
the the DET DT det 4
rebels rebel NOUN NNS nsubj 5
were be AUX VBD ccomp 2
" " PUNCT `` punct 5
not not PART RB neg 5
serious serious ADJ JJ acomp 5
" " PUNCT '' punct 5
and and CCONJ CC cc 5
accused accuse VERB VBD conj 5
them they PRON PRP dobj 11
of of ADP IN prep 11
stalling stall VERB VBG pcomp 13
. . PUNCT . punct 2
""",
)


def test_attribution_said_a_and_accused_b_are_two_reports_the_quotation_kept():
    by_id, claims = analyse(*SAID_AND_ACCUSED)
    assert [(c.cue.text, c.content.text) for c in claims] == [
        ("said", 'the rebels were "not serious"'),
        ("accused", "stalling"),
    ]
    assert [by_id[c.source].text for c in claims] == ["The chief", "The chief"]


DOUBT = (
    "Experts doubt the figures are accurate.",
    """
Experts expert NOUN NNS nsubj 1
doubt doubt VERB VBP ROOT 1
the the DET DT det 3
figures figure NOUN NNS nsubj 4
are be AUX VBP ccomp 1
accurate accurate ADJ JJ acomp 4
. . PUNCT . punct 1
""",
)


def test_attribution_doubting_that_x_is_an_uncertain_report():
    by_id, [claim] = analyse(*DOUBT)
    assert (claim.cue.text, claim.content.text, claim.status) == ("doubt", "the figures are accurate", "uncertain")
    assert chain(by_id, claim)[-1] == ("anonymous", "Experts", None)


SELF_REPORT = (
    "Officials said they believed the attack was planned abroad.",
    """
Officials official NOUN NNS nsubj 1
said say VERB VBD ROOT 1
they they PRON PRP nsubj 3
believed believe VERB VBD ccomp 1
the the DET DT det 5
attack attack NOUN NN nsubjpass 7
was be AUX VBD auxpass 7
planned plan VERB VBN ccomp 3
abroad abroad ADV RB advmod 7
. . PUNCT . punct 1
""",
)


def test_attribution_a_pronoun_for_the_outer_source_is_that_source_one_hop():
    by_id, claims = analyse(*SELF_REPORT)
    inner = next(c for c in claims if c.cue.text == "believed")
    # what the officials said they believed is the officials' own: no hop to an unnamed "they"
    assert chain(by_id, inner) == [("publisher", "The Daily Post", None), ("anonymous", "Officials", None)]
    assert inner.content.text == "the attack was planned abroad"


QUOTE_THEN_REPORTEDLY = (
    'Garcia told reporters: "We will not back down." The army reportedly shelled the town.',
    """
Garcia Garcia PROPN NNP nsubj 1 B-PERSON
told tell VERB VBD ROOT 1
reporters reporter NOUN NNS dobj 1
: : PUNCT : punct 1
" " PUNCT `` punct 1
We we PRON PRP nsubj 8
will will AUX MD aux 8
not not PART RB neg 8
back back VERB VB ccomp 1
down down ADV RB prt 8
. . PUNCT . punct 1
" " PUNCT '' punct 1
The the DET DT det 13
army army NOUN NN nsubj 15
reportedly reportedly ADV RB advmod 15
shelled shell VERB VBD ROOT 15
the the DET DT det 17
town town NOUN NN dobj 15
. . PUNCT . punct 15
""",
)


def test_attribution_reportedly_after_a_quotation_is_not_the_speakers():
    by_id, claims = analyse(*QUOTE_THEN_REPORTEDLY)
    shelled = next(c for c in claims if "shelled" in c.content.text)
    # the speaker's quoted words end his report; "reportedly" is hearsay with no source in reach
    assert shelled.status == "hedged"
    assert [k for k, _, _ in chain(by_id, shelled)] == ["publisher", "unspecified"]


def test_attribution_a_question_word_alone_is_no_claim():
    from claimgraph.analyze.attribution import Found
    from claimgraph.analyze.sources import SourceInfo

    text = "Neither has explained why."
    doc = build(
        text,
        """
Neither neither PRON DT nsubj 2
has have AUX VBZ aux 2
explained explain VERB VBN ROOT 2
why why SCONJ WRB advmod 2
. . PUNCT . punct 2
""",
    )
    why = (text.index("why"), text.index("why") + 3)
    cue = (text.index("has"), text.index("explained") + len("explained"))
    found = [Found(why, cue, doc[0:1], SourceInfo("anonymous", None, None), "reported")]
    # a tagged "has explained | why" reports nothing; the same cue with a clause does
    assert Attributor._finish(doc, found) == []
    found[0].content = (text.index("has"), len(text) - 1)
    found[0].cue = None
    assert len(Attributor._finish(doc, found)) == 1


CONTROLLED = (
    "The minister refused to rule out new taxes.",
    """
The the DET DT det 1
minister minister NOUN NN nsubj 2
refused refuse VERB VBD ROOT 2
to to PART TO aux 4
rule rule VERB VB xcomp 2
out out ADP RP prt 4
new new ADJ JJ amod 7
taxes tax NOUN NNS dobj 4
. . PUNCT . punct 2
""",
)


def test_attribution_an_infinitive_a_cue_governs_is_its_content_not_a_claim():
    by_id, claims = analyse(*CONTROLLED)
    # the minister did not rule the taxes out: one claim, the refusal
    assert [(c.cue.text, c.content.text) for c in claims] == [("refused", "to rule out new taxes")]


MEDIUM_THAT = (
    "Hall said in a statement that Congress had not been consulted.",
    """
Hall Hall PROPN NNP nsubj 1 B-PERSON
said say VERB VBD ROOT 1
in in ADP IN prep 1
a a DET DT det 4
statement statement NOUN NN pobj 2
that that SCONJ IN mark 10
Congress Congress PROPN NNP nsubjpass 10 B-ORG
had have AUX VBD aux 10
not not PART RB neg 10
been be AUX VBN auxpass 10
consulted consult VERB VBN acl 4
. . PUNCT . punct 1
""",
)


def test_attribution_said_in_a_statement_that_is_one_report_not_two():
    by_id, claims = analyse(*MEDIUM_THAT)
    # the parse hangs the clause on "statement" too; the statement is the medium of "said"
    assert [(by_id[c.source].text, c.cue.text, c.content.text) for c in claims] == [
        ("Hall", "said in a statement", "that Congress had not been consulted")
    ]


MEMO_AGAIN = (
    "The Guardian, citing a leaked memo, reported that the ministry ignored the warnings. The memo said the dam was unsafe.",
    """
The the DET DT det 1
Guardian Guardian PROPN NNP nsubj 8 B-ORG
, , PUNCT , punct 8
citing cite VERB VBG advcl 8
a a DET DT det 6
leaked leak VERB VBN amod 6
memo memo NOUN NN dobj 3
, , PUNCT , punct 8
reported report VERB VBD ROOT 8
that that SCONJ IN mark 12
the the DET DT det 11
ministry ministry NOUN NN nsubj 12
ignored ignore VERB VBD ccomp 8
the the DET DT det 14
warnings warning NOUN NNS dobj 12
. . PUNCT . punct 8
The the DET DT det 17
memo memo NOUN NN nsubj 18
said say VERB VBD ROOT 18
the the DET DT det 20
dam dam NOUN NN nsubj 21
was be AUX VBD ccomp 18
unsafe unsafe ADJ JJ acomp 21
. . PUNCT . punct 18
""",
)


def test_attribution_the_document_an_outlet_cited_keeps_the_outlet_as_its_hop():
    by_id, claims = analyse(*MEMO_AGAIN)
    memo = next(c for c in claims if c.content.text == "the dam was unsafe")
    assert [k for k, _, _ in chain(by_id, memo)] == ["publisher", "outlet", "document"]
    assert chain(by_id, memo)[1][1] == "The Guardian"


SEEN_BY_OUTLET = (
    "A court filing seen by Reuters shows the company paid a consultant.",
    """
A a DET DT det 2
court court NOUN NN compound 2
filing filing NOUN NN nsubj 6
seen see VERB VBN acl 2
by by ADP IN agent 3
Reuters Reuters PROPN NNP pobj 4 B-ORG
shows show VERB VBZ ROOT 6
the the DET DT det 8
company company NOUN NN nsubj 9
paid pay VERB VBD ccomp 6
a a DET DT det 11
consultant consultant NOUN NN dobj 9
. . PUNCT . punct 6
""",
)


def test_attribution_a_document_seen_by_an_outlet_comes_through_that_outlet():
    by_id, [claim] = analyse(*SEEN_BY_OUTLET)
    assert chain(by_id, claim)[1:] == [("outlet", "Reuters", None), ("document", "A court filing seen by Reuters", None)]


TOLD_AP = (
    "Ruiz told the Associated Press that he would not resign.",
    """
Ruiz Ruiz PROPN NNP nsubj 1 B-PERSON
told tell VERB VBD ROOT 1
the the DET DT det 4 B-ORG
Associated Associated PROPN NNP compound 4 I-ORG
Press Press PROPN NNP dobj 1 I-ORG
that that SCONJ IN mark 9
he he PRON PRP nsubj 9
would would AUX MD aux 9
not not PART RB neg 9
resign resign VERB VB ccomp 1
. . PUNCT . punct 1
""",
)


def test_attribution_the_outlet_told_is_its_whole_name():
    by_id, [claim] = analyse(*TOLD_AP)
    assert chain(by_id, claim)[1:] == [("outlet", "the Associated Press", None), ("person", "Ruiz", None)]


POLLED_BY = (
    "Rates will rise, economists polled by Reuters said.",
    """
Rates rate NOUN NNS nsubj 2
will will AUX MD aux 2
rise rise VERB VB ccomp 8
, , PUNCT , punct 8
economists economist NOUN NNS nsubj 8
polled poll VERB VBN acl 4
by by ADP IN agent 5
Reuters Reuters PROPN NNP pobj 6 B-ORG
said say VERB VBD ROOT 8
. . PUNCT . punct 8
""",
)


def test_attribution_people_polled_by_an_outlet_come_through_it():
    by_id, [claim] = analyse(*POLLED_BY)
    assert [k for k, _, _ in chain(by_id, claim)] == ["publisher", "outlet", "anonymous"]


def test_attribution_a_content_loses_the_rest_of_an_opening_dateline():
    from claimgraph.analyze.attribution import Found
    from claimgraph.analyze.sources import SourceInfo

    text = "BRUSSELS, Nov 3 (Reuters) - Leaders will meet, diplomats said."
    doc = build(
        text,
        """
BRUSSELS BRUSSELS PROPN NNP npadvmod 9 B-GPE
, , PUNCT , punct 9
Nov Nov PROPN NNP npadvmod 9 B-DATE
3 3 NUM CD nummod 2 I-DATE
( ( PUNCT -LRB- punct 5
Reuters Reuters PROPN NNP appos 2 B-ORG
) ) PUNCT -RRB- punct 5
- - PUNCT : punct 9
Leaders leader NOUN NNS nsubj 9
will will AUX MD aux 9
meet meet VERB VB ccomp 12
, , PUNCT , punct 12
diplomats diplomat NOUN NNS nsubj 12
said say VERB VBD ROOT 12
. . PUNCT . punct 12
""",
    )
    said = (text.index("said"), text.index("said") + 4)
    # the parse left "BRUSSELS," out of the clause but took the date and the wire in
    found = [Found((text.index("Nov"), text.index("meet") + 4), said, None, SourceInfo("anonymous", None, None), "reported")]
    [f] = Attributor._finish(doc, found)
    assert text[slice(*f.content)] == "Leaders will meet"
