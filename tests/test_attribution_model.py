"""Tests of the learnt attribution tagger: decoding, features, saving and loading, and that the
rules run alone when its weights are absent (no PolNeAR data needed, no network)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from handbuilt import NLP, build

from claimgraph.analyze import attribution_model as am
from claimgraph.analyze.attribution import Attributor
from claimgraph.analyze.entities import EntityLinker

SAID = (
    "The minister said that the dam would close.",
    """
The the DET DT det 1
minister minister NOUN NN nsubj 2
said say VERB VBD ROOT 2
that that SCONJ IN mark 7
the the DET DT det 5
dam dam NOUN NN nsubj 7
would would AUX MD aux 7
close close VERB VB ccomp 2
. . PUNCT . punct 2
""",
)


def _doc():
    doc = build(*SAID)
    return EntityLinker(NLP)(doc)


def _tags(*names: str) -> list[int]:
    return [am.TAGS.index(n) for n in names]


def test_viterbi_never_opens_with_inside_tags() -> None:
    logp = np.log(np.full((4, len(am.TAGS)), 0.01))
    for i, t in enumerate(_tags("I-CUE", "I-CUE", "O", "I-CON")):
        logp[i, t] = np.log(0.9)
    out = am.viterbi(logp)
    for prev, cur in zip([0, *out[:-1]], out, strict=True):
        if am.TAGS[cur].startswith("I-"):
            assert am.TAGS[prev][2:] == am.TAGS[cur][2:]


def test_viterbi_keeps_a_well_formed_sequence() -> None:
    wanted = _tags("B-SRC", "I-SRC", "B-CUE", "B-CON", "I-CON", "O")
    logp = np.log(np.full((len(wanted), len(am.TAGS)), 0.01))
    logp[np.arange(len(wanted)), wanted] = np.log(0.9)
    assert list(am.viterbi(logp)) == wanted


def test_paragraphs_cover_the_document_and_cut_at_breaks() -> None:
    space = np.zeros(10, dtype=bool)
    space[3] = True
    chunks = am.paragraphs(space, longest=4)
    assert chunks[0] == (0, 4)
    assert [i for a, b in chunks for i in range(a, b)] == list(range(10))
    assert all(b - a <= 4 for a, b in chunks)


def test_features_have_one_row_per_token_and_see_the_rules() -> None:
    doc = _doc()
    found = Attributor(NLP).find(doc, refine=False)
    x = am.features(doc, found)
    assert x.shape == (len(doc), am.BASE * (2 * am.WINDOW + 1))
    own = x[:, am.WINDOW * am.BASE : (am.WINDOW + 1) * am.BASE]
    rule = own[:, am.TENSOR : am.TENSOR + len(am.TAGS)].argmax(axis=1)
    assert am.TAGS[rule[2]] == "B-CUE"  # "said"
    assert am.TAGS[rule[0]] == "B-SRC" and am.TAGS[rule[3]] == "B-CON"


def test_weights_survive_saving_and_loading(tmp_path) -> None:
    model = am.build(am.BASE * (2 * am.WINDOW + 1), 8)
    x = np.random.default_rng(0).random((6, am.BASE * (2 * am.WINDOW + 1))).astype(np.float32)
    model.initialize(X=[x])
    weights = am.Weights(np.zeros(x.shape[1], np.float32), np.ones(x.shape[1], np.float32), model)
    path = tmp_path / "tagger.npz"
    weights.save(path)
    loaded = am.load(str(path))
    assert loaded is not None
    breaks = np.zeros(len(x), dtype=bool)
    np.testing.assert_allclose(loaded.logprobs(x, breaks), weights.logprobs(x, breaks), atol=1e-5)


def test_missing_weights_leave_the_rules_alone(monkeypatch, tmp_path) -> None:
    assert am.load(str(tmp_path / "absent.npz")) is None
    monkeypatch.setattr(am, "load", lambda path=None: None)
    attributor = Attributor(NLP)
    assert attributor.weights is None
    doc = _doc()
    found = attributor.find(doc)
    assert [doc.text[slice(*f.content)] for f in found] == ["that the dam would close"]


def test_hand_built_docs_without_vectors_get_the_rules_alone() -> None:
    doc = _doc()
    assert not am.has_tensor(doc)
    attributor = Attributor(NLP)
    plain = [(f.content, f.cue) for f in attributor.find(doc, refine=False)]
    assert [(f.content, f.cue) for f in attributor.find(doc)] == plain


@pytest.mark.skipif(
    am.load() is None, reason="the tagger's weights are not installed (training/attribution.py)"
)
def test_shipped_weights_refine_a_parsed_article() -> None:
    spacy = pytest.importorskip("spacy")
    try:
        from claimgraph.analyze.pipeline import load_pipeline

        nlp = load_pipeline(components=("claimgraph_entities", "claimgraph_attribution"))
    except Exception as exc:  # noqa: BLE001 - the model package is optional here
        pytest.skip(f"the spaCy model is not installed ({exc})")
    assert spacy is not None
    doc = nlp('"We will not close it," the minister said on Monday, according to two officials.')
    assert am.has_tensor(doc)
    sources, claims = doc._.cg_attribution
    assert any(c.cue is not None and "said" in c.cue.text for c in claims)


def test_tagged_spans_that_stop_inside_a_phrase_are_left_out() -> None:
    doc = _doc()  # The minister said that the dam would close .
    tags = np.array(_tags("B-SRC", "I-SRC", "B-CUE", "B-CON", "I-CON", "O", "O", "O", "O"))
    assert [r for r, _, _ in am.spans_of(tags, doc)] == ["source", "cue"]  # "that the" is cut short
    tags = np.array(_tags("B-SRC", "I-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "I-CON", "I-CON"))
    spans = am.spans_of(tags, doc)
    assert [doc.text[s:e] for _, s, e in spans] == ["The minister", "said", "that the dam would close"]


def test_the_benchmark_can_put_other_learnt_files_in_place(tmp_path, monkeypatch) -> None:
    """benchmarks/polnear.py --weights none / --cues FILE (held-out tuning) reach the component."""
    from claimgraph.analyze import frames

    root = Path(__file__).resolve().parent.parent
    monkeypatch.syspath_prepend(str(root / "benchmarks"))
    monkeypatch.setattr(am, "load", am.load)
    monkeypatch.setattr(frames, "learnt", frames.learnt)
    monkeypatch.setattr(am, "_cue_counts", am._cue_counts)
    import polnear

    cues = tmp_path / "cues.tsv"
    cues.write_text("# lemma\tpos\tframe\tcues\tseen\trate\nshout\tVERB\tccomp\t9\t10\t0.9\n", encoding="utf-8")
    polnear.use_learnt("none", cues)
    assert am.load() is None
    assert frames.learnt() == {("shout", "VERB"): {"ccomp": 0.9}}
    assert am._cue_counts() == {("shout", "VERB", "ccomp"): 9}
    assert Attributor(NLP).weights is None
    doc = EntityLinker(NLP)(build(*SAID))
    assert any(f.cue is not None for f in Attributor(NLP).find(doc))
    sys.modules.pop("attribution", None)  # training/attribution.py, imported by use_learnt


def test_tagged_cue_frames_are_known_by_rate_or_by_gold_count() -> None:
    """A frame with a low rate but many gold cues is taken ("be"/ccomp), one with a low rate and
    few cues is not ("mark"/dobj: "They mark a sharp turn for the minister")."""
    assert am._known_frame("say", "VERB", "ccomp")
    assert am._known_frame("be", "AUX", "ccomp")
    assert not am._known_frame("mark", "VERB", "dobj")


def test_weights_of_another_feature_width_leave_the_rules_alone(tmp_path) -> None:
    model = am.build(10, 8)
    model.initialize(X=[np.zeros((3, 10), dtype=np.float32)])
    stale = am.Weights(np.zeros(10, dtype=np.float32), np.ones(10, dtype=np.float32), model)
    stale.save(tmp_path / "stale.npz")
    with pytest.warns(UserWarning, match="do not fit"):
        assert am.load(str(tmp_path / "stale.npz")) is None


RELATIVE = (
    "Castellar, who refused to talk, left.",
    """
