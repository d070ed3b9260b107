"""Unit tests of the event component on hand-built parsed Docs."""

from __future__ import annotations

from handbuilt import NLP, build_many

from claimgraph.analyze.attribution import Attributor
from claimgraph.analyze.entities import EntityLinker
from claimgraph.analyze.events import EventFinder
from claimgraph.analyze.time import TimeTagger

ARREST = (
    "Police arrested Tomas Ferrer in Lisbon.",
    """
Police Police NOUN NNS nsubj 1
arrested arrest VERB VBD ROOT 1
Tomas Tomas PROPN NNP compound 3 B-PERSON
Ferrer Ferrer PROPN NNP dobj 1 I-PERSON
in in ADP IN prep 1
Lisbon Lisbon PROPN NNP pobj 4 B-GPE
. . PUNCT . punct 1
""",
)
TALKS = (
    "Elena Brandt held talks with Tomas Ferrer.",
    """
Elena Elena PROPN NNP compound 1 B-PERSON
Brandt Brandt PROPN NNP nsubj 2 I-PERSON
held hold VERB VBD ROOT 2
talks talk NOUN NNS dobj 2
with with ADP IN prep 3
Tomas Tomas PROPN NNP compound 6 B-PERSON
Ferrer Ferrer PROPN NNP pobj 4 I-PERSON
. . PUNCT . punct 2
""",
)


def events(*parts):
    doc = build_many(list(parts))
    for component in (EntityLinker(NLP), Attributor(NLP), EventFinder(NLP)):
        doc = component(doc)
    names = {e.id: e.name for e in doc._.cg_entities}
    return doc, names


def test_events_arrest_is_coerce_with_recipient_and_place():
    doc, names = events(ARREST)
    [ev] = doc._.cg_events
    assert (ev.type, ev.cameo, ev.trigger.text) == ("COERCE", "17", "arrested")
    assert [names[r] for r in ev.recipients] == ["Tomas Ferrer"]
    assert [names[w] for w in ev.where] == ["Lisbon"]


def test_events_light_verb_talks_are_consult_between_subject_and_with():
    doc, names = events(TALKS)
    [ev] = doc._.cg_events
    assert ev.type == "CONSULT"
    assert [names[a] for a in ev.actors] == ["Elena Brandt"]
    assert [names[r] for r in ev.recipients] == ["Tomas Ferrer"]


def test_events_are_linked_to_the_claim_that_carries_them():
    doc, _ = events(ARREST, TALKS)
    claims = doc._.cg_attribution[1]
    for ev in doc._.cg_events:
        [claim] = [c for c in claims if c.id == ev.claim]
        assert claim.content.start <= ev.trigger.start < claim.content.end


HEADLINE = (
    "Officials held talks with Tomas Ferrer months before his capture.",
    """
Officials official NOUN NNS nsubj 1
held hold VERB VBD ROOT 1
talks talk NOUN NNS dobj 1
with with ADP IN prep 2
Tomas Tomas PROPN NNP compound 5 B-PERSON
Ferrer Ferrer PROPN NNP pobj 3 I-PERSON
months month NOUN NNS npadvmod 7 B-DATE
before before ADP IN prep 1
his his PRON PRP$ poss 9
capture capture NOUN NN pobj 7
. . PUNCT . punct 1
""",
)
OPERATION = (
    "The Valdorian operation that resulted in the capture of Tomas Ferrer was swift.",
    """
The the DET DT det 2
Valdorian valdorian ADJ JJ amod 2 B-NORP
operation operation NOUN NN nsubj 11
that that PRON WDT nsubj 4
resulted result VERB VBD relcl 2
in in ADP IN prep 4
the the DET DT det 7
capture capture NOUN NN pobj 5
of of ADP IN prep 7
Tomas Tomas PROPN NNP compound 10 B-PERSON
Ferrer Ferrer PROPN NNP pobj 8 I-PERSON
was be AUX VBD ROOT 11
swift swift ADJ JJ acomp 11
. . PUNCT . punct 11
""",
)
DATED = (
    "Talks intensified before the operation on January 3rd.",
    """
Talks talk NOUN NNS nsubj 1
intensified intensify VERB VBN ROOT 1
before before ADP IN prep 1
the the DET DT det 4
operation operation NOUN NN pobj 2
on on ADP IN prep 1
January January PROPN NNP compound 7 B-DATE
3rd 3rd NOUN NN pobj 5 I-DATE
. . PUNCT . punct 1
""",
)
NOT_ARRESTED = (
    "Police did not arrest Elena Brandt during the operation.",
    """
Police Police NOUN NNS nsubj 3
did do AUX VBD aux 3
not not PART RB neg 3
arrest arrest VERB VB ROOT 3
Elena Elena PROPN NNP compound 5 B-PERSON
Brandt Brandt PROPN NNP dobj 3 I-PERSON
during during ADP IN prep 3
the the DET DT det 8
operation operation NOUN NN pobj 6
. . PUNCT . punct 3
""",
)
DEMAND = (
    "Valdorian officials demanded that Ferrer refrain from attacking Brandt.",
    """
Valdorian valdorian ADJ JJ amod 1 B-NORP
officials official NOUN NNS nsubj 2
demanded demand VERB VBD ROOT 2
that that SCONJ IN mark 5
Ferrer Ferrer PROPN NNP nsubj 5 B-PERSON
refrain refrain VERB VB ccomp 2
from from ADP IN prep 5
attacking attack VERB VBG pcomp 6
Brandt Brandt PROPN NNP dobj 7 B-PERSON
. . PUNCT . punct 2
""",
)
IF_DEPLOY = (
    "If Ferrer had decided to deploy the forces he controls, Brandt could have fallen.",
    """
If if SCONJ IN mark 3
Ferrer Ferrer PROPN NNP nsubj 3 B-PERSON
had have AUX VBD aux 3
decided decide VERB VBN advcl 14
to to PART TO aux 5
deploy deploy VERB VB xcomp 3
the the DET DT det 7
forces force NOUN NNS dobj 5
he he PRON PRP nsubj 9
controls control VERB VBZ relcl 7
, , PUNCT , punct 14
Brandt Brandt PROPN NNP nsubj 14 B-PERSON
could could AUX MD aux 14
have have AUX VB aux 14
fallen fall VERB VBN ROOT 14
. . PUNCT . punct 14
""",
)
AIMS = (
    "Brandt aims to negotiate with Ferrer rather than with Pablo Ruiz.",
    """
Brandt Brandt PROPN NNP nsubj 1 B-PERSON
aims aim VERB VBZ ROOT 1
to to PART TO aux 3
negotiate negotiate VERB VB xcomp 1
with with ADP IN prep 3
Ferrer Ferrer PROPN NNP pobj 4 B-PERSON
rather rather ADV RB advmod 7
than than ADP IN cc 3
with with ADP IN prep 3
Pablo Pablo PROPN NNP compound 10 B-PERSON
Ruiz Ruiz PROPN NNP pobj 8 I-PERSON
. . PUNCT . punct 1
""",
)
APPOSED = (
    "Brandt met Tomas Ferrer, interior minister of Valdoria, on Monday.",
    """
Brandt Brandt PROPN NNP nsubj 1 B-PERSON
met meet VERB VBD ROOT 1
Tomas Tomas PROPN NNP compound 3 B-PERSON
Ferrer Ferrer PROPN NNP dobj 1 I-PERSON
, , PUNCT , punct 3
interior interior ADJ JJ amod 6
minister minister NOUN NN appos 3
of of ADP IN prep 6
Valdoria Valdoria PROPN NNP pobj 7 B-GPE
, , PUNCT , punct 3
on on ADP IN prep 1
Monday Monday PROPN NNP pobj 10 B-DATE
. . PUNCT . punct 1
""",
)


