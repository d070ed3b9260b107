"""Unit tests of how attribution cuts its spans the PolNeAR way, on hand-built parsed Docs."""

from __future__ import annotations

from handbuilt import NLP, build
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.analyze.attribution import Attributor, _reporting_tail, _trim_source
from claimgraph.analyze.entities import EntityLinker
from claimgraph.analyze.spans import char_range, enclosing_quotation, span_of, trim_tail

BRACKET = (
    "He praised Sen. Ted Cruz (R-TX).",
    """
He he PRON PRP nsubj 1
praised praise VERB VBD ROOT 1
Sen. Sen. PROPN NNP compound 4
Ted Ted PROPN NNP compound 4
Cruz Cruz PROPN NNP dobj 1
( ( PUNCT -LRB- punct 6
R-TX R-TX PROPN NNP appos 4
) ) PUNCT -RRB- punct 6
. . PUNCT . punct 1
""",
)
SINGLE_QUOTES = (
    "Trump: ‘I am the worst thing.’",
    """
Trump Trump PROPN NNP ROOT 0
: : PUNCT : punct 0
‘ ‘ PUNCT `` punct 4
I I PRON PRP nsubj 4
am be AUX VBP acl 0
the the DET DT det 7
worst bad ADJ JJS amod 7
thing thing NOUN NN attr 4
. . PUNCT . punct 4
’ ’ PUNCT '' punct 4
""",
)
RELATIVE_SOURCE = (
    "Zucker, who runs the network, said the debate would go on.",
    """
Zucker Zucker PROPN NNP nsubj 7
, , PUNCT , punct 0
who who PRON WP nsubj 3
runs run VERB VBZ relcl 0
the the DET DT det 5
network network NOUN NN dobj 3
, , PUNCT , punct 0
said say VERB VBD ROOT 7
the the DET DT det 9
debate debate NOUN NN nsubj 11
would would AUX MD aux 11
go go VERB VB ccomp 7
on on ADP RP prt 11
. . PUNCT . punct 7
""",
)
AGE = (
    "Sarandon, 69, said it.",
    """
Sarandon Sarandon PROPN NNP nsubj 4
, , PUNCT , punct 0
69 69 NUM CD appos 0
, , PUNCT , punct 0
said say VERB VBD ROOT 4
it it PRON PRP dobj 4
. . PUNCT . punct 4
""",
)
SAID_AND_CALLED = (
    "The senator said the deal was dead and called it a disgrace.",
    """
The the DET DT det 1
senator senator NOUN NN nsubj 2
said say VERB VBD ROOT 2
the the DET DT det 4
deal deal NOUN NN nsubj 5
was be AUX VBD ccomp 2
dead dead ADJ JJ acomp 5
and and CCONJ CC cc 5
called call VERB VBD conj 5
it it PRON PRP nsubj 11
a a DET DT det 11
disgrace disgrace NOUN NN oprd 8
. . PUNCT . punct 2
""",
)


def _claims(text: str, spec: str):
    doc = EntityLinker(NLP)(build(text, spec))
    doc = Attributor(NLP)(doc)
    sources, claims = doc._.cg_attribution
    return {s.id: s for s in sources}, claims


def test_char_range_keeps_the_bracket_a_content_opened() -> None:
    doc = build(*BRACKET)
    rng = char_range(list(doc[2:9]))
    assert rng is not None
    assert doc.text[rng[0] : rng[1]] == "Sen. Ted Cruz (R-TX)"
    span = span_of(doc, list(doc[2:9]))
    assert span is not None and span.text == "Sen. Ted Cruz (R-TX)"


def test_char_range_keeps_paired_single_quotation_marks() -> None:
    doc = build(*SINGLE_QUOTES)
    rng = char_range(list(doc[2:10]))
    assert rng is not None
    assert doc.text[rng[0] : rng[1]] == "‘I am the worst thing.’"


def test_trim_source_drops_a_comma_led_relative_clause_and_an_age() -> None:
    doc = build(*RELATIVE_SOURCE)
    assert _trim_source(doc[0:7]).text == "Zucker"
    doc = build(*AGE)
    assert _trim_source(doc[0:4]).text == "Sarandon"


def test_a_second_report_of_the_same_speaker_ends_the_first_content() -> None:
    by_id, claims = _claims(*SAID_AND_CALLED)
    reported = {c.cue.text: c for c in claims if c.cue is not None}
    assert reported["said"].content.text == "the deal was dead"
    called = reported["called"]
    assert called.content.text == "it a disgrace"
    assert by_id[called.source].text == "The senator"


NO_SUBJECT = (
    "About 4 in 10 say they want change.",
    """
About about ADV RB advmod 1
4 4 NUM CD quantmod 3
in in ADP IN quantmod 3
10 10 NUM CD nummod 4
say say VERB VBP ROOT 4
they they PRON PRP nsubj 6
want want VERB VBP ccomp 4
change change NOUN NN dobj 6
. . PUNCT . punct 4
""",
)
APPOSITION_BEFORE = (
    "On the trail with Hillary Clinton, former president Bill Clinton said she won.",
    """
On on ADP IN prep 11
the the DET DT det 2
trail trail NOUN NN pobj 0
with with ADP IN prep 2
Hillary Hillary PROPN NNP compound 5
Clinton Clinton PROPN NNP pobj 3
, , PUNCT , punct 5
former former ADJ JJ amod 8
president president NOUN NN compound 10
Bill Bill PROPN NNP compound 10
Clinton Clinton PROPN NNP appos 5
said say VERB VBD ROOT 11
she she PRON PRP nsubj 13
won win VERB VBD ccomp 11
. . PUNCT . punct 11
""",
)
BY_SAYING = (
    "Bolton distanced himself by saying he would help.",
    """
Bolton Bolton PROPN NNP nsubj 1
distanced distance VERB VBD ROOT 1
himself himself PRON PRP dobj 1
by by ADP IN prep 1
saying say VERB VBG pcomp 3
he he PRON PRP nsubj 7
would would AUX MD aux 7
help help VERB VB ccomp 4
. . PUNCT . punct 1
""",
)
CALLS_SAYING = (
    "Police received calls saying shots were fired.",
    """
Police police NOUN NNS nsubj 1
received receive VERB VBD ROOT 1
calls call NOUN NNS dobj 1
saying say VERB VBG acl 2
shots shot NOUN NNS nsubjpass 6
were be AUX VBD auxpass 6
fired fire VERB VBN ccomp 3
. . PUNCT . punct 1
""",
)
SAID_YES = (
    "Most voters said yes.",
    """
Most most ADJ JJS amod 1
voters voter NOUN NNS nsubj 2
said say VERB VBD ROOT 2
yes yes INTJ UH intj 2
. . PUNCT . punct 2
""",
)


def _reports(spec: tuple[str, str]) -> dict[str, tuple[str | None, str]]:
    """Return {cue: (source text, content)} of the claims with a cue."""
    by_id, claims = _claims(*spec)
    return {c.cue.text: (by_id[c.source].text, c.content.text) for c in claims if c.cue is not None}


def test_a_verb_of_saying_the_parse_left_without_subject_takes_the_phrase_before_it() -> None:
    assert _reports(NO_SUBJECT)["say"] == ("About 4 in 10", "they want change")
    assert _reports(APPOSITION_BEFORE)["said"] == ("former president Bill Clinton", "she won")


def test_saying_in_a_participle_is_a_report_of_the_clause_it_hangs_on() -> None:
    reports = _reports(BY_SAYING)
    assert reports["saying"] == ("Bolton", "he would help")
    assert all("saying" not in content for cue, (_, content) in reports.items() if cue != "saying")
    assert _reports(CALLS_SAYING)["saying"] == ("calls", "shots were fired")


def test_a_one_word_answer_is_the_content_of_its_verb_of_saying() -> None:
    assert _reports(SAID_YES)["said"] == ("Most voters", "yes")


SPEAKER_LINES = (
    "TAPPER:\nThe race is far from over now.\nVideo:\nThe clip shows the crowd.",
    """
TAPPER TAPPER PROPN NNP ROOT 0
: : PUNCT : punct 0
\\n \\n SPACE _SP dep 1
The the DET DT det 4
race race NOUN NN nsubj 5
is be AUX VBZ ROOT 5
far far ADV RB advmod 7
from from ADP IN prep 5
over over ADJ JJ pobj 7
now now ADV RB advmod 5
. . PUNCT . punct 5
\\n \\n SPACE _SP dep 10
Video video NOUN NN ROOT 12
: : PUNCT : punct 12
\\n \\n SPACE _SP dep 13
The the DET DT det 16
clip clip NOUN NN nsubj 17
shows show VERB VBZ ROOT 17
the the DET DT det 19
crowd crowd NOUN NN dobj 17
. . PUNCT . punct 17
""",
)


def test_a_speaker_label_on_its_own_line_reports_the_paragraph_below_it() -> None:
    by_id, claims = _claims(*SPEAKER_LINES)
    colons = [c for c in claims if c.cue is not None and c.cue.text == ":"]
    assert [(by_id[c.source].text, c.content.text) for c in colons] == [
        ("TAPPER", "The race is far from over now")
    ]


SAYS_BELOW = (
    "Reporter Ann Lee says:\nThe town was looted. It burned.\nThat was all.",
    """
Reporter reporter NOUN NN compound 2
Ann Ann PROPN NNP compound 2
Lee Lee PROPN NNP nsubj 3
says say VERB VBZ ROOT 3
: : PUNCT : punct 3
\\n \\n SPACE _SP dep 4
The the DET DT det 7
town town NOUN NN nsubjpass 9
was be AUX VBD auxpass 9
looted loot VERB VBN ROOT 9
. . PUNCT . punct 9
It it PRON PRP nsubj 12
burned burn VERB VBD ROOT 12
. . PUNCT . punct 12
\\n \\n SPACE _SP dep 13
That that PRON DT nsubj 16
was be AUX VBD ROOT 16
all all PRON DT attr 16
. . PUNCT . punct 16
""",
)