Castellar Castellar PROPN NNP nsubj 7
, , PUNCT , punct 0
who who PRON WP nsubj 3
refused refuse VERB VBD relcl 0
to to PART TO aux 5
talk talk VERB VB xcomp 3
, , PUNCT , punct 0
left leave VERB VBD ROOT 7
. . PUNCT . punct 7
""",
)


def test_a_relative_pronoun_source_stands_for_the_noun_its_clause_hangs_on() -> None:
    doc = build(*RELATIVE)
    refused = doc[3]
    cue = (refused.idx, refused.idx + len(refused.text))
    about = am._antecedent(doc, cue, doc[2:3])
    assert about is not None and about.text == "Castellar"
    left = doc[7]
    assert am._antecedent(doc, (left.idx, left.idx + 4), doc[0:1]) is None


def _random_weights(width: int, hidden: int = 8) -> am.Weights:
    model = am.build(width, hidden)
    model.initialize(X=[np.zeros((3, width), dtype=np.float32)])
    rng = np.random.default_rng(1)
    return am.Weights(rng.random(width).astype(np.float32), rng.random(width).astype(np.float32), model)


def test_a_batch_of_documents_gets_the_log_probabilities_of_each_alone() -> None:
    width = am.BASE * (2 * am.WINDOW + 1)
    weights = _random_weights(width)
    rng = np.random.default_rng(2)
    xs = [rng.random((n, width)).astype(np.float32) for n in (7, 0, 12, 1)]
    breaks = [np.zeros(len(x), dtype=bool) for x in xs]
    breaks[2][5] = True  # a paragraph break inside the third document
    together = weights.logprobs_many(xs, breaks)
    assert [len(p) for p in together] == [7, 0, 12, 1]
    for x, b, p in zip(xs, breaks, together, strict=True):
        np.testing.assert_allclose(p, weights.logprobs(x, b), atol=1e-5)


def test_pipe_annotates_a_batch_as_one_document_at_a_time() -> None:
    try:
        from claimgraph.analyze.pipeline import load_pipeline

        nlp = load_pipeline(components=("claimgraph_entities", "claimgraph_attribution"))
    except Exception as exc:  # noqa: BLE001 - the model package is optional here
        pytest.skip(f"the spaCy model is not installed ({exc})")
    texts = [
        '"We will not close it," the minister said on Monday, according to two officials.',
        "",
        "The dam is closed. Officials said that the river had flooded the town, Reuters reported.",
        "Nothing was said.",
    ]
    attributor = nlp.get_pipe("claimgraph_attribution")
    with nlp.select_pipes(disable=["claimgraph_attribution"]):
        docs = list(nlp.pipe(texts))

    def claims(doc):  # type: ignore[no-untyped-def]
        return [(c.cue and c.cue.text, c.content.text, c.status) for c in doc._.cg_attribution[1]]

    alone = [claims(attributor(doc)) for doc in docs]
    assert [claims(doc) for doc in attributor.pipe(docs, batch_size=3)] == alone
    assert any(alone)


def test_a_tagged_cue_over_two_coordinated_verbs_is_not_one_cue() -> None:
    doc = build(
        "She welcomed it but accused him.",
        """
