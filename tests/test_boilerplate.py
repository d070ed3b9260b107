"""clean_text and boilerplate_lines: what goes, what stays, and the shape of the result."""

from __future__ import annotations

import pytest

from claimgraph.analyze.boilerplate import boilerplate_lines, clean_text, rules

HEAD = "Port workers end strike after pay deal"
SUBHEAD = "The agreement ends a walkout that idled the harbour for nine days."
NEWS = [
    (
        "Dock workers in Puerto Llano voted on Sunday to accept a new contract, ending a strike that "
        "had left dozens of cargo ships waiting offshore, the union said."
    ),
    (
        "The deal raises wages by 12 percent over three years and adds a night-shift bonus, according "
        "to a copy of the agreement seen by the newspaper."
    ),
    (
        '"It is not everything we asked for, but it is a fair deal," union leader Marta Soler told '
        "reporters outside the port gates."
    ),
    (
        "The port authority said cargo handling would resume on Monday morning and that the backlog "
        "should clear within two weeks."
    ),
]


def article(*middle: str, end: tuple[str, ...] = ()) -> str:
    """Return a blank-line-separated article with ``middle`` after the first news paragraph."""
    return "\n\n".join([HEAD, SUBHEAD, NEWS[0], *middle, *NEWS[1:], *end])


def removed(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in boilerplate_lines(text)]


def reasons(text: str) -> list[str]:
    return [r for _, _, r in boilerplate_lines(text)]


# -- lines that go wherever they are -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "category"),
    [
        (
            "Vessels wait outside the harbour on Friday (Reference image)Photo © Lena Brandt /PortNews",
            "photo credit",
        ),
        (
            "Dock workers march in Puerto Llano. Photo © Carlos Mena / The Harbour Times",
            "photo credit",
        ),
        ("Photo © Harbour Times archive", "photo credit"),
        ("Photo: AP", "photo credit"),
        ("Image credit: Port Authority", "photo credit"),
        ("Photo by Jonas Lind on Unsplash", "photo credit"),
        ("Union members vote in Puerto Llano (File photo)", "photo credit"),
        (
            "Los estibadores votan en el puerto (Imagen de archivo)Foto © Ana Ruiz / Diario del Sur",
            "photo credit",
        ),
        ("Workers leave the port on Sunday. (AP Photo/Maria Gomez)", "photo credit"),
        ("Marta Soler speaks to reporters in Puerto Llano. REUTERS/Daniel Ortega", "photo credit"),
        (
            "A container ship waits offshore. Photographer: Ian Bell/AFP via Getty Images",
            "photo credit",
        ),
        ("Image source, Reuters", "photo credit"),
        ("Image caption, Dock workers vote in Puerto Llano on Sunday", "photo credit"),
        ("Credit...Lena Brandt for The Harbour Times", "photo credit"),
        ("Image 3 of 12", "image gallery"),
        ("Skip to main content", "reading aids"),
        ("___", "separator"),
        ("Follow AP's coverage of labour at https://apnews.example/hub/labour", "social follow"),
        ("Our Standards: The Harbour Trust Principles.", "standards note"),
        ("Related videos:", "related links"),
        ("Related: Shipping rates climb as strike drags on", "related links"),
        ("Read more:", "related links"),
        ("READ MORE: Why the port matters to the region", "related links"),
        ("Videos relacionados:", "related links"),
        ("Lee también: La huelga paraliza el puerto", "related links"),
        ("Read the full statement here.", "related links"),
        ("(h/t Harbour Watch.)", "related links"),
        ("Sign up for our newsletter", "newsletter prompt"),
        (
            "Sign up for The Morning Brief, our daily newsletter, to get the news in your inbox.",
            "newsletter prompt",
        ),
        ("Subscribe to The Harbour Times for unlimited access", "newsletter prompt"),
        ("Get breaking news alerts delivered to your inbox", "newsletter prompt"),
        ("Suscríbete a nuestro boletín", "newsletter prompt"),
        ("Share this article", "share buttons"),
        ("Share on Facebook", "share buttons"),
        ("Tweet", "share buttons"),
        ("Copy link", "share buttons"),
        ("Facebook | Twitter | WhatsApp | Email", "share buttons"),
        ("Compartir en WhatsApp", "share buttons"),
        (
            "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
            "cookie notice",
        ),
        ("Accept all cookies", "cookie notice"),
        ("Advertisement", "advertisement"),
        ("- ADVERTISEMENT -", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Publicidad", "advertisement"),
        ("Leave a comment", "comment prompt"),
        ("Comments (14)", "comment prompt"),
        ("Join the conversation", "comment prompt"),
        ("What do you think? Let us know in the comments", "comment prompt"),
        ("5 min read", "reading aids"),
        ("Listen to this article", "reading aids"),
        ("Follow Marta Soler on X @msoler", "social follow"),
        ("© 2026 The Harbour Times. All rights reserved.", "copyright notice"),
        ("Copyright 2026 Harbour Media Group", "copyright notice"),
    ],
)
def test_boilerplate_line_is_removed_in_the_middle(line, category):
    text = article(line)
    assert boilerplate_lines(text) == [(text.index(line), text.index(line) + len(line), category)]
    assert clean_text(text) == article()


