"""Unit tests of the cross-document layer on small hand-built claimgraph/1 documents."""

from __future__ import annotations

from typing import Any

from claimgraph.resolve import Judgement, resolve_corpus
from claimgraph.resolve.entities import name_key, resolve_entities
from claimgraph.resolve.provenance import is_wire
from claimgraph.resolve.text import fold, numbers


def make_doc(
    doc_id: str,
    *,
    outlet: str | None = "The Daily Post",
    published: str | None = "2026-01-10",
    text: str = "",
    title: str | None = None,
    entities: list[tuple[str, str]] | None = None,
    claims: list[dict[str, Any]] | None = None,
    roles: dict[str, list[dict[str, Any]]] | None = None,
    ages: dict[str, int] | None = None,
    events: list[str] | None = None,
    partial: bool = False,
) -> dict[str, Any]:
    """Build a minimal claimgraph/1 document.

    ``claims``: dicts with ``content``, ``status`` and ``chain``: a list of ``(kind, text)`` after the
    publisher (``[("outlet", "Reuters"), ("anonymous", "two officials")]``).
    """
    ents = []
    for i, (name, etype) in enumerate(entities or []):
        ents.append(
            {
                "id": f"e_{i}",
                "name": name,
                "type": etype,
                "mentions": [],
                "roles": (roles or {}).get(name, []),
                "age": (ages or {}).get(name),
            }
        )
    by_name = {e["name"]: e["id"] for e in ents}
    sources = [{"id": "s_pub", "kind": "publisher", "text": outlet or "the publisher", "entity": None,
                "start": None, "end": None, "count": None}]
    out_claims = []
    body = text
    for n, c in enumerate(claims or []):
        start = len(body) + 1
        body = body + " " + c["content"] + "."
        chain = ["s_pub"]
        for k, (kind, stext) in enumerate(c.get("chain", [])):
            sid = f"s_{n}_{k}"
            sources.append({"id": sid, "kind": kind, "text": stext, "entity": by_name.get(stext),
                            "start": None, "end": None, "count": None})
            chain.append(sid)
        out_claims.append(
            {
                "id": f"c_{n}",
                "content": {"start": start, "end": start + len(c["content"]), "text": c["content"]},
                "cue": None,
                "source": chain[-1],
                "chain": chain,
                "status": c.get("status", "reported" if len(chain) > 1 else "asserted"),
                "event": None,
                "hedges": [],
            }
        )
    return {
        "schema": "claimgraph/1",
        "analysis": {"partial": partial},
        "document": {"id": doc_id, "url": None, "outlet": outlet, "published": published, "title": title,
                     "language": "en", "author": None, "text": body},
        "entities": ents,
        "sources": sources,
        "claims": out_claims,
        "events": [{"id": f"v_{i}", "type": t} for i, t in enumerate(events or [])],
        "times": [],
        "relations": [],
    }


def entity_named(resolution, name):
    return next(g for g in resolution.entities if name in g.aliases)


# -- text helpers -------------------------------------------------------------------------------


def test_fold_ignores_accents_case_and_punctuation():
    assert fold("Nicolás  Maduro") == fold("NICOLAS maduro") == "nicolas maduro"
    assert name_key("The Associated Press") == name_key("AP") == fold("Associated Press")
    assert name_key("Naviera Atlántida S.A.") == name_key("Naviera Atlantida")


def test_number_words_are_parsed():
    values = [v for v, *_ in numbers("about a dozen leaders, 20 commanders, una docena, $2.4 million, twenty-five")]
    assert values == [12, 20, 12, 2_400_000, 25]


def test_wire_services_come_from_the_gazetteer():
    assert is_wire("Reuters") and is_wire("AP") and is_wire("Agence France-Presse") and is_wire("EFE")
    assert not is_wire("The Daily Post")


# -- entities ----------------------------------------------------------------------------------