She she PRON PRP nsubj 1
welcomed welcome VERB VBD ROOT 1
it it PRON PRP dobj 1
but but CCONJ CC cc 1
accused accuse VERB VBD conj 1
him he PRON PRP dobj 4
. . PUNCT . punct 1
""",
    )
    assert am._two_verbs(doc, (4, 27))  # "welcomed it but accused"
    assert not am._two_verbs(doc, (20, 27))  # "accused"


def test_a_tagged_cue_that_takes_in_whom_one_tells_keeps_the_rules_cue() -> None:
    doc = build(
        "Sanders tells reporters on Monday that he won.",
        """
Sanders Sanders PROPN NNP nsubj 1 B-PERSON
tells tell VERB VBZ ROOT 1
reporters reporter NOUN NNS dobj 1
on on ADP IN prep 1
Monday Monday PROPN NNP pobj 3 B-DATE
that that SCONJ IN mark 8
he he PRON PRP nsubj 8
won win VERB VBD ccomp 1
. . PUNCT . punct 1
""",
    )
    tells = (8, 13)
    assert am._takes_hearer(doc, tells, (8, 23))  # "tells reporters"
    assert not am._takes_hearer(doc, tells, (8, 13))
    assert not am._takes_hearer(doc, (24, 33), (24, 33))  # a day is no hearer


def test_a_candidate_content_that_ends_inside_a_phrase_or_clause_is_broken() -> None:
    text = "He criticized Trump for alienating Hispanics, which he regrets."
    doc = build(
        text,
        """