def test_a_verb_of_saying_before_a_colon_reports_the_paragraph_below() -> None:
    by_id, claims = _claims(*SAYS_BELOW)
    assert [(c.cue.text if c.cue else None, by_id[c.source].kind, c.content.text) for c in claims] == [
        ("says", "person", "The town was looted. It burned"),
        (None, "publisher", "That was all"),
    ]


EXPECTED_TO = (
    "Trump is expected to win.",
    """
Trump Trump PROPN NNP nsubjpass 2
is be AUX VBZ auxpass 2
expected expect VERB VBN ROOT 2
to to PART TO aux 4
win win VERB VB xcomp 2
. . PUNCT . punct 2
""",
)


def test_is_expected_to_is_an_agentless_hedge_over_subject_and_complement() -> None:
    by_id, claims = _claims(*EXPECTED_TO)
    [claim] = claims
    assert claim.cue is not None and claim.cue.text == "is expected"
    assert claim.content.text == "Trump is expected to win"
    assert by_id[claim.source].kind == "unspecified"
    assert claim.status == "hedged"


def test_doc_text_is_each_docs_own_text_and_is_forgotten_with_the_doc() -> None:
    import gc

    from spacy.tokens import Doc

    from claimgraph.analyze import spans

    docs = [Doc(NLP.vocab, words=["text", str(i)]) for i in range(300)]
    for _ in range(2):
        assert [spans.doc_text(d) for d in docs] == [d.text for d in docs]
    before = len(spans._TEXTS)
    del docs
    gc.collect()
    assert len(spans._TEXTS) <= before - 300


QUOTE_BEFORE = (
    "“I love Oreos. I will never eat them again,” Trump said.",
    """
“ " PUNCT `` punct 2
I I PRON PRP nsubj 2
love love VERB VBP ROOT 2
Oreos Oreos PROPN NNP dobj 2 B-ORG
. . PUNCT . punct 2
I I PRON PRP nsubj 8
will will AUX MD aux 8
never never ADV RB neg 8
eat eat VERB VB ccomp 14
them they PRON PRP dobj 8
again again ADV RB advmod 8
, , PUNCT , punct 14
” " PUNCT '' punct 14
Trump Trump PROPN NNP nsubj 14 B-PERSON
said say VERB VBD ROOT 14
. . PUNCT . punct 14
""",
)
QUOTE_AFTER = (
    "Clinton said, “She was popular. I would not run against her.”",
    """
Clinton Clinton PROPN NNP nsubj 1 B-PERSON
said say VERB VBD ROOT 1
, , PUNCT , punct 1
“ " PUNCT `` punct 1
She she PRON PRP nsubj 5
was be AUX VBD ccomp 1
popular popular ADJ JJ acomp 5
. . PUNCT . punct 1
I I PRON PRP nsubj 11
would would AUX MD aux 11
not not PART RB neg 11
run run VERB VB ROOT 11
against against ADP IN prep 11
her she PRON PRP pobj 12
. . PUNCT . punct 11
” " PUNCT '' punct 11
""",
)


def test_a_quotation_of_several_sentences_is_one_content_with_its_marks() -> None:
    for spec, speaker, content in (
        (QUOTE_BEFORE, "Trump", "“I love Oreos. I will never eat them again,”"),
        (QUOTE_AFTER, "Clinton", "“She was popular. I would not run against her.”"),
    ):
        by_id, claims = _claims(*spec)
        # the sentences inside the quotation are the speaker's words, not the publisher's claims
        assert [(by_id[c.source].text, c.content.text) for c in claims] == [(speaker, content)]


STRAY_CLAUSE = (
    "Adelson said during a news conference that he may wait.",
    """
Adelson Adelson PROPN NNP nsubj 1 B-PERSON
said say VERB VBD ROOT 1
during during ADP IN prep 1
a a DET DT det 5
news news NOUN NN compound 5
conference conference NOUN NN pobj 2
that that SCONJ IN mark 9
he he PRON PRP nsubj 9
may may AUX MD aux 9
wait wait VERB VB relcl 5
. . PUNCT . punct 1
""",
)


def test_a_that_clause_the_parse_hung_on_a_noun_of_the_setting_is_the_content() -> None:
    assert _reports(STRAY_CLAUSE)["said"] == ("Adelson", "that he may wait")


AT_A_RALLY = (
    "Trump praised Boyle at a press conference.",
    """
Trump Trump PROPN NNP nsubj 1 B-PERSON
praised praise VERB VBD ROOT 1
Boyle Boyle PROPN NNP dobj 1 B-PERSON
at at ADP IN prep 1
a a DET DT det 6
press press NOUN NN compound 6
conference conference NOUN NN pobj 3
. . PUNCT . punct 1
""",
)


def test_the_content_does_not_run_on_through_where_it_was_said() -> None:
    assert _reports(AT_A_RALLY)["praised"] == ("Trump", "Boyle")


RELATIVE_REPORT = (
    "He criticized the email use, which an FBI investigation said was careless.",
    """
He he PRON PRP nsubj 1
criticized criticize VERB VBD ROOT 1
the the DET DT det 4
email email NOUN NN compound 4
use use NOUN NN dobj 1
, , PUNCT , punct 4
which which PRON WDT nsubj 11
an an DET DT det 9
FBI FBI PROPN NNP compound 9 B-ORG
investigation investigation NOUN NN nsubj 10
said say VERB VBD relcl 4
was be AUX VBD ccomp 10
careless careless ADJ JJ acomp 11
. . PUNCT . punct 1
""",
)


def test_a_report_in_a_comma_led_relative_clause_is_not_part_of_the_outer_content() -> None:
    by_id, claims = _claims(*RELATIVE_REPORT)
    reports = {c.cue.text: c for c in claims if c.cue is not None}
    assert reports["criticized"].content.text == "the email use"
    inner = reports["said"]
    # the relative clause is the writer's aside: the FBI's report is not nested in his criticism
    assert [by_id[s].text for s in inner.chain] == ["The Daily Post", "an FBI investigation"]


TELLS_THE_CROWD = (
    "He tells the crowd: “We will win.”",
    """
He he PRON PRP nsubj 1
tells tell VERB VBZ ccomp 8
the the DET DT det 3
crowd crowd NOUN NN dobj 1
: : PUNCT : punct 8
“ " PUNCT `` punct 8
We we PRON PRP nsubj 8
will will AUX MD aux 8
win win VERB VB ROOT 8
. . PUNCT . punct 8
” " PUNCT '' punct 8
""",
)
TELLING_REPORTERS = (
    "She left, telling reporters, “We will win.”",
    """
She she PRON PRP nsubj 1
left leave VERB VBD ROOT 1
, , PUNCT , punct 1
telling tell VERB VBG advcl 1
reporters reporter NOUN NNS dobj 3
, , PUNCT , punct 3
“ " PUNCT `` punct 9
We we PRON PRP nsubj 9
will will AUX MD aux 9
win win VERB VB parataxis 1
. . PUNCT . punct 1
” " PUNCT '' punct 1
""",
)


def test_a_quotation_after_whom_a_speaker_tells_is_what_she_says() -> None:
    assert _reports(TELLS_THE_CROWD)["tells"] == ("He", "“We will win.”")
    assert _reports(TELLING_REPORTERS)["telling"] == ("She", "“We will win.”")


AS_NOTED = (
    "As the Times noted, Clinton raised $1 million.",
    """
As as SCONJ IN mark 3
the the DET DT det 2
Times Times PROPN NNP nsubj 3 B-ORG
noted note VERB VBD advcl 6
, , PUNCT , punct 3
Clinton Clinton PROPN NNP nsubj 6 B-PERSON
raised raise VERB VBD ROOT 6
$ $ SYM $ quantmod 9 B-MONEY
1 1 NUM CD compound 9 I-MONEY
million million NUM CD dobj 6 I-MONEY
. . PUNCT . punct 6
""",
)


def test_as_a_source_noted_makes_the_rest_of_the_sentence_its_content() -> None:
    assert _reports(AS_NOTED)["noted"] == ("the Times", "Clinton raised $1 million")


def test_enclosing_quotation_needs_the_cue_outside_and_next_to_it() -> None:
    text = "“A. B,” he said. “C.” Later, she said “D”. Then: “E. F.”\nG"
    b = text.index("B")
    said = text.index("said")
    assert enclosing_quotation(text, (b, b + 1), (said, said + 4)) == (0, text.index("”") + 1)
    # the cue stands inside the quotation: a report of its own
    assert enclosing_quotation(text, (b, b + 1), (text.index("A"), text.index("A") + 1)) is None
    # a sentence ends between the quotation and the cue: not its quotation
    c = text.index("C")
    assert enclosing_quotation(text, (c, c + 1), (said, said + 4)) is None
    # already the whole quotation
    assert enclosing_quotation(text, (0, text.index("”") + 1), (said, said + 4)) is None


@given(
    st.text(alphabet='ab “”".,\n', max_size=40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40)
)
def test_an_enclosing_quotation_holds_the_content_between_its_marks(text, start, length, cue) -> None:
    start, end = min(start, len(text)), min(start + length, len(text))
    cue = min(cue, len(text))
    found = enclosing_quotation(text, (start, end), (cue, min(cue + 1, len(text))))
    if found is not None:
        q0, q1 = found
        assert q0 <= start and end <= q1 and (q0, q1) != (start, end)
        assert text[q0] in '“"«„' and text[q1 - 1] in '”"»“'
        assert "\n" not in text[q0:q1]
        assert not q0 <= cue < q1


HEADLINE_COLON = (
    "Clinton camp: Trump is wrong.\nAnn Coulter: And Then There Was One.",
    """
Clinton Clinton PROPN NNP compound 1 B-PERSON
camp camp NOUN NN ROOT 1
: : PUNCT : punct 1
Trump Trump PROPN NNP nsubj 4 B-PERSON
is be AUX VBZ acl 1
wrong wrong ADJ JJ acomp 4
. . PUNCT . punct 1
\\n \\n SPACE _SP dep 6
Ann Ann PROPN NNP compound 9 B-PERSON
Coulter Coulter PROPN NNP ROOT 9 I-PERSON
: : PUNCT : punct 9
And and CCONJ CC cc 14
Then then ADV RB advmod 14
There there PRON EX expl 14
Was be VERB VBD ROOT 14
One one NUM CD attr 14
. . PUNCT . punct 14
""",
)