@pytest.mark.parametrize(
    ("trailer", "category"),
    [
        (["Filed under:", "Shipping, Labour, Puerto Llano"], "filed under"),
        (["Filed under: Shipping, Labour"], "filed under"),
        (["Tags:", "strike", "port", "unions"], "filed under"),
        (["Archivado en: Economía, Trabajo"], "filed under"),
        (
            [
                "Related:",
                "Shipping rates climb as strike drags on",
                "Is the port ready for bigger ships?",
            ],
            "related links",
        ),
        (
            ["Most read", "Storm closes coastal road", "Council backs new ferry route"],
            "related links",
        ),
    ],
)
def test_boilerplate_trailer_takes_the_short_lines_after_it(trailer, category):
    text = article(end=tuple(trailer))
    assert removed(text) == trailer
    assert reasons(text)[0] == category
    assert clean_text(text) == article()


@pytest.mark.parametrize(
    "end",
    [
        (
            "Filed under:",
            "Harbour Times Newsroom",
            (
                "A team of journalists committed to covering the coast's ports, fisheries and the people who work them. "
                "We work every day to deliver accurate news and careful analysis."
            ),
        ),
        (
            "Harbour Times Editorial Team",
            "A team of journalists committed to covering the coast's ports and fisheries.",
        ),
        (
            "Share this article",
            "Jonas Lind",
            "Jonas Lind is a reporter covering labour and trade for The Harbour Times. He joined the paper in 2019.",
        ),
        (
            "Nadia Okafor is the Courier's transport correspondent in Puerto Llano. She has covered the port since 2018.",
        ),
        ("About the author: Jonas Lind covers labour for The Harbour Times from Puerto Llano.",),
        (
            "About The Harbour Times: an independent daily founded in 1921, covering the coast and its economy.",
        ),
        (
            "The Harbour Times Business Desk",
            "Our business team covers ports, shipping and trade from Puerto Llano and the capital.",
        ),
        (
            "Redacción Diario del Sur",
            "Equipo de periodistas dedicado a la actualidad del puerto y la región.",
        ),
    ],
)
def test_boilerplate_bios_and_team_credits_at_the_end_are_removed(end):
    text = article(end=end)
    assert removed(text) == list(end)
    assert clean_text(text) == article()


def test_boilerplate_seed_style_article_keeps_all_news_and_no_boilerplate():
    text = (
        f"{HEAD}\n\n\n\n{SUBHEAD}\n\n"
        "Marta Soler and port managers after the vote (Reference image)Photo © Lena Brandt /PortNews\n\n"
        "Related videos:\n\n" + "\n\n".join(NEWS) + "\n\n"
        "Filed under:\n\nPortNews Editorial Team\n\n"
        "A team of journalists committed to reporting on the ports of the coast and topics of regional "
        "interest. At PortNews, we work to deliver truthful news and critical analysis."
    )
    assert clean_text(text) == "\n\n".join([HEAD, SUBHEAD, *NEWS])
    assert reasons(text) == [
        "photo credit",
        "related links",
        "filed under",
        "team credit",
        "author bio",
    ]


