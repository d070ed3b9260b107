"""Unit tests of how attribution cuts its spans the PolNeAR way, on hand-built parsed Docs."""

from __future__ import annotations

from handbuilt import NLP, build

from claimgraph.analyze.attribution import Attributor, _trim_source
from claimgraph.analyze.entities import EntityLinker
from claimgraph.analyze.spans import char_range, span_of

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