def test_a_headline_colon_takes_a_spokes_noun_and_the_rest_of_its_line() -> None:
    # the parse ends a sentence at Coulter's colon: her words are the rest of the line
    doc = Attributor(NLP)(EntityLinker(NLP)(build(*HEADLINE_COLON, starts=frozenset({11}))))
    sources, claims = doc._.cg_attribution
    by_id = {s.id: s for s in sources}
    assert [(by_id[c.source].text, c.content.text) for c in claims if c.cue is not None] == [
        ("Clinton camp", "Trump is wrong"),
        ("Ann Coulter", "And Then There Was One"),
    ]


def test_trim_tail_stops_at_the_root_of_a_misparsed_relative() -> None:
    doc = build(
        "Fine, which angered Cruz.",
        """
Fine fine ADJ JJ advmod 3
, , PUNCT , punct 3
which which PRON WDT nsubj 3
angered anger VERB VBD ROOT 3
Cruz Cruz PROPN NNP dobj 3
. . PUNCT . punct 3
""",
    )
    assert [t.text for t in trim_tail(list(doc))] == ["Fine", ",", "which", "angered", "Cruz", "."]


CITING_INSIDE = (
    "Reuters reported, citing three people, that Castellar had met Quiroga.",
    """
Reuters Reuters PROPN NNP nsubj 1 B-ORG
reported report VERB VBD ROOT 1
, , PUNCT , punct 1
citing cite VERB VBG advcl 10
three three NUM CD nummod 5
people people NOUN NNS dobj 3
, , PUNCT , punct 10
that that SCONJ IN mark 10
Castellar Castellar PROPN NNP nsubj 10 B-PERSON
had have AUX VBD aux 10
met meet VERB VBN ccomp 1
Quiroga Quiroga PROPN NNP dobj 10 B-PERSON
. . PUNCT . punct 1
""",
)


def test_a_citing_hop_the_parse_hangs_inside_the_content_is_left_out_of_it() -> None:
    by_id, claims = _claims(*CITING_INSIDE)
    (claim,) = [c for c in claims if c.cue is not None]
    assert claim.content.text == "that Castellar had met Quiroga"
    assert [by_id[s].text for s in claim.chain][1:] == ["Reuters", "three people"]


REPORT_AS_MODIFIER = (
    "The agency reported, citing two people, that the talks would have begun.",
    """
The the DET DT det 1
agency agency NOUN NN nsubj 13
reported report VERB VBN acl 1
, , PUNCT , punct 2
citing cite VERB VBG advcl 13
two two NUM CD nummod 6
people people NOUN NNS dobj 4
, , PUNCT , punct 13
that that SCONJ IN mark 13
the the DET DT det 10
talks talk NOUN NNS nsubj 13
would would AUX MD aux 13
have have AUX VB aux 13
begun begin VERB VBN ROOT 13
. . PUNCT . punct 13
""",
)


def test_a_verb_of_saying_parsed_as_a_modifier_of_its_subject_still_reports() -> None:
    by_id, claims = _claims(*REPORT_AS_MODIFIER)
    (claim,) = claims
    assert claim.cue is not None and claim.cue.text == "reported"
    assert claim.content.text == "that the talks would have begun"
    assert [by_id[s].text for s in claim.chain][1:] == ["The agency", "two people"]
    assert claim.status == "hedged"  # the reportative conditional


WHO_PROMISING = (
    "It is hard for Arrabal, who took office promising not to reward rebels.",
    """
It it PRON PRP nsubj 1
is be AUX VBZ ROOT 1
hard hard ADJ JJ acomp 1
for for ADP IN prep 1
Arrabal Arrabal PROPN NNP pobj 3 B-PERSON
, , PUNCT , punct 4
who who PRON WP nsubj 7
took take VERB VBD relcl 4
office office NOUN NN dobj 7
promising promise VERB VBG advcl 7
not not PART RB neg 12
to to PART TO aux 12
reward reward VERB VB xcomp 9
rebels rebel NOUN NNS dobj 12
. . PUNCT . punct 1
""",
)


def test_a_relative_pronoun_subject_of_the_clause_a_participle_hangs_on_is_its_antecedent() -> None:
    by_id, claims = _claims(*WHO_PROMISING)
    (claim,) = [c for c in claims if c.cue is not None]
    source = by_id[claim.source]
    assert (claim.cue.text, source.text, source.kind) == ("promising", "who", "person")
    assert source.entity is not None


ANOTHER_SPEAKER = (
    "Two people told Reuters that talks began, and an official confirmed the meetings.",
    """
Two two NUM CD nummod 1
people people NOUN NNS nsubj 2
told tell VERB VBD ROOT 2
Reuters Reuters PROPN NNP dobj 2 B-ORG
that that SCONJ IN mark 6
talks talk NOUN NNS nsubj 6
began begin VERB VBD ccomp 2
, , PUNCT , punct 6
and and CCONJ CC cc 6
an an DET DT det 10
official official NOUN NN nsubj 11
confirmed confirm VERB VBD conj 6
the the DET DT det 13
meetings meeting NOUN NNS dobj 11
. . PUNCT . punct 2
""",
)
REVEALED_BY = (
    "According to the exclusive revealed by Reuters, Castellar met Quiroga.",
    """
According accord VERB VBG prep 10
to to ADP IN prep 0
the the DET DT det 3
exclusive exclusive NOUN NN pobj 1
revealed reveal VERB VBN acl 3
by by ADP IN agent 4
Reuters Reuters PROPN NNP pobj 5 B-ORG
, , PUNCT , punct 10
Castellar Castellar PROPN NNP nsubj 10 B-PERSON
met meet VERB VBD ROOT 10
Quiroga Quiroga PROPN NNP dobj 10 B-PERSON
. . PUNCT . punct 10
""",
)


def test_another_speakers_report_after_and_ends_the_first_content() -> None:
    by_id, claims = _claims(*ANOTHER_SPEAKER)
    reports = {c.cue.text: c for c in claims if c.cue is not None}
    assert reports["told"].content.text == "that talks began"
    # the official is not one of the two people: an unnamed source of Reuters' report, beside them
    assert [by_id[s].text for s in reports["confirmed"].chain][1:] == ["Reuters", "an official"]


def test_according_to_a_report_revealed_by_an_outlet_is_the_outlets() -> None:
    assert _reports(REVEALED_BY)["According to"] == ("Reuters", "Castellar met Quiroga")


QUOTE_NEXT_PARAGRAPH = (
    "“We lost,” Barkley said. “They won. It hurts.”\n“And it is sad.”\nThe game ended.",
    """
“ " PUNCT `` punct 6
We we PRON PRP nsubj 2
lost lose VERB VBD ccomp 6
, , PUNCT , punct 6
” " PUNCT '' punct 6
Barkley Barkley PROPN NNP nsubj 6 B-PERSON
said say VERB VBD ROOT 6
. . PUNCT . punct 6
“ " PUNCT `` punct 10
They they PRON PRP nsubj 10
won win VERB VBD ROOT 10
. . PUNCT . punct 10
It it PRON PRP nsubj 13
hurts hurt VERB VBZ ROOT 13
. . PUNCT . punct 13
” " PUNCT '' punct 13
\\n \\n SPACE _SP dep 15
“ " PUNCT `` punct 20
And and CCONJ CC cc 20
it it PRON PRP nsubj 20
is be AUX VBZ ROOT 20
sad sad ADJ JJ acomp 20
. . PUNCT . punct 20
” " PUNCT '' punct 20
\\n \\n SPACE _SP dep 23
The the DET DT det 26
game game NOUN NN nsubj 27
ended end VERB VBD ROOT 27
. . PUNCT . punct 27
""",
)


def test_a_bare_quotation_in_the_next_paragraph_goes_on_with_the_speakers_words() -> None:
    by_id, claims = _claims(*QUOTE_NEXT_PARAGRAPH)
    assert [(by_id[c.source].text, c.content.text) for c in claims] == [
        ("Barkley", "“We lost,” Barkley said. “They won. It hurts.”\n“And it is sad.”"),
        ("The Daily Post", "The game ended"),
    ]


QUOTE_THEN_OTHER_CUE = (
    "“We lost,” Barkley said.\n“They won. It hurts,” Lee said.",
    """
“ " PUNCT `` punct 6
We we PRON PRP nsubj 2
lost lose VERB VBD ccomp 6
, , PUNCT , punct 6
” " PUNCT '' punct 6
Barkley Barkley PROPN NNP nsubj 6 B-PERSON
said say VERB VBD ROOT 6
. . PUNCT . punct 6
\\n \\n SPACE _SP dep 7
“ " PUNCT `` punct 11
They they PRON PRP nsubj 11
won win VERB VBD ROOT 11
. . PUNCT . punct 11
It it PRON PRP nsubj 14
hurts hurt VERB VBZ ccomp 18
, , PUNCT , punct 18
” " PUNCT '' punct 18
Lee Lee PROPN NNP nsubj 18 B-PERSON
said say VERB VBD ROOT 18
. . PUNCT . punct 18
""",
)


def test_a_quotation_with_a_cue_of_its_own_after_it_does_not_go_on_with_the_last_one() -> None:
    # “They won. It hurts,” Lee said: the comma before the closing mark calls for its own cue
    by_id, claims = _claims(*QUOTE_THEN_OTHER_CUE)
    assert [(by_id[c.source].text, c.content.text) for c in claims if c.cue is not None] == [
        ("Barkley", "“We lost,”"),
        ("Lee", "“They won. It hurts,”"),
    ]


PASSIVE_AFTER = (
    "Castellar met Quiroga before the ceasefire was signed.",
    """
Castellar Castellar PROPN NNP nsubj 1 B-PERSON
met meet VERB VBD ROOT 1
Quiroga Quiroga PROPN NNP dobj 1 B-PERSON
before before SCONJ IN mark 7
the the DET DT det 5
ceasefire ceasefire NOUN NN nsubjpass 7
was be AUX VBD auxpass 7
signed sign VERB VBN advcl 1
. . PUNCT . punct 1
""",
)