def analysed(*parts, published="2026-01-17"):
    doc = build_many(list(parts), published=published)
    for component in (EntityLinker(NLP), TimeTagger(NLP), Attributor(NLP), EventFinder(NLP)):
        doc = component(doc)
    names = {e.id: e.name for e in doc._.cg_entities}
    times = {t.id: t.value for t in doc._.cg_times}
    return doc, names, times


def test_events_mentions_of_one_happening_are_linked_and_share_its_date():
    doc, names, times = analysed(HEADLINE, OPERATION, DATED)
    captures = [ev for ev in doc._.cg_events if ev.trigger.text == "capture"]
    operations = [ev for ev in doc._.cg_events if ev.trigger.text == "operation"]
    assert len(captures) == 2 and len(operations) == 2
    first = captures[0]
    for ev in captures + operations:
        assert ev.type == "COERCE"
        assert times[ev.when] == "2026-01-03"
        assert [names[r] for r in ev.recipients] == ["Tomas Ferrer"]
        assert ev.same_as == (None if ev is first else first.id)
    talks = next(ev for ev in doc._.cg_events if ev.trigger.text == "talks")
    assert talks.type == "CONSULT" and talks.same_as is None


def test_events_negated_event_is_marked_and_not_linked():
    doc, names, _ = analysed(OPERATION, NOT_ARRESTED)
    arrest = next(ev for ev in doc._.cg_events if ev.trigger.text == "arrest")
    assert (arrest.type, arrest.negated, arrest.same_as) == ("COERCE", True, None)
    assert [names[r] for r in arrest.recipients] == ["Elena Brandt"]


def test_events_demand_has_the_subject_of_what_it_demands_as_recipient():
    doc, names, _ = analysed(DEMAND)
    demand, attack = doc._.cg_events
    assert demand.type == "REQUEST" and [names[r] for r in demand.recipients] == ["Ferrer"]
    assert [names[a] for a in demand.actors] == ["Valdorian"]
    # What was demanded is to refrain from it: not done, wanted not done.
    assert (attack.type, attack.negated, attack.mode) == ("ASSAULT", True, "intended")
    assert [names[a] for a in attack.actors] == ["Ferrer"]


def test_events_mode_conditional_and_intended():
    doc, names, _ = analysed(IF_DEPLOY, AIMS)
    deploy = next(ev for ev in doc._.cg_events if ev.trigger.text == "deploy")
    assert (deploy.type, deploy.mode, [names[a] for a in deploy.actors]) == (
        "MOBILIZE",
        "conditional",
        ["Ferrer"],
    )
    negotiate = next(ev for ev in doc._.cg_events if ev.trigger.text == "negotiate")
    assert (negotiate.mode, [names[a] for a in negotiate.actors]) == ("intended", ["Brandt"])
    assert [names[r] for r in negotiate.recipients] == ["Ferrer"]  # not "rather than with" Ruiz


def test_events_recipient_is_the_name_not_its_apposition_and_time_is_its_own():
    doc, names, times = analysed(APPOSED, published="2026-01-17")
    [meet] = doc._.cg_events
    assert [names[r] for r in meet.recipients] == ["Tomas Ferrer"]
    assert times[meet.when] == "2026-01-12"