He he PRON PRP nsubj 1
criticized criticize VERB VBD ROOT 1
Trump Trump PROPN NNP dobj 1 B-PERSON
for for ADP IN prep 1
alienating alienate VERB VBG pcomp 3
Hispanics Hispanics PROPN NNPS dobj 4 B-NORP
, , PUNCT , punct 5
which which PRON WDT dobj 9
he he PRON PRP nsubj 9
regrets regret VERB VBZ relcl 5
. . PUNCT . punct 1
""",
    )

    def upto(word: str) -> tuple[int, int]:
        return (text.index("Trump"), text.index(word) + len(word))

    assert am._broken(doc, upto("alienating"))  # its object left out
    assert am._broken(doc, upto("which"))  # a relative pronoun without its clause
    assert am._broken(doc, upto("he"))  # a subject without its verb
    assert not am._broken(doc, upto("Hispanics"))
    assert not am._broken(doc, upto("regrets"))


def test_training_reads_cached_features_with_every_annotators_tags(tmp_path, capsys) -> None:
    """training/attribution.py from a feature cache: the left-out articles are scored on their
    first annotator's tags, the others trained on every annotator's with --annotators."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
    import attribution as training

    rng = np.random.default_rng(0)
    width = am.BASE * (2 * am.WINDOW + 1)

    def article(n: int) -> np.ndarray:
        x = rng.normal(size=(n, width)).astype(np.float32)
        x[:, am.WINDOW * am.BASE + am.BASE - am.N_FLAGS + 5] = 0.0  # no whitespace tokens
        return x

    tags = np.array([0, 1, 2, 3, 5, 6, 6, 0])
    arrays = {"x0": article(8), "y0_0": tags, "x1": article(8), "y1_0": tags, "y1_1": np.zeros(8, np.int64)}
    cache = tmp_path / "features.npz"
    np.savez(cache, n=2, **arrays)
    out = tmp_path / "weights.npz"
    args = ["--data", str(tmp_path), "--cache", str(cache), "--skip", "1", "--epochs", "1", "--out", str(out)]
    assert training.main([*args, "--annotators"]) == 0
    assert "left-out articles" in capsys.readouterr().out
    weights = am.load(str(out))
    assert weights is not None and weights.logprobs(arrays["x0"], np.zeros(8, bool)).shape == (8, len(am.TAGS))
    sys.modules.pop("attribution", None)


def test_a_tagged_cue_that_ends_with_a_preposition_of_its_setting_is_refused() -> None:
    doc = build(
        "Lacroix said in an interview that he called for calm.",
        """
Lacroix Lacroix PROPN NNP nsubj 1 B-PERSON
said say VERB VBD ROOT 1
in in ADP IN prep 1
an an DET DT det 4
interview interview NOUN NN pobj 2
that that SCONJ IN mark 7
he he PRON PRP nsubj 7
called call VERB VBD ccomp 1
for for ADP IN prep 7
calm calm NOUN NN pobj 8
. . PUNCT . punct 1
""",
    )
    assert am._ends_in_setting(doc, (8, 15))  # "said in"
    assert not am._ends_in_setting(doc, (8, 30))  # "said in an interview"
    assert not am._ends_in_setting(doc, (39, 49))  # "called for"