def test_accents_and_partial_names_merge_into_the_full_name():
    docs = [
        make_doc("d_1", entities=[("Nicolás Maduro", "person")]),
        make_doc("d_2", entities=[("Nicolas Maduro", "person"), ("Maduro", "person")]),
        make_doc("d_3", entities=[("Maduro Moros", "person")]),
    ]
    entities, members = resolve_entities(docs)
    people = [g for g in entities if g.type == "person"]
    assert len(people) == 1
    assert people[0].name == "Nicolás Maduro"
    assert set(people[0].aliases) == {"Nicolás Maduro", "Nicolas Maduro", "Maduro", "Maduro Moros"}
    assert set(people[0].documents) == {"d_1", "d_2", "d_3"}
    assert len(set(members.values())) == 1


def test_two_full_names_sharing_a_surname_stay_apart_and_the_surname_alone_is_ambiguous():
    docs = [
        make_doc("d_1", entities=[("Fidel Castro", "person")]),
        make_doc("d_2", entities=[("Raúl Castro", "person")]),
        make_doc("d_3", entities=[("Castro", "person")]),
    ]
    entities, _ = resolve_entities(docs)
    names = sorted(g.name for g in entities)
    assert names == ["Castro", "Fidel Castro", "Raúl Castro"]


def test_a_given_name_alone_does_not_join_a_full_name():
    entities, _ = resolve_entities([make_doc("d_1", entities=[("Donald Trump", "person"), ("Donald", "person")])])
    assert len(entities) == 2


def test_acronyms_join_their_expansion():
    docs = [
        make_doc("d_1", entities=[("Frente Campesino del Norte", "organization"), ("Associated Press", "outlet")]),
        make_doc("d_2", entities=[("FCN", "organization"), ("AP", "outlet"), ("Frente Campesino", "organization")]),
    ]
    entities, _ = resolve_entities(docs)
    fcn = next(g for g in entities if "FCN" in g.aliases)
    assert fcn.name == "Frente Campesino del Norte" and "Frente Campesino" in fcn.aliases
    ap = next(g for g in entities if g.type == "outlet")
    assert ap.name == "Associated Press" and set(ap.documents) == {"d_1", "d_2"}


def test_spelling_variants_of_one_full_name_merge_with_rapidfuzz():
    docs = [
        make_doc("d_1", entities=[("Volodymyr Zelensky", "person")]),
        make_doc("d_2", entities=[("Volodymyr Zelenskyy", "person")]),
        make_doc("d_3", entities=[("Maria Lopez", "person"), ("Mario Lopez", "person")]),
    ]
    entities, _ = resolve_entities(docs)
    assert len([g for g in entities if "Volodymyr" in g.name]) == 1
    assert len([g for g in entities if "Lopez" in g.name]) == 2


def test_type_is_the_majority_of_the_members():
    docs = [
        make_doc("d_1", entities=[("Rodrigo Castellar", "person")]),
        make_doc("d_2", entities=[("Rodrigo Castellar", "person")]),
        make_doc("d_3", entities=[("Rodrigo Castellar", "organization")]),
    ]
    entities, _ = resolve_entities(docs)
    assert [g.type for g in entities] == ["person"]


def test_roles_and_ages_are_dated_by_publication():
    role = {"title": "governor", "of": None, "modifiers": [], "text": "Governor", "start": 0, "end": 8}
    minister = {"title": "interior minister", "of": "e_1", "modifiers": [], "text": "Interior Minister",
                "start": 0, "end": 17}
    docs = [
        make_doc("d_old", published="2024-03-09", entities=[("Rodrigo Castellar", "person")],
                 roles={"Rodrigo Castellar": [role]}, ages={"Rodrigo Castellar": 56}),
        make_doc("d_new", published="2026-03-14", entities=[("Rodrigo Castellar", "person"), ("Esterra", "place")],
                 roles={"Rodrigo Castellar": [minister]}, ages={"Rodrigo Castellar": 58}),
    ]
    entities, _ = resolve_entities(docs)
    person = next(g for g in entities if g.type == "person")
    esterra = next(g for g in entities if g.name == "Esterra")
    assert [(r.title, r.date) for r in person.roles] == [("governor", "2024-03-09"), ("interior minister", "2026-03-14")]
    assert person.roles[1].of == esterra.id and person.roles[1].of_name == "Esterra"
    assert [(a["age"], a["date"]) for a in person.ages] == [(56, "2024-03-09"), (58, "2026-03-14")]


