"""The knowledge base's answers rendered for people: hand-built answers, the shapes the store returns."""

from __future__ import annotations

from rich.console import Console

from claimgraph.kbreport import provenance_tree, render_stories, render_timeline

STORY = {
    "id": "st_0123456789ab",
    "title": "Minister held secret talks with rebel commander before ceasefire, sources say",
    "first_reported": "2026-03-14T13:05:00+00:00",
    "reports": 2,
    "independent_sources": 1,
    "documents": [
        {"id": "d_1", "url": "https://a.example/1", "outlet": "Reuters", "published": "2026-03-14"}
    ],
    "origins": [
        {"name": "Reuters", "kind": "wire", "documents": ["d_1", "d_2"], "voices": [], "new_voice": False}
    ],
    "provenance": {
        "sources": [
            {
                "name": "Reuters",
                "kind": "wire",
                "new_voice": False,
                "documents": [
                    {
                        "id": "d_2",
                        "outlet": "The Tribune",
                        "published": "2026-03-14T17:40:00-03:00",
                        "origin": "credited",
                        "chains": [
                            {
                                "chain": [
                                    {"text": "The Tribune", "kind": "publisher", "count": None},
                                    {"text": "Reuters", "kind": "outlet", "count": None},
                                    {"text": "four sources", "kind": "anonymous", "count": 4},
                                ],
                                "statuses": {"reported": 1, "hedged": 2},
                            },
                            {
                                "chain": [{"text": "The Tribune", "kind": "publisher"}],
                                "statuses": {"asserted": 3},
                            },
                        ],
                    }
                ],
            }
        ]
    },
}


def rendered(draw, value) -> str:
    """What ``draw(value, console)`` prints on an 80-column console, as plain text."""
    console = Console(record=True, width=80, color_system=None)
    draw(value, console)
    return console.export_text()


def test_story_ids_dates_and_counts_are_never_wrapped() -> None:
    text = rendered(render_stories, [STORY])
    assert "st_0123456789ab" in text and "2026-03-14" in text
    assert "Minister held" in text


def test_the_provenance_tree_runs_from_source_to_document_to_chain() -> None:
    text = rendered(lambda story, console: console.print(provenance_tree(story)), STORY)
    assert "Reuters (wire; 1 report(s))" in text
    assert "The Tribune, 2026-03-14, credited: d_2" in text
    assert "Reuters (outlet) → four sources (anonymous, 4): 2 hedged, 1 reported" in text
    assert "its own voice: 3 asserted" in text


def test_timeline_rows_show_the_date_and_the_words_that_gave_it() -> None:
    rows = [
        {
            "kind": "event",
            "date": "2024",
            "when": {"text": "Two years ago", "value": "2024"},
            "type": "REJECT",
            "trigger": "refused",
            "document": "d_1",
        },
        {
            "kind": "claim",
            "date": "2026-03-14",
            "when": {"text": "2026-03-14", "value": "2026-03-14"},
            "content": "The talks began",
            "document": "d_2",
        },
    ]
    text = rendered(render_timeline, rows)
    assert "2024 (Two years ago)" in text and "REJECT: refused" in text
    assert "{'text'" not in text