def test_the_folded_first_layer_gives_the_windowed_networks_log_probabilities() -> None:
    """Inference applies the first layer to each offset of the window, the normalisation folded
    into its weights; training feeds the windowed matrix. Both must give the same output."""
    rng = np.random.default_rng(1)
    width = am.BASE * (2 * am.WINDOW + 1)
    model = am.build(width, 8)
    model.initialize(X=[np.zeros((3, width), dtype=np.float32)])
    weights = am.Weights(
        rng.normal(size=width).astype(np.float32), rng.uniform(0.5, 2, size=width).astype(np.float32), model
    )
    bases = [rng.normal(size=(n, am.BASE)).astype(np.float32) for n in (1, 2, 7, 30)]
    spaces = [np.zeros(len(b), dtype=bool) for b in bases]
    spaces[3][[5, 17]] = True  # three paragraphs
    windowed = weights.logprobs_many([am.window(b) for b in bases], spaces)
    folded = weights.logprobs_base_many(bases, spaces)
    for a, b in zip(windowed, folded, strict=True):
        assert a.shape == b.shape and np.allclose(a, b, atol=1e-4)


def test_a_tagged_cue_with_a_subject_of_its_own_is_not_linked_to_the_main_clauses() -> None:
    text = "Castellar met Quiroga before the ceasefire was signed and said so."
    doc = build(
        text,
        """
Castellar Castellar PROPN NNP nsubj 1 B-PERSON
met meet VERB VBD ROOT 1
Quiroga Quiroga PROPN NNP dobj 1 B-PERSON
before before SCONJ IN mark 7
the the DET DT det 5
ceasefire ceasefire NOUN NN nsubjpass 7
was be AUX VBD auxpass 7
signed sign VERB VBN advcl 1
and and CCONJ CC cc 1
said say VERB VBD conj 1
so so ADV RB advmod 9
. . PUNCT . punct 1
""",
    )
    castellar = doc[0:1]
    signed = (text.index("was"), text.index("signed") + len("signed"))
    said = (text.index("said"), text.index("said") + 4)
    assert not am._linked(doc, signed, castellar)
    assert am._linked(doc, said, castellar)  # a conjunct without a subject shares the main one


def test_a_candidate_content_that_leaves_out_the_time_right_after_its_last_word_is_broken() -> None:
    text = "talks before the ceasefire announced last month"
    doc = build(
        text,
        """
talks talk NOUN NNS ROOT 0
before before ADP IN prep 0
the the DET DT det 3
ceasefire ceasefire NOUN NN pobj 1
announced announce VERB VBN acl 3
last last ADJ JJ amod 6 B-DATE
month month NOUN NN npadvmod 4 I-DATE
""",
    )
    assert am._broken(doc, (0, text.index(" last")))
    assert not am._broken(doc, (0, len(text)))


VOTE_FOR = (
    "Among Republicans, 27 percent would vote for Trump.",
    """
Among among ADP IN prep 6
Republicans Republicans PROPN NNPS pobj 0 B-NORP
, , PUNCT , punct 6
27 27 NUM CD nummod 4 B-PERCENT
percent percent NOUN NN nsubj 6 I-PERCENT
would would AUX MD aux 6
vote vote VERB VB ROOT 6
for for ADP IN prep 6
Trump Trump PROPN NNP pobj 7 B-PERSON
. . PUNCT . punct 6
""",
)


def test_a_tagged_cue_without_tagged_source_or_content_takes_them_from_the_parse() -> None:
    doc = build(*VOTE_FOR)
    text = VOTE_FOR[0]
    cue = (text.index("would"), text.index("for") + 3)
    source = am._parsed_source(doc, cue)
    assert source is not None and source.text == "27 percent"
    assert am._parsed_content(doc, cue, []) == (text.index("Trump"), text.index("Trump") + 5)
    # a content another attribution already holds is not taken twice
    assert am._parsed_content(doc, cue, [(text.index("Trump"), len(text))]) is None
    # a cue whose verb has no subject in reach has no parsed source
    among = (0, 5)
    assert am._parsed_source(doc, among) is None