def test_global_ids_are_stable_hashes_of_type_and_name():
    one, _ = resolve_entities([make_doc("d_1", entities=[("Inés Marburg", "person")])])
    two, _ = resolve_entities([make_doc("d_9", entities=[("Ines Marburg", "person"), ("Marburg", "person")])])
    assert one[0].id.startswith("g_")
    assert one[0].id == two[0].id


def test_judgements_merge_and_split_by_name_and_by_id():
    docs = [
        make_doc("d_1", entities=[("Nicolás Maduro", "person"), ("Hugo Chávez", "person")]),
        make_doc("d_2", entities=[("Maduro", "person"), ("El Comandante", "person")]),
    ]
    base, _ = resolve_entities(docs)
    assert len(base) == 3
    split, _ = resolve_entities(docs, [Judgement("split", "Maduro", "Nicolás Maduro")])
    assert len(split) == 4
    chavez = next(g for g in base if g.name == "Hugo Chávez")
    merged, members = resolve_entities(docs, [Judgement("merge", "El Comandante", chavez.id)])
    assert len(merged) == 2
    assert members["d_2/e_1"] == members["d_1/e_1"]
    # a split wins over the rules, and judgements survive re-resolution with more documents
    more = docs + [make_doc("d_3", entities=[("Maduro", "person")])]
    again, _ = resolve_entities(more, [Judgement("split", "Maduro", "Nicolás Maduro")])
    assert sorted(g.name for g in again) == ["El Comandante", "Hugo Chávez", "Maduro", "Nicolás Maduro"]


# -- stories and provenance --------------------------------------------------------------------

WIRE_TEXT = (
    "VILLASERENA, March 14 (Reuters) - The interior minister held secret talks with the rebel commander "
    "months before the ceasefire, three people familiar with the talks said. The contacts began in October "
    "and the minister offered to suspend a dozen arrest warrants against rebel leaders in exchange for the "
    "lifting of roadblocks on the northern highway, two of the people said."
)
PEOPLE = [("Rodrigo Castellar", "person"), ("Mateo Quiroga", "person"), ("Frente Campesino", "organization")]


def wire_doc(doc_id="d_wire", published="2026-03-14"):
    return make_doc(
        doc_id, outlet="Reuters", published=published, text=WIRE_TEXT, title="Minister held secret talks",
        entities=PEOPLE, events=["CONSULT"],
        claims=[
            {"content": "Castellar offered to suspend a dozen arrest warrants against rebel leaders in exchange "
                        "for lifting the roadblocks", "chain": [("anonymous", "two of the people")], "status": "hedged"},
            {"content": "Castellar met Quiroga at least twice before the ceasefire was signed",
             "chain": [("anonymous", "a senior official")]},
        ],
    )


def credited_doc(doc_id="d_cred", published="2026-03-15", number="20"):
    return make_doc(
        doc_id, outlet="Meridian Dispatch", published=published, title="Minister held back-channel talks, report says",
        text="The interior minister opened a back channel to the rebels, Reuters reported.",
        entities=PEOPLE + [("Reuters", "outlet")], events=["CONSULT"],
        claims=[
            {"content": f"Castellar allegedly offered to suspend arrest warrants against {number} rebel leaders in "
                        "exchange for lifting the roadblocks", "chain": [("outlet", "Reuters")]},
            {"content": "the two men met at least twice before the ceasefire was signed",
             "chain": [("outlet", "Reuters"), ("anonymous", "a senior government official")]},
        ],
    )