def test_a_passive_verb_with_its_own_subject_does_not_borrow_the_main_clauses_speaker() -> None:
    # "sign" takes a passive subject as a content in the learnt lexicon (PolNeAR: "the bill was
    # signed by X"); here nobody is said to sign: no claim of Castellar's
    assert "signed" not in "".join(_reports(PASSIVE_AFTER))


TITLE_CASE = (
    "Conservative Icon Morton Blackwell Endorses Ted Cruz.",
    """
Conservative conservative ADJ JJ amod 3
Icon Icon PROPN NNP compound 3
Morton Morton PROPN NNP compound 3
Blackwell Blackwell PROPN NNP compound 4 B-PERSON
Endorses Endorses PROPN NNP compound 6
Ted Ted PROPN NNP compound 6 B-PERSON
Cruz Cruz PROPN NNP ROOT 6 I-PERSON
. . PUNCT . punct 6
""",
)
TITLE_CASE_SPORTS = (
    "The Bills Beat The Jets In Overtime.",
    """
The the DET DT det 1
Bills Bills PROPN NNPS compound 2
Beat Beat PROPN NNP ROOT 2
The the DET DT det 4
Jets Jets PROPN NNPS appos 2
In in ADP IN prep 2
Overtime Overtime PROPN NNP pobj 5
. . PUNCT . punct 2
""",
)


def test_a_headline_in_title_case_read_as_one_name_still_reports() -> None:
    assert _reports(TITLE_CASE)["Endorses"] == ("Conservative Icon Morton Blackwell", "Ted Cruz")
    assert _reports(TITLE_CASE_SPORTS) == {}  # "Bills" ends in s but is no verb of saying


QUOTED_REPORT = (
    "“The plan is telling voters that they are not welcome,” said Pavone.",
    """
“ " PUNCT `` punct 4
The the DET DT det 2
plan plan NOUN NN nsubj 4
is be AUX VBZ aux 4
telling tell VERB VBG ROOT 4
voters voter NOUN NNS dobj 4
that that SCONJ IN mark 8
they they PRON PRP nsubj 8
are be AUX VBP ccomp 4
not not PART RB neg 8
welcome welcome ADJ JJ acomp 8
, , PUNCT , punct 8
” " PUNCT '' punct 8
said say VERB VBD advcl 8
Pavone Pavone PROPN NNP nsubj 13 B-PERSON
. . PUNCT . punct 4
""",
)


def test_a_report_inside_a_quotation_ends_with_the_quotation() -> None:
    by_id, claims = _claims(*QUOTED_REPORT)
    reports = {c.cue.text: c for c in claims if c.cue is not None}
    assert reports["is telling"].content.text == "that they are not welcome"
    assert by_id[reports["said"].source].text == "Pavone"


DATELINE = (
    "WASHINGTON (AP) — The dam closed.",
    """
WASHINGTON WASHINGTON PROPN NNP nmod 6 B-GPE
( ( PUNCT -LRB- punct 2
AP AP PROPN NNP appos 0 B-ORG
) ) PUNCT -RRB- punct 2
— — PUNCT : punct 6
The the DET DT det 6
dam dam NOUN NN nsubj 7
closed close VERB VBD ROOT 7
. . PUNCT . punct 7
""",
)


def test_a_dateline_is_no_part_of_the_claim_it_opens() -> None:
    _, claims = _claims(*DATELINE)
    assert [c.content.text for c in claims] == ["The dam closed"]


QUOTED_NOUN_SUBJECT = (
    "“Good reporter, this guy,” Trump said when Boyle asked him a question.",
    """
“ " PUNCT `` punct 9
Good good ADJ JJ amod 2
reporter reporter NOUN NN nsubj 9
, , PUNCT , punct 2
this this DET DT det 5
guy guy NOUN NN appos 2
, , PUNCT , punct 9
” " PUNCT '' punct 9
Trump Trump PROPN NNP nsubj 9 B-PERSON
said say VERB VBD ROOT 9
when when SCONJ WRB advmod 12
Boyle Boyle PROPN NNP nsubj 12 B-PERSON
asked ask VERB VBD advcl 9
him he PRON PRP dative 12
a a DET DT det 15
question question NOUN NN dobj 12
. . PUNCT . punct 9
""",
)


def test_a_quotations_noun_the_parse_made_a_subject_is_what_was_said() -> None:
    assert _reports(QUOTED_NOUN_SUBJECT)["said"] == ("Trump", "“Good reporter, this guy,”")


QUOTE_THEN_CONJOINED_SPEAKER = (
    "“We were wrong,” Ramos, 58, told AFP.",
    """
“ " PUNCT `` punct 2
We we PRON PRP nsubj 2
were be AUX VBD ROOT 2
wrong wrong ADJ JJ acomp 2
, , PUNCT , punct 2
” " PUNCT '' punct 6
Ramos Ramos PROPN NNP conj 2 B-PERSON
, , PUNCT , punct 6
58 58 NUM CD appos 6 B-DATE
, , PUNCT , punct 6
told tell VERB VBD conj 2
AFP AFP PROPN NNP dobj 10 B-ORG
. . PUNCT . punct 2
""",
)
QUOTE_HUNG_ON_SPEAKER = (
    "“That is a concern,” Sarandon, 69, told MSNBC.",
    """
“ " PUNCT `` punct 11
That that PRON DT nsubj 2
is be AUX VBZ ccomp 7
a a DET DT det 4
concern concern NOUN NN attr 2
, , PUNCT , punct 7
” " PUNCT '' punct 7
Sarandon Sarandon PROPN NNP nsubj 11 B-PERSON
, , PUNCT , punct 7
69 69 NUM CD appos 7 B-DATE
, , PUNCT , punct 7
told tell VERB VBD ROOT 11
MSNBC MSNBC PROPN NNP dobj 11 B-ORG
. . PUNCT . punct 11
""",
)


def test_a_quotation_before_name_and_age_is_the_speakers_however_the_parse_hangs_them() -> None:
    # the parse made "Ramos" and "told" conjuncts of the quotation's verb, whose subject is "We"
    by_id, claims = _claims(*QUOTE_THEN_CONJOINED_SPEAKER)
    told = next(c for c in claims if c.cue is not None)
    assert (by_id[told.source].text, told.content.text) == ("Ramos", "“We were wrong,”")
    assert [by_id[s].text for s in told.chain] == ["The Daily Post", "AFP", "Ramos"]
    # the parse hung the quotation on "Sarandon": it is what she said, not part of her name
    assert _reports(QUOTE_HUNG_ON_SPEAKER)["told"] == ("Sarandon", "“That is a concern,”")


ACCORDING_INSIDE_REPORT = (
    "The AP reported that, according to an analysis, most meetings were with donors.",
    """
The the DET DT det 1
AP AP PROPN NNP nsubj 2 B-ORG
reported report VERB VBD ROOT 2
that that SCONJ IN mark 12
, , PUNCT , punct 12
according accord VERB VBG prep 12
to to ADP IN prep 5
an an DET DT det 8
analysis analysis NOUN NN pobj 6
, , PUNCT , punct 12
most most ADJ JJS amod 11
meetings meeting NOUN NNS nsubj 12
were be AUX VBD ccomp 2
with with ADP IN prep 12
donors donor NOUN NNS pobj 13
. . PUNCT . punct 2
""",
)


def test_according_to_inside_a_reported_clause_is_a_report_within_the_report() -> None:
    by_id, claims = _claims(*ACCORDING_INSIDE_REPORT)
    reports = {c.cue.text: c for c in claims if c.cue is not None}
    assert reports["reported"].content.text == "that, according to an analysis, most meetings were with donors"
    according = reports["according to"]
    assert according.content.text == "most meetings were with donors"
    assert [by_id[s].text for s in according.chain] == ["The Daily Post", "The AP", "an analysis"]


def test_a_quotation_mark_glued_to_a_comma_or_colon_is_split_off() -> None:
    import spacy

    from claimgraph.analyze.pipeline import split_glued_quotes

    nlp = spacy.blank("en")
    split_glued_quotes(nlp)
    assert [t.text for t in nlp("Ryan said,“Look here.”")] == ["Ryan", "said", ",", "“", "Look", "here", ".", "”"]
    assert [t.text for t in nlp('He said:"Go."')] == ["He", "said", ":", '"', "Go", ".", '"']
    assert [t.text for t in nlp("red,blue and 3,000")] == [t.text for t in spacy.blank("en")("red,blue and 3,000")]


def test_typographic_apostrophes_get_the_plain_spelling_s_features() -> None:
    import spacy

    from claimgraph.analyze.pipeline import straighten_quotes

    nlp = spacy.blank("en")
    straighten_quotes(nlp)
    curly, plain = nlp("They don’t care, it’s Trump’s “fault.”"), nlp("They don't care, it's Trump's \"fault.\"")
    assert [t.text for t in curly] != [t.text for t in plain]  # the text is not touched
    for attr in ("lower_", "shape_", "prefix_", "suffix_"):
        assert [getattr(t, attr) for t in curly] == [getattr(t, attr) for t in plain]


def test_a_content_ending_in_a_typographic_contraction_keeps_it(analyzer) -> None:
    from claimgraph import Document

    [result] = analyzer.analyze([Document(text="Moore said he would act when others won’t.", origin="t")])
    [claim] = [c for c in result["claims"] if c.get("cue")]
    assert claim["content"]["text"] == "he would act when others won’t"


OCCASION_IN_CONTENT = (
    "Trump said he would win during a speech in Iowa.",
    """
Trump Trump PROPN NNP nsubj 1 B-PERSON
said say VERB VBD ROOT 1
he he PRON PRP nsubj 4
would would AUX MD aux 4
win win VERB VB ccomp 1
during during ADP IN prep 4
a a DET DT det 7
speech speech NOUN NN pobj 5
in in ADP IN prep 7
Iowa Iowa PROPN NNP pobj 8 B-GPE
. . PUNCT . punct 1
""",
)
OCCASION_SAID = (
    "He said he would speak at a rally.",
    """
He he PRON PRP nsubj 1
said say VERB VBD ROOT 1
he he PRON PRP nsubj 4
would would AUX MD aux 4
speak speak VERB VB ccomp 1
at at ADP IN prep 4
a a DET DT det 7
rally rally NOUN NN pobj 5
. . PUNCT . punct 1
""",
)