def test_a_candidate_content_may_run_past_its_source_but_not_end_in_it() -> None:
    text = "“We lost,” Ramos, 58, told AFP, “and badly.”"
    ramos = (text.index("Ramos"), text.index("Ramos") + 5)
    assert am._edge_in((0, ramos[1]), ramos)  # "“We lost,” Ramos"
    assert am._edge_in((ramos[0], len(text)), ramos)
    assert not am._edge_in((0, len(text)), ramos)  # “A,” he said, “B.”: the hull runs past him
    assert not am._edge_in((0, text.index(",”") + 2), ramos)


def test_a_parsed_source_is_never_a_passive_subject_nor_an_expletive() -> None:
    doc = build(
        "No casualties were reported.",
        """
No no DET DT det 1
casualties casualty NOUN NNS nsubjpass 3
were be AUX VBD auxpass 3
reported report VERB VBN ROOT 3
. . PUNCT . punct 3
""",
    )
    assert am._parsed_source(doc, (17, 30)) is None  # "were reported": the casualties said nothing
    doc = build(
        "It is not clear whether he left.",
        """
It it PRON PRP nsubj 1
is be AUX VBZ ROOT 1
not not PART RB neg 1
clear clear ADJ JJ acomp 1
whether whether SCONJ IN mark 6
he he PRON PRP nsubj 6
left leave VERB VBD ccomp 1
. . PUNCT . punct 1
""",
    )
    assert am._parsed_source(doc, (3, 15)) is None


def test_a_tagged_cue_that_drops_the_rules_medium_is_refused() -> None:
    text = "Lacroix said in a telephone interview that he was innocent."
    doc = build(
        text,
        """
Lacroix Lacroix PROPN NNP nsubj 1 B-PERSON
said say VERB VBD ROOT 1
in in ADP IN prep 1
a a DET DT det 5
telephone telephone NOUN NN compound 5
interview interview NOUN NN pobj 2
that that SCONJ IN mark 9
he he PRON PRP nsubj 9
was be AUX VBD ccomp 1
innocent innocent ADJ JJ acomp 9
. . PUNCT . punct 1
""",
    )
    rule = (8, text.index("interview") + len("interview"))
    assert am._drops_medium(doc, rule, (8, 12))  # "said"
    assert not am._drops_medium(doc, rule, rule)


def test_a_candidate_content_does_not_grow_back_over_its_cue_to_whether() -> None:
    text = "It is not clear whether prosecutors will ask a judge to annul it."
    doc = build(
        text,
        """
It it PRON PRP nsubj 1
is be AUX VBZ ROOT 1
not not PART RB neg 1
clear clear ADJ JJ acomp 1
whether whether SCONJ IN mark 8
prosecutors prosecutor NOUN NNS nsubj 8
will will AUX MD aux 8
ask ask VERB VB ccomp 1
a a DET DT det 10
judge judge NOUN NN dobj 8
to to PART TO aux 12
annul annul VERB VB xcomp 8
it it PRON PRP dobj 12
. . PUNCT . punct 1
""",
    )
    cue = (text.index("will"), text.index("ask") + 3)
    rules = (text.index("a judge"), len(text) - 1)
    assert am._grows_back(doc, (text.index("whether"), len(text) - 1), rules, cue)
    assert not am._grows_back(doc, (text.index("prosecutors"), len(text) - 1), rules, cue)
    assert not am._grows_back(doc, rules, rules, cue)


def test_a_candidate_content_does_not_run_on_over_the_occasion_of_its_cue() -> None:
    text = "Naviera rejected the accusations as false in a statement."
    doc = build(
        text,
        """
Naviera Naviera PROPN NNP nsubj 1 B-ORG
rejected reject VERB VBD ROOT 1
the the DET DT det 3
accusations accusation NOUN NNS dobj 1
as as ADV RB prep 1
false false ADJ JJ amod 4
in in ADP IN prep 1
a a DET DT det 8
statement statement NOUN NN pobj 6
. . PUNCT . punct 1
""",
    )
    cue = (8, 16)  # "rejected"
    rule = (17, text.index(" in a"))  # "the accusations as false"
    tagged = (17, text.index("."))
    assert doc.text[slice(*rule)] == "the accusations as false"
    assert am._takes_occasion(doc, tagged, rule, cue)
    assert not am._takes_occasion(doc, rule, rule, cue)
    assert not am._takes_occasion(doc, (17, text.index(" as")), rule, cue)  # a shorter one