def denial_doc(doc_id="d_deny", published="2026-03-16"):
    return make_doc(
        doc_id, outlet="The Villaserena Observer", published=published, title="Government denies talks",
        text="The government denied the report.",
        entities=PEOPLE + [("Clara Benavides", "person")], events=["REJECT"],
        claims=[
            {"content": "Castellar met Quiroga before the ceasefire", "chain": [("person", "Clara Benavides")],
             "status": "denied"},
            {"content": "arrest warrants against rebel leaders were offered in exchange for lifting the roadblocks",
             "chain": [("person", "Clara Benavides")], "status": "denied"},
        ],
    )


def test_a_wire_and_its_credited_rereport_are_one_story_and_one_source():
    r = resolve_corpus([wire_doc(), credited_doc()])
    assert len(r.stories) == 1
    story = r.stories[0]
    assert story.reports == 2 and story.independent_sources == 1
    assert story.documents[0] == "d_wire" and story.title == "Minister held secret talks"
    origins = {o.document: o for o in r.origins}
    assert origins["d_wire"].kind == "wire" and origins["d_wire"].name == "Reuters"
    assert origins["d_cred"].kind == "credited" and origins["d_cred"].name == "Reuters"
    assert origins["d_cred"].via == "d_wire"
    assert story.evidence and story.evidence[0]["reason"].startswith("shared entities")


def test_a_denial_is_a_new_independent_source_and_a_conflict():
    r = resolve_corpus([wire_doc(), credited_doc(), denial_doc()])
    story = r.stories[0]
    assert story.reports == 3 and story.independent_sources == 2
    observer = next(o for o in story.origins if o.name == "The Villaserena Observer")
    assert observer.kind == "original" and observer.new_voice
    kinds = sorted(c.kind for c in story.conflicts)
    assert kinds.count("denial") == 2 and "number" in kinds
    number = next(c for c in story.conflicts if c.kind == "number")
    assert number.values == ["20", "12"]
    assert number.claims[0].startswith("d_cred/")


def test_close_numbers_are_no_conflict():
    r = resolve_corpus([wire_doc(), credited_doc(number="about 12")])
    assert not [c for c in r.stories[0].conflicts if c.kind == "number"]


def test_same_people_two_years_apart_are_two_stories():
    old = make_doc("d_old", outlet="The Daily Post", published="2024-03-09", text="The rebels blocked the highway.",
                   entities=PEOPLE, events=["CONSULT"], title="Rebels block the highway",
                   claims=[{"content": "the rebels blocked the highway at three points on Thursday"}])
    r = resolve_corpus([wire_doc(), old])
    assert len(r.stories) == 2


def test_same_week_without_shared_people_are_two_stories():
    other = make_doc("d_port", outlet="AP", published="2026-03-14", text="PUERTO ALBA (AP) — A port chief was charged.",
                     entities=[("Gustavo Ferrán", "person"), ("Esterra", "place"), ("Reuters", "outlet")],
                     events=["ACCUSE"], title="Port chief charged")
    r = resolve_corpus([wire_doc(), other])
    assert len(r.stories) == 2


def test_an_undated_uncredited_copy_joins_by_text_and_rests_on_the_wire():
    copy_text = WIRE_TEXT.replace("(Reuters) ", "").replace("secret", "private")
    copy = make_doc("d_copy", outlet=None, published=None, text=copy_text, entities=PEOPLE)
    r = resolve_corpus([wire_doc(), copy])
    assert len(r.stories) == 1 and r.stories[0].independent_sources == 1
    origin = next(o for o in r.origins if o.document == "d_copy")
    assert origin.kind == "copy" and origin.via == "d_wire" and origin.name == "Reuters"
    assert origin.evidence[0]["similarity"] >= 0.5
    assert r.stories[0].documents[-1] == "d_copy"