def test_the_occasion_of_the_speech_ending_a_content_is_no_part_of_it() -> None:
    # the parse hangs "during a speech" on "win"; it says where Trump said it
    assert _reports(OCCASION_IN_CONTENT)["said"] == ("Trump", "he would win")
    # where he would speak is what he said
    assert _reports(OCCASION_SAID)["said"] == ("He", "he would speak at a rally")


CITING_A_REASON = (
    "McCain said the mood was bad, citing low growth.",
    """
McCain McCain PROPN NNP nsubj 1 B-PERSON
said say VERB VBD ROOT 1
the the DET DT det 3
mood mood NOUN NN nsubj 4
was be AUX VBD ccomp 1
bad bad ADJ JJ acomp 4
, , PUNCT , punct 4
citing cite VERB VBG advcl 4
low low ADJ JJ amod 9
growth growth NOUN NN dobj 7
. . PUNCT . punct 1
""",
)


def test_citing_a_reason_is_the_speakers_claim_not_a_source() -> None:
    # "citing three officials" makes the officials a hop of the chain; "low growth" is no source
    by_id, claims = _claims(*CITING_A_REASON)
    assert [([by_id[s].text for s in c.chain], c.cue.text, c.content.text) for c in claims] == [
        (["The Daily Post", "McCain"], "said", "the mood was bad"),
        (["The Daily Post", "McCain"], "citing", "low growth"),
    ]


DAY_BEFORE_CLAUSE = (
    "Trump said on Friday he met Carson.",
    """
Trump Trump PROPN NNP nsubj 1 B-PERSON
said say VERB VBD ROOT 1
on on ADP IN prep 5
Friday Friday PROPN NNP pobj 2 B-DATE
he he PRON PRP nsubj 5
met meet VERB VBD ccomp 1
Carson Carson PROPN NNP dobj 5 B-PERSON
. . PUNCT . punct 1
""",
)
DAY_AS_SUBJECT = (
    "He said Monday was a good day.",
    """
He he PRON PRP nsubj 1
said say VERB VBD ROOT 1
Monday Monday PROPN NNP nsubj 3 B-DATE
was be AUX VBD ccomp 1
a a DET DT det 6 B-DATE
good good ADJ JJ amod 6 I-DATE
day day NOUN NN attr 3 I-DATE
. . PUNCT . punct 1
""",
)
PRAISE_IN_TWEET = (
    "Clinton praised the plan in a tweet.",
    """
Clinton Clinton PROPN NNP nsubj 1 B-PERSON
praised praise VERB VBD ROOT 1
the the DET DT det 3
plan plan NOUN NN dobj 1
in in ADP IN prep 1
a a DET DT det 6
tweet tweet NOUN NN pobj 4
. . PUNCT . punct 1
""",
)


def test_the_day_between_a_verb_of_saying_and_its_clause_dates_the_saying() -> None:
    assert _reports(DAY_BEFORE_CLAUSE)["said"] == ("Trump", "he met Carson")
    assert _reports(DAY_AS_SUBJECT)["said"] == ("He", "Monday was a good day")  # the day is said


def test_the_occasion_of_a_stance_is_no_part_of_its_content() -> None:
    # PolNeAR's content runs on through a verb's later phrases ("slams X for Y"), not its occasion
    assert _reports(PRAISE_IN_TWEET)["praised"] == ("Clinton", "the plan")


def test_trim_tail_leaves_no_conjunction_dangling_at_the_end() -> None:
    doc = build(
        "It was taken over and looted.",
        """
It it PRON PRP nsubjpass 2
was be AUX VBD auxpass 2
taken take VERB VBN ROOT 2
over over ADP RP prt 2
and and CCONJ CC cc 2
looted loot VERB VBN dep 2
. . PUNCT . punct 2
""",
    )
    assert [t.text for t in trim_tail(list(doc[0:5]))] == ["It", "was", "taken", "over"]
    assert [t.text for t in trim_tail(list(doc[0:6]))] == ["It", "was", "taken", "over", "and", "looted"]


PARTICIPLE_ROOT = (
    "Majorities of Democrats in five states going to the polls Tuesday say they would be satisfied.",
    """
Majorities majority NOUN NNS nsubj 6
of of ADP IN prep 0
Democrats Democrats PROPN NNPS pobj 1 B-NORP
in in ADP IN prep 0
five five NUM CD nummod 5 B-CARDINAL
states state NOUN NNS pobj 3
going go VERB VBG ROOT 6
to to ADP IN prep 6
the the DET DT det 9
polls poll NOUN NNS pobj 7
Tuesday Tuesday PROPN NNP npadvmod 6 B-DATE
say say VERB VBP dep 6
they they PRON PRP nsubj 14
would would AUX MD aux 14
be be AUX VB ccomp 11
satisfied satisfy VERB VBN acomp 14
. . PUNCT . punct 11
""",
)


def test_a_verb_of_saying_the_parse_hung_on_its_subjects_participle_still_reports() -> None:
    assert _reports(PARTICIPLE_ROOT)["say"] == (
        "Majorities of Democrats in five states",
        "they would be satisfied",
    )


QUOTE_GOES_ON_PAST_PARTICIPLE = (
    "“We won,” Clinton said, referencing a poll. “They lost.”",
    """
“ " PUNCT `` punct 6
We we PRON PRP nsubj 2
won win VERB VBD ccomp 6
, , PUNCT , punct 6
” " PUNCT '' punct 6
Clinton Clinton PROPN NNP nsubj 6 B-PERSON
said say VERB VBD ROOT 6
, , PUNCT , punct 6
referencing reference VERB VBG advcl 6
a a DET DT det 10
poll poll NOUN NN dobj 8
. . PUNCT . punct 6
“ " PUNCT `` punct 14
They they PRON PRP nsubj 14
lost lose VERB VBD ROOT 14
. . PUNCT . punct 14
” " PUNCT '' punct 14
""",
)
QUOTE_GOES_ON_AFTER_BUT = (
    "“We won,” he said. But “they lost.”",
    """
“ " PUNCT `` punct 6
We we PRON PRP nsubj 2
won win VERB VBD ccomp 6
, , PUNCT , punct 6
” " PUNCT '' punct 6
he he PRON PRP nsubj 6
said say VERB VBD ROOT 6
. . PUNCT . punct 6
But but CCONJ CC cc 11
“ " PUNCT `` punct 11
they they PRON PRP nsubj 11
lost lose VERB VBD ROOT 11
. . PUNCT . punct 11
” " PUNCT '' punct 11
""",
)


def test_a_quotation_goes_on_with_its_speaker_past_a_report_after_the_cue_or_a_but() -> None:
    reports = _reports(QUOTE_GOES_ON_PAST_PARTICIPLE)
    assert reports["said"] == ("Clinton", "“We won,” Clinton said, referencing a poll. “They lost.”")
    assert _reports(QUOTE_GOES_ON_AFTER_BUT)["said"] == ("he", "“We won,” he said. But “they lost.”")


QUOTE_BEFORE_SPEAKER = (
    "“Judge,” Brafman said, “I have never had that happen.”",
    """
“ " PUNCT `` punct 5
Judge Judge PROPN NNP dobj 5
, , PUNCT , punct 5
” " PUNCT '' punct 5
Brafman Brafman PROPN NNP nsubj 5 B-PERSON
said say VERB VBD ROOT 5
, , PUNCT , punct 5
“ " PUNCT `` punct 5
I I PRON PRP nsubj 11
have have AUX VBP aux 11
never never ADV RB neg 11
had have VERB VBN ccomp 5
that that PRON DT nsubj 13
happen happen VERB VB ccomp 11
. . PUNCT . punct 5
” " PUNCT '' punct 5
""",
)


def test_a_quotation_before_speaker_and_cue_opens_the_content_of_the_one_after() -> None:
    # “A,” he said, “B.”: PolNeAR takes both parts, around the cue, as one content
    assert _reports(QUOTE_BEFORE_SPEAKER)["said"] == (
        "Brafman",
        "“Judge,” Brafman said, “I have never had that happen.”",
    )


def test_a_preposition_left_between_a_cue_and_its_content_joins_the_cue() -> None:
    from claimgraph.analyze.attribution import Found, _prep_to_cue
    from claimgraph.analyze.sources import SourceInfo

    text = "Most would vote for Clinton."
    doc = build(
        text,
        """
Most most ADJ JJS nsubj 2
would would AUX MD aux 2
vote vote VERB VB ROOT 2
for for ADP IN prep 2
Clinton Clinton PROPN NNP pobj 3 B-PERSON
. . PUNCT . punct 2
""",
    )
    # as the tagger may leave it: "would vote" | for | "Clinton"
    found = Found((20, 27), (5, 15), doc[0:1], SourceInfo("unspecified", None, None), "reported")
    _prep_to_cue(doc, found)
    assert (text[slice(*found.cue)], text[slice(*found.content)]) == ("would vote for", "Clinton")


ASKED_IF = (
    "Asked if he was bullied, the candidate said no.",
    """
Asked ask VERB VBN advcl 8
if if SCONJ IN mark 4
he he PRON PRP nsubjpass 4
was be AUX VBD auxpass 4
bullied bully VERB VBN advcl 0
, , PUNCT , punct 8
the the DET DT det 7
candidate candidate NOUN NN nsubj 8
said say VERB VBD ROOT 8
no no INTJ UH intj 8
. . PUNCT . punct 8
""",
)


def test_asked_whether_is_a_question_without_a_source_and_the_answer_is_the_speakers() -> None:
    by_id, claims = _claims(*ASKED_IF)
    asked = next(c for c in claims if c.cue is not None and c.cue.text == "Asked")
    assert asked.content.text == "if he was bullied" and asked.status == "uncertain"
    assert by_id[asked.source].kind == "unspecified" and by_id[asked.source].start is None
    assert _reports(ASKED_IF)["said"] == ("the candidate", "no")