RELATIVE_WITH_PHRASE = (
    "Castellar, who as governor refused to talk, left.",
    """
Castellar Castellar PROPN NNP nsubj 9 B-PERSON
, , PUNCT , punct 0
who who PRON WP nsubj 5
as as ADP IN prep 5
governor governor NOUN NN pobj 3
refused refuse VERB VBD relcl 0
to to PART TO aux 7
talk talk VERB VB xcomp 5
, , PUNCT , punct 0
left leave VERB VBD ROOT 9
. . PUNCT . punct 9
""",
)


def _refined(doc, *tag_names: str) -> list:
    """Return the attributions with a cue after merging the rules' with the given tagging."""
    found = Attributor(NLP).find(doc, refine=False)
    tags = np.array(_tags(*tag_names))
    logp = np.log(np.full((len(doc), len(am.TAGS)), 0.01))
    logp[np.arange(len(doc)), tags] = np.log(0.9)
    return [f for f in am.refine(doc, found, (logp, tags)) if f.cue is not None]


def test_a_tagged_relative_pronoun_source_is_the_pronoun_alone() -> None:
    doc = EntityLinker(NLP)(build(*RELATIVE_WITH_PHRASE))
    new = _refined(doc, "O", "O", "B-SRC", "I-SRC", "I-SRC", "B-CUE", "B-CON", "I-CON", "O", "O", "O")
    assert [(f.source.text if f.source is not None else None, doc.text[slice(*f.content)]) for f in new] == [
        ("who", "to talk")
    ]
    assert new[0].info.kind == "person"


ADJUNCT_CONTENT = (
    "Contacts have continued following the capture of the dictator.",
    """
Contacts contact NOUN NNS nsubj 2
have have AUX VBP aux 2
continued continue VERB VBN ROOT 2
following follow VERB VBG xcomp 2
the the DET DT det 5
capture capture NOUN NN dobj 3
of of ADP IN prep 5
the the DET DT det 8
dictator dictator NOUN NN pobj 6
. . PUNCT . punct 2
""",
)