# -- lines that stay ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The photo, which spread quickly on social media, showed the minister boarding a private jet.",
        "A photographer for the newspaper was injured during the protest, the union said.",
        "The ministry's weekly newsletter said on Friday that exports had fallen for a third month.",
        "Readers who subscribe to the print edition will receive the report free of charge, the publisher said.",
        "Shares in the shipping company fell 8 percent after the announcement.",
        "The share of cargo handled at night has doubled since 2020.",
        "Regulators said websites that use cookies to track visitors must now ask for consent first.",
        "The company spent more on advertising than on safety, the report found.",
        "Tags on the containers showed they had been loaded in Rotterdam.",
        "Comments by the minister on Tuesday angered the union.",
        '"Sign up for our newsletter," the flyer read, "and never miss a strike update."',
        '"Share this with everyone you know," Soler told the crowd.',
        "Related talks between the two unions are expected next month.",
        "Image quality from the port's cameras was too poor to identify the ship, police said.",
        "Follow-up inspections found no damage to the cranes.",
        "Credit card spending in the port city rose 4 percent in December, the central bank said.",
        "Our standards of safety have not changed, the port director insisted.",
        "Copyright lawyers for the shipping line have filed a separate complaint.",
        "About 200 workers attended the vote: most of them backed the deal.",
        "Watch officials inspected the site on Monday.",
    ],
)
def test_boilerplate_news_paragraph_stays_in_the_middle(line):
    text = article(line)
    assert boilerplate_lines(text) == []
    assert clean_text(text) == text


@pytest.mark.parametrize(
    "line",
    [
        "Marta Soler is a former dock worker who has led the union since 2015.",
        "The union's team is expected to meet port managers again on Thursday.",
        "The newsroom of the local radio station was evacuated during the protest, staff said.",
        "Jonas Lind, a reporter for the newspaper, was detained briefly by police during the strike.",
        "Read the full agreement on the union's website.",
    ],
)
def test_boilerplate_news_paragraph_stays_at_the_end(line):
    text = article(end=(line,))
    assert boilerplate_lines(text) == []


def test_boilerplate_long_prose_is_never_removed_even_if_it_starts_like_boilerplate():
    long_line = "Related: " + " ".join(["the strike hurt exporters across the region"] * 8)
    text = article(long_line)
    assert clean_text(text) == text


def test_boilerplate_trailer_in_the_middle_takes_only_itself():
    text = article("Filed under: Shipping", "Harbour Times")
    assert removed(text) == ["Filed under: Shipping"]


def test_boilerplate_name_line_goes_only_above_a_bio():
    text = article(end=("Jonas Lind",))
    assert removed(text) == []


# -- the shape of the cleaned text ---------------------------------------------------------------


def test_boilerplate_clean_text_separates_paragraphs_by_one_blank_line():
    text = f"  {HEAD}   \n\n\n\n{SUBHEAD}\t\n\nAdvertisement\n\n\n{NEWS[0]}  \n\n\n"
    assert clean_text(text) == f"  {HEAD}\n\n{SUBHEAD}\n\n{NEWS[0]}"


def test_boilerplate_clean_text_keeps_lines_of_one_block_together():
    text = f"{HEAD}\n{SUBHEAD}\nShare this article\n{NEWS[0]}\n\n{NEWS[1]}\r\n"
    assert clean_text(text) == f"{HEAD}\n{SUBHEAD}\n{NEWS[0]}\n\n{NEWS[1]}"


def test_boilerplate_clean_text_of_nothing_but_boilerplate_is_empty():
    assert clean_text("Advertisement\n\nShare this article\n\nSign up for our newsletter\n") == ""
    assert clean_text("") == "" and clean_text(" \n\n ") == ""


def test_boilerplate_clean_text_is_idempotent():
    text = article("Photo: AP", "Related videos:", end=("Filed under:", "Ports", "Share this article"))
    once = clean_text(text)
    assert clean_text(once) == once == article()


def test_boilerplate_lines_slice_the_text_they_name():
    text = "  Advertisement  \n" + article("Photo: AP")
    for start, end, reason in boilerplate_lines(text):
        assert text[start:end] == text[start:end].strip() and text[start:end]
        assert reason
    assert [text[s:e] for s, e, _ in boilerplate_lines(text)] == ["Advertisement", "Photo: AP"]


def test_boilerplate_rules_are_loaded_once_from_the_data_file():
    assert rules() is rules()
    categories = {r.category for r in rules()}
    assert {
        "photo credit",
        "related links",
        "filed under",
        "newsletter prompt",
        "share buttons",
        "cookie notice",
        "advertisement",
        "comment prompt",
        "author bio",
        "team credit",
    } <= categories
    assert {r.where for r in rules()} == {"anywhere", "end", "trailer", "keep"}


def test_boilerplate_seed_article_loses_only_its_boilerplate(seed_article):
    text = seed_article.read_text(encoding="utf-8")
    gone = removed(text)
    markers = ["Photo ©", "Related videos:", "Filed under:", "Editorial Team", "A team of journalists"]
    assert len(gone) == len(markers)
    for line, marker in zip(gone, markers, strict=True):
        assert marker in line
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    assert clean_text(text).split("\n\n") == [p for p in paragraphs if p not in gone]