FIRST_ACT_THEN_SAYS = (
    "Kasich offered him a job, then says he will welcome advice.",
    """
Kasich Kasich PROPN NNP nsubj 1 B-PERSON
offered offer VERB VBD ccomp 7
him he PRON PRP dative 1
a a DET DT det 4
job job NOUN NN dobj 1
, , PUNCT , punct 7
then then ADV RB advmod 7
says say VERB VBZ ROOT 7
he he PRON PRP nsubj 10
will will AUX MD aux 10
welcome welcome VERB VB ccomp 7
advice advice NOUN NN dobj 10
. . PUNCT . punct 7
""",
)


def test_a_clause_before_then_says_is_the_speakers_first_act_not_what_he_says() -> None:
    assert _reports(FIRST_ACT_THEN_SAYS)["then says"] == ("Kasich", "he will welcome advice")


SECOND_REPORT = (
    "Six in 10 voters said Clinton is honest, and three-quarters said Sanders is honest.",
    """
Six six NUM CD quantmod 2 B-CARDINAL
in in ADP IN quantmod 2
10 10 NUM CD nummod 3 B-CARDINAL
voters voter NOUN NNS nsubj 4
said say VERB VBD ROOT 4
Clinton Clinton PROPN NNP nsubj 6 B-PERSON
is be AUX VBZ ccomp 4
honest honest ADJ JJ acomp 6
, , PUNCT , punct 6
and and CCONJ CC cc 6
three three NUM CD nummod 12 B-CARDINAL
- - PUNCT HYPH punct 12 I-CARDINAL
quarters quarter NOUN NNS nsubj 13 I-CARDINAL
said say VERB VBD ccomp 4
Sanders Sanders PROPN NNP nsubj 15 B-PERSON
is be AUX VBZ ccomp 13
honest honest ADJ JJ acomp 15
. . PUNCT . punct 4
""",
)


def test_a_second_report_the_parse_made_a_complement_of_the_first_stands_apart() -> None:
    by_id, claims = _claims(*SECOND_REPORT)
    reports = sorted(
        (c.cue.text, by_id[c.source].text, c.content.text, [by_id[s].text for s in c.chain])
        for c in claims
        if c.cue is not None
    )
    assert reports == [
        ("said", "Six in 10 voters", "Clinton is honest", ["The Daily Post", "Six in 10 voters"]),
        ("said", "three-quarters", "Sanders is honest", ["The Daily Post", "three-quarters"]),
    ]


FREE_RELATIVE = (
    "Marburg said the minister owed Congress an account of what he had promised a man.",
    """
Marburg Marburg PROPN NNP nsubj 1 B-PERSON
said say VERB VBD ROOT 1
the the DET DT det 3
minister minister NOUN NN nsubj 4
owed owe VERB VBD ccomp 1
Congress Congress PROPN NNP dative 4 B-ORG
an an DET DT det 7
account account NOUN NN dobj 4
of of ADP IN prep 7
what what PRON WP dobj 12
he he PRON PRP nsubj 12
had have AUX VBD aux 12
promised promise VERB VBN pcomp 8
a a DET DT det 14
man man NOUN NN dobj 12
. . PUNCT . punct 1
""",
)


def test_a_verb_whose_object_is_a_fronted_what_claims_nothing() -> None:
    # "what he had promised a man" names a thing; it is no claim of "he" with itself as content
    reports = _reports(FREE_RELATIVE)
    assert set(reports) == {"said"}
    assert reports["said"][1].endswith("of what he had promised a man")


DATELINE_SUBJECT = (
    "WASHINGTON, Aug. 24 (UPI) — A spokesman for Hillary Clinton called the report outrageous.",
    # the parse of the article made the dateline a second subject of "called"
    """
WASHINGTON WASHINGTON PROPN NNP nsubj 13 B-GPE
, , PUNCT , punct 0
Aug. Aug. PROPN NNP appos 0 B-DATE
24 24 NUM CD nummod 2 I-DATE
( ( PUNCT -LRB- punct 5
UPI UPI PROPN NNP appos 2 B-ORG
) ) PUNCT -RRB- punct 2
— — PUNCT : punct 0
A a DET DT det 9
spokesman spokesman NOUN NN nsubj 13
for for ADP IN prep 9
Hillary Hillary PROPN NNP compound 12 B-PERSON
Clinton Clinton PROPN NNP pobj 10 I-PERSON
called call VERB VBD ROOT 13
the the DET DT det 15
report report NOUN NN dobj 13
outrageous outrageous ADJ JJ oprd 13
. . PUNCT . punct 13
""",
)


def test_a_dateline_the_parse_made_a_subject_is_not_the_speaker() -> None:
    assert _reports(DATELINE_SUBJECT)["called"][0] == "A spokesman for Hillary Clinton"


def test_an_opening_dateline_is_kept_in_one_piece_with_its_sentence() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("claimgraph_paragraphs")
    doc = nlp("Port chief charged\n\nWASHINGTON (AP) — Prosecutors charged him.")
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["WASHINGTON"] is True
    # set, not merely left unset: the parser may not cut the dateline off or into pieces
    assert all(starts[w] is False for w in ("(", "AP", ")", "—", "Prosecutors"))


def test_a_word_of_an_opening_dateline_is_known_as_such() -> None:
    from claimgraph.analyze.spans import in_opening_dateline

    doc = build(*DATELINE_SUBJECT)
    assert [t.text for t in doc if in_opening_dateline(t)] == ["WASHINGTON", ",", "Aug.", "24", "(", "UPI", ")", "—"]


def test_trim_tail_leaves_out_a_comma_led_without() -> None:
    # "claimed that the vote had been rigged, without offering evidence": the writer's remark
    doc = build(
        "the vote had been rigged, without offering evidence",
        """
the the DET DT det 1
vote vote NOUN NN nsubjpass 4
had have AUX VBD aux 4
been be AUX VBN auxpass 4
rigged rig VERB VBN ROOT 4
, , PUNCT , punct 4
without without ADP IN prep 4
offering offer VERB VBG pcomp 6
evidence evidence NOUN NN dobj 7
""",
    )
    assert [t.text for t in trim_tail(list(doc))] == ["the", "vote", "had", "been", "rigged"]


CALLED_FOR_SAYING = (
    "Trump called for a special prosecutor, saying the department is biased.",
    """
Trump Trump PROPN NNP nsubj 1 B-PERSON
called call VERB VBD ROOT 1
for for ADP IN prep 1
a a DET DT det 5
special special ADJ JJ amod 5
prosecutor prosecutor NOUN NN pobj 2
, , PUNCT , punct 1
saying say VERB VBG advcl 1
the the DET DT det 9
department department NOUN NN nsubjpass 11
is be AUX VBZ auxpass 11
biased bias VERB VBN ccomp 7
. . PUNCT . punct 1
""",
)
SAID_TELLING = (
    "Carson said he saw no need to change, telling Stephanopolous that “we tell the truth, we deal with"
    " the issues” and that he had seen support.",
    """
Carson Carson PROPN NNP nsubj 1 B-PERSON
said say VERB VBD ROOT 1
he he PRON PRP nsubj 3
saw see VERB VBD ccomp 1
no no DET DT det 5
need need NOUN NN dobj 3
to to PART TO aux 7
change change VERB VB acl 5
, , PUNCT , punct 3
telling tell VERB VBG advcl 3
Stephanopolous Stephanopolous PROPN NNP dobj 9 B-PERSON
that that SCONJ IN mark 14
“ " PUNCT `` punct 14
we we PRON PRP nsubj 14
tell tell VERB VBP ccomp 9
the the DET DT det 16
truth truth NOUN NN dobj 14
, , PUNCT , punct 19
we we PRON PRP nsubj 19
deal deal VERB VBP ccomp 1
with with ADP IN prep 19
the the DET DT det 22
issues issue NOUN NNS pobj 20
” " PUNCT '' punct 19
and and CCONJ CC cc 19
that that SCONJ IN mark 28
he he PRON PRP nsubj 28
had have AUX VBD aux 28
seen see VERB VBN conj 19
support support NOUN NN dobj 28
. . PUNCT . punct 1
""",
)
SHOW_AS_NOUN = (
    "Records from the agency show that unemployment fell.",
    """
Records record NOUN NNS nsubj 4
from from ADP IN prep 0
the the DET DT det 3
agency agency NOUN NN pobj 1
show show NOUN NN ROOT 4
that that SCONJ IN mark 7
unemployment unemployment NOUN NN nsubj 7
fell fall VERB VBD ccomp 4
. . PUNCT . punct 4
""",
)


def test_a_participle_of_saying_after_a_comma_is_a_report_of_its_own() -> None:
    # "called for" learnt an adverbial-clause frame; "saying B" is still Trump's second report
    reports = _reports(CALLED_FOR_SAYING)
    assert reports["called for"] == ("Trump", "a special prosecutor")
    assert reports["saying"] == ("Trump", "the department is biased")


def test_a_second_report_takes_what_follows_it_though_the_parse_hung_it_elsewhere() -> None:
    # the parse made "we deal with the issues" a clause of "said": it is still what he told
    reports = _reports(SAID_TELLING)
    assert reports["said"] == ("Carson", "he saw no need to change")
    source, content = reports["telling"]
    assert source == "Carson"
    assert content == "that “we tell the truth, we deal with the issues”"


def test_a_content_that_opens_a_quotation_runs_to_its_end() -> None:
    from claimgraph.analyze.spans import close_quotation

    text = "He told them that “we win, we go home” and left."
    start = text.index("that")
    cut = (start, text.index(", we go"))
    assert text[slice(*close_quotation(text, cut, (3, 7)))] == "that “we win, we go home”"
    whole = (start, text.index(" and left"))
    assert close_quotation(text, whole, (3, 7)) == whole  # closed already
    # a cue inside the quotation is someone quoted: its content is not stretched over the rest
    inside = "“I said that we win, we go home,” she said."
    cue = (inside.index("said"), inside.index("said") + 4)
    rng = (inside.index("that"), inside.index(", we go"))
    assert close_quotation(inside, rng, cue) == rng


def test_a_noun_the_parse_uses_as_a_verb_of_a_report_reads_as_one() -> None:
    from claimgraph.analyze.attribution import repair_verbs

    doc = build(*SHOW_AS_NOUN)
    repair_verbs(doc)
    assert (doc[4].pos_, doc[4].tag_) == ("VERB", "VBP")
    assert doc[0].pos_ == "NOUN"  # the subject stays what it is
    assert _reports(SHOW_AS_NOUN)["show"] == ("Records from the agency", "that unemployment fell")