def test_a_tagged_cue_whose_content_is_a_phrase_of_time_makes_no_claim() -> None:
    doc = EntityLinker(NLP)(build(*ADJUNCT_CONTENT))
    assert _refined(doc, "B-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "I-CON", "I-CON", "O") == []
    assert am._adjunct(doc, (doc[3].idx, len(doc.text) - 1))
    assert am._adjunct(doc, (doc[4].idx, len(doc.text) - 1))  # the object of "following"
    assert _refined(doc, "B-SRC", "B-CUE", "I-CUE", "O", "B-CON", "I-CON", "I-CON", "I-CON", "I-CON", "O") == []
    assert not am._adjunct(doc, (doc[6].idx, len(doc.text) - 1))


PASSIVE_DENIAL = (
    "Garcia's claim that the election was stolen has been rejected by the courts.",
    """
Garcia Garcia PROPN NNP poss 2 B-PERSON
's 's PART POS case 0
claim claim NOUN NN nsubjpass 10
that that SCONJ IN mark 7
the the DET DT det 5
election election NOUN NN nsubjpass 7
was be AUX VBD auxpass 7
stolen steal VERB VBN acl 2
has have AUX VBZ aux 10
been be AUX VBN auxpass 10
rejected reject VERB VBN ROOT 10
by by ADP IN agent 10
the the DET DT det 13
courts court NOUN NNS pobj 11
. . PUNCT . punct 10
""",
)


def test_a_content_takes_no_boundary_inside_its_own_cue() -> None:
    doc = EntityLinker(NLP)(build(*PASSIVE_DENIAL))
    # the tagger runs the subject on into the passive cue; the rules' subject stands
    tagging = ["B-CON"] + ["I-CON"] * 10 + ["O", "B-SRC", "I-SRC", "O"]
    rejected = [f for f in _refined(doc, *tagging) if doc.text[slice(*f.cue)] == "has been rejected"]
    assert [doc.text[slice(*f.content)] for f in rejected] == ["Garcia's claim that the election was stolen"]


def test_the_rules_content_wins_a_close_call_with_the_taggers() -> None:
    doc = _doc()  # The minister said that the dam would close .
    n = len(doc)
    # the tagger leans a little to "the dam would close", a little less to "that the dam would close"
    p = np.full((n, len(am.TAGS)), 0.01)
    p[:3, 0] = 0.94
    p[3, 5], p[3, 0] = 0.45, 0.49
    p[4, 5], p[4, 6], p[4, 0] = 0.40, 0.35, 0.20
    p[5:8, 6] = 0.94
    p[8, 0] = 0.94
    logp = np.log(p / p.sum(axis=1, keepdims=True))
    score = am._Scorer(doc, logp)
    rules = (doc[3].idx, doc[7].idx + len(doc[7].text))
    tagger = (doc[4].idx, rules[1])
    assert score.best({rules, tagger}) == tagger
    assert score.best({rules, tagger}, prefer=rules) == rules
    assert score.best({rules, tagger}, prefer=tagger) == tagger


def test_a_noun_cues_content_does_not_run_on_over_the_verb_its_phrase_hangs_on() -> None:
    doc = EntityLinker(NLP)(build(*PASSIVE_DENIAL))
    # the tagger runs "that the election was stolen" on to the end of the sentence
    tagging = ["B-SRC", "I-SRC", "B-CUE"] + ["B-CON"] + ["I-CON"] * 10 + ["O"]
    claim = [f for f in _refined(doc, *tagging) if doc.text[slice(*f.cue)] == "claim"]
    assert [doc.text[slice(*f.content)] for f in claim] == ["that the election was stolen"]
    claim_cue = (doc[2].idx, doc[2].idx + len("claim"))
    assert am._takes_governor(doc, (doc[3].idx, doc[13].idx + len("courts")), claim_cue)
    assert not am._takes_governor(doc, (doc[3].idx, doc[7].idx + len("stolen")), claim_cue)
    rejected = (doc[8].idx, doc[10].idx + len("rejected"))  # a verb cue: no noun phrase to leave
    assert not am._takes_governor(doc, (doc[0].idx, doc[7].idx + len("stolen")), rejected)


def test_a_new_attributions_content_does_not_end_before_its_source_and_cue() -> None:
    doc = EntityLinker(NLP)(build(*RELATIVE_WITH_PHRASE))
    # the tagger's only content is the noun the relative clause hangs on ("a sharp turn for the
    # minister, who ... refused to negotiate": not "the minister")
    tagging = ("B-CON", "O", "B-SRC", "O", "O", "B-CUE", "O", "O", "O", "O", "O")
    assert _refined(doc, *tagging) == []
    am.OPTIONS["behind"] = False
    try:
        assert [doc.text[slice(*f.content)] for f in _refined(doc, *tagging)] == ["Castellar"]
    finally:
        am.OPTIONS["behind"] = True


EMPHATIC_HIMSELF = (
    "Castellar addressed the report himself later.",
    """
Castellar Castellar PROPN NNP nsubj 1 B-PERSON
addressed address VERB VBD ROOT 1
the the DET DT det 3
report report NOUN NN dobj 1
himself himself PRON PRP npadvmod 1
later later ADV RB advmod 1
. . PUNCT . punct 1
""",
)


def test_an_emphatic_himself_opens_no_content() -> None:
    doc = EntityLinker(NLP)(build(*EMPHATIC_HIMSELF))
    end = len(doc.text) - 1
    assert am._adjunct(doc, (doc[4].idx, end))  # "himself later"
    assert not am._adjunct(doc, (doc[2].idx, end))  # "the report himself later"
    assert _refined(doc, "B-SRC", "B-CUE", "I-CUE", "I-CUE", "B-CON", "I-CON", "O") == []