def test_a_partial_spanish_rereport_is_credited_from_its_text():
    text = ("El ministro Rodrigo Castellar mantuvo conversaciones secretas con Mateo Quiroga, según informó el "
            "sábado la agencia Reuters. Los contactos habrían comenzado en octubre, de acuerdo con tres personas "
            "citadas por la agencia. Castellar ofreció suspender una docena de órdenes de captura.")
    es = make_doc("d_es", outlet="Diario Esterrense", published="2026-03-15", text=text, partial=True,
                  entities=PEOPLE + [("Reuters", "outlet")])
    r = resolve_corpus([wire_doc(), es])
    assert len(r.stories) == 1 and r.stories[0].independent_sources == 1
    origin = next(o for o in r.origins if o.document == "d_es")
    assert origin.kind == "credited" and origin.name == "Reuters"
    assert any("Reuters" in e["text"] for e in origin.evidence)


def test_one_outlets_own_reports_count_once():
    a = make_doc("d_a", published="2024-03-09", text="Own reporting.", entities=PEOPLE, events=["CONSULT"],
                 title="Rebels cut the highway", claims=[{"content": "the governor refused to negotiate with the rebels",
                                                          "chain": [("person", "Rodrigo Castellar")]}])
    b = make_doc("d_b", published="2024-03-13", text="Own reporting.", entities=PEOPLE, events=["CONSULT"],
                 title="Army reopens the highway", claims=[{"content": "the army reopened the highway",
                                                            "chain": [("organization", "the Defence Ministry")]}])
    r = resolve_corpus([a, b])
    assert [(s.reports, s.independent_sources) for s in r.stories] == [(2, 1)]
    assert r.stories[0].origins[0].kind == "original"


def test_empty_corpus():
    r = resolve_corpus([])
    assert r.entities == [] and r.stories == [] and r.origins == []


def test_shared_people_do_not_chain_a_running_saga_into_one_story():
    days = ["2026-01-01", "2026-01-21", "2026-02-10", "2026-03-02", "2026-03-22"]
    docs = [
        make_doc(f"d_{i}", published=day, text=f"Report number {i}.", entities=PEOPLE, events=["CONSULT"],
                 title=f"Talks continue, round {i}")
        for i, day in enumerate(days)
    ]
    r = resolve_corpus(docs)
    assert len(r.stories) >= 2
    for s in r.stories:
        dates = sorted(next(d for d in docs if d["document"]["id"] == i)["document"]["published"] for i in s.documents)
        assert (int(dates[-1][5:7]) - int(dates[0][5:7])) <= 2


def test_a_judgement_may_name_the_id_of_a_judged_cluster():
    docs = [
        make_doc("d_1", entities=[("Hugo Chávez", "person"), ("El Comandante", "person")]),
        make_doc("d_2", entities=[("Comandante Eterno", "person")]),
    ]
    first = [Judgement("merge", "El Comandante", "Hugo Chávez")]
    merged, _ = resolve_entities(docs, first)
    chavez = next(g for g in merged if g.name == "Hugo Chávez")
    again, members = resolve_entities(docs, first + [Judgement("merge", chavez.id, "Comandante Eterno")])
    assert len(again) == 1
    assert len(set(members.values())) == 1


def test_a_date_after_before_dates_the_reference_event_not_the_claim():
    from claimgraph.resolve.claims import collect

    content = "the talks began in October, months before the ceasefire announced in February"
    doc = make_doc("d_t", claims=[{"content": content, "chain": [("outlet", "Reuters")]}])
    start = doc["claims"][0]["content"]["start"]

    def time(text: str, value: str) -> dict[str, Any]:
        at = start + content.index(text)
        return {"start": at, "end": at + len(text), "text": text, "value": value, "granularity": "month"}

    doc["times"] = [time("October", "2025-10"), time("February", "2026-02")]
    (info,) = collect([doc], {"d_t": "2026-03-14"})
    assert [value for value, _, _ in info.times] == ["2025-10"]