WHAT_IT_CALLS = (
    "It backs what it calls “sensible gun laws.”",
    """
It it PRON PRP nsubj 1
backs back VERB VBZ ROOT 1
what what PRON WP dobj 4
it it PRON PRP nsubj 4
calls call VERB VBZ ccomp 1
“ " PUNCT `` punct 8
sensible sensible ADJ JJ amod 8
gun gun NOUN NN compound 8
laws law NOUN NNS oprd 4
. . PUNCT . punct 1
” " PUNCT '' punct 1
""",
)
WHAT_HE_PROMISED = (
    "He kept what he had promised a man.",
    """
He he PRON PRP nsubj 1
kept keep VERB VBD ROOT 1
what what PRON WP dative 5
he he PRON PRP nsubj 5
had have AUX VBD aux 5
promised promise VERB VBN ccomp 1
a a DET DT det 7
man man NOUN NN dobj 5
. . PUNCT . punct 1
""",
)


def test_a_name_given_in_a_free_relative_is_reported_from_the_relative_word_on() -> None:
    source, content = _reports(WHAT_IT_CALLS)["calls"]
    assert source == "it"
    assert content.startswith("what it calls “sensible gun laws")
    # other free relatives name a thing and claim nothing
    assert "promised" not in _reports(WHAT_HE_PROMISED)


POLL_VOTE = (
    "Among Democrats, 56 percent would vote for Clinton.",
    """
Among among ADP IN prep 6
Democrats Democrats PROPN NNPS pobj 0 B-NORP
, , PUNCT , punct 6
56 56 NUM CD nummod 4 B-PERCENT
percent percent NOUN NN nsubj 6 I-PERCENT
would would AUX MD aux 6
vote vote VERB VB ROOT 6
for for ADP IN prep 6
Clinton Clinton PROPN NNP pobj 7 B-PERSON
. . PUNCT . punct 6
""",
)
NOT_A_POLL = (
    "The party of half the country wants a new leader.",
    """
The the DET DT det 1
party party NOUN NN nsubj 6
of of ADP IN prep 1
half half DET PDT predet 5 B-CARDINAL
the the DET DT det 5
country country NOUN NN pobj 2
wants want VERB VBZ ROOT 6
a a DET DT det 9
new new ADJ JJ amod 9
leader leader NOUN NN dobj 6
. . PUNCT . punct 6
""",
)


def test_a_share_of_the_people_polled_reports_its_preference() -> None:
    assert _reports(POLL_VOTE)["would vote for"] == ("56 percent", "Clinton")
    # a share inside the subject's phrase is no poll's ("the party of half the country")
    assert "wants" not in _reports(NOT_A_POLL)


AFTER_ANOTHER = (
    "And 64 percent call him competent, after 55 percent said so in December.",
    """
And and CCONJ CC cc 3
64 64 NUM CD nummod 2 B-PERCENT
percent percent NOUN NN nsubj 3 I-PERCENT
call call VERB VBP ROOT 3
him he PRON PRP dobj 3
competent competent ADJ JJ oprd 3
, , PUNCT , punct 3
after after SCONJ IN mark 10
55 55 NUM CD nummod 9 B-PERCENT
percent percent NOUN NN nsubj 10 I-PERCENT
said say VERB VBD advcl 3
so so ADV RB advmod 10
in in ADP IN prep 10
December December PROPN NNP pobj 12 B-DATE
. . PUNCT . punct 3
""",
)


def test_another_speakers_report_set_beside_a_content_is_not_part_of_it() -> None:
    reports = _reports(AFTER_ANOTHER)
    assert reports["call"] == ("64 percent", "him competent")
    assert reports["said"][0] == "55 percent"


APPEARED_TO = (
    "Clinton appeared to assuage liberal concerns.",
    """
Clinton Clinton PROPN NNP nsubj 1 B-PERSON
appeared appear VERB VBD ROOT 1
to to PART TO aux 3
assuage assuage VERB VB xcomp 1
liberal liberal ADJ JJ amod 5
concerns concern NOUN NNS dobj 3
. . PUNCT . punct 1
""",
)
APPEARED_ON = (
    "Trump appeared on television.",
    """
Trump Trump PROPN NNP nsubj 1 B-PERSON
appeared appear VERB VBD ROOT 1
on on ADP IN prep 1
television television NOUN NN pobj 2
. . PUNCT . punct 1
""",
)


def test_what_seems_so_is_the_publishers_claim_hedged_by_its_cue() -> None:
    by_id, claims = _claims(*APPEARED_TO)
    [claim] = claims
    assert by_id[claim.source].kind == "publisher"
    assert claim.cue is not None and claim.cue.text == "appeared"
    assert (claim.content.text, claim.status) == ("Clinton appeared to assuage liberal concerns", "hedged")
    # appearing somewhere is no impression: the publisher asserts it, without cue
    [claim] = _claims(*APPEARED_ON)[1]
    assert claim.cue is None and claim.status == "asserted"


WAS_ASKED = (
    "The actress was asked if she had been discriminated against.",
    """
The the DET DT det 1
actress actress NOUN NN nsubjpass 3
was be AUX VBD auxpass 3
asked ask VERB VBN ROOT 3
if if SCONJ IN mark 8
she she PRON PRP nsubjpass 8
had have AUX VBD aux 8
been be AUX VBN auxpass 8
discriminated discriminate VERB VBN ccomp 3
against against ADP IN prep 8
. . PUNCT . punct 3
""",
)


def test_a_question_put_to_someone_in_the_passive_has_no_source() -> None:
    by_id, claims = _claims(*WAS_ASKED)
    [claim] = [c for c in claims if c.cue is not None]
    assert (claim.cue.text, claim.content.text) == ("was asked", "if she had been discriminated against")
    assert by_id[claim.source].kind == "unspecified"  # whoever asked; not the actress asked


SIGNED_POST = (
    "Just another day in the campaign. — Sahil Kapur (@sahilkapur) September 1, 2016",
    """
Just just ADV RB advmod 2 B-DATE
another another DET DT det 2 I-DATE
day day NOUN NN ROOT 2 I-DATE
in in ADP IN prep 2
the the DET DT det 5
campaign campaign NOUN NN pobj 3
. . PUNCT . punct 2
— — PUNCT : punct 9
Sahil Sahil PROPN NNP compound 9 B-PERSON
Kapur Kapur PROPN NNP ROOT 9 I-PERSON
( ( PUNCT -LRB- punct 11
@sahilkapur @sahilkapur PROPN NNP appos 9
) ) PUNCT -RRB- punct 11
September September PROPN NNP appos 9 B-DATE
1 1 NUM CD nummod 13 I-DATE
, , PUNCT , punct 13 I-DATE
2016 2016 NUM CD nummod 13 I-DATE
""",
)


def test_an_embedded_post_is_the_words_of_the_account_that_signed_it() -> None:
    by_id, claims = _claims(*SIGNED_POST)
    [claim] = claims  # neither the post nor its signature is the publisher's claim
    assert claim.cue is not None and claim.cue.text == "—"
    assert claim.content.text == "Just another day in the campaign."
    assert by_id[claim.source].text == "Sahil Kapur (@sahilkapur)"
    assert by_id[claim.source].kind == "person"


REPORTING_TAIL = (
    "Dockworkers will stay out until wages rise, the union's leader said on Monday, citing a survey.",
    """
Dockworkers dockworker NOUN NNS nsubj 2
will will AUX MD aux 2
stay stay VERB VB ROOT 2
out out ADP RP prt 2
until until SCONJ IN mark 6
wages wage NOUN NNS nsubj 6
rise rise VERB VBP advcl 2
, , PUNCT , punct 2
the the DET DT det 9
union union NOUN NN poss 11
's 's PART POS case 9
leader leader NOUN NN nsubj 12
said say VERB VBD conj 2
on on ADP IN prep 12
Monday Monday PROPN NNP pobj 13 B-DATE
, , PUNCT , punct 12
citing cite VERB VBG advcl 12
a a DET DT det 18
survey survey NOUN NN dobj 16
. . PUNCT . punct 12
""",
)

COORDINATED_REPORT = (
    "Prices rose, and the minister said.",
    """
Prices price NOUN NNS nsubj 1
rose rise VERB VBD ROOT 1
, , PUNCT , punct 1
and and CCONJ CC cc 1
the the DET DT det 5
minister minister NOUN NN nsubj 6
said say VERB VBD conj 1
. . PUNCT . punct 6
""",
)


def test_a_reporting_tail_the_parse_made_a_conjunct_reports_the_clause_before_it() -> None:
    by_id, claims = _claims(*REPORTING_TAIL)
    said = next(c for c in claims if c.cue is not None and c.cue.text == "said")
    assert said.content.text == "Dockworkers will stay out until wages rise"
    # "citing a survey" is a hop of the leader's chain: the survey is the innermost source
    assert [by_id[s].text for s in said.chain[1:]] == ["the union's leader", "a survey"]
    assert by_id[said.source].kind == "document"
    assert _reporting_tail(build(*REPORTING_TAIL)[12])
    assert not _reporting_tail(build(*COORDINATED_REPORT)[6])  # "and the minister said": no tail
    assert "said" not in _reports(COORDINATED_REPORT)


SEEN_BY_WIRE = (
    "The court froze his assets, according to a document seen by Reuters.",
    """
The the DET DT det 1
court court NOUN NN nsubj 2
froze freeze VERB VBD ROOT 2
his his PRON PRP$ poss 4
assets asset NOUN NNS dobj 2
, , PUNCT , punct 2
according accord VERB VBG prep 2
to to ADP IN prep 6
a a DET DT det 9
document document NOUN NN pobj 7
seen see VERB VBN acl 9
by by ADP IN agent 10
Reuters Reuters PROPN NNP pobj 11 B-ORG
. . PUNCT . punct 2
""",
)


def test_a_document_seen_by_an_outlet_is_the_source_and_the_outlet_the_hop_before_it() -> None:
    by_id, claims = _claims(*SEEN_BY_WIRE)
    (claim,) = [c for c in claims if c.cue is not None]
    assert [by_id[s].text for s in claim.chain[1:]] == ["Reuters", "a document seen by Reuters"]
    assert by_id[claim.source].kind == "document"


POST_ON_X = (
    "“Everyone is innocent,” Ruiz wrote in a post on X.\nHe resigned.",
    """
“ " PUNCT `` punct 7
Everyone everyone PRON NN nsubj 2
is be AUX VBZ ccomp 7
innocent innocent ADJ JJ acomp 2
, , PUNCT , punct 7
” " PUNCT '' punct 7
Ruiz Ruiz PROPN NNP nsubj 7 B-PERSON
wrote write VERB VBD ROOT 7
in in ADP IN prep 7
a a DET DT det 10
post post NOUN NN pobj 8
on on ADP IN prep 10
X. X. PROPN NNP pobj 11
\\n \\n SPACE _SP dep 12
He he PRON PRP nsubj 15
resigned resign VERB VBD ROOT 15
. . PUNCT . punct 15
""",
)


def test_a_medium_that_ends_its_paragraph_leaves_the_full_stop_and_the_break_out_of_the_cue() -> None:
    assert "wrote in a post on X" in _reports(POST_ON_X)


BYLINE = (
    "By Sarah Lee\nThe dam closed.",
    """
By by ADP IN ROOT 0
Sarah Sarah PROPN NNP compound 2 B-PERSON
Lee Lee PROPN NNP pobj 0 I-PERSON
\\n \\n SPACE _SP dep 2
The the DET DT det 5
dam dam NOUN NN nsubj 6
closed close VERB VBD ROOT 6
. . PUNCT . punct 6
""",
)


def test_a_byline_is_no_claim() -> None:
    _, claims = _claims(*BYLINE)
    assert [c.content.text for c in claims] == ["The dam closed"]


INTERVIEW_WITH = (
    "In an interview with the BBC, Harris said the airline was safe.",
    """
In in ADP IN prep 8
an an DET DT det 2
interview interview NOUN NN pobj 0
with with ADP IN prep 2
the the DET DT det 5
BBC BBC PROPN NNP pobj 3 B-ORG
, , PUNCT , punct 8
Harris Harris PROPN NNP nsubj 8 B-PERSON
said say VERB VBD ROOT 8
the the DET DT det 10
airline airline NOUN NN nsubj 11
was be AUX VBD ccomp 8
safe safe ADJ JJ acomp 11
. . PUNCT . punct 8
""",
)


def test_an_interview_with_an_outlet_is_the_hop_before_the_speaker() -> None:
    by_id, claims = _claims(*INTERVIEW_WITH)
    (said,) = [c for c in claims if c.cue is not None]
    assert [by_id[s].text for s in said.chain[1:]] == ["the BBC", "Harris"]
    assert by_id[said.chain[1]].kind == "outlet"


THEY_SAID = (
    "Two bankers said the bank would sell. No decision was made, they said.",
    """
Two two NUM CD nummod 1 B-CARDINAL
bankers banker NOUN NNS nsubj 2
said say VERB VBD ROOT 2
the the DET DT det 4
bank bank NOUN NN nsubj 6
would would AUX MD aux 6
sell sell VERB VB ccomp 2
. . PUNCT . punct 2
No no DET DT det 9
decision decision NOUN NN nsubjpass 11
was be AUX VBD auxpass 11
made make VERB VBN ccomp 14
, , PUNCT , punct 14
they they PRON PRP nsubj 14
said say VERB VBD ROOT 14
. . PUNCT . punct 14
""",
)


def test_they_are_the_unnamed_group_that_spoke_just_before() -> None:
    by_id, claims = _claims(*THEY_SAID)
    they = by_id[claims[-1].source]
    assert (they.text, they.kind, they.count) == ("they", "anonymous", 2)


AFTER_REPORTS = (
    "The minister resigned after reports that she took bribes.",
    """
The the DET DT det 1
minister minister NOUN NN nsubj 2
resigned resign VERB VBD ROOT 2
after after ADP IN prep 2
reports report NOUN NNS pobj 3
that that SCONJ IN mark 7
she she PRON PRP nsubj 7
took take VERB VBD acl 4
bribes bribe NOUN NNS dobj 7
. . PUNCT . punct 2
""",
)


def test_a_sentence_whose_main_verb_no_report_takes_is_also_the_publishers_claim() -> None:
    by_id, claims = _claims(*AFTER_REPORTS)
    own = [c for c in claims if c.cue is None]
    assert [(c.content.text, by_id[c.source].kind, c.status) for c in own] == [
        ("The minister resigned after reports that she took bribes", "publisher", "asserted")
    ]
    (reports,) = [c for c in claims if c.cue is not None]
    # reports without a source: nobody stands behind them
    assert (reports.content.text, by_id[reports.source].kind, reports.status) == (
        "that she took bribes",
        "unspecified",
        "hedged",
    )


WHICH_CITED = (
    "According to the Times, which cited emails, Marsh met them.",
    """
According accord VERB VBG prep 10
to to ADP IN prep 0
the the DET DT det 3
Times Times PROPN NNPS pobj 1 B-ORG
, , PUNCT , punct 3
which which PRON WDT nsubj 6
cited cite VERB VBD relcl 3
emails email NOUN NNS dobj 6
, , PUNCT , punct 10
Marsh Marsh PROPN NNP nsubj 10 B-PERSON
met meet VERB VBD ROOT 10
them they PRON PRP dobj 10
. . PUNCT . punct 10
""",
)


def test_an_outlet_which_cited_a_document_is_the_hop_before_it() -> None:
    by_id, claims = _claims(*WHICH_CITED)
    (claim,) = claims
    assert [by_id[s].text for s in claim.chain[1:]] == ["the Times", "emails"]
    assert (claim.content.text, by_id[claim.source].kind) == ("Marsh met them", "document")


QUOTATION_GOES_ON = (
    "“They lied,” Torres said. “Not one. And they expect thanks.”",
    """
“ " PUNCT `` punct 6
They they PRON PRP nsubj 2
lied lie VERB VBD ccomp 6
, , PUNCT , punct 6
” " PUNCT '' punct 6
Torres Torres PROPN NNP nsubj 6 B-PERSON
said say VERB VBD ROOT 6
. . PUNCT . punct 6
“ " PUNCT `` punct 10
Not not PART RB neg 10
one one NUM CD ROOT 10
. . PUNCT . punct 10
And and CCONJ CC cc 14
they they PRON PRP nsubj 14
expect expect VERB VBP ROOT 14
thanks thank NOUN NNS dobj 14
. . PUNCT . punct 14
” " PUNCT '' punct 14
""",
)


def test_a_quotation_goes_on_past_a_fragment_and_what_is_reported_inside_it_is_nested() -> None:
    by_id, claims = _claims(*QUOTATION_GOES_ON)
    said = next(c for c in claims if c.cue is not None and c.cue.text == "said")
    assert said.content.text.endswith("And they expect thanks.”")
    (inner,) = [c for c in claims if c.cue is not None and c.cue.text == "expect"]
    assert [by_id[s].text for s in inner.chain[1:]] == ["Torres", "they"]


A_CLAIM_DISMISSED = (
    "The rebels claimed to have taken the town, a claim the army dismissed.",
    """
The the DET DT det 1
rebels rebel NOUN NNS nsubj 2
claimed claim VERB VBD ROOT 2
to to PART TO aux 5
have have AUX VB aux 5
taken take VERB VBN xcomp 2
the the DET DT det 7
town town NOUN NN dobj 5
, , PUNCT , punct 7
a a DET DT det 10
claim claim NOUN NN appos 7
the the DET DT det 12
army army NOUN NN nsubj 13
dismissed dismiss VERB VBD relcl 10
. . PUNCT . punct 2
""",
)


def test_an_apposition_that_names_the_content_a_claim_is_the_texts_comment_not_the_claim() -> None:
    reports = _reports(A_CLAIM_DISMISSED)
    assert reports["claimed"] == ("The rebels", "to have taken the town")
    doc = build(*A_CLAIM_DISMISSED)
    assert [t.text for t in trim_tail(list(doc[3:14]))][-1] == "town"


BEFORE_A_COLON = (
    "The navy's denial came later: it said the ship was inside.",
    """
The the DET DT det 1
navy navy NOUN NN poss 3 B-ORG
's 's PART POS case 1
denial denial NOUN NN nsubj 4
came come VERB VBD ccomp 8
later later ADV RB advmod 4
: : PUNCT : punct 8
it it PRON PRP nsubj 8
said say VERB VBD ROOT 8
the the DET DT det 10
ship ship NOUN NN nsubj 11
was be AUX VBD ccomp 8
inside inside ADV RB advmod 11
. . PUNCT . punct 8
""",
)


def test_a_clause_before_a_colon_is_no_part_of_what_is_said_after_it() -> None:
    assert _reports(BEFORE_A_COLON)["said"] == ("it", "the ship was inside")


INTERVIEW_TWO_REPORTS = (
    "In an interview with the BBC, Harris said it was safe and denied that jobs would go.",
    """
In in ADP IN prep 8
an an DET DT det 2
interview interview NOUN NN pobj 0
with with ADP IN prep 2
the the DET DT det 5
BBC BBC PROPN NNP pobj 3 B-ORG
, , PUNCT , punct 8
Harris Harris PROPN NNP nsubj 8 B-PERSON
said say VERB VBD ROOT 8
it it PRON PRP nsubj 10
was be AUX VBD ccomp 8
safe safe ADJ JJ acomp 10
and and CCONJ CC cc 8
denied deny VERB VBD conj 8
that that SCONJ IN mark 17
jobs job NOUN NNS nsubj 17
would would AUX MD aux 17
go go VERB VB ccomp 13
. . PUNCT . punct 8
""",
)


def test_both_reports_of_one_interview_pass_through_the_outlet() -> None:
    by_id, claims = _claims(*INTERVIEW_TWO_REPORTS)
    chains = {c.cue.text: [by_id[s].text for s in c.chain[1:]] for c in claims if c.cue is not None}
    assert chains == {"said": ["the BBC", "Harris"], "denied": ["the BBC", "Harris"]}
